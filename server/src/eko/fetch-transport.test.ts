// The Eko client over fetch (Bun, Deno, Workers), exercised on Node against loopback servers.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createEkoClient } from './client.js';

const servers: Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

async function eko(handler: Parameters<typeof createServer>[1]): Promise<string> {
  const server = createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/ekoapi/v3`;
}

function client(baseUrl: string, timeouts = {}) {
  return createEkoClient({
    baseUrl,
    developerKey: 'developer-key',
    accessKey: 'access-key',
    initiatorId: '9962981729',
    userCode: '20810200',
    fetch: globalThis.fetch,
    retry: { attempts: 1 },
    timeouts,
  });
}

describe('the fetch transport', () => {
  it('sends the signed request and reads the reply and its Date header', async () => {
    let seen: { method?: string; url?: string; headers?: Record<string, unknown> } = {};
    const base = await eko((req, res) => {
      seen = { method: req.method, url: req.url, headers: req.headers };
      res.writeHead(200, {
        'content-type': 'application/json',
        date: new Date(Date.now() + 120_000).toUTCString(),
      });
      res.end(JSON.stringify({ status: 0, data: { status: 'PENDING' } }));
    });
    const eko1 = client(base);
    const skews: number[] = [];
    const withSkew = createEkoClient({
      baseUrl: base,
      developerKey: 'developer-key',
      accessKey: 'access-key',
      initiatorId: '9962981729',
      userCode: '20810200',
      fetch: globalThis.fetch,
      onClockSkew: (ms) => skews.push(ms),
    });
    expect((await eko1.getVerificationStatus({ referenceId: '42' })).status).toBe('pending');
    expect(seen.method).toBe('GET');
    expect(seen.url).toBe(
      '/ekoapi/v3/tools/kyc/digilocker/status?initiator_id=9962981729&reference_id=42',
    );
    expect(seen.headers?.developer_key).toBe('developer-key');
    expect(seen.headers?.['secret-key']).toMatch(/^[A-Za-z0-9+/]+=*$/);
    await withSkew.getVerificationStatus({ referenceId: '42' });
    expect(skews[0]).toBeGreaterThan(100_000);
  });

  it('maps a 403 to upstream_auth_failed and does not follow a redirect', async () => {
    const refused = await eko((_req, res) => {
      res.writeHead(403);
      res.end();
    });
    await expect(
      client(refused).getVerificationStatus({ referenceId: '42' }),
    ).rejects.toMatchObject({ code: 'upstream_auth_failed' });
    let followed = false;
    const moved = await eko((req, res) => {
      if (req.url === '/elsewhere') followed = true;
      res.writeHead(302, { location: '/elsewhere' });
      res.end();
    });
    await expect(client(moved).getVerificationStatus({ referenceId: '42' })).rejects.toMatchObject({
      code: 'upstream_rejected',
    });
    expect(followed).toBe(false);
  });

  it('gives up on slow headers and a stalled body as upstream_timeout', async () => {
    const silent = await eko(() => {});
    await expect(
      client(silent, { headersMs: 200 }).getVerificationStatus({ referenceId: '42' }),
    ).rejects.toMatchObject({ code: 'upstream_timeout' });
    const stalled = await eko((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"status":');
    });
    await expect(
      client(stalled, { bodyMs: 200 }).getVerificationStatus({ referenceId: '42' }),
    ).rejects.toMatchObject({ code: 'upstream_timeout' });
  });

  it('refuses a reply over 1 MiB as upstream_malformed', async () => {
    const huge = await eko((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(`{"status":0,"pad":"${'x'.repeat(1024 * 1024)}"}`);
    });
    await expect(client(huge).getVerificationStatus({ referenceId: '42' })).rejects.toMatchObject({
      code: 'upstream_malformed',
    });
  });

  it('reports a refused connection as upstream_error', async () => {
    const base = await eko(() => {});
    const server = servers.pop()!;
    await new Promise((resolve) => server.close(resolve));
    await expect(client(base).getVerificationStatus({ referenceId: '42' })).rejects.toMatchObject({
      code: 'upstream_error',
    });
  });
});
