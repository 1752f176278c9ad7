// The whole server-side journey over real loopback HTTP: our app + the sandbox, nothing mocked.
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { RECEIPT_HEADER } from '@digilocker-kyc/shared';
import { afterEach, describe, expect, it } from 'vitest';
import type { KycCompletion, OnComplete } from '../core/completion.js';
import { verifySessionToken } from '../core/session-token.js';
import { fetchVerifiedDocument } from '../core/verified-document.js';
import { createEkoClient } from '../eko/client.js';
import { createLogger } from '../observability/logger.js';
import { createSandbox, type RunningSandbox } from '../sandbox/index.js';
import { createApp, type KycApp } from './app.js';
import { loadConfig } from './config.js';

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

async function start(faults?: string, onComplete?: OnComplete, lines?: string[]) {
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
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines?.push(String(chunk));
      done();
    },
  });
  kyc = createApp({
    config,
    logger: lines ? createLogger('info', sink) : createLogger('silent'),
    router: { widgetAssets: false, ...(onComplete ? { hooks: { onComplete } } : {}) },
  });
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
  // What the starting browser keeps: its binding cookie, sent back on the return.
  const binding = res.headers.getSetCookie().map((line) => line.split(';')[0]!);
  expect(binding).toHaveLength(1);
  const reply = (await res.json()) as {
    reference_id: string;
    url: string;
    state: string;
    session_token: string;
  };
  return { ...reply, cookie: binding[0]! };
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

const status = async (
  url: string,
  attempt: { reference_id: string; session_token: string },
  receipt?: string,
) =>
  (await (
    await fetch(`${url}/kyc/sessions/${attempt.reference_id}`, {
      headers: {
        authorization: `Bearer ${attempt.session_token}`,
        ...(receipt ? { [RECEIPT_HEADER]: receipt } : {}),
      },
    })
  ).json()) as { status: string; completion_token?: string };

describe('sandbox journey through the signing server', () => {
  it('create → consent page → approve → the bound return → receipt → completion token → document', async () => {
    const completions: KycCompletion[] = [];
    const { url, config } = await start(undefined, (c) => {
      completions.push(c);
    });
    const attempt = await createAttempt(url);
    expect(new URL(attempt.url).origin).toBe(sandbox.origin);
    expect(await status(url, attempt)).toMatchObject({ status: 'pending' });

    const back = await decide(attempt.url, 'approve');
    expect(`${back.origin}${back.pathname}`).toMatch(
      new RegExp(`^${url}/kyc/return/${attempt.state}/[A-Za-z0-9_-]{43}$`),
    );
    const verificationId = back.searchParams.get('verification_id');
    expect(verificationId).toBeTruthy();
    // The link forwarded to another browser (no binding cookie): the warning, no receipt.
    const elsewhere = await fetch(back, { redirect: 'manual' });
    expect(elsewhere.status).toBe(303);
    expect(elsewhere.headers.get('location')).toBe('/kyc/foreign-return');
    // The browser that started it: the return page with a receipt.
    const page = await fetch(back, { headers: { cookie: attempt.cookie } });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(`content="${attempt.state}"`);
    const receipt = /name="dlkyc-receipt" content="([^"]+)"/.exec(html)?.[1];
    expect(receipt).toBeTruthy();

    // The pending reply was cached for 1 s; after it, consent with the receipt completes.
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    expect(await status(url, attempt)).toEqual({
      reference_id: attempt.reference_id,
      status: 'consented',
      documents: ['AADHAAR'],
    });
    const done = await status(url, attempt, receipt);
    expect(done.status).toBe('consented');
    expect(done.completion_token).toBeTruthy();

    // The merchant's backend: the create-time token is refused, the completion token accepted.
    expect(() =>
      verifySessionToken(attempt.session_token, {
        secrets: config.sessionSecrets,
        now: Date.now(),
      }),
    ).toThrow(/^return_not_seen/);
    const eko = createEkoClient(config.eko);
    const { claims, document } = await fetchVerifiedDocument(done.completion_token, {
      secrets: config.sessionSecrets,
      subject: null,
      eko,
      ...(verificationId ? { verificationId } : {}),
    });
    await eko.close();
    expect(claims.reference_id).toBe(attempt.reference_id);
    const { documents } = document;
    expect(documents[0]?.masked_aadhaar).toMatch(/^XXXX-XXXX-\d{4}$/);
    expect(documents[0]?.name).toBeTruthy();
    // The server knew without the page: onComplete fired once, ids only.
    await expect.poll(() => completions.length).toBe(1);
    expect(completions[0]).toEqual({
      reference_id: attempt.reference_id,
      documents: ['AADHAAR'],
      returned_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
  });

  it('the leaky-link fault: a link embedding the return URL fails the create; nothing reaches the browser', async () => {
    const lines: string[] = [];
    const { url } = await start('leaky-link', undefined, lines);
    const res = await fetch(`${url}/kyc/sessions`, {
      method: 'POST',
      headers: { origin: PAGE, 'x-digilocker-kyc': '1', 'content-type': 'application/json' },
      body: '{}',
    });
    expect(res.status).toBe(502);
    const body = await res.text();
    expect(JSON.parse(body).error).toMatchObject({ code: 'upstream_unsafe_url', retryable: false });
    expect(body).not.toMatch(/digilocker\/|redirect_uri|\/kyc\/return/);
    expect(res.headers.getSetCookie()).toEqual([]);
    const refused = lines.map((line) => JSON.parse(line)).find((e) => e.level === 50);
    expect(refused?.msg).toMatch(/embeds this attempt's return URL/);
    expect(lines.join('\n')).not.toMatch(/\/kyc\/return\/[A-Za-z0-9_-]+\/[A-Za-z0-9_-]{43}/);
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
