// No process outlives a journey suite, however it ends: a suite that fails on purpose
// (support/fixtures/fails-on-purpose.fixture.ts) runs in a vitest of its own, once per way of
// ending (a failing test, the demo's start script killed alone, the worker killed, the whole
// runner killed), and afterwards none of the processes it recorded, and no process carrying its
// run's marker, is alive.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  findLeftovers,
  killAll,
  RUN_MARKER,
  waitForLeftovers,
} from '../../scripts/leftover-processes.mjs';
import { groupMembers } from './support/processes.js';

const TEST_DIR = join(import.meta.dirname, '..');
const VITEST = join(
  dirname(createRequire(join(TEST_DIR, 'package.json')).resolve('vitest/package.json')),
  'vitest.mjs',
);
const work = mkdtempSync(join(tmpdir(), 'dlkyc-teardown-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface Recorded {
  pid: number;
  command: string;
}

function alive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
}

async function waitFor<T>(what: string, ms: number, check: () => T | undefined): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${ms} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Runs the fixture suite in `mode`; resolves with its exit and what it recorded as started. */
async function runFixture(mode: string): Promise<{
  code: number | null;
  signal: NodeJS.Signals | null;
  recorded: Recorded[];
  leftovers: Recorded[];
  output: string;
}> {
  const runId = randomUUID();
  const since = Date.now();
  const pidsFile = join(work, `${mode}.json`);
  const runner: ChildProcess = spawn(
    process.execPath,
    [VITEST, 'run', '--config', 'vitest.teardown.config.ts'],
    {
      cwd: TEST_DIR,
      // Its own group, so that the 'timeout' mode can kill the runner and its worker together.
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        TEARDOWN_MODE: mode,
        TEARDOWN_PIDS_FILE: pidsFile,
        [RUN_MARKER]: runId,
      },
    },
  );
  let output = '';
  runner.stdout?.on('data', (chunk: Buffer) => (output += chunk));
  runner.stderr?.on('data', (chunk: Buffer) => (output += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    runner.once('exit', (code, signal) => resolve({ code, signal })),
  );
  try {
    const recorded = await Promise.race([
      waitFor(`${pidsFile} from the ${mode} fixture`, 90_000, () =>
        existsSync(pidsFile)
          ? (JSON.parse(readFileSync(pidsFile, 'utf8')) as Recorded[])
          : undefined,
      ),
      exited.then(() => {
        if (!existsSync(pidsFile))
          throw new Error(`The fixture ended before recording:\n${output}`);
        return JSON.parse(readFileSync(pidsFile, 'utf8')) as Recorded[];
      }),
    ]);
    if (mode === 'timeout' && runner.pid !== undefined) process.kill(-runner.pid, 'SIGKILL');
    const exit = await Promise.race([
      exited,
      new Promise<never>((_, reject) =>
        setTimeout(() => reject(new Error(`The ${mode} fixture did not end:\n${output}`)), 90_000),
      ),
    ]);
    // The guards act within a few seconds of their worker's end; wait for them, bounded.
    const leftovers = await waitForLeftovers({ runId, since }, 15_000);
    return { ...exit, recorded, leftovers, output };
  } finally {
    if (runner.pid !== undefined && groupMembers(runner.pid).length > 0) {
      process.kill(-runner.pid, 'SIGKILL');
    }
    killAll(findLeftovers({ runId, since }));
  }
}

describe('a journey suite that fails leaves no process', { timeout: 240_000 }, () => {
  for (const mode of ['fail', 'orphan', 'killed', 'timeout']) {
    it(`when ${mode}`, async () => {
      const run = await runFixture(mode);
      // It did fail, and it had started the demo: its start script and signing server, and a
      // process carrying the run's marker in a group of its own.
      expect(run.signal ?? run.code, run.output).not.toBe(0);
      const commands = run.recorded.map((entry) => entry.command).join('\n');
      expect(commands).toMatch(/demo\/scripts\/start\.mjs/);
      expect(commands).toMatch(/server\/dist\/cli\.js/);
      expect(commands).toMatch(/^sleep 600$/m);
      // None of them, and nothing else of that run, is left.
      expect(run.recorded.filter((entry) => alive(entry.pid))).toEqual([]);
      expect(run.leftovers).toEqual([]);
    });
  }
});
