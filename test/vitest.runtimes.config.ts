// The fetch handler on each runtime (Node, Bun, Deno, workerd), each served in its own process.
import { defineConfig } from 'vitest/config';
import { reporters } from '../vitest.shared.js';

export default defineConfig({
  test: {
    include: ['runtimes/**/*.test.ts'],
    reporters: reporters('runtimes'),
    // One runtime at a time: each starts a server process of its own.
    fileParallelism: false,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
