// Loaded into the standalone server under the bench (`node --import memory-probe.mjs cli.js`):
// samples process.memoryUsage() every 50 ms and, on SIGUSR2, prints one `MEMORY_PROBE {json}`
// line with the sample of the highest resident set so far, split into the V8 heap, memory
// outside it that V8 tracks (Buffers, ArrayBuffers) and the rest (code, stacks, native).
let peak = process.memoryUsage();

setInterval(() => {
  const now = process.memoryUsage();
  if (now.rss > peak.rss) peak = now;
}, 50).unref();

process.on('SIGUSR2', () => {
  const now = process.memoryUsage();
  if (now.rss > peak.rss) peak = now;
  const sample = {
    rss: peak.rss,
    heap_total: peak.heapTotal,
    heap_used: peak.heapUsed,
    external: peak.external,
    array_buffers: peak.arrayBuffers,
    rest: peak.rss - peak.heapTotal - peak.external,
  };
  process.stdout.write(`MEMORY_PROBE ${JSON.stringify(sample)}\n`);
});
