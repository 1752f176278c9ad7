// The node:http body reader behind the Express and node:http adapters, on a real server: its
// limit, its refusals, and what it leaves of the connection.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { nodeCoreRequest } from './node-io.js';

const LIMIT = 64;
let server: Server | undefined;

afterEach(() => {
  server?.closeAllConnections();
  server?.close();
  server = undefined;
});

/** A server that reads each body with the adapter's reader and answers what came of it. */
async function readerServer(seen: Array<Promise<unknown>> = []): Promise<number> {
  server = createServer((req: IncomingMessage, res) => {
    const at = { id: 'r', path: '/', query: '', mount: '', ip: '127.0.0.1', secure: false };
    const read = nodeCoreRequest(req, at).readBody(LIMIT);
    seen.push(read.catch((error: unknown) => error));
    read.then(
      (bytes) => res.end(`read ${bytes.byteLength}: ${Buffer.from(bytes).toString()}`),
      (error: { code?: string; type?: string }) => {
        res.statusCode = error.code === 'payload_too_large' ? 413 : 400;
        res.end(error.code ?? error.type);
      },
    );
  });
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/** Writes `raw` on one connection and collects what comes back until the server closes it or `until` matches. */
function exchange(port: number, raw: string[], until: RegExp): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let received = '';
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`No full answer in time; got:\n${received}`));
    }, 5_000);
    socket.on('data', (chunk) => {
      received += String(chunk);
      if (until.test(received)) {
        clearTimeout(timer);
        socket.end();
        resolve(received);
      }
    });
    socket.on('error', reject);
    for (const part of raw) socket.write(part);
  });
}

const chunk = (text: string) => `${text.length.toString(16)}\r\n${text}\r\n`;

describe('the node:http body reader', () => {
  it('reads a body within the limit, chunked or with a length', async () => {
    const port = await readerServer();
    const sized = await fetch(`http://127.0.0.1:${port}/`, { method: 'POST', body: 'hello' });
    expect(await sized.text()).toBe('read 5: hello');
    const chunked = await exchange(
      port,
      [
        'POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n',
        chunk('ab'),
        chunk('cd'),
        '0\r\n\r\n',
      ],
      /read 4: abcd/,
    );
    expect(chunked).toMatch(/^HTTP\/1\.1 200/);
  });

  it('refuses a declared length over the limit with 413 before reading, and keeps the connection', async () => {
    const port = await readerServer();
    const body = 'x'.repeat(LIMIT + 1);
    const answer = await exchange(
      port,
      [
        `POST / HTTP/1.1\r\nHost: x\r\nContent-Length: ${body.length}\r\n\r\n${body}`,
        'POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\nok',
      ],
      /read 2: ok/,
    );
    expect(answer).toMatch(/^HTTP\/1\.1 413[\s\S]*payload_too_large[\s\S]*HTTP\/1\.1 200/);
  });

  it('refuses a chunked body once it passes the limit, and the rest is discarded, not reset', async () => {
    const port = await readerServer();
    const answer = await exchange(
      port,
      [
        'POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n',
        chunk('y'.repeat(LIMIT)),
        chunk('z'.repeat(10)),
        chunk('z'.repeat(10)),
        '0\r\n\r\n',
        'POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\nok',
      ],
      /read 2: ok|Connection: close/i,
    );
    expect(answer).toMatch(/^HTTP\/1\.1 413/);
    expect(answer).not.toMatch(/read \d+: y/);
  });

  it('rejects with a 400 when the client goes away mid-body', async () => {
    const seen: Array<Promise<unknown>> = [];
    const port = await readerServer(seen);
    const socket = connect(port, '127.0.0.1');
    socket.write('POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 50\r\n\r\npartial');
    await expect.poll(() => seen.length).toBe(1);
    socket.destroy();
    const error = (await seen[0]) as { status?: number; type?: string };
    expect(error).toMatchObject({ status: 400, type: 'request.aborted' });
  });
});
