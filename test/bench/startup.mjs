// Start-up costs against a bare Node in the same run: a serverless cold start through the built
// package's fetch handler (process start to the first 201, and import + construct alone), and
// the standalone CLI's spawn to its first /readyz 200. Median of alternating runs.
//
//   node test/bench/startup.mjs            # starts its own Eko double (the sandbox) and prints
//
// CPU (user + system) and peak RSS come from the kernel's rusage of the finished child: bash's
// `time` keyword (getrusage of the children, printed to the millisecond) around GNU time, which
// reports the peak resident set (%M). Both sides of a pair run under the same two wrappers, so
// their ~2 ms is in both figures. Every child gets only PATH in its environment.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EKO_UAT_CREDENTIALS } from '@digilocker-kyc/server';
import { startServer } from '../lib/server-process.mjs';

const CHILD = fileURLToPath(new URL('./cold-start-child.mjs', import.meta.url));
const SANDBOX_CLI = fileURLToPath(new URL('../../server/dist/sandbox/cli.js', import.meta.url));
const GNU_TIME = '/usr/bin/time';

const median = (values) => {
  const sorted = [...values].sort((x, y) => x - y);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const round1 = (value) => Math.round(value * 10) / 10;

/** Runs `node ...args` to its exit; resolves with its CPU ms (user + system) and peak RSS MB. */
function measured(args) {
  if (!existsSync(GNU_TIME)) {
    throw new Error(`Expected GNU time at ${GNU_TIME} (Debian package "time") for peak RSS`);
  }
  const dir = mkdtempSync(join(tmpdir(), 'dlkyc-startup-'));
  const rssFile = join(dir, 'rss');
  const script = `TIMEFORMAT='CPU %3U %3S'; time ${GNU_TIME} -o '${rssFile}' -f '%M' -- "$@"`;
  const proc = spawn('bash', ['-c', script, 'bash', process.execPath, ...args], {
    cwd: fileURLToPath(new URL('.', import.meta.url)),
    env: { PATH: process.env.PATH ?? '' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  proc.stderr.on('data', (chunk) => {
    stderr += String(chunk);
  });
  return new Promise((resolve, reject) => {
    proc.on('close', (code) => {
      try {
        const cpu = /CPU (\d+\.\d+) (\d+\.\d+)\s*$/.exec(stderr);
        const rssKb = Number(readFileSync(rssFile, 'utf8').trim().split('\n').at(-1));
        if (code !== 0 || !cpu || !Number.isFinite(rssKb)) {
          throw new Error(`node ${args.join(' ')} failed (exit ${code}):\n${stderr}`);
        }
        resolve({ cpuMs: (Number(cpu[1]) + Number(cpu[2])) * 1000, rssMb: rssKb / 1024 });
      } catch (error) {
        reject(error);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
}

/**
 * Cold start, `pairs` rounds of bare `node -e 0`, import + createKycHandler, and import +
 * construct + one create through .fetch against the Eko double at `apiBase`, in turn.
 */
export async function measureColdStart(apiBase, pairs = 5) {
  const runs = { bare: [], import: [], create: [] };
  for (let i = 0; i < pairs; i++) {
    runs.bare.push(await measured(['-e', '0']));
    runs.import.push(await measured([CHILD, 'import', apiBase]));
    runs.create.push(await measured([CHILD, 'create', apiBase]));
  }
  const summary = (list) => ({
    cpu_ms: list.map((run) => Math.round(run.cpuMs)),
    rss_mb: list.map((run) => round1(run.rssMb)),
    cpu_ms_median: Math.round(median(list.map((run) => run.cpuMs))),
    rss_mb_median: round1(median(list.map((run) => run.rssMb))),
  });
  return { bare: summary(runs.bare), import: summary(runs.import), create: summary(runs.create) };
}

/** Milliseconds from spawning bare `node -e 0` to its exit. */
function bareSpawnMs() {
  const started = performance.now();
  const proc = spawn(process.execPath, ['-e', '0'], {
    env: { PATH: process.env.PATH ?? '' },
    stdio: 'ignore',
  });
  return new Promise((resolve, reject) => {
    proc.on('error', reject);
    proc.on('exit', () => resolve(performance.now() - started));
  });
}

/** Milliseconds from spawning the standalone CLI (UAT mode against `apiBase`) to /readyz 200. */
async function readyMs(apiBase) {
  const started = performance.now();
  const server = await startServer({
    EKO_ENV: 'uat',
    EKO_BASE_URL: apiBase,
    EKO_DEVELOPER_KEY: EKO_UAT_CREDENTIALS.developerKey,
    EKO_ACCESS_KEY: EKO_UAT_CREDENTIALS.accessKey,
    EKO_INITIATOR_ID: EKO_UAT_CREDENTIALS.initiatorId,
    EKO_USER_CODE: EKO_UAT_CREDENTIALS.userCode,
    SESSION_SECRET: 'startup-bench-session-secret-0123456789abcdef',
    RATE_LIMIT_PER_MINUTE: '0',
  });
  let ready = false;
  while (!ready) {
    ready = (await fetch(`${server.url}/readyz`).catch(() => undefined))?.status === 200;
    // A short pause, so the poll does not take a core from the server it is waiting for.
    if (!ready) await new Promise((resolve) => setTimeout(resolve, 2));
  }
  const ms = performance.now() - started;
  await server.stop();
  return ms;
}

/** Spawn → ready: `pairs` alternating rounds of bare node's spawn → exit and the CLI's. */
export async function measureSpawnToReady(apiBase, pairs = 5) {
  const bare = [];
  const ready = [];
  for (let i = 0; i < pairs; i++) {
    bare.push(await bareSpawnMs());
    ready.push(await readyMs(apiBase));
  }
  return {
    bare_ms: bare.map(Math.round),
    ready_ms: ready.map(Math.round),
    bare_ms_median: Math.round(median(bare)),
    ready_ms_median: Math.round(median(ready)),
  };
}

/** The sandbox in its own process on a free loopback port: the Eko double. */
export function startEkoDouble() {
  const proc = spawn(process.execPath, [SANDBOX_CLI], {
    env: { PATH: process.env.PATH ?? '', SANDBOX_PORT: '0', HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  process.once('exit', () => proc.kill('SIGKILL'));
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`The sandbox did not start:\n${output}`)),
      30_000,
    );
    proc.stdout.on('data', (chunk) => {
      output += String(chunk);
      const match = /(http:\/\/127\.0\.0\.1:\d+\/ekoapi\/v3)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ apiBase: match[1], stop: () => proc.kill('SIGTERM') });
      }
    });
    proc.stderr.on('data', (chunk) => {
      output += String(chunk);
    });
    proc.once('exit', (code) => reject(new Error(`The sandbox exited (${code}):\n${output}`)));
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const eko = await startEkoDouble();
  try {
    console.log(JSON.stringify(await measureColdStart(eko.apiBase), null, 2));
    console.log(JSON.stringify(await measureSpawnToReady(eko.apiBase), null, 2));
  } finally {
    eko.stop();
  }
}
