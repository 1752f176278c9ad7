import { once } from 'node:events';
import { createServer } from 'node:http';
import { type AddressInfo, connect, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import {
  CREATE_PATH,
  createReply,
  EKO_ORIGIN,
  JSON_HEADERS,
  PAGE_ORIGIN,
  type TestApp,
  testApp,
} from '../../test/helpers.js';
import { drainable } from './lifecycle.js';

let t: TestApp;
afterEach(async () => {
  await t.close();
  await t.agent.close();
});

async function listen() {
  const server = createServer(t.app);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return { server, drain: drainable(server), url: `http://127.0.0.1:${port}` };
}

const create = (url: string) =>
  fetch(`${url}/kyc/sessions`, {
    method: 'POST',
    headers: { origin: PAGE_ORIGIN, 'x-digilocker-kyc': '1', 'content-type': 'application/json' },
    body: '{}',
  });

describe('drainable', () => {
  it('lets every in-flight request finish, refuses new connections, and closes before the deadline', async () => {
    t = testApp({ RATE_LIMIT_PER_MINUTE: '0' });
    t.agent
      .get(EKO_ORIGIN)
      .intercept({ path: CREATE_PATH, method: 'POST' })
      .reply(200, createReply(), JSON_HEADERS)
      .delay(500)
      .times(20);
    const { server, drain, url } = await listen();
    let received = 0;
    server.on('request', () => received++);
    const inflight = Array.from({ length: 20 }, () => create(url));
    // In flight means received by the server: connections still in the kernel's accept queue
    // when the listener closes are reset by the OS, whatever the server does.
    for (let waited = 0; received < 20 && waited < 5_000; waited += 10) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(received).toBe(20);

    const started = performance.now();
    const closing = drain.close({ deadlineMs: 5_000, acceptGraceMs: 0 });
    await new Promise((resolve) => setTimeout(resolve, 20));
    await expect(fetch(`${url}/livez`)).rejects.toThrow();

    const statuses = await Promise.all(inflight.map(async (res) => (await res).status));
    expect(statuses).toEqual(Array(20).fill(201));
    expect(await closing).toBe('closed');
    expect(performance.now() - started).toBeLessThan(1_500);
  });

  it('cuts connections that outlive the deadline', async () => {
    t = testApp({ RATE_LIMIT_PER_MINUTE: '0' });
    t.agent
      .get(EKO_ORIGIN)
      .intercept({ path: CREATE_PATH, method: 'POST' })
      .reply(200, createReply(), JSON_HEADERS)
      .delay(3_000);
    const { drain, url } = await listen();
    const slow = create(url).then(
      () => 'answered',
      () => 'cut',
    );
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await drain.close({ deadlineMs: 300, acceptGraceMs: 0, idleGraceMs: 100 })).toBe(
      'deadline',
    );
    expect(await slow).toBe('cut');
  });

  it('answers a request that its handler ends synchronously on a kept-alive connection during the drain', async () => {
    t = testApp();
    const { server, drain } = await listen();
    const uncaught: unknown[] = [];
    const onUncaught = (error: unknown) => uncaught.push(error);
    process.on('uncaughtException', onUncaught);
    try {
      const { port } = server.address() as AddressInfo;
      const socket = connect(port, '127.0.0.1');
      await once(socket, 'connect');
      // A CORS preflight is answered synchronously by the cors middleware.
      const preflight = [
        'OPTIONS /kyc/sessions HTTP/1.1',
        'Host: 127.0.0.1',
        `Origin: ${PAGE_ORIGIN}`,
        'Access-Control-Request-Method: POST',
        'Connection: keep-alive',
        '',
        '',
      ].join('\r\n');
      expect(await exchange(socket, preflight)).toMatch(/^HTTP\/1\.1 204 /);
      const closing = drain.close({ deadlineMs: 3_000, acceptGraceMs: 0, idleGraceMs: 1_000 });
      const during = await exchange(socket, preflight);
      expect(during).toMatch(/^HTTP\/1\.1 204 /);
      expect(during).toMatch(/\r\nConnection: close\r\n/i);
      await once(socket, 'close');
      expect(await closing).toBe('closed');
      expect(uncaught).toEqual([]);
    } finally {
      process.off('uncaughtException', onUncaught);
    }
  });
});

/** Writes one raw request and resolves with the response head once it has arrived. */
function exchange(socket: Socket, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let received = '';
    const onData = (chunk: Buffer) => {
      received += String(chunk);
      if (received.includes('\r\n\r\n')) {
        socket.off('data', onData);
        resolve(received);
      }
    };
    socket.on('data', onData);
    socket.once('error', reject);
    socket.write(text);
  });
}
