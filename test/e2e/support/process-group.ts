// Process groups for the processes a journey starts: each child leads a group of its own, a stop
// ends the whole group (escalating to SIGKILL), and a guard process (group-guard.mjs) stops the
// group when the worker dies, however it dies.
import { type ChildProcess, type SpawnOptions, spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { RUN_MARKER } from '../../../scripts/leftover-processes.mjs';
import { GROUP_GUARD } from './paths.js';

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
