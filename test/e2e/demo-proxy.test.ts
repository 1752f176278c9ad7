// The demo's reverse proxy in front of the signing server never answers a page's request with a
// 502 because the server closed an idle connection just as the request went out on it. The
// upstream here closes every connection the moment a second request arrives on it, the worst
// case of that race: a proxy that reuses connections fails the second request, one that opens a
// connection per request does not. And a browser that leaves before the answer (a closed popup)
// must not stop the proxy.
import { once } from 'node:events';
import { createServer as createHttpServer, type Server } from 'node:http';
import { type AddressInfo, connect, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { reverseProxy } from '../../demo/scripts/reverse-proxy.mjs';

const opened: Array<{ close(): void }> = [];
afterEach(() => {
  for (const server of opened.splice(0)) server.close();
});

/** Listens on a free loopback port, closed after the test; its origin. */
async function listening(server: Server): Promise<string> {
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  opened.push({
    close: () => {
      server.closeAllConnections();
      server.close();
    },
  });
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** An upstream that answers one request per connection and resets the connection on the next. */
async function oneRequestPerConnection(): Promise<{ origin: string; connections: () => number }> {
  const answered = new WeakSet<Socket>();
  const upstream = createHttpServer({ keepAliveTimeout: 5_000 }, (req, res) => {
    if (answered.has(req.socket)) {
      req.socket.resetAndDestroy();
      return;
    }
    answered.add(req.socket);
    req.resume();
    res.end('answer');
  });
  let connections = 0;
  upstream.on('connection', () => (connections += 1));
  return { origin: await listening(upstream), connections: () => connections };
}

async function proxyTo(origin: string): Promise<string> {
  const forward = reverseProxy(origin);
  opened.push({ close: () => forward.close() });
  return listening(createHttpServer((req, res) => forward(req, res)));
}

describe("the demo's reverse proxy", () => {
  it('sends each request on a connection of its own: no 502 from an upstream that closed an idle one', async () => {
    const upstream = await oneRequestPerConnection();
    const site = await proxyTo(upstream.origin);
    const statuses: number[] = [];
    for (const path of ['/script-tag.html', '/kyc/widget.js', '/hash-app.js', '/demo.css']) {
      const response = await fetch(`${site}${path}`);
      await response.text();
      statuses.push(response.status);
    }
    const post = await fetch(`${site}/kyc/session`, { method: 'POST', body: '{"a":1}' });
    await post.text();
    statuses.push(post.status);
    expect(statuses).toEqual([200, 200, 200, 200, 200]);
    expect(upstream.connections()).toBe(5);
  });

  it('stays up when the browser leaves before the answer comes back', async () => {
    let answered = 0;
    const upstream = createHttpServer((req, res) => {
      req.resume();
      setTimeout(() => {
        res.end('late answer');
        answered += 1;
      }, 300);
    });
    const site = await proxyTo(await listening(upstream));
    const { port } = new URL(site);
    const browser = connect(Number(port), '127.0.0.1');
    await once(browser, 'connect');
    browser.write('GET /kyc/sessions/abc HTTP/1.1\r\nHost: x\r\n\r\n');
    await new Promise((resolve) => setTimeout(resolve, 100));
    browser.destroy();
    await expect.poll(() => answered, { timeout: 5_000 }).toBe(1);
    // Node 24 threw from the proxy's reply handler here, an uncaught exception that ended the demo.
    await new Promise((resolve) => setTimeout(resolve, 50));
    const next = await fetch(`${site}/kyc/widget.js`);
    expect(next.status).toBe(200);
    expect(await next.text()).toBe('late answer');
  });
});
