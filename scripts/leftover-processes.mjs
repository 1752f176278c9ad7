// Finds processes a test run left behind (servers, browsers, Redis): every process started after
// the run began that carries the run's marker variable or runs in the repository, other than the
// runner and its ancestors. scripts/test-all.mjs checks this last and fails the run on any.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { sep } from 'node:path';

/** The variable every process of a run inherits (unless a harness replaced its environment). */
export const RUN_MARKER = 'DLKYC_TEST_RUN';

const TICKS_PER_SECOND = 100; // USER_HZ: 100 on every Linux architecture Node runs on
const bootTime = () => Number(/^btime (\d+)$/m.exec(readFileSync('/proc/stat', 'utf8'))?.[1]);

/** Milliseconds since the epoch at which a process started, from /proc/<pid>/stat. */
function startedAt(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Field 22 (starttime), counted after the ")" that closes the command name.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return bootTime() * 1000 + (Number(fields[19]) / TICKS_PER_SECOND) * 1000;
}

function parentOf(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
}

function ancestors(pid) {
  const chain = new Set();
  for (let current = pid; current > 1; current = parentOf(current)) chain.add(current);
  return chain;
}

/**
 * Processes of a run that are still alive: started at or after `since` (ms), and either carrying
 * `${RUN_MARKER}=${runId}` in their environment or having their working directory in `root`
 * (when given: leave it out where other runs share the checkout, and go by the marker alone).
 * Returns [{ pid, command }], the runner itself and its ancestors left out.
 */
export function findLeftovers({ runId, root, since, self = process.pid }) {
  const own = ancestors(self);
  const marker = `${RUN_MARKER}=${runId}`;
  const found = [];
  for (const name of readdirSync('/proc')) {
    const pid = Number(name);
    if (!Number.isInteger(pid) || own.has(pid)) continue;
    try {
      if (startedAt(pid) < since - 1_000) continue; // clock ticks round down: a second of slack
      const environ = readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0');
      const cwd = readlinkSync(`/proc/${pid}/cwd`);
      const inRepo =
        root !== undefined &&
        (cwd === root || cwd.startsWith(root.endsWith(sep) ? root : root + sep));
      if (!environ.includes(marker) && !inRepo) continue;
      const command = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim();
      // A zombie has no command line and is gone once its parent reaps it.
      if (command) found.push({ pid, command });
    } catch {
      // The process exited while being read, or is not ours to read.
    }
  }
  return found;
}

/** Waits up to `graceMs` for the leftovers to exit by themselves; returns those still there. */
export async function waitForLeftovers(options, graceMs = 10_000) {
  const deadline = Date.now() + graceMs;
  let left = findLeftovers(options);
  while (left.length > 0 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    left = findLeftovers(options);
  }
  return left;
}

/** SIGKILL each process (and its group, if it leads one), so that a failed run cleans up too. */
export function killAll(processes) {
  for (const { pid } of processes) {
    for (const target of [-pid, pid]) {
      try {
        process.kill(target, 'SIGKILL');
      } catch {
        // No such group, or already gone.
      }
    }
  }
}

/**
 * The control: a detached process that carries the marker must be found, or the check could not
 * fail. Returns an error message, or undefined when the detector works.
 */
export async function controlCheck({ runId, root }) {
  const since = Date.now();
  const child = spawn('sleep', ['30'], {
    cwd: '/',
    detached: true,
    stdio: 'ignore',
    env: { ...process.env, [RUN_MARKER]: runId },
  });
  child.unref();
  await new Promise((resolve) => child.once('spawn', resolve));
  // Spawned means forked: wait until the new program image (and its /proc entry) is in place.
  for (let i = 0; i < 20 && !findLeftovers({ runId, root, since }).length; i++) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const seen = findLeftovers({ runId, root, since }).some(({ pid }) => pid === child.pid);
  killAll([{ pid: child.pid }]);
  return seen ? undefined : `the control process (sleep, pid ${child.pid}) was not detected`;
}
