// Starts the built standalone server (server/dist/cli.js) as a real process, for load tests and
// benchmarks: in sandbox mode it also starts the sandbox, whose origin it prints. Every server
// started here is killed if this process exits first, and stop() escalates to SIGKILL.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const CLI = fileURLToPath(new URL('../../server/dist/cli.js', import.meta.url));
export const PAGE_ORIGIN = 'http://merchant.test';

/** How long stop() waits after its signal before SIGKILL (the server drains for about 1 s). */
const STOP_GRACE_MS = 10_000;

/** Servers started here and not yet exited: killed with this process, whatever ends it. */
const live = new Set();
process.once('exit', () => {
  for (const proc of live) proc.kill('SIGKILL');
});

/**
 * @param {Record<string, string>} env extra environment (PORT defaults to 0: a free port)
 * @param {{ nodeArgs?: string[] }} [options] flags for node itself (e.g. `--expose-gc`)
 * @returns {Promise<{ url: string, sandboxOrigin: string | undefined, pid: number, startMs: number,
 *   output: () => string, exited: Promise<number | null>, stop: (signal?: NodeJS.Signals) => Promise<number | null> }>}
 */
export async function startServer(env = {}, { nodeArgs = [] } = {}) {
  if (!existsSync(CLI)) {
    throw new Error('Expected a built server at server/dist/cli.js: run `pnpm build` first.');
  }
  const started = performance.now();
  const proc = spawn(process.execPath, [...nodeArgs, CLI], {
    env: {
      PATH: process.env.PATH ?? '',
      PORT: '0',
      HOST: '127.0.0.1',
      ALLOWED_ORIGINS: PAGE_ORIGIN,
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  live.add(proc);
  proc.once('exit', () => live.delete(proc));
  let output = '';
  proc.stdout.on('data', (chunk) => {
    output += String(chunk);
  });
  proc.stderr.on('data', (chunk) => {
    output += String(chunk);
  });
  // 'close', not 'exit': the output is complete only once the child's stdio has closed.
  const exited = new Promise((resolve) => proc.on('close', (code) => resolve(code)));
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`The server did not start:\n${output}`)),
      60_000,
    );
    // Looked for until found, then no more: a regular expression flattens the whole output on
    // each chunk, so matching it for every access-log line costs the test process time that
    // grows with the output (a load test's generator ran half as fast).
    const findUrl = () => {
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        proc.stdout.off('data', findUrl);
        resolve(match[1]);
      }
    };
    proc.stdout.on('data', findUrl);
    proc.on('exit', () => reject(new Error(`The server exited:\n${output}`)));
  }).catch((error) => {
    // A server that never said it listens is stopped, not left behind.
    proc.kill('SIGKILL');
    throw error;
  });
  const sandboxOrigin = /Sandbox \(simulated Eko \+ DigiLocker\): (http:\/\/\S+)/.exec(output)?.[1];
  return {
    url,
    sandboxOrigin,
    pid: proc.pid ?? 0,
    startMs: performance.now() - started,
    output: () => output,
    exited,
    async stop(signal = 'SIGTERM') {
      if (proc.exitCode !== null || proc.signalCode !== null) return exited;
      proc.kill(signal);
      const timer = setTimeout(() => proc.kill('SIGKILL'), STOP_GRACE_MS);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
  };
}

/** Counts of the sandbox's create calls and attempts (its loopback control API). */
export async function sandboxAttempts(sandboxOrigin) {
  const res = await fetch(`${sandboxOrigin}/__sandbox/attempts`);
  const body = await res.json();
  return { createRequests: body.create_requests, attemptsCreated: body.attempts_created };
}

/** One session creation, as autocannon sends it. @type {import('autocannon').Request} */
export const CREATE_REQUEST = {
  method: 'POST',
  path: '/kyc/sessions',
  headers: {
    origin: PAGE_ORIGIN,
    'x-digilocker-kyc': '1',
    'content-type': 'application/json',
  },
  body: '{"documents":["AADHAAR"]}',
};
