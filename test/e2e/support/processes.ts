// Spawns the real processes a journey runs against (the demo start script, or the short-link
// server) on free loopback ports, each in a guarded process group, waits until they listen, and
// stops the whole group: nothing they started outlives the suite, whether it passed or not.

import { type ChildProcess, type SpawnOptions, spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { RUN_MARKER } from '../../../scripts/leftover-processes.mjs';
import { expectNoLeaks } from './journey.js';
import { DEMO_DIST, DEMO_START, GROUP_GUARD, SHORT_LINK_SERVER } from './paths.js';

/**
 * The kernel's range for ports it picks itself (listen on 0, every outgoing connection), from
 * /proc; Linux's default where there is no /proc.
 */
function ephemeralRange(): [number, number] {
  try {
    const [low, high] = readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8')
      .trim()
      .split(/\s+/)
      .map(Number);
    if (Number.isInteger(low) && Number.isInteger(high)) return [low!, high!];
  } catch {
    // Not Linux.
  }
  return [32_768, 60_999];
}

/**
 * Where a harness picks the ports it hands to a process to listen on later: outside the
 * kernel's ephemeral range. A port picked inside it can be taken, between the pick and the
 * child's listen, by any outgoing connection on the machine (a browser, another suite), and the
 * child then fails with EADDRINUSE (seen in the stress runs).
 */
function pickablePorts(count: number): { from: number; to: number } {
  const [low, high] = ephemeralRange();
  const below = { from: 10_000, to: low - count };
  const above = { from: high + 1, to: 65_535 - count };
  return below.to - below.from >= above.to - above.from ? below : above;
}

async function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/**
 * A free base port whose next `count - 1` ports are free too (the demo's pages assume the
 * default layout: sandbox on PORT+1, the second origin on PORT+2), outside the ephemeral range.
 */
export async function freeConsecutivePorts(count: number): Promise<number[]> {
  const { from, to } = pickablePorts(count);
  for (let tries = 0; tries < 50; tries++) {
    const base = from + Math.floor(Math.random() * (to - from));
    const ports = Array.from({ length: count }, (_, i) => base + i);
    let free = true;
    for (const port of ports) {
      if (!(await isFree(port))) {
        free = false;
        break;
      }
    }
    if (free) return ports;
  }
  throw new Error(`No ${count} consecutive free ports found in ${from}-${to + count - 1}`);
}

/** A free loopback port for a process to listen on, outside the ephemeral range. */
export async function freePort(): Promise<number> {
  const [port] = await freeConsecutivePorts(1);
  return port!;
}

/** Distinct free ports, each outside the ephemeral range. */
export async function freePorts(count: number): Promise<number[]> {
  const ports = new Set<number>();
  while (ports.size < count) ports.add(await freePort());
  return [...ports];
}

export interface DemoUrls {
  server: string;
  sandbox: string;
  crossOrigin: string;
  pages: {
    index: string;
    scriptTag: string;
    module: string;
    react: string;
    hash: string;
    crossOrigin: string;
    strictCsp: string;
  };
}

export interface Running {
  child: ChildProcess;
  /** Everything the process printed, for failure messages. */
  output: () => string;
  stop(): Promise<void>;
}

function track(child: ChildProcess): {
  output: () => string;
  waitFor: (re: RegExp, ms: number) => Promise<RegExpExecArray>;
} {
  let text = '';
  const waiters: Array<() => void> = [];
  const onData = (chunk: Buffer) => {
    text += chunk.toString('utf8');
    for (const waiter of waiters.splice(0)) waiter();
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  const waitFor = (re: RegExp, ms: number) =>
    new Promise<RegExpExecArray>((resolve, reject) => {
      const timer = setTimeout(() => {
        reject(new Error(`Timed out after ${ms} ms waiting for ${re} in:\n${text}`));
      }, ms);
      const check = () => {
        const match = re.exec(text);
        if (match) {
          clearTimeout(timer);
          resolve(match);
          return;
        }
        if (child.exitCode !== null || child.signalCode !== null) {
          clearTimeout(timer);
          reject(new Error(`The process exited (${child.exitCode ?? child.signalCode}):\n${text}`));
          return;
        }
        waiters.push(check);
      };
      child.once('exit', () => {
        for (const waiter of waiters.splice(0)) waiter();
      });
      check();
    });
  return { output: () => text, waitFor };
}

/**
 * Runs every teardown step, each even if one before it failed or hung past `ms`, and then throws
 * the first failure: a browser that fails to close still lets the demo server stop.
 */
export async function teardown(
  steps: Array<[what: string, step: () => Promise<unknown> | unknown]>,
  ms = 15_000,
): Promise<void> {
  const failures: unknown[] = [];
  for (const [what, step] of steps) {
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        Promise.resolve().then(step),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error(`${what} did not stop within ${ms} ms`)), ms);
        }),
      ]);
    } catch (error) {
      failures.push(error);
    } finally {
      clearTimeout(timer);
    }
  }
  if (failures.length > 0) throw failures[0];
}

/**
 * Starts everything a suite needs at once and hands each one over as soon as it is up, so that
 * afterAll can stop what started even when another part failed to start.
 */
export async function startTogether<T extends unknown[]>(
  starts: { [K in keyof T]: [start: () => Promise<T[K]>, keep: (value: T[K]) => void] },
): Promise<void> {
  const results = await Promise.allSettled(
    (starts as Array<[() => Promise<unknown>, (value: unknown) => void]>).map(
      async ([start, keep]) => keep(await start()),
    ),
  );
  const failed = results.find((result) => result.status === 'rejected');
  if (failed) throw (failed as PromiseRejectedResult).reason;
}

/**
 * Live (non-zombie) members of process group `pgid`, read from /proc. Where there is no /proc,
 * whether the group still exists at all (signal 0), as a one-element list.
 */
export function groupMembers(pgid: number): number[] {
  if (!existsSync('/proc/self/stat')) {
    try {
      process.kill(-pgid, 0);
      return [pgid];
    } catch {
      return [];
    }
  }
  const found: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const [state, , group] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(group) === pgid && state !== 'Z') found.push(Number(name));
    } catch {
      // Exited while being read.
    }
  }
  return found;
}

function signalGroup(pgid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pgid, signal);
  } catch {
    // No such group any more.
  }
}

async function groupGone(pgid: number, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (groupMembers(pgid).length > 0) {
    if (Date.now() >= deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return true;
}

/**
 * The groups this worker started and has not seen empty. The leader exiting is not enough: what
 * it started (the demo's signing server) stays in the group and would be orphaned.
 */
const live = new Set<number>();
function killLive(): void {
  for (const pgid of live) signalGroup(pgid, 'SIGKILL');
}
process.once('exit', killLive);
// A worker ended by a signal (a runner's timeout, Ctrl-C) never sees 'exit': kill the groups,
// then die of the same signal, as it would have without this handler. A worker killed outright
// (vitest sends SIGKILL 500 ms after SIGTERM, sooner than a busy worker may run this) is covered
// by each group's guard process instead.
for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) {
  process.once(signal, () => {
    killLive();
    process.kill(process.pid, signal);
  });
}

/**
 * A guard (group-guard.mjs) that stops group `pgid` when this worker dies in any way: it reads
 * our end of a pipe, which the kernel closes with the worker. `release()` ends it normally.
 */
function guardGroup(pgid: number): { release: () => Promise<void> } {
  const guard = spawn(process.execPath, [GROUP_GUARD, String(pgid)], {
    stdio: ['pipe', 'ignore', 'inherit'],
    detached: true,
  });
  // Neither the guard nor its pipe keeps this worker's event loop alive.
  guard.unref();
  (guard.stdin as unknown as { unref?: () => void } | null)?.unref?.();
  guard.stdin?.on('error', () => undefined);
  const exited = new Promise<void>((resolve) => {
    if (guard.exitCode !== null || guard.signalCode !== null) resolve();
    else guard.once('exit', () => resolve());
  });
  return {
    release: async () => {
      guard.stdin?.end();
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
    },
  };
}

export interface Group {
  child: ChildProcess;
  /**
   * SIGTERM to the leader and up to `graceMs` for it to exit by itself (the demo forwards the
   * signal and drains); then SIGTERM and, 2 s later, SIGKILL to whatever is still in the group.
   * Resolves once the group is empty; throws naming the pids if SIGKILL did not empty it.
   */
  stop(graceMs?: number): Promise<void>;
}

/**
 * Spawns `command` as the leader of a new process group (with everything it starts in that
 * group), guarded so that the whole group is stopped whether the suite passes, fails, or its
 * worker is killed.
 */
export function spawnGroup(
  command: string,
  args: readonly string[],
  options: Omit<SpawnOptions, 'detached'>,
): Group {
  // A harness that passes its own environment still hands down the run's marker, so a leftover
  // can be traced to its run (scripts/leftover-processes.mjs).
  const marker = process.env[RUN_MARKER];
  const env = options.env && marker ? { ...options.env, [RUN_MARKER]: marker } : options.env;
  const child = spawn(command, args, { ...options, env, detached: true });
  const pgid = child.pid;
  if (pgid === undefined) {
    // spawn failed (ENOENT...): the 'error' event says why; there is no group to stop.
    return { child, stop: async () => undefined };
  }
  live.add(pgid);
  const guard = guardGroup(pgid);
  let stopped: Promise<void> | undefined;
  const stop = (graceMs = 8_000) => {
    stopped ??= (async () => {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, graceMs))]);
      }
      if (!(await groupGone(pgid, 0))) {
        signalGroup(pgid, 'SIGTERM');
        if (!(await groupGone(pgid, 2_000))) {
          signalGroup(pgid, 'SIGKILL');
          if (!(await groupGone(pgid, 3_000))) {
            throw new Error(
              `Process group ${pgid} (${command}) still has ${groupMembers(pgid).join(', ')} after SIGKILL`,
            );
          }
        }
      }
      live.delete(pgid);
      await guard.release();
    })();
    return stopped;
  };
  return { child, stop };
}

export interface DemoOptions {
  /** SANDBOX_FAULTS for every sandbox response. */
  faults?: string;
  env?: Record<string, string>;
}

/** `node demo/scripts/start.mjs` on three free ports: server, sandbox, cross-origin pages. */
export async function startDemo(options: DemoOptions = {}): Promise<Running & { urls: DemoUrls }> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startDemoOnce(options);
    } catch (error) {
      // Something else took one of the picked ports between the pick and the listen: pick again.
      if (attempt < 3 && /EADDRINUSE/.test(String(error))) continue;
      throw error;
    }
  }
}

async function startDemoOnce(options: DemoOptions): Promise<Running & { urls: DemoUrls }> {
  const [port, sandboxPort, xoPort] = await freeConsecutivePorts(3);
  const { child, stop: stopGroup } = spawnGroup(process.execPath, [DEMO_START], {
    env: {
      PATH: process.env.PATH ?? '',
      HOST: '127.0.0.1',
      PORT: String(port),
      SANDBOX_PORT: String(sandboxPort),
      DEMO_XO_PORT: String(xoPort),
      // Info: every request is logged, so the leak check on stop has something to read.
      LOG_LEVEL: 'info',
      // Journeys create many attempts from one address; the limiter has its own server tests.
      RATE_LIMIT_PER_MINUTE: '0',
      ...(options.faults ? { SANDBOX_FAULTS: options.faults } : {}),
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const { output, waitFor } = track(child);
  // A demo that did not get ready is stopped here: the caller never gets a handle to stop it.
  const match = await waitFor(/^DEMO_READY (.+)$/m, 20_000).catch(async (error) => {
    await stopGroup().catch(() => undefined);
    throw error;
  });
  const urls = JSON.parse(match[1]!) as DemoUrls;
  const stop = async () => {
    await stopGroup();
    expectNoLeaks(output(), 'the demo server and sandbox logs');
  };
  return { child, output, urls, stop };
}

/** The signing server with a short DigiLocker link lifetime (the CLI cannot shorten it). */
export async function startShortLinkServer(
  linkLifetimeMs: number,
): Promise<Running & { origin: string; sandbox: string }> {
  const [port, sandboxPort] = await freePorts(2);
  const { child, stop } = spawnGroup(process.execPath, [SHORT_LINK_SERVER], {
    env: {
      PATH: process.env.PATH ?? '',
      HOST: '127.0.0.1',
      PORT: String(port),
      SANDBOX_PORT: String(sandboxPort),
      STATIC_DIR: DEMO_DIST,
      LOG_LEVEL: 'warn',
      RATE_LIMIT_PER_MINUTE: '0',
      LINK_LIFETIME_MS: String(linkLifetimeMs),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const { output, waitFor } = track(child);
  await waitFor(/^SHORT_LINK_READY$/m, 20_000).catch(async (error) => {
    await stop().catch(() => undefined);
    throw error;
  });
  return {
    child,
    output,
    origin: `http://127.0.0.1:${port}`,
    sandbox: `http://127.0.0.1:${sandboxPort}`,
    stop: () => stop(),
  };
}
