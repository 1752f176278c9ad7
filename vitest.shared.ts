// Vitest settings every package shares: the default reporter, plus a JSON report for the root
// test command when DLKYC_TEST_REPORT names a file (scripts/test-all.mjs sums them).
import type { ViteUserConfig } from 'vitest/config';

type Reporters = NonNullable<NonNullable<ViteUserConfig['test']>['reporters']>;

export function reporters(): Reporters {
  const file = process.env.DLKYC_TEST_REPORT;
  return file ? ['default', ['json', { outputFile: file }]] : ['default'];
}
