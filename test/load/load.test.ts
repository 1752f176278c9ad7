// Load without loss, against the real server and sandbox processes on 127.0.0.1. CI runs a
// short version; DLKYC_LOAD_REQUESTS=20000 runs the full one from the issue.
import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import autocannon from 'autocannon';
import { afterEach, describe, expect, it } from 'vitest';
import { CREATE_REQUEST, sandboxAttempts, startServer } from '../lib/server-process.mjs';

const REQUESTS = Number(process.env.DLKYC_LOAD_REQUESTS ?? 3_000);
let server: Awaited<ReturnType<typeof startServer>> | undefined;

afterEach(async () => {
  await server?.stop('SIGKILL');
  server = undefined;
});

/** A brand-new TCP connection (not one from a keep-alive pool): its error code, or 'connected'. */
function connectError(url: string): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect(Number(port), hostname);
    socket.once('connect', () => {
      socket.destroy();
      resolve('connected');
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
  });
}

function run(options: autocannon.Options): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon(options, (error, result) => (error ? reject(error) : resolve(result)));
  });
}

describe('load', () => {
  it(`${REQUESTS} creations at 100 connections, limiter off: no errors, and every 201 is one sandbox attempt`, async () => {
    server = await startServer({ RATE_LIMIT_PER_MINUTE: '0' });
    const before = await sandboxAttempts(server.sandboxOrigin!);
    const result = await run({
      url: server.url,
      connections: 100,
      amount: REQUESTS,
      timeout: 10,
      requests: [CREATE_REQUEST],
    });
    const after = await sandboxAttempts(server.sandboxOrigin!);
    expect(result.errors).toBe(0);
    expect(result.timeouts).toBe(0);
    expect(result.non2xx).toBe(0);
    expect(result['2xx']).toBe(REQUESTS);
    expect(after.attemptsCreated - before.attemptsCreated).toBe(REQUESTS);
    expect(after.createRequests - before.createRequests).toBe(REQUESTS);
  }, 120_000);

  it('with the limiter on, every non-201 is a 429 carrying Retry-After', async () => {
    server = await startServer({ RATE_LIMIT_PER_MINUTE: '50' });
    const statuses = new Map<number, number>();
    let refusedWithoutRetryAfter = 0;
    const result = await run({
      url: server.url,
      connections: 20,
      amount: 400,
      timeout: 10,
      requests: [
        {
          ...CREATE_REQUEST,
          onResponse: (
            status: number,
            _body: string,
            _context: unknown,
            headers?: Record<string, string>,
          ) => {
            statuses.set(status, (statuses.get(status) ?? 0) + 1);
            // autocannon passes raw header names, in the server's own case.
            const names = Object.keys(headers ?? {}).map((name) => name.toLowerCase());
            if (status === 429 && !names.includes('retry-after')) refusedWithoutRetryAfter++;
          },
        } as autocannon.Request,
      ],
    });
    expect(result.errors).toBe(0);
    expect([...statuses.keys()].sort()).toEqual([201, 429]);
    expect(statuses.get(201)).toBe(50);
    expect(statuses.get(429)).toBe(350);
    expect(refusedWithoutRetryAfter).toBe(0);
  }, 60_000);
});

describe('shutdown under load', () => {
  it('SIGTERM with 200 requests in flight: all complete, new connections are refused, exit 0', async () => {
    server = await startServer({ RATE_LIMIT_PER_MINUTE: '0', SANDBOX_FAULTS: 'latency=2000' });
    const { url } = server;
    await fetch(`${url}/livez`); // warm: the first request of a process is the slowest
    const requests = Array.from({ length: 200 }, () => send(url));
    // In flight: every request fully written to its socket before the signal.
    await Promise.all(requests.map((r) => r.written));
    await new Promise((resolve) => setTimeout(resolve, 500));
    const stopping = performance.now();
    const exit = server.stop('SIGTERM');
    // The signal is handled between requests; new connections are refused from then on.
    let refused = false;
    while (!refused && performance.now() - stopping < 2_500) {
      refused = (await connectError(url)) === 'ECONNREFUSED';
      if (!refused) await new Promise((resolve) => setTimeout(resolve, 25));
    }
    expect(refused, 'refused while requests are still in flight').toBe(true);
    const refusedAfter = performance.now() - stopping;
    const statuses = await Promise.all(requests.map((r) => r.status));
    expect(statuses.filter((s) => s !== 201)).toEqual([]);
    expect(performance.now() - stopping).toBeGreaterThan(refusedAfter);
    expect(await exit).toBe(0);
    expect(performance.now() - stopping).toBeLessThan(10_000);
  }, 30_000);
});

/** One POST on its own connection; `written` resolves once the request is on the server's side. */
function send(url: string) {
  let markWritten: () => void = () => {};
  const written = new Promise<void>((resolve) => {
    markWritten = resolve;
  });
  const status = new Promise<number | string>((resolve) => {
    const req = httpRequest(`${url}${CREATE_REQUEST.path}`, {
      method: 'POST',
      agent: false,
      headers: CREATE_REQUEST.headers,
    });
    // Sent: the TCP handshake completed (the server's kernel holds the connection) and the
    // request is written. Node's 'finish' alone can fire while the socket is still connecting.
    let connected = false;
    let finished = false;
    req.on('socket', (socket) => {
      socket.once('connect', () => {
        connected = true;
        if (finished) markWritten();
      });
    });
    req.on('finish', () => {
      finished = true;
      if (connected) markWritten();
    });
    req.on('response', (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', (error: NodeJS.ErrnoException) => {
      markWritten();
      resolve(`failed: ${error.code ?? error.message}`);
    });
    req.end(CREATE_REQUEST.body);
  });
  return { written, status };
}
