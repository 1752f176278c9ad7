// The Eko client's default transport on Node (node:http), exercised against loopback servers.
import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createEkoClient } from './client.js';

const servers: Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

/** A loopback Eko; `connections` counts the TCP connections it accepted. */
async function eko(handler: Parameters<typeof createServer>[1]) {
  const server = createServer(handler);
  servers.push(server);
  const sockets: Socket[] = [];
  server.on('connection', (socket) => sockets.push(socket));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/ekoapi/v3`;
  return { base, server, sockets };
}

function client(baseUrl: string, timeouts = {}) {
  return createEkoClient({
    baseUrl,
    developerKey: 'developer-key',
    accessKey: 'access-key',
    initiatorId: '9962981729',
    userCode: '20810200',
    retry: { attempts: 1 },
    timeouts,
  });
}

const created = (res: import('node:http').ServerResponse) => {
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(
    JSON.stringify({
      status: 0,
      data: { reference_id: 7483920, url: 'https://digilocker.example/consent?x=1' },
    }),
  );
};

const create = (baseUrl: string, timeouts = {}) =>
  client(baseUrl, timeouts).createDigilockerUrl({
    redirectUrl: 'https://shop.example/kyc/return/s/t',
  });

describe('the node:http transport (the default on Node)', () => {
  it('sends the signed POST with its length and reads the reply', async () => {
    let seen: { method?: string; url?: string; headers?: Record<string, unknown>; body?: string } =
      {};
    const { base } = await eko((req, res) => {
      let body = '';
      req.on('data', (chunk) => {
        body += chunk;
      });
      req.on('end', () => {
        seen = { method: req.method, url: req.url, headers: req.headers, body };
        created(res);
      });
    });
    const result = await create(base);
    expect(result.referenceId).toBe('7483920');
    expect(seen.method).toBe('POST');
    expect(seen.url).toBe('/ekoapi/v3/tools/kyc/digilocker');
    expect(seen.headers?.developer_key).toBe('developer-key');
    expect(seen.headers?.['secret-key']).toMatch(/^[A-Za-z0-9+/]+=*$/);
    expect(Number(seen.headers?.['content-length'])).toBe(Buffer.byteLength(seen.body ?? ''));
    expect(JSON.parse(seen.body ?? '{}')).toMatchObject({ initiator_id: '9962981729' });
  });

  it('keeps one connection open across calls and lets the process exit', async () => {
    const { base, sockets } = await eko((_req, res) => created(res));
    const eko1 = client(base);
    for (let i = 0; i < 3; i++) {
      await eko1.createDigilockerUrl({ redirectUrl: 'https://shop.example/kyc/return/s/t' });
    }
    expect(sockets.length).toBe(1);
    await eko1.close();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(sockets[0]?.destroyed).toBe(true);
  });

  it('sends again on a fresh connection when Eko drops the kept-alive one', async () => {
    let answered = 0;
    const served = new WeakSet<Socket>();
    const { base, sockets } = await eko((req, res) => {
      // A second request on a kept-alive connection meets the server's idle close: no reply.
      if (served.has(req.socket)) {
        req.socket.destroy();
        return;
      }
      served.add(req.socket);
      answered += 1;
      created(res);
    });
    const eko1 = client(base);
    await eko1.createDigilockerUrl({ redirectUrl: 'https://shop.example/kyc/return/s/t' });
    const again = await eko1.createDigilockerUrl({
      redirectUrl: 'https://shop.example/kyc/return/s/t',
    });
    expect(again.referenceId).toBe('7483920');
    expect(answered).toBe(2);
    expect(sockets.length).toBe(2);
    await eko1.close();
  });

  it('gives up on slow headers and a stalled body as upstream_timeout', async () => {
    const silent = await eko(() => {});
    await expect(create(silent.base, { headersMs: 200 })).rejects.toMatchObject({
      code: 'upstream_timeout',
    });
    const stalled = await eko((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"status":');
    });
    await expect(create(stalled.base, { bodyMs: 200 })).rejects.toMatchObject({
      code: 'upstream_timeout',
    });
  });

  it('refuses a reply over 1 MiB as upstream_malformed', async () => {
    const { base } = await eko((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(`{"status":0,"pad":"${'x'.repeat(1024 * 1024)}"}`);
    });
    await expect(create(base)).rejects.toMatchObject({ code: 'upstream_malformed' });
  });

  it('reports a refused connection and a reset mid-reply as upstream_error', async () => {
    const { base, server } = await eko(() => {});
    servers.pop();
    await new Promise((resolve) => server.close(resolve));
    await expect(create(base)).rejects.toMatchObject({ code: 'upstream_error' });
    const reset = await eko((req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"status":0,');
      setTimeout(() => req.socket.resetAndDestroy(), 20);
    });
    await expect(create(reset.base)).rejects.toMatchObject({ code: 'upstream_error' });
  });
});
