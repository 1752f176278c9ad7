// Spawns the real processes a journey runs against (the demo start script, or the short-link
// server) on free loopback ports, each in a guarded process group, waits until they listen, and
// stops the whole group: nothing they started outlives the suite, whether it passed or not.

import type { ChildProcess } from 'node:child_process';
import { expectNoLeaks } from './journey.js';
import { DEMO_DIST, DEMO_START, SHORT_LINK_SERVER } from './paths.js';
import { freeConsecutivePorts, freePorts } from './ports.js';
import { spawnGroup } from './process-group.js';

export { freeConsecutivePorts, freePort, freePorts } from './ports.js';
export { type Group, groupMembers, spawnGroup } from './process-group.js';

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
