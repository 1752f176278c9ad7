// The options the library-hosted bench targets share: the standalone server's, against the Eko double.
import { randomBytes } from 'node:crypto';
import { createLogger, EKO_UAT_CREDENTIALS } from '@digilocker-kyc/server';
import { PAGE_ORIGIN } from '../lib/server-process.mjs';

/** As the standalone server runs in the bench: UAT keys, limiter off, info logs to stdout. */
export function benchOptions() {
  const baseUrl = process.env.EKO_BASE_URL;
  return {
    eko: { ...EKO_UAT_CREDENTIALS, baseUrl },
    allowedOrigins: [PAGE_ORIGIN],
    publicBaseUrl: 'http://127.0.0.1/kyc',
    sessionSecrets: randomBytes(32).toString('base64url'),
    limits: { rateLimit: { perMinute: 0 } },
    logger: createLogger('info'),
  };
}

/** Prints `<name> listening on <url>` once the server listens, as run.mjs waits for. */
export function announce(name, server) {
  server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
    process.stdout.write(`${name} listening on http://127.0.0.1:${server.address().port}\n`);
  });
  process.on('SIGTERM', () => server.close(() => process.exit(0)));
}
