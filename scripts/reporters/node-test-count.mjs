// A node:test reporter that writes pass/fail/skip counts for the root test command, in
// vitest's JSON field names, to `${DLKYC_TEST_REPORT}-node.json` when that variable is set.
import { writeFileSync } from 'node:fs';

export default async function* countReporter(source) {
  const totals = { numPassedTests: 0, numFailedTests: 0, numPendingTests: 0 };
  for await (const event of source) {
    // Suites report too; only leaf tests are counted.
    if (event.data?.details?.type === 'suite') continue;
    if (event.type === 'test:pass') {
      if (event.data.skip || event.data.todo) totals.numPendingTests++;
      else totals.numPassedTests++;
    } else if (event.type === 'test:fail') {
      totals.numFailedTests++;
    }
  }
  const prefix = process.env.DLKYC_TEST_REPORT;
  if (prefix) writeFileSync(`${prefix}-node.json`, JSON.stringify(totals));
  yield '';
}
