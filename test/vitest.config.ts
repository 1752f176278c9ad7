// End-to-end journeys in real Chromium against the built bundles and the real server processes.
// One browser and one server per file; files run one after another (each spawns its own ports,
// but two Chromiums plus servers on two cores would only make every timeout flaky).
import { defineConfig } from 'vitest/config';
import { reporters } from '../vitest.shared.js';

export default defineConfig({
  test: {
    include: ['e2e/**/*.test.ts'],
    reporters: reporters(),
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    teardownTimeout: 20_000,
    globalSetup: ['e2e/support/global-setup.ts'],
  },
});
