// Vitest settings every package shares: the default reporter, plus a JSON report for the root
// test command at `${DLKYC_TEST_REPORT}-<label>.json` (scripts/test-all.mjs sums them).
import type { ViteUserConfig } from 'vitest/config';

type Reporters = NonNullable<NonNullable<ViteUserConfig['test']>['reporters']>;

export function reporters(label = 'vitest'): Reporters {
  const prefix = process.env.DLKYC_TEST_REPORT;
  return prefix ? ['default', ['json', { outputFile: `${prefix}-${label}.json` }]] : ['default'];
}
