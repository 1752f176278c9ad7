import { defineConfig } from 'vitest/config';
import { reporters } from '../vitest.shared.js';

export default defineConfig({
  test: {
    include: ['load/**/*.test.ts'],
    fileParallelism: false,
    reporters: reporters('load'),
  },
});
