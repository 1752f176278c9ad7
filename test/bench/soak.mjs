// The soak: the standalone server (server/dist/cli.js) against the sandbox on 127.0.0.1, sent
// session creations and status polls at a steady rate for several minutes, with its resident
// memory, heap (after a forced GC) and open file descriptors read once a minute. It stops by
// itself, prints a table, writes test/bench/results/soak.json, and exits 1 if memory or
// descriptors grew after the first minute beyond the noise allowance below (or requests failed).
//
//   node test/bench/soak.mjs                 # 3 minutes, 5 creates/s, 20 polls/s
//   SOAK_MINUTES=10 SOAK_CREATES_PER_S=20 SOAK_POLLS_PER_S=80 node test/bench/soak.mjs
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Pool } from 'undici';
import { PAGE_ORIGIN, startServer } from '../lib/server-process.mjs';

function setting(name, fallback, { min, max }) {
  const raw = process.env[name];
  const value = raw === undefined ? fallback : Number(raw);
  if (!Number.isFinite(value) || value < min || value > max) {
    throw new Error(`${name} must be a number from ${min} to ${max}; got ${JSON.stringify(raw)}`);
  }
  return value;
}

const MINUTES = setting('SOAK_MINUTES', 3, { min: 1, max: 120 });
const CREATES_PER_S = setting('SOAK_CREATES_PER_S', 5, { min: 1, max: 500 });
const POLLS_PER_S = setting('SOAK_POLLS_PER_S', 20, { min: 0, max: 2_000 });
/** Requests in flight at most; past it a due request is counted as shed, not queued. */
const MAX_IN_FLIGHT = 256;
/** Attempts whose status is polled, most recent first (a widget polls its own attempt). */
const POLLED_ATTEMPTS = 50;
/** Growth from minute 1 to the last minute that is still noise. */
const ALLOWANCE = { heapBytes: 4 * 2 ** 20, rssBytes: 16 * 2 ** 20, fds: 4 };

const SANDBOX_CLI = fileURLToPath(new URL('../../server/dist/sandbox/cli.js', import.meta.url));
const PROBE = fileURLToPath(new URL('./soak-probe.mjs', import.meta.url));
const RESULTS = new URL('./results/', import.meta.url);

/** The sandbox as its own process, so its attempts do not count in the server's memory. */
function startSandbox() {
  const proc = spawn(process.execPath, [SANDBOX_CLI], {
    env: { PATH: process.env.PATH ?? '', SANDBOX_PORT: '0', HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  process.once('exit', () => proc.kill('SIGKILL'));
  // Interrupted (Ctrl-C, a CI timeout): exit, so that the exit handlers stop the processes.
  for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => process.exit(130));
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`The sandbox did not start:\n${output}`)),
      60_000,
    );
    proc.stdout.on('data', (chunk) => {
      output += String(chunk);
      const match = /(http:\/\/127\.0\.0\.1:\d+)\/ekoapi\/v3/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ url: match[1], proc });
      }
    });
    proc.stderr.on('data', (chunk) => {
      output += String(chunk);
    });
    proc.once('exit', (code) => reject(new Error(`The sandbox exited (${code}):\n${output}`)));
  });
}

/** Asks the probe in the server for a sample and waits for its line. */
async function sample(server) {
  const seen = server.output().split('SOAK_PROBE ').length;
  process.kill(server.pid, 'SIGUSR2');
  const deadline = Date.now() + 10_000;
  for (;;) {
    const parts = server.output().split('SOAK_PROBE ');
    if (parts.length > seen) return JSON.parse(parts[seen].split('\n')[0]);
    if (Date.now() > deadline) throw new Error('The server did not answer the memory probe');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function newCounts() {
  return { creates: 0, polls: 0, failed: 0, shed: 0, latencies: [] };
}

const p99 = (values) => {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.floor(sorted.length * 0.99)] * 10) / 10;
};
const mb = (bytes) => Math.round((bytes / 2 ** 20) * 10) / 10;

async function main() {
  const sandbox = await startSandbox();
  const server = await startServer(
    {
      EKO_ENV: 'sandbox',
      EKO_BASE_URL: `${sandbox.url}/ekoapi/v3`,
      // One client sends everything: the limits would turn the soak into a stream of 429s.
      RATE_LIMIT_PER_MINUTE: '0',
      STATUS_RATE_LIMIT_PER_CLIENT: '0',
      LOG_LEVEL: 'warn',
    },
    { nodeArgs: ['--expose-gc', '--import', PROBE] },
  );
  const pool = new Pool(server.url, { connections: 32 });
  const attempts = [];
  let counts = newCounts();
  let inFlight = 0;

  async function send(kind, options) {
    if (inFlight >= MAX_IN_FLIGHT) {
      counts.shed += 1;
      return;
    }
    inFlight += 1;
    const bucket = counts;
    const started = performance.now();
    try {
      const res = await pool.request({ ...options, headersTimeout: 10_000, bodyTimeout: 10_000 });
      const text = await res.body.text();
      const ok = kind === 'create' ? res.statusCode === 201 : res.statusCode === 200;
      if (!ok) throw new Error(`${kind}: HTTP ${res.statusCode} ${text.slice(0, 200)}`);
      bucket.latencies.push(performance.now() - started);
      if (kind === 'create') {
        bucket.creates += 1;
        const { reference_id, session_token } = JSON.parse(text);
        attempts.unshift({ reference_id, session_token });
        attempts.length = Math.min(attempts.length, POLLED_ATTEMPTS);
      } else {
        bucket.polls += 1;
      }
    } catch (error) {
      if (bucket.failed === 0) console.error(`soak: ${String(error?.message ?? error)}`);
      bucket.failed += 1;
    } finally {
      inFlight -= 1;
    }
  }

  const create = () =>
    send('create', {
      method: 'POST',
      path: '/kyc/sessions',
      headers: {
        origin: PAGE_ORIGIN,
        'x-digilocker-kyc': '1',
        'content-type': 'application/json',
      },
      body: '{"documents":["AADHAAR"]}',
    });
  const poll = () => {
    const attempt = attempts[Math.floor(Math.random() * attempts.length)];
    if (!attempt) return;
    send('poll', {
      method: 'GET',
      path: `/kyc/sessions/${attempt.reference_id}`,
      headers: { origin: PAGE_ORIGIN, authorization: `Bearer ${attempt.session_token}` },
    });
  };

  const rows = [];
  const record = (minute, probe, bucket) => {
    const row = {
      minute,
      creates: bucket.creates,
      polls: bucket.polls,
      failed: bucket.failed,
      shed: bucket.shed,
      p99_ms: p99(bucket.latencies),
      rss_mb: mb(probe.rss),
      heap_used_mb: mb(probe.heap_used),
      heap_total_mb: mb(probe.heap_total),
      external_mb: mb(probe.external),
      fds: probe.fds,
    };
    rows.push(row);
    console.log(
      `minute ${minute}: ${row.creates} creates, ${row.polls} polls, ${row.failed} failed, ` +
        `${row.shed} shed, p99 ${row.p99_ms} ms | RSS ${row.rss_mb} MB, heap ${row.heap_used_mb} MB ` +
        `(after GC), ${row.fds} fds`,
    );
  };

  console.log(
    `soak: ${MINUTES} min, ${CREATES_PER_S} creates/s, ${POLLS_PER_S} polls/s against ${server.url} (sandbox ${sandbox.url})`,
  );
  record(0, await sample(server), counts);
  // The whole run is bounded: whatever happens, it ends a minute after it should have.
  const hardStop = setTimeout(
    () => {
      console.error('soak: did not finish in time; stopping');
      process.exit(2);
    },
    (MINUTES + 1) * 60_000 + 30_000,
  );
  hardStop.unref();

  const startedAt = performance.now();
  let sentCreates = 0;
  let sentPolls = 0;
  for (let minute = 1; minute <= MINUTES; minute++) {
    const end = startedAt + minute * 60_000;
    while (performance.now() < end) {
      const elapsed = (performance.now() - startedAt) / 1000;
      for (; sentCreates < Math.floor(elapsed * CREATES_PER_S); sentCreates++) create();
      for (; sentPolls < Math.floor(elapsed * POLLS_PER_S); sentPolls++) poll();
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const bucket = counts;
    counts = newCounts();
    record(minute, await sample(server), bucket);
  }
  // Let what is in flight finish before the last word.
  for (let i = 0; i < 200 && inFlight > 0; i++) await new Promise((r) => setTimeout(r, 50));
  // Requests still in flight after that are cut: the soak ends on time, whatever the server does.
  await pool.destroy();
  await server.stop();
  sandbox.proc.kill('SIGTERM');
  clearTimeout(hardStop);

  const first = rows[1];
  const last = rows.at(-1);
  const growth = {
    heap_bytes: Math.round((last.heap_used_mb - first.heap_used_mb) * 2 ** 20),
    rss_bytes: Math.round((last.rss_mb - first.rss_mb) * 2 ** 20),
    fds: last.fds - first.fds,
  };
  const failed = rows.reduce((sum, row) => sum + row.failed, 0);
  const flat =
    growth.heap_bytes <= ALLOWANCE.heapBytes &&
    growth.rss_bytes <= ALLOWANCE.rssBytes &&
    growth.fds <= ALLOWANCE.fds;
  console.log(
    `\nFrom minute 1 to minute ${last.minute}: heap ${mb(growth.heap_bytes)} MB (allowance ${mb(ALLOWANCE.heapBytes)}), ` +
      `RSS ${mb(growth.rss_bytes)} MB (allowance ${mb(ALLOWANCE.rssBytes)}), fds ${growth.fds} (allowance ${ALLOWANCE.fds}); ` +
      `${failed} failed requests. ${flat && failed === 0 ? 'Flat.' : 'NOT flat.'}`,
  );
  console.log(
    '\n| minute | creates | polls | failed | p99 ms | RSS MB | heap MB (after GC) | fds |',
  );
  console.log('| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const row of rows) {
    console.log(
      `| ${row.minute} | ${row.creates} | ${row.polls} | ${row.failed} | ${row.p99_ms} | ${row.rss_mb} | ${row.heap_used_mb} | ${row.fds} |`,
    );
  }
  mkdirSync(RESULTS, { recursive: true });
  writeFileSync(
    new URL('soak.json', RESULTS),
    `${JSON.stringify(
      {
        minutes: MINUTES,
        creates_per_s: CREATES_PER_S,
        polls_per_s: POLLS_PER_S,
        node: process.version,
        rows,
        growth,
        allowance: ALLOWANCE,
        flat,
        failed,
      },
      null,
      2,
    )}\n`,
  );
  process.exitCode = flat && failed === 0 ? 0 : 1;
}

await main();
