// Stops a process group once the test worker that started it is gone, however it went (a failed
// suite, a hook timeout, vitest's SIGTERM-then-SIGKILL of a stuck worker): the worker holds this
// process's stdin, and the kernel closes that pipe when the worker dies, even by SIGKILL.
//
//   node group-guard.mjs <pgid> [graceMs]
//
// On end of stdin: SIGTERM to the group, SIGKILL after graceMs (default 3000) to whatever is
// left, then exit. A worker that stopped the group itself just closes stdin; the guard then finds
// the group empty and exits at once. It runs in its own process group, so a signal to the
// worker's group does not reach it.
import { readdirSync, readFileSync } from 'node:fs';

const pgid = Number(process.argv[2]);
const graceMs = Number(process.argv[3] ?? 3_000);
if (!Number.isInteger(pgid) || pgid <= 1 || !Number.isFinite(graceMs)) {
  process.stderr.write(`group-guard: expected <pgid> [graceMs], got ${process.argv.slice(2)}\n`);
  process.exit(2);
}

/** Live (non-zombie) members of the group, from /proc; a zombie is gone once it is reaped. */
function members() {
  const found = [];
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

function signal(name) {
  try {
    process.kill(-pgid, name);
  } catch {
    // No such group any more.
  }
}

// Signals meant for the worker's terminal (Ctrl-C) must not stop the guard before it has acted.
for (const name of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(name, () => undefined);

let stopping = false;
async function stopGroup() {
  if (stopping) return;
  stopping = true;
  if (members().length > 0) {
    signal('SIGTERM');
    const deadline = Date.now() + graceMs;
    while (members().length > 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    signal('SIGKILL');
  }
  process.exit(0);
}

process.stdin.on('end', stopGroup);
process.stdin.on('close', stopGroup);
process.stdin.on('error', stopGroup);
process.stdin.resume();
