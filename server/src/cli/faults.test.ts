// Upstream faults from the real sandbox, through the real app over loopback: every fault is
// answered in time with the fixed error body, sockets are released, and the breaker trips.
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Pool } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../observability/logger.js';
import { createSandbox, type RunningSandbox } from '../sandbox/index.js';
import { createApp, type KycApp } from './app.js';
import { loadConfig } from './config.js';

const PAGE = 'http://merchant.test';
let sandbox: RunningSandbox;
let kyc: KycApp;
let server: Server;
let upstream: Pool;

afterEach(async () => {
  server.closeAllConnections();
  server.close();
  await kyc.close();
  await upstream.close();
  await sandbox.close();
});

async function start(router: Parameters<typeof createApp>[0]['router'] = {}) {
  sandbox = await createSandbox({ slowBodyMs: 4_000 }).listen(0, '127.0.0.1');
  upstream = new Pool(sandbox.origin, { connections: 16 });
  const base = loadConfig({
    ALLOWED_ORIGINS: PAGE,
    LOG_LEVEL: 'silent',
    RATE_LIMIT_PER_MINUTE: '0',
  });
  const config = { ...base, eko: { ...base.eko, baseUrl: sandbox.apiBaseUrl } };
  kyc = createApp({
    config,
    dispatcher: upstream,
    logger: createLogger('silent'),
    router: {
      widgetAssets: false,
      eko: { ...config.eko, timeouts: { deadlineMs: 1_000 } },
      ...router,
    },
  });
  server = createServer(kyc.app);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function arm(faults: string, times = 1) {
  const res = await fetch(`${sandbox.origin}/__sandbox/faults`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ faults, times, scope: 'api' }),
  });
  expect(res.status).toBeLessThan(300);
}

async function createRequests(): Promise<number> {
  const res = await fetch(`${sandbox.origin}/__sandbox/attempts`);
  return ((await res.json()) as { create_requests: number }).create_requests;
}

async function create(url: string) {
  const started = performance.now();
  const res = await fetch(`${url}/kyc/sessions`, {
    method: 'POST',
    headers: { origin: PAGE, 'x-digilocker-kyc': '1', 'content-type': 'application/json' },
    body: '{}',
  });
  const body = (await res.json()) as {
    error?: { code: string; message: string; retryable: boolean };
  };
  return { status: res.status, body, ms: performance.now() - started };
}

describe('sandbox faults through the server', () => {
  it.each([
    ['latency past the deadline', 'latency=3000', 504, 'upstream_timeout'],
    ['a slow body past the deadline', 'slow-body', 504, 'upstream_timeout'],
    ['a reset mid-body', 'reset', 502, 'upstream_error'],
    ['malformed JSON', 'malformed', 502, 'upstream_malformed'],
    ['an HTML error page', 'error=502', 502, 'upstream_error'],
    ['an HTTP 503', 'error=503', 502, 'upstream_error'],
  ])(
    '%s (%s) → %d %s within the deadline + 0.5 s, and the socket is released',
    async (_name, fault, status, code) => {
      const url = await start();
      await arm(fault);
      const res = await create(url);
      expect(res.status).toBe(status);
      expect(res.body.error).toMatchObject({ code, retryable: true });
      expect(res.ms).toBeLessThan(1_500);
      // The fixed message for the code: nothing from the upstream body leaks into it.
      expect(res.body.error?.message).not.toMatch(/<|html|sandbox/i);
      // Released within a second: on a loaded machine the aborted socket takes a moment to close.
      await expect.poll(() => upstream.stats.running, { timeout: 1_000 }).toBe(0);
      expect(upstream.stats.pending).toBe(0);
      // The next call works: nothing stuck.
      expect((await create(url)).status).toBe(201);
    },
  );

  it('repeated failures open the breaker (503 + Retry-After, no upstream call), then it half-opens', async () => {
    const url = await start({ limits: { breaker: { resetTimeoutMs: 400, volumeThreshold: 10 } } });
    await arm('error=500', 10);
    for (let i = 0; i < 10; i++) expect((await create(url)).status).toBe(502);
    const before = await createRequests();

    const res = await fetch(`${url}/kyc/sessions`, {
      method: 'POST',
      headers: { origin: PAGE, 'x-digilocker-kyc': '1', 'content-type': 'application/json' },
      body: '{}',
    });
    expect(res.status).toBe(503);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe(
      'upstream_unavailable',
    );
    expect(await createRequests()).toBe(before);

    await new Promise((resolve) => setTimeout(resolve, 450));
    expect((await create(url)).status).toBe(201);
    expect(await createRequests()).toBe(before + 1);
  });
});
