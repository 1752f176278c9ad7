// Runs every package's tests in turn and prints one closing line: "N passed, N failed, N skipped".
// Each package's runner writes a JSON report (vitest's json reporter shape: numPassedTests,
// numFailedTests, numPendingTests) to the file named by DLKYC_TEST_REPORT.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const PACKAGES = ['shared', 'server', 'widget', 'test'];
const reports = mkdtempSync(join(tmpdir(), 'dlkyc-tests-'));
const totals = { passed: 0, failed: 0, skipped: 0 };
const failedPackages = [];

for (const name of PACKAGES) {
  const manifest = JSON.parse(readFileSync(join(name, 'package.json'), 'utf8'));
  if (!manifest.scripts?.test) continue;
  const report = join(reports, `${name}.json`);
  console.log(`\n--- ${name}: ${manifest.scripts.test}`);
  const run = spawnSync('npx', ['-y', 'pnpm@10.34.9', 'run', 'test'], {
    cwd: name,
    stdio: 'inherit',
    env: { ...process.env, DLKYC_TEST_REPORT: report },
  });
  if (existsSync(report)) {
    const counts = JSON.parse(readFileSync(report, 'utf8'));
    totals.passed += counts.numPassedTests ?? 0;
    totals.failed += counts.numFailedTests ?? 0;
    totals.skipped += (counts.numPendingTests ?? 0) + (counts.numTodoTests ?? 0);
  }
  if (run.status !== 0 || !existsSync(report)) {
    failedPackages.push(name);
    if (!existsSync(report)) totals.failed += 1;
  }
}
rmSync(reports, { recursive: true, force: true });

if (failedPackages.length > 0) console.log(`\nFailing packages: ${failedPackages.join(', ')}`);
console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(failedPackages.length > 0 ? 1 : 0);
