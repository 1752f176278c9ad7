// Tests only: Debian's redis-server on a loopback port, started and stopped by the test, with no
// persistence (a restart starts empty, as a crashed cache would).
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';

const REDIS_SERVER = process.env.REDIS_SERVER_PATH ?? '/usr/bin/redis-server';
/** npm test's preflight (scripts/preflight.mjs) installs it; a test without it fails, saying so. */
const NO_REDIS_MESSAGE = `${REDIS_SERVER} not found: the Redis tests need Debian's redis-server (apt-get install redis-server, or set REDIS_SERVER_PATH).`;

export interface TestRedis {
  port: number;
  url: string;
  /** Kills it at once (SIGKILL), as a crash would, and waits for the exit. */
  kill(): Promise<void>;
  /** Stops it answering (SIGSTOP) with its connections open, as a hung Redis; resume() undoes. */
  pause(): void;
  resume(): void;
  /** Starts it again on the same port, empty. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

/** Every redis-server started here and still running: killed if the test process exits first. */
const live = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of live) child.kill('SIGKILL');
});

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/**
 * Starts redis-server on `port` (a free one by default), requiring `password` when given (the
 * URL carries it); rejects after 5 s without it.
 */
export async function startRedis(port?: number, password?: string): Promise<TestRedis> {
  if (!existsSync(REDIS_SERVER)) throw new Error(NO_REDIS_MESSAGE);
  const chosen = port ?? (await freePort());
  const args = password === undefined ? [] : ['--requirepass', password];
  let child = await spawnRedis(chosen, args);
  const kill = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGCONT');
    child.kill('SIGKILL');
    await exited;
  };
  return {
    port: chosen,
    url: `redis://${password === undefined ? '' : `:${encodeURIComponent(password)}@`}127.0.0.1:${chosen}`,
    kill,
    pause: () => child.kill('SIGSTOP'),
    resume: () => child.kill('SIGCONT'),
    async restart() {
      await kill();
      child = await spawnRedis(chosen, args);
    },
    stop: kill,
  };
}

async function spawnRedis(port: number, args: string[]): Promise<ChildProcess> {
  const child = spawn(
    REDIS_SERVER,
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', ...args],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  live.add(child);
  child.once('exit', () => live.delete(child));
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`redis-server did not start on port ${port} within 5 s:\n${output}`));
    }, 5_000);
    const onData = (chunk: Buffer) => {
      output += String(chunk);
      if (output.includes('Ready to accept connections')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`redis-server exited (${code}) on port ${port}:\n${output}`));
    });
  });
  // Kept flowing, so a full pipe never blocks it.
  child.stdout?.resume();
  child.stderr?.resume();
  return child;
}
