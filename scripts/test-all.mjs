// Runs every package's tests in turn and prints one closing line: "N passed, N failed, N skipped".
// Each runner of a package (vitest, web-test-runner, node:test) writes its counts in vitest's
// JSON shape (numPassedTests, numFailedTests, numPendingTests) to `${DLKYC_TEST_REPORT}-<label>.json`.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const PACKAGES = ['shared', 'server', 'widget', 'test'];
const reports = mkdtempSync(join(tmpdir(), 'dlkyc-tests-'));
const totals = { passed: 0, failed: 0, skipped: 0 };
const failedPackages = [];

for (const name of PACKAGES) {
  const manifest = JSON.parse(readFileSync(join(name, 'package.json'), 'utf8'));
  if (!manifest.scripts?.test) continue;
  const prefix = join(reports, name);
  console.log(`\n--- ${name}: ${manifest.scripts.test}`);
  const run = spawnSync('npx', ['-y', 'pnpm@10.34.9', 'run', 'test'], {
    cwd: name,
    stdio: 'inherit',
    env: { ...process.env, DLKYC_TEST_REPORT: prefix },
  });
  const files = readdirSync(reports).filter((file) => file.startsWith(`${name}-`));
  for (const file of files) {
    const counts = JSON.parse(readFileSync(join(reports, file), 'utf8'));
    totals.passed += counts.numPassedTests ?? 0;
    totals.failed += counts.numFailedTests ?? 0;
    totals.skipped += (counts.numPendingTests ?? 0) + (counts.numTodoTests ?? 0);
  }
  // A runner that crashed before reporting still fails the package, and counts as a failure.
  if (run.status !== 0 || files.length === 0) {
    failedPackages.push(name);
    if (files.length === 0) totals.failed += 1;
  }
}
rmSync(reports, { recursive: true, force: true });

if (failedPackages.length > 0) console.log(`\nFailing packages: ${failedPackages.join(', ')}`);
console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(failedPackages.length > 0 ? 1 : 0);
