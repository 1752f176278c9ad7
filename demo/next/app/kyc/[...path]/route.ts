// The signing server inside Next.js: every /kyc/* request goes to createKycHandler's fetch handler.
import { randomBytes } from 'node:crypto';
import { createKycHandler, EKO_UAT_CREDENTIALS, type KycHandler } from '@digilocker-kyc/server';

// Node's runtime (the server signs with node:crypto and calls Eko with undici), never cached.
export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

let handler: KycHandler | undefined;

/**
 * Created on the first request, not at import: `next build` imports route modules, and the
 * sandbox's address is only known when the app starts. This demo talks to the sandbox only
 * (Eko's public UAT keys); a real app passes its own Eko keys and SESSION_SECRET.
 */
function kyc(): KycHandler {
  if (handler) return handler;
  const ekoBaseUrl = process.env.EKO_BASE_URL;
  const origin = process.env.DEMO_ORIGIN ?? 'http://localhost:3000';
  if (!ekoBaseUrl) {
    throw new Error('Set EKO_BASE_URL to the sandbox API, e.g. http://127.0.0.1:8081/ekoapi/v3');
  }
  handler = createKycHandler({
    basePath: '/kyc',
    eko: { baseUrl: ekoBaseUrl, ...EKO_UAT_CREDENTIALS },
    allowedOrigins: [origin],
    publicBaseUrl: `${origin}/kyc`,
    // The sandbox's simulated DigiLocker page is plain http on loopback.
    testing: { insecureUrlOrigins: [new URL(ekoBaseUrl).origin] },
    // One process: a fresh secret per start is enough for a demo.
    sessionSecrets: process.env.SESSION_SECRET ?? randomBytes(32).toString('base64url'),
    // Behind one proxy (Vercel, a load balancer), whose X-Forwarded-For names the client. Next
    // itself only adds that header when the client sent none, so a directly exposed `next start`
    // would let a client pick its own rate-limit key.
    clientAddress: { trustProxyHops: 1 },
  });
  return handler;
}

const handle = (request: Request): Promise<Response> => kyc().fetch(request);

// Every method: the handler answers 405 (with Allow) and preflights itself.
export {
  handle as DELETE,
  handle as GET,
  handle as HEAD,
  handle as OPTIONS,
  handle as PATCH,
  handle as POST,
  handle as PUT,
};
