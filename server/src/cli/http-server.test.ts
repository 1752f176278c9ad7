// The listener's limits, against real sockets on 127.0.0.1 that dribble or pile up.
import { once } from 'node:events';
import type { Server } from 'node:http';
import { type AddressInfo, connect, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { PAGE_ORIGIN, type TestApp, testApp } from '../../test/helpers.js';
import { createHttpServer, type HttpLimits } from './http-server.js';

let t: TestApp;
let server: Server;
const sockets: Socket[] = [];
afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.destroy();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await t.close();
  await t.agent.close();
});

const SHORT: HttpLimits = {
  headersTimeoutMs: 300,
  requestTimeoutMs: 600,
  keepAliveTimeoutMs: 1_000,
  maxConnections: 3,
  checkIntervalMs: 50,
};

async function listen(limits: HttpLimits = SHORT): Promise<number> {
  t = testApp({ RATE_LIMIT_PER_MINUTE: '0' });
  server = createHttpServer(t.app, limits);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return (server.address() as AddressInfo).port;
}

/** Opens a socket that writes `first`, then one `drip` every 50 ms until the server ends it. */
async function dribble(port: number, first: string, drip: string) {
  const socket = connect(port, '127.0.0.1');
  sockets.push(socket);
  await once(socket, 'connect');
  const started = performance.now();
  let received = '';
  socket.on('data', (chunk) => {
    received += String(chunk);
  });
  socket.on('error', () => {});
  socket.write(first);
  const timer = setInterval(() => socket.writable && socket.write(drip), 50);
  // Bounded: a server without the limit would keep it open far longer than 3 s.
  const closed = await Promise.race([
    once(socket, 'close').then(() => true),
    new Promise((resolve) => setTimeout(() => resolve(false), 3_000)),
  ]);
  clearInterval(timer);
  return { closed, afterMs: performance.now() - started, received };
}

describe('createHttpServer', () => {
  it('cuts a request head dribbled forever after headersTimeout, with a 408', async () => {
    // The whole-request limit is far away here, so only the head limit can cut it this soon.
    const port = await listen({ ...SHORT, requestTimeoutMs: 2_500 });
    const result = await dribble(
      port,
      'GET /livez HTTP/1.1\r\nHost: 127.0.0.1\r\n',
      'X-Drip: 1\r\n',
    );
    expect(result.closed).toBe(true);
    expect(result.afterMs).toBeGreaterThanOrEqual(250);
    expect(result.afterMs).toBeLessThan(1_000);
    expect(result.received).toMatch(/^HTTP\/1\.1 408 /);
  });

  it('cuts a request body dribbled forever after requestTimeout, with a 408', async () => {
    const port = await listen();
    const head = [
      'POST /kyc/sessions HTTP/1.1',
      'Host: 127.0.0.1',
      `Origin: ${PAGE_ORIGIN}`,
      'X-DigiLocker-KYC: 1',
      'Content-Type: application/json',
      'Content-Length: 1000',
      '',
      '{',
    ].join('\r\n');
    const result = await dribble(port, head, ' ');
    expect(result.closed).toBe(true);
    expect(result.afterMs).toBeGreaterThanOrEqual(550);
    expect(result.afterMs).toBeLessThan(1_500);
    expect(result.received).toMatch(/^HTTP\/1\.1 408 /);
  });

  it('closes connections beyond maxConnections at once, and serves the others', async () => {
    const port = await listen({ ...SHORT, headersTimeoutMs: 5_000, requestTimeoutMs: 5_000 });
    const open: Socket[] = [];
    for (let i = 0; i < 3; i++) {
      const socket = connect(port, '127.0.0.1');
      sockets.push(socket);
      await once(socket, 'connect');
      open.push(socket);
    }
    const extra = connect(port, '127.0.0.1');
    sockets.push(extra);
    extra.on('error', () => {});
    let extraData = '';
    extra.on('data', (chunk) => {
      extraData += String(chunk);
    });
    const closed = await Promise.race([
      once(extra, 'close').then(() => true),
      new Promise((resolve) => setTimeout(() => resolve(false), 1_000)),
    ]);
    expect(closed).toBe(true);
    expect(extraData).toBe('');
    expect(open.every((socket) => !socket.destroyed)).toBe(true);
    const first = open[0]!;
    first.write('GET /livez HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
    const [reply] = await once(first, 'data');
    expect(String(reply)).toMatch(/^HTTP\/1\.1 200 /);
  });

  it('parses no more header lines than maxHeadersCount', async () => {
    const port = await listen({ ...SHORT, maxHeadersCount: 10 });
    const socket = connect(port, '127.0.0.1');
    sockets.push(socket);
    await once(socket, 'connect');
    const many = Array.from({ length: 20 }, (_, i) => `X-H${i}: 1`).join('\r\n');
    socket.write(
      `GET /kyc/none HTTP/1.1\r\nHost: 127.0.0.1\r\n${many}\r\nX-Request-Id: beyond-the-count\r\n\r\n`,
    );
    const [reply] = await once(socket, 'data');
    const text = String(reply);
    // Header lines past the count are never used. Node 20 parses the first maxHeadersCount and
    // drops the rest (the route answers, with a fresh request id, not ours); Node 24 refuses the
    // request whole with 431 before it reaches the app.
    if (text.startsWith('HTTP/1.1 431 ')) {
      expect(Number(process.versions.node.split('.')[0])).toBeGreaterThanOrEqual(22);
    } else {
      expect(text).toMatch(/^HTTP\/1\.1 404 /);
      expect(text).toMatch(/\r\nX-Request-Id: [0-9a-f-]{36}\r\n/i);
    }
    expect(text).not.toContain('beyond-the-count');
  });
});
