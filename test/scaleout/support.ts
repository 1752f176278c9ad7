// The scale-out rig: the built server and sandbox as real processes, a round-robin proxy in front
// of the instances (what a load balancer does), and HTTP calls from chosen loopback addresses.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';

const root = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));
export const SERVER_CLI = root('server/dist/cli.js');
export const SANDBOX_CLI = root('server/dist/sandbox/cli.js');
/** The built helper that starts redis-server for the server's own tests. */
export const REDIS_HELPER = root('server/test/redis-test-server.ts');

export interface Proc {
  url: string;
  output(): string;
  stop(): Promise<void>;
}

/** How long a process may take to say it listens: a node start takes seconds on a loaded machine. */
const START_TIMEOUT_MS = 45_000;

/** Processes started here and not yet exited: killed with this worker, whatever ends it. */
const live = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of live) child.kill('SIGKILL');
});

/** Spawns `node script` and resolves with the first URL matching `ready` in its output. */
async function start(script: string, env: Record<string, string>, ready: RegExp): Promise<Proc> {
  if (!existsSync(script)) throw new Error(`Build first (pnpm build): ${script} is missing.`);
  const child = spawn(process.execPath, [script], {
    env: { PATH: process.env.PATH ?? '', HOST: '127.0.0.1', LOG_FORMAT: 'json', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  live.add(child);
  child.once('exit', () => live.delete(child));
  let text = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${script} did not start within ${START_TIMEOUT_MS} ms:\n${text}`)),
      START_TIMEOUT_MS,
    );
    const onData = (chunk: Buffer) => {
      text += String(chunk);
      const match = ready.exec(text);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${script} exited (${code}):\n${text}`));
    });
  }).catch((error: unknown) => {
    // One that never said it listens is stopped here: no caller holds it to stop it later.
    child.kill('SIGKILL');
    throw error;
  });
  return {
    url,
    output: () => text,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 12_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

export const startSandbox = () =>
  start(SANDBOX_CLI, { SANDBOX_PORT: '0' }, /Origin:\s+(http:\/\/\S+)/);

export const startInstance = (env: Record<string, string>) =>
  start(SERVER_CLI, { PORT: '0', ...env }, /listening on (http:\/\/\S+)/);

export interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface SendOptions {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  /** The loopback address the request comes from: each one is a different client. */
  from?: string;
}

/** One HTTP request over a fresh connection, from `from` (default 127.0.0.1). */
export function send(url: string, options: SendOptions = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: options.method ?? 'GET',
        headers: options.headers,
        localAddress: options.from ?? '127.0.0.1',
        agent: false,
        timeout: 10_000,
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          body += chunk;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`${url} did not answer within 10 s`)));
    req.on('error', reject);
    req.end(options.body);
  });
}

export interface LoadBalancer {
  url: string;
  /** The instances it sends to, in turn; set once they are up. */
  targets: Array<{ name: string; url: string }>;
  close(): Promise<void>;
}

/**
 * A round-robin reverse proxy on loopback: each request goes to the next target, with the
 * client's address appended to X-Forwarded-For (the instances trust one hop) and the target's
 * name in the reply's `x-served-by`.
 */
export async function startProxy(): Promise<LoadBalancer> {
  const proxy: LoadBalancer = { url: '', targets: [], close: async () => {} };
  let next = 0;
  const server = createServer((req, res) => {
    const target = proxy.targets[next++ % proxy.targets.length];
    if (!target) {
      res.writeHead(502).end('no targets');
      return;
    }
    const forwarded = [req.headers['x-forwarded-for'], req.socket.remoteAddress]
      .filter(Boolean)
      .join(', ');
    const upstream = request(
      new URL(req.url ?? '/', target.url),
      {
        method: req.method,
        headers: { ...req.headers, 'x-forwarded-for': forwarded },
        agent: false,
      },
      (reply) => {
        res.writeHead(reply.statusCode ?? 502, { ...reply.headers, 'x-served-by': target.name });
        reply.pipe(res);
      },
    );
    upstream.on('error', () => res.writeHead(502).end('upstream failed'));
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  proxy.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  proxy.close = () =>
    new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return proxy;
}

/** JSON log lines of a process whose message matches `pattern`. */
export function logLines(proc: Proc, pattern: RegExp): Array<Record<string, unknown>> {
  return proc
    .output()
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>)
    .filter((entry) => pattern.test(String(entry.msg)));
}
