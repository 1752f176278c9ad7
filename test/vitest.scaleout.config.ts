// Scale-out: two server instances, one Redis, one sandbox, a round-robin proxy; real processes.
import { defineConfig } from 'vitest/config';
import { reporters } from '../vitest.shared.js';

export default defineConfig({
  test: {
    include: ['scaleout/**/*.test.ts'],
    reporters: reporters('scaleout'),
    testTimeout: 30_000,
    hookTimeout: 120_000,
    teardownTimeout: 30_000,
  },
});
