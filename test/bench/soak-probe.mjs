// Loaded into the server under soak (`node --expose-gc --import soak-probe.mjs cli.js`): on
// SIGUSR2 it collects garbage and prints one `SOAK_PROBE {json}` line with the heap left after
// it, the resident set and the open file descriptors, so growth is measured, not garbage.
import { readdirSync } from 'node:fs';

process.on('SIGUSR2', () => {
  globalThis.gc?.();
  const memory = process.memoryUsage();
  const sample = {
    rss: memory.rss,
    heap_used: memory.heapUsed,
    heap_total: memory.heapTotal,
    external: memory.external,
    fds: readdirSync('/proc/self/fd').length,
    gc: typeof globalThis.gc === 'function',
  };
  process.stdout.write(`SOAK_PROBE ${JSON.stringify(sample)}\n`);
});
