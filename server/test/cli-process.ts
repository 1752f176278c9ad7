// Test helper: the built standalone CLI in its own process, as a merchant runs it.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { connect } from 'node:net';
import { fileURLToPath } from 'node:url';

const CLI = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
export const ORIGIN = 'http://merchant.test';
const children = new Set<ChildProcess>();

/** Kills every CLI this file started; call it from afterEach. */
export function killAll(): void {
  for (const proc of children) proc.kill('SIGKILL');
  children.clear();
}

/** Opens a brand-new TCP connection: its error code, or 'connected'. */
export function connectError(url: string): Promise<string> {
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

export function start(env: Record<string, string>) {
  if (!existsSync(CLI))
    throw new Error('Expected a built CLI at server/dist/cli.js: run `pnpm build` first.');
  const proc = spawn(process.execPath, [CLI], {
    env: {
      PATH: process.env.PATH ?? '',
      PORT: '0',
      ALLOWED_ORIGINS: ORIGIN,
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(proc);
  let output = '';
  proc.stdout?.on('data', (chunk) => {
    output += String(chunk);
  });
  proc.stderr?.on('data', (chunk) => {
    output += String(chunk);
  });
  const exited = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)));
  const ready = new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`CLI did not start:\n${output}`)), 10_000);
    proc.stdout?.on('data', () => {
      const match = /listening on (http:\/\/[^\s]+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    proc.on('exit', () => reject(new Error(`CLI exited:\n${output}`)));
  });
  return { ready, exited, output: () => output, process: proc };
}
