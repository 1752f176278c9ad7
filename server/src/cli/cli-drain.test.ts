// SIGTERM while cross-origin pages hold kept-alive connections: every request is answered, exit 0.
import { once } from 'node:events';
import { connect, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { killAll, ORIGIN, start } from '../../test/cli-process.js';

afterEach(killAll);

interface Reply {
  status: number;
  head: string;
  body: string;
}

/** Sends one raw HTTP/1.1 request on a kept-alive socket and reads exactly one response. */
function send(
  socket: Socket,
  method: string,
  path: string,
  headers: Record<string, string>,
  body = '',
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    let received = Buffer.alloc(0);
    const onData = (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      const end = received.indexOf('\r\n\r\n');
      if (end === -1) return;
      const head = received.subarray(0, end).toString();
      const length = Number(/\r\ncontent-length: (\d+)/i.exec(head)?.[1] ?? 0);
      if (received.length < end + 4 + length) return;
      cleanup();
      const status = Number(head.slice(9, 12));
      resolve({ status, head, body: received.subarray(end + 4, end + 4 + length).toString() });
    };
    const onClose = () => {
      cleanup();
      reject(new Error(`connection closed before a response to ${method} ${path}`));
    };
    const cleanup = () => {
      socket.off('data', onData);
      socket.off('close', onClose);
    };
    socket.on('data', onData);
    socket.once('close', onClose);
    const lines = [
      `${method} ${path} HTTP/1.1`,
      'Host: 127.0.0.1',
      'Connection: keep-alive',
      ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`),
      ...(body ? [`Content-Length: ${Buffer.byteLength(body)}`] : []),
    ];
    socket.write(`${lines.join('\r\n')}\r\n\r\n${body}`);
  });
}

const PREFLIGHT = {
  Origin: ORIGIN,
  'Access-Control-Request-Method': 'POST',
  'Access-Control-Request-Headers': 'content-type,x-digilocker-kyc',
};
const CREATE = { Origin: ORIGIN, 'X-DigiLocker-KYC': '1', 'Content-Type': 'application/json' };

describe('SIGTERM drain with kept-alive cross-origin connections', () => {
  it('answers preflights, creates and status calls sent into the drain, then exits 0', async () => {
    const cli = start({ RATE_LIMIT_PER_MINUTE: '0', SANDBOX_FAULTS: 'latency=300' });
    const { port } = new URL(await cli.ready);
    const sockets = await Promise.all(
      Array.from({ length: 6 }, async () => {
        const socket = connect(Number(port), '127.0.0.1');
        // A reset surfaces as 'close' before a response, which send() reports.
        socket.on('error', () => {});
        await once(socket, 'connect');
        return socket;
      }),
    );
    // Each connection is kept alive by a first preflight, as a browser's would be.
    for (const socket of sockets)
      expect((await send(socket, 'OPTIONS', '/kyc/sessions', PREFLIGHT)).status).toBe(204);
    const created = await send(sockets[0]!, 'POST', '/kyc/sessions', CREATE, '{}');
    expect(created.status).toBe(201);
    const { reference_id, session_token } = JSON.parse(created.body);
    const status = { Origin: ORIGIN, Authorization: `Bearer ${session_token}` };
    // One creation is in flight when the signal arrives.
    const inflight = send(sockets[5]!, 'POST', '/kyc/sessions', CREATE, '{}');
    await new Promise((resolve) => setTimeout(resolve, 50));

    cli.process.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 150));
    const during = await Promise.all([
      send(sockets[0]!, 'OPTIONS', '/kyc/sessions', PREFLIGHT),
      send(sockets[1]!, 'OPTIONS', `/kyc/sessions/${reference_id}`, {
        ...PREFLIGHT,
        'Access-Control-Request-Method': 'GET',
      }),
      send(sockets[2]!, 'POST', '/kyc/sessions', CREATE, '{}'),
      send(sockets[3]!, 'GET', `/kyc/sessions/${reference_id}`, status),
      send(sockets[4]!, 'GET', '/readyz', {}),
      inflight,
    ]);
    expect(during.map((reply) => reply.status)).toEqual([204, 204, 201, 200, 503, 201]);
    // Each answer closes its connection, so no new request can race the drain.
    for (const reply of during.slice(0, 5))
      expect(reply.head).toMatch(/\r\nConnection: close\r\n/i);
    expect(JSON.parse(during[4]!.body).reasons).toContain('draining');
    await Promise.all(sockets.map((socket) => (socket.closed ? undefined : once(socket, 'close'))));
    expect(await cli.exited).toBe(0);
    expect(cli.output()).not.toMatch(/ERR_HTTP_HEADERS_SENT|uncaught|failed to start/i);
  });
});
