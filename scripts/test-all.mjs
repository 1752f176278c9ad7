// Runs every package's tests in turn, then the docs' snippet check and the consumer test, and
// prints one closing line: "N passed, N failed, N skipped". Each runner (vitest, web-test-runner,
// node:test, the two scripts) writes its counts in vitest's JSON shape (numPassedTests,
// numFailedTests, numPendingTests) to `${DLKYC_TEST_REPORT}-<label>.json`. A preflight first
// makes sure every system tool the suites use is there (scripts/preflight.mjs); a last check
// fails the run if any process it started is still alive (scripts/leftover-processes.mjs).
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { controlCheck, killAll, RUN_MARKER, waitForLeftovers } from './leftover-processes.mjs';
import { ensureSystemDeps } from './preflight.mjs';

const deps = ensureSystemDeps();
if (deps.error) {
  console.error(`\n${deps.error}\nNo tests were run.`);
  process.exit(1);
}
// Every runner launches this one, whichever of the usual places it was found in.
process.env.CHROMIUM_PATH = deps.paths.Chromium;
// Next.js builds in the suites (test/e2e/nextjs.test.ts, the consumer test) never phone home.
process.env.NEXT_TELEMETRY_DISABLED = '1';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const runId = randomUUID();
const runStarted = Date.now();
// Inherited by every process the suites start, so that a leftover can be traced to this run.
process.env[RUN_MARKER] = runId;

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

// The last test: nothing the run started (servers, browsers, Redis) outlives it.
console.log('\n--- leftover processes: none may outlive the run');
const controlError = await controlCheck({ runId, root: ROOT });
const leftovers = await waitForLeftovers({ runId, root: ROOT, since: runStarted });
if (controlError || leftovers.length > 0) {
  failedPackages.push('leftover processes');
  totals.failed += 1;
  if (controlError) console.log(`The leftover check cannot work here: ${controlError}`);
  for (const { pid, command } of leftovers) console.log(`  still running: ${pid} ${command}`);
  killAll(leftovers);
} else {
  totals.passed += 1;
  console.log('No process of this run is left.');
}

if (failedPackages.length > 0) console.log(`\nFailing packages: ${failedPackages.join(', ')}`);
console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(failedPackages.length > 0 ? 1 : 0);
