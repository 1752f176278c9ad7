// The whole server-side journey over real loopback HTTP: our app + the sandbox, nothing mocked.
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp, type KycApp } from './app.js';
import { loadConfig } from './config.js';
import { createEkoClient } from './eko-client.js';
import { createLogger } from './logger.js';
import { createSandbox, type RunningSandbox } from './sandbox/index.js';
import { verifySessionToken } from './session-token.js';

const PAGE = 'http://merchant.test';
let sandbox: RunningSandbox;
let kyc: KycApp;
let server: Server;

afterEach(async () => {
  server?.closeAllConnections();
  server?.close();
  await kyc?.close();
  await sandbox?.close();
});

async function start(faults?: string) {
  sandbox = await createSandbox(faults ? { faults } : {}).listen(0, '127.0.0.1');
  const base = loadConfig({ ALLOWED_ORIGINS: PAGE, LOG_LEVEL: 'silent' });
  server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const config = {
    ...base,
    publicBaseUrl: `${url}/kyc`,
    eko: { ...base.eko, baseUrl: sandbox.apiBaseUrl },
  };
  kyc = createApp({ config, logger: createLogger('silent'), router: { widgetAssets: false } });
  server.on('request', kyc.app);
  return { url, config };
}

async function createAttempt(url: string) {
  const res = await fetch(`${url}/kyc/sessions`, {
    method: 'POST',
    headers: { origin: PAGE, 'x-digilocker-kyc': '1', 'content-type': 'application/json' },
    body: JSON.stringify({ documents: ['AADHAAR'] }),
  });
  expect(res.status).toBe(201);
  return (await res.json()) as {
    reference_id: string;
    url: string;
    state: string;
    session_token: string;
    redirect_url: string;
  };
}

async function decide(consentUrl: string, decision: 'approve' | 'deny') {
  const page = await fetch(consentUrl);
  expect(page.status).toBe(200);
  const session = /name="session" value="([^"]+)"/.exec(await page.text())?.[1];
  const res = await fetch(new URL('/digilocker/consent', consentUrl), {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ session: session ?? '', decision, persona: 'adult' }),
  });
  expect(res.status).toBe(303);
  return new URL(res.headers.get('location') ?? '');
}

const status = async (url: string, attempt: { reference_id: string; session_token: string }) =>
  (await (
    await fetch(`${url}/kyc/sessions/${attempt.reference_id}`, {
      headers: { authorization: `Bearer ${attempt.session_token}` },
    })
  ).json()) as { status: string };

describe('sandbox journey through the signing server', () => {
  it('create → consent page → approve → our return page → consented → document', async () => {
    const { url, config } = await start();
    const attempt = await createAttempt(url);
    expect(new URL(attempt.url).origin).toBe(sandbox.origin);
    expect(await status(url, attempt)).toMatchObject({ status: 'pending' });

    const back = await decide(attempt.url, 'approve');
    expect(`${back.origin}${back.pathname}`).toBe(`${url}/kyc/return/${attempt.state}`);
    const verificationId = back.searchParams.get('verification_id');
    expect(verificationId).toBeTruthy();
    const page = await fetch(back);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(`content="${attempt.state}"`);

    // The pending reply was cached for 1 s; a fresh token-holder sees consent after it.
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    expect(await status(url, attempt)).toMatchObject({ status: 'consented' });

    // The merchant's backend: verify the token, then fetch the document server-side.
    const claims = verifySessionToken(attempt.session_token, {
      secrets: config.sessionSecrets,
      now: Date.now(),
    });
    const eko = createEkoClient(config.eko);
    const { documents } = await eko.getDocument({
      referenceId: claims.reference_id,
      verificationId: verificationId ?? undefined,
    });
    await eko.close();
    expect(documents[0]?.masked_aadhaar).toMatch(/^XXXX-XXXX-\d{4}$/);
    expect(documents[0]?.name).toBeTruthy();
  });

  it('deny → denied', async () => {
    const { url } = await start();
    const attempt = await createAttempt(url);
    await decide(attempt.url, 'deny');
    expect(await status(url, attempt)).toMatchObject({ status: 'denied' });
  });

  it('a sandbox 503 surfaces as upstream_error with retryable true', async () => {
    const { url } = await start('error=503');
    const res = await fetch(`${url}/kyc/sessions`, {
      method: 'POST',
      headers: { origin: PAGE, 'x-digilocker-kyc': '1', 'content-type': 'application/json' },
      body: '{}',
    });
    expect(res.status).toBe(502);
    expect(((await res.json()) as { error: object }).error).toMatchObject({
      code: 'upstream_error',
      retryable: true,
    });
  });
});
