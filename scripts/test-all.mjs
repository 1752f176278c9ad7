// Runs every package's tests in turn, then the docs' snippet check and the consumer test, and
// prints one closing line: "N passed, N failed, N skipped". Each runner (vitest, web-test-runner,
// node:test, the two scripts) writes its counts in vitest's JSON shape (numPassedTests,
// numFailedTests, numPendingTests) to `${DLKYC_TEST_REPORT}-<label>.json`. A preflight first
// makes sure the browser suites have a Chromium (scripts/preflight.mjs).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureChromium } from './preflight.mjs';

const chromium = ensureChromium();
if (chromium.error) {
  console.error(`\n${chromium.error}\nNo tests were run.`);
  process.exit(1);
}
// Every runner launches this one, whichever of the usual places it was found in.
process.env.CHROMIUM_PATH = chromium.path;

const PACKAGES = ['shared', 'server', 'widget', 'test'];
/** Checks that span the packages, run from the root after the packages' own tests. */
const SUITES = [
  { name: 'docs', command: 'node scripts/check-doc-snippets.mjs' },
  { name: 'consumer', command: 'node test/consumer/run.mjs' },
];
const reports = mkdtempSync(join(tmpdir(), 'dlkyc-tests-'));
const totals = { passed: 0, failed: 0, skipped: 0 };
const failedPackages = [];

const runs = [
  ...PACKAGES.map((name) => ({ name, cwd: name, command: 'npx -y pnpm@10.34.9 run test' })),
  ...SUITES.map((suite) => ({ ...suite, cwd: '.' })),
];
for (const { name, cwd, command } of runs) {
  if (cwd !== '.') {
    const manifest = JSON.parse(readFileSync(join(cwd, 'package.json'), 'utf8'));
    if (!manifest.scripts?.test) continue;
    console.log(`\n--- ${name}: ${manifest.scripts.test}`);
  } else {
    console.log(`\n--- ${name}: ${command}`);
  }
  const prefix = join(reports, name);
  const [program, ...args] = command.split(' ');
  const run = spawnSync(program, args, {
    cwd,
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
