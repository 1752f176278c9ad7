// The consumer test's small runner: named steps with pass/fail/skip counts, commands with time
// limits, and helpers to wait for a server started as a child process.
import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';

export class Steps {
  passed = 0;
  failed = 0;
  skipped = 0;

  /**
   * Runs `fn` as one counted step of `group`. Once a step of a group fails, the group's later
   * steps are skipped (counted), since they would only repeat the same failure.
   */
  async run(group, name, fn) {
    if (group.failed) {
      this.skipped++;
      console.log(`- ${group.name}: ${name} (skipped: an earlier step failed)`);
      return undefined;
    }
    const started = Date.now();
    try {
      const value = await fn();
      this.passed++;
      console.log(`✓ ${group.name}: ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
      return value;
    } catch (error) {
      this.failed++;
      group.failed = true;
      console.log(
        `✗ ${group.name}: ${name}\n${indent(error instanceof Error ? error.message : String(error))}`,
      );
      return undefined;
    }
  }

  skip(group, names, why) {
    for (const name of names) {
      this.skipped++;
      console.log(`- ${group.name}: ${name} (skipped: ${why})`);
    }
  }
}

const indent = (text) =>
  text
    .trim()
    .split('\n')
    .slice(-40)
    .map((line) => `    ${line}`)
    .join('\n');

/** Runs a command to completion within `timeoutMs`; throws with its output when it fails. */
export function sh(command, args, { cwd, env, timeoutMs = 300_000 } = {}) {
  const run = spawnSync(command, args, {
    cwd,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    timeout: timeoutMs,
    maxBuffer: 32 * 1024 * 1024,
  });
  const output = `${run.stdout ?? ''}${run.stderr ?? ''}`;
  if (run.error?.code === 'ETIMEDOUT') {
    throw new Error(
      `${command} ${args.join(' ')} took longer than ${timeoutMs / 1000} s\n${output}`,
    );
  }
  if (run.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} exited with ${run.status}\n${output}`);
  }
  return output;
}

/** A free TCP port on 127.0.0.1. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Starts a long-running process; `stop()` ends it (SIGTERM, then SIGKILL after 5 s). */
export function start(command, args, { cwd, env }) {
  const child = spawn(command, args, {
    cwd,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true, // its own process group, so npx's child dies with it
  });
  let output = '';
  child.stdout.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr.on('data', (chunk) => {
    output += chunk;
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  return {
    output: () => output,
    exited,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      process.kill(-child.pid, 'SIGTERM');
      const timer = setTimeout(() => process.kill(-child.pid, 'SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Polls `url` until it answers `status`, or throws after `timeoutMs` with the process's output. */
export async function waitForUrl(url, proc, { status = 200, timeoutMs = 30_000 } = {}) {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer';
  while (Date.now() < deadline) {
    if (proc && (await Promise.race([proc.exited.then(() => true), delay(0, false)]))) {
      throw new Error(`The process exited before ${url} answered.\n${proc.output()}`);
    }
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      if (res.status === status) return res;
      last = `HTTP ${res.status}`;
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    }
    await delay(200);
  }
  throw new Error(
    `${url} did not answer ${status} within ${timeoutMs / 1000} s (${last}).\n${proc?.output() ?? ''}`,
  );
}

const delay = (ms, value) => new Promise((resolve) => setTimeout(() => resolve(value), ms));

export function assert(condition, message) {
  if (!condition) throw new Error(message);
}
