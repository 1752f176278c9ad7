#!/usr/bin/env node
// Runs one browser's e2e suite N times in a row beside CPU-burning processes and prints a table
// (run, pass/fail, tests, duration, load average, leftover processes), to show a suite is not
// flaky on a loaded machine. Bounded everywhere: a number of runs, a cap per run and for the
// whole loop, burners that stop by themselves at the cap, loopback only (the suites' own rule).
//
//   node scripts/stress-e2e.mjs --browser chromium|webkit|firefox [--runs 10] [--burners 1]
//        [--run-minutes 20] [--max-minutes 240] [--no-build] [--stop-on-fail] [--logs DIR]
//
// Chromium's suite is every test/e2e file except firefox*.test.ts and webkit.test.ts; WebKit's
// is webkit.test.ts; Firefox's is firefox*.test.ts. Each run's full output is kept in the logs
// folder (one file per run) so a failure can be read afterwards.
import { spawn, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createWriteStream, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { killAll, RUN_MARKER, waitForLeftovers } from './leftover-processes.mjs';
import { ensureSystemDeps } from './preflight.mjs';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const TEST_DIR = join(ROOT, 'test');
const E2E_DIR = join(TEST_DIR, 'e2e');
const PNPM = ['-y', 'pnpm@10.34.9'];

const SUITES = {
  chromium: (file) => !file.startsWith('firefox') && file !== 'webkit.test.ts',
  webkit: (file) => file === 'webkit.test.ts',
  firefox: (file) => file.startsWith('firefox'),
};

function usage(message) {
  console.error(`stress-e2e: ${message}`);
  console.error(
    'Usage: node scripts/stress-e2e.mjs --browser chromium|webkit|firefox [--runs N] [--burners N]' +
      ' [--run-minutes M] [--max-minutes M] [--no-build] [--stop-on-fail] [--logs DIR]',
  );
  process.exit(2);
}

/** A whole number option within [min, max], or a usage error naming the option and the range. */
function bounded(name, raw, fallback, min, max) {
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    usage(`--${name} must be a whole number from ${min} to ${max}; got "${raw}"`);
  }
  return Number(raw);
}

const { values } = parseArgs({
  options: {
    browser: { type: 'string' },
    runs: { type: 'string' },
    burners: { type: 'string' },
    'run-minutes': { type: 'string' },
    'max-minutes': { type: 'string' },
    'no-build': { type: 'boolean', default: false },
    'stop-on-fail': { type: 'boolean', default: false },
    logs: { type: 'string' },
  },
});
const browser = values.browser;
if (!browser || !(browser in SUITES)) {
  usage(`--browser must be one of ${Object.keys(SUITES).join(', ')}; got "${browser ?? ''}"`);
}
const runs = bounded('runs', values.runs, 10, 1, 100);
const burners = bounded('burners', values.burners, 1, 0, 4);
const runMinutes = bounded('run-minutes', values['run-minutes'], 20, 1, 120);
const maxMinutes = bounded('max-minutes', values['max-minutes'], 240, 1, 24 * 60);
const logs = resolve(values.logs ?? join(tmpdir(), `dlkyc-stress-${browser}-${Date.now()}`));
mkdirSync(logs, { recursive: true });

const files = readdirSync(E2E_DIR)
  .filter((file) => file.endsWith('.test.ts') && SUITES[browser](file))
  .sort();
if (files.length === 0) usage(`no e2e files for ${browser} in ${E2E_DIR}`);

const deps = ensureSystemDeps({ install: false });
if (deps.error) {
  console.error(`stress-e2e: ${deps.error}`);
  process.exit(1);
}

const loopStarted = Date.now();
const deadline = loopStarted + maxMinutes * 60_000;

if (!values['no-build']) {
  console.log('stress-e2e: building once (pnpm run build)…');
  const build = spawnSync('npx', [...PNPM, 'run', 'build'], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
  });
  if (build.status !== 0) {
    console.error(`stress-e2e: the build failed (exit ${build.status}); no run was started`);
    process.exit(1);
  }
}

/**
 * One CPU-bound process that spins until `until` (ms since the epoch) and then exits by itself,
 * so it never outlives the loop even if this script is killed without a chance to stop it.
 */
function startBurner(until) {
  const code = `const end=${until};let x=0;while(Date.now()<end){for(let i=0;i<1e6;i++)x+=i;}`;
  const child = spawn(process.execPath, ['-e', code], { stdio: 'ignore', detached: true });
  child.unref();
  return child;
}
const burnerProcesses = Array.from({ length: burners }, () => startBurner(deadline));
const stopBurners = () => {
  for (const child of burnerProcesses) {
    try {
      process.kill(child.pid, 'SIGKILL');
    } catch {
      // Exited by itself already.
    }
  }
};
/** The process group of the run in progress, stopped with the loop if the loop is stopped. */
let current;
process.once('exit', stopBurners);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.once(signal, () => {
    stopBurners();
    try {
      if (current !== undefined) process.kill(-current, 'SIGKILL');
    } catch {
      // Already gone.
    }
    process.kill(process.pid, signal);
  });
}

// The vitest the test package resolves (hoisted to the root's node_modules by pnpm).
const vitest = join(
  dirname(createRequire(join(TEST_DIR, 'package.json')).resolve('vitest/package.json')),
  'vitest.mjs',
);

/** One run of the suite in its own process group, killed as a group at the per-run cap. */
async function runOnce(index) {
  const runId = randomUUID();
  const started = Date.now();
  // The tree each run tested: the harness may change between the runs of a long loop.
  const head = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' });
  const dirty = spawnSync('git', ['status', '--porcelain', '--', 'test', 'scripts'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  const commit = `${head.stdout.trim()}${dirty.stdout.trim() ? '+dirty' : ''}`;
  const report = join(logs, `report-${index}`);
  const log = createWriteStream(join(logs, `run-${index}.log`));
  const samples = [];
  const sampler = setInterval(() => samples.push(loadavg()[0]), 5_000);
  const cap = Math.min(runMinutes * 60_000, Math.max(0, deadline - started));
  const child = spawn(process.execPath, [vitest, 'run', ...files.map((f) => `e2e/${f}`)], {
    cwd: TEST_DIR,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      CHROMIUM_PATH: deps.paths.Chromium,
      NEXT_TELEMETRY_DISABLED: '1',
      DLKYC_TEST_REPORT: report,
      [RUN_MARKER]: runId,
    },
  });
  current = child.pid;
  child.stdout.pipe(log, { end: false });
  child.stderr.pipe(log, { end: false });
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }, cap);
  const exit = await new Promise((done) =>
    child.once('close', (code, signal) => done({ code, signal })),
  );
  current = undefined;
  clearTimeout(timer);
  clearInterval(sampler);
  await new Promise((done) => log.end(done));
  const duration = Date.now() - started;
  // Whatever this run started and left behind is counted, then stopped, so the next run starts clean.
  // By the run's marker alone: other runs in the same checkout may be going on at the same time.
  const leftovers = await waitForLeftovers({ runId, since: started }, 10_000);
  killAll(leftovers);
  let counts = {};
  try {
    // Kept beside the run's log: a failure's messages and each file's start and end times.
    counts = JSON.parse(readFileSync(`${report}-vitest.json`, 'utf8'));
  } catch {
    // The runner crashed or was killed before writing its report.
  }
  // A test that passed only on a retry (the WebKit journeys allow one) keeps its first failure.
  const results = (counts.testResults ?? []).flatMap((file) => file.assertionResults ?? []);
  const retriedInReport = results.filter(
    (test) => test.status === 'passed' && test.failureMessages?.length > 0,
  ).length;
  const output = readFileSync(join(logs, `run-${index}.log`), 'utf8');
  const retriedInLog = (output.match(/\(retry x\d+\)/g) ?? []).length;
  const ok = exit.code === 0 && !timedOut && leftovers.length === 0;
  const load = samples.length ? samples.reduce((a, b) => a + b, 0) / samples.length : loadavg()[0];
  return {
    run: index,
    commit,
    result: ok ? 'pass' : timedOut ? 'timeout' : 'FAIL',
    tests: `${counts.numPassedTests ?? '?'}/${counts.numTotalTests ?? '?'}`,
    failed: counts.numFailedTests ?? '?',
    minutes: (duration / 60_000).toFixed(1),
    load: `${load.toFixed(1)} (max ${Math.max(...samples, loadavg()[0]).toFixed(1)})`,
    leftovers: leftovers.length,
    retried: Math.max(retriedInReport, retriedInLog),
    leftoverCommands: leftovers.map(({ pid, command }) => `${pid} ${command.slice(0, 160)}`),
    failures: results.filter((test) => test.status === 'failed').map((test) => test.fullName),
  };
}

console.log(
  `stress-e2e: ${browser}: ${files.length} files, up to ${runs} runs, ${burners} burner(s),` +
    ` ${runMinutes} min per run, ${maxMinutes} min in all; logs in ${logs}`,
);
const rows = [];
let streak = 0;
for (let index = 1; index <= runs; index++) {
  if (Date.now() >= deadline) {
    console.log(`stress-e2e: the ${maxMinutes} min cap is reached; stopping before run ${index}`);
    break;
  }
  const row = await runOnce(index);
  rows.push(row);
  streak = row.result === 'pass' ? streak + 1 : 0;
  console.log(
    `run ${row.run} (${row.commit}): ${row.result}, ${row.retried} passed on a retry, ${row.tests} tests passed, ${row.minutes} min, load ${row.load},` +
      ` ${row.leftovers} leftover process(es)${row.failures.length ? `; failed: ${row.failures.join(' | ')}` : ''}`,
  );
  for (const command of row.leftoverCommands) console.log(`  left behind: ${command}`);
  writeFileSync(join(logs, 'table.json'), JSON.stringify(rows, null, 2));
  if (row.result !== 'pass' && values['stop-on-fail']) break;
}
stopBurners();

const header = [
  'run',
  'commit',
  'result',
  'retried',
  'passed/total',
  'minutes',
  'load avg 1m (max)',
  'leftovers',
];
const table = [
  header,
  ...rows.map((r) =>
    [r.run, r.commit, r.result, r.retried, r.tests, r.minutes, r.load, r.leftovers].map(String),
  ),
];
const widths = header.map((_, i) => Math.max(...table.map((line) => line[i].length)));
const line = (cells) => `| ${cells.map((cell, i) => cell.padEnd(widths[i])).join(' | ')} |`;
console.log(`\n${browser} e2e suite under ${burners} CPU burner(s), ${new Date().toISOString()}`);
console.log(line(header));
console.log(line(widths.map((w) => '-'.repeat(w))));
for (const cells of table.slice(1)) console.log(line(cells));
const passed = rows.filter((r) => r.result === 'pass').length;
console.log(`${passed} of ${rows.length} runs passed; ${streak} consecutive passes at the end.`);
process.exit(passed === rows.length && rows.length === runs ? 0 : 1);
