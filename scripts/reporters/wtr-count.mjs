// A web-test-runner reporter that writes pass/fail/skip counts for the root test command, in
// vitest's JSON field names, to `${DLKYC_TEST_REPORT}-wtr.json` when that variable is set.
import { writeFileSync } from 'node:fs';

function count(suite, totals) {
  for (const test of suite?.tests ?? []) {
    if (test.skipped) totals.numPendingTests++;
    else if (test.passed) totals.numPassedTests++;
    else totals.numFailedTests++;
  }
  for (const child of suite?.suites ?? []) count(child, totals);
}

export function countReporter() {
  return {
    onTestRunFinished({ sessions }) {
      const prefix = process.env.DLKYC_TEST_REPORT;
      if (!prefix) return;
      const totals = { numPassedTests: 0, numFailedTests: 0, numPendingTests: 0 };
      for (const session of sessions) {
        count(session.testResults, totals);
        // A file that failed to load or threw outside a test counts as one failure.
        if (!session.passed && (session.errors?.length ?? 0) > 0) totals.numFailedTests++;
      }
      writeFileSync(`${prefix}-wtr.json`, JSON.stringify(totals));
    },
  };
}
