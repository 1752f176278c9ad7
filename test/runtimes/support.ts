// Shared by the runtime tests: the sandbox as Eko, a runtime's server as a child process, and the
// create-then-status exchange every runtime must pass.
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { EKO_UAT_CREDENTIALS } from '@digilocker-kyc/server';
import { createSandbox, type RunningSandbox } from '@digilocker-kyc/server/sandbox';
import { expect } from 'vitest';

export const MERCHANT_ORIGIN = 'http://merchant.test';
export const SESSION_SECRET = 'runtime-test-secret-0123456789abcdef';

/** The sandbox on loopback, playing Eko with its public UAT credentials. */
export function startSandbox(): Promise<RunningSandbox> {
  return createSandbox({ ...EKO_UAT_CREDENTIALS }).listen(0, '127.0.0.1');
}

/** What every recipe reads: where Eko is, the credentials, and the merchant's settings. */
export function recipeEnv(sandbox: RunningSandbox, publicBaseUrl: string): Record<string, string> {
  return {
    EKO_BASE_URL: sandbox.apiBaseUrl,
    EKO_DEVELOPER_KEY: EKO_UAT_CREDENTIALS.developerKey,
    EKO_ACCESS_KEY: EKO_UAT_CREDENTIALS.accessKey,
    EKO_INITIATOR_ID: EKO_UAT_CREDENTIALS.initiatorId,
    EKO_USER_CODE: EKO_UAT_CREDENTIALS.userCode,
    ALLOWED_ORIGIN: MERCHANT_ORIGIN,
    PUBLIC_BASE_URL: publicBaseUrl,
    SESSION_SECRET,
    DIGILOCKER_URL_HOSTS: '127.0.0.1',
    INSECURE_URL_ORIGIN: sandbox.origin,
  };
}

/** A loopback port nothing listens on right now (for runtimes that cannot report theirs). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface RuntimeProcess {
  /** The origin from the process's "listening on" line. */
  origin: string;
  output(): string;
  stop(): void;
}

/** Spawns a runtime and waits until it prints `listening on <origin>` (or workerd's `Listening on`). */
export function spawnRuntime(
  command: string,
  args: string[],
  env: Record<string, string>,
  cwd: string,
): Promise<RuntimeProcess> {
  const child: ChildProcess = spawn(command, args, {
    cwd,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '/tmp',
      // Tests stay on loopback: no update check (Deno), no telemetry (Bun).
      DENO_NO_UPDATE_CHECK: '1',
      DO_NOT_TRACK: '1',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group: npm's launchers (workerd, deno) run the real binary as a child, and
    // stop() must end that too, not only the launcher.
    detached: true,
  });
  const stop = () => {
    try {
      if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  };
  let output = '';
  const collect = (chunk: Buffer) => {
    output += String(chunk);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`${command} did not start within 30 s:\n${output}`));
    }, 30_000);
    const check = () => {
      const match = /[Ll]istening on (http:\/\/[^\s/]+)/.exec(output);
      if (!match) return;
      clearTimeout(timer);
      resolve({ origin: match[1]!, output: () => output, stop });
    };
    child.stdout?.on('data', check);
    child.stderr?.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${command} exited (${code}) before listening:\n${output}`));
    });
  });
}

/**
 * POST {base}/sessions, then GET {base}/sessions/{reference_id} with the token: the sandbox's
 * consent link and a pending status prove the handler signed and called Eko on this runtime.
 */
export async function createAndReadStatus(
  fetchFrom: (path: string, init?: RequestInit) => Promise<Response>,
  sandbox: RunningSandbox,
): Promise<void> {
  const created = await fetchFrom('/kyc/sessions', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-digilocker-kyc': '1',
      origin: MERCHANT_ORIGIN,
      'cf-connecting-ip': '127.0.0.1',
    },
    body: JSON.stringify({ documents: ['AADHAAR'] }),
  });
  const body = (await created.json()) as Record<string, unknown>;
  expect(created.status, JSON.stringify(body)).toBe(201);
  expect(body.reference_id).toMatch(/^\d+$/);
  expect(String(body.url).startsWith(`${sandbox.origin}/`)).toBe(true);
  expect(typeof body.session_token).toBe('string');

  const status = await fetchFrom(`/kyc/sessions/${body.reference_id}`, {
    headers: {
      authorization: `Bearer ${body.session_token}`,
      origin: MERCHANT_ORIGIN,
      'cf-connecting-ip': '127.0.0.1',
    },
  });
  const reply = (await status.json()) as Record<string, unknown>;
  expect(status.status, JSON.stringify(reply)).toBe(200);
  expect(reply).toMatchObject({ reference_id: body.reference_id, status: 'pending' });
}
