// Preloaded into the built CLI by src/cli/young-generation.test.ts: on SIGUSR2 it allocates as a
// burst of requests does (a few MB alive at any time, far more short-lived) and writes the size
// V8 gave the young generation to DLKYC_PROBE_OUT.
import { writeFileSync } from 'node:fs';
import { getHeapSpaceStatistics } from 'node:v8';

process.on('SIGUSR2', () => {
  let alive = [];
  for (let i = 0; i < 3_000_000; i++) {
    alive.push({ id: i, text: `request ${i}` });
    if (alive.length > 20_000) alive = [];
  }
  const young = getHeapSpaceStatistics().find((space) => space.space_name === 'new_space');
  writeFileSync(process.env.DLKYC_PROBE_OUT ?? '', String(young?.space_size ?? -1));
});
