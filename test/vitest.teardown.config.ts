// The suite that fails on purpose (e2e/support/fixtures), run only by e2e/teardown.test.ts in a
// vitest of its own, to show that a failing, hanging or killed suite leaves no process behind.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['e2e/support/fixtures/*.fixture.ts'],
    reporters: ['default'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    teardownTimeout: 5_000,
  },
});
