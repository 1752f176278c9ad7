// `pnpm bench`: the signing server under load against two baselines, all against one Eko double
// (eko-double.mjs: strict about the request, cheap about the rest), in one run. Prints a table
// and writes it as JSON to test/bench/results/latest.json.
//
//   (a) ceiling: the Eko double's create call hit directly with pre-signed requests
//   (b) naive:   a bare Express route signing with node:crypto and forwarding with fetch
//   (c) floor:   node:http + undici's Pool and nothing else, to show what Node's HTTP itself costs
//   ours:        the standalone server (validation, limits, logs, breaker), limiter off: the
//                core through its node:http adapter
//   express:     the same core as a merchant mounts it, app.use('/kyc', digilockerKyc(…))
//   fetch:       the same core's fetch handler, hosted on node:http through Request/Response
//
// Then the start-up costs against a bare `node -e 0` in the same run (startup.mjs): the
// serverless cold start through the built package's fetch handler, import alone, and the CLI's
// spawn to its first /readyz 200; and the standalone server's peak memory, split by a probe.
//
// Besides requests/s, each row gives the CPU time per request of the server under test and of
// the Eko double, read from /proc: on a shared machine it varies far less than requests/s. The
// start-up measures call the sandbox instead (its CPU is not theirs to count).
//
// Each target runs at each connection count for DLKYC_BENCH_SECONDS (default 10; the issue's
// 20 s gate: DLKYC_BENCH_SECONDS=20). Targets are measured in turn, after a warm-up each.
// DLKYC_BENCH_README=1 also writes the tables into the README's Benchmarks section.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { computeSecretKey, EKO_UAT_CREDENTIALS } from '@digilocker-kyc/server';
import autocannon from 'autocannon';
import { CREATE_REQUEST, startServer } from '../lib/server-process.mjs';
import { goalsTable, markdownReport, writeReadme } from './report.mjs';
import { measureColdStart, measureSpawnToReady } from './startup.mjs';
import { measureWidgetOverhead } from './widget-overhead.mjs';

const SECONDS = Number(process.env.DLKYC_BENCH_SECONDS ?? 10);
const CONNECTIONS = (process.env.DLKYC_BENCH_CONNECTIONS ?? '10,100,200').split(',').map(Number);
const SANDBOX_CLI = fileURLToPath(new URL('../../server/dist/sandbox/cli.js', import.meta.url));
const EKO_DOUBLE = fileURLToPath(new URL('./eko-double.mjs', import.meta.url));
const NAIVE = fileURLToPath(new URL('./naive-server.mjs', import.meta.url));
const FLOOR = fileURLToPath(new URL('./floor-server.mjs', import.meta.url));
const EXPRESS_MOUNTED = fileURLToPath(new URL('./express-mounted.mjs', import.meta.url));
const FETCH_ON_NODE = fileURLToPath(new URL('./fetch-on-node.mjs', import.meta.url));
const MEMORY_PROBE = fileURLToPath(new URL('./memory-probe.mjs', import.meta.url));
const RESULTS = new URL('./results/', import.meta.url);

function spawnListening(script, env, pattern) {
  const proc = spawn(process.execPath, [script], {
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${script} did not start:\n${output}`)),
      15_000,
    );
    const onData = (chunk) => {
      output += String(chunk);
      const match = pattern.exec(output);
      if (match) {
        clearTimeout(timer);
        // From here the output is drained unread: matching it per log line would cost the load
        // generator, in this process, time that grows with the run.
        proc.stdout.off('data', onData).resume();
        resolve({ proc, url: match[1] });
      }
    };
    proc.stdout.on('data', onData);
    proc.stderr.on('data', (chunk) => {
      output += String(chunk);
    });
    proc.on('exit', () => reject(new Error(`${script} exited:\n${output}`)));
  });
}

/** Peak resident memory of a process so far (Linux VmHWM), in MB. */
function peakRssMb(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round(kb / 102.4) / 10;
}

/** CPU time (user + system) a process has used so far, in microseconds. */
function cpuMicros(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * (1_000_000 / CLOCK_TICKS);
}
/** USER_HZ: /proc reports CPU time in these ticks; 100 on every Linux this runs on. */
const CLOCK_TICKS = 100;

function load(url, connections, requests, seconds) {
  return new Promise((resolve, reject) => {
    autocannon({ url, connections, duration: seconds, timeout: 10, requests }, (error, result) =>
      error ? reject(error) : resolve(result),
    );
  });
}

function summarise(name, connections, result, pid, cpu) {
  return {
    target: name,
    connections,
    requests_per_s: Math.round(result.requests.average),
    p50_ms: result.latency.p50,
    p99_ms: result.latency.p99,
    total: result.requests.total,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    peak_rss_mb: peakRssMb(pid),
    cpu_us_per_req: cpu.server,
    upstream_cpu_us_per_req: cpu.upstream,
  };
}

/** The memory probe's peak sample from the standalone server (memory-probe.mjs), in MB. */
async function peakMemorySplit(server) {
  const seen = server.output().split('MEMORY_PROBE ').length;
  process.kill(server.pid, 'SIGUSR2');
  const deadline = Date.now() + 10_000;
  for (;;) {
    const parts = server.output().split('MEMORY_PROBE ');
    if (parts.length > seen) {
      const sample = JSON.parse(parts[seen].split('\n')[0]);
      const mb = (bytes) => Math.round(bytes / 2 ** 20 / 0.1) / 10;
      return Object.fromEntries(Object.entries(sample).map(([key, value]) => [key, mb(value)]));
    }
    if (Date.now() > deadline) throw new Error('The server did not answer the memory probe');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function main() {
  const sandbox = await spawnListening(
    SANDBOX_CLI,
    { SANDBOX_PORT: '0', HOST: '127.0.0.1' },
    /(http:\/\/127\.0\.0\.1:\d+)\/ekoapi\/v3/,
  );
  const sandboxApi = `${sandbox.url}/ekoapi/v3`;
  const credentials = {
    EKO_DEVELOPER_KEY: EKO_UAT_CREDENTIALS.developerKey,
    EKO_ACCESS_KEY: EKO_UAT_CREDENTIALS.accessKey,
    EKO_INITIATOR_ID: EKO_UAT_CREDENTIALS.initiatorId,
    EKO_USER_CODE: EKO_UAT_CREDENTIALS.userCode,
  };
  const upstream = await spawnListening(
    EKO_DOUBLE,
    credentials,
    /eko-double listening on (http:\/\/\S+)/,
  );
  const apiBase = upstream.url;
  credentials.EKO_BASE_URL = apiBase;
  const ours = await startServer(
    {
      ...credentials,
      EKO_ENV: 'uat',
      SESSION_SECRET: randomBytes(32).toString('base64url'),
      RATE_LIMIT_PER_MINUTE: '0',
      LOG_LEVEL: 'info',
    },
    { nodeArgs: ['--import', MEMORY_PROBE] },
  );
  const naive = await spawnListening(NAIVE, credentials, /naive listening on (http:\/\/\S+)/);
  const floor = await spawnListening(FLOOR, credentials, /floor listening on (http:\/\/\S+)/);
  const mounted = await spawnListening(
    EXPRESS_MOUNTED,
    { EKO_BASE_URL: apiBase },
    /express-mounted listening on (http:\/\/\S+)/,
  );
  const onNode = await spawnListening(
    FETCH_ON_NODE,
    { EKO_BASE_URL: apiBase },
    /fetch-on-node listening on (http:\/\/\S+)/,
  );

  // (a) the ceiling: signed once per cell; the double, as Eko, accepts a timestamp for ±120 s.
  const presigned = () => {
    const timestamp = Date.now();
    return [
      {
        method: 'POST',
        path: '/ekoapi/v3/tools/kyc/digilocker',
        headers: {
          developer_key: EKO_UAT_CREDENTIALS.developerKey,
          'secret-key': computeSecretKey(EKO_UAT_CREDENTIALS.accessKey, timestamp),
          'secret-key-timestamp': String(timestamp),
          'content-type': 'application/json',
        },
        body: JSON.stringify({
          initiator_id: EKO_UAT_CREDENTIALS.initiatorId,
          user_code: EKO_UAT_CREDENTIALS.userCode,
          document_requested: ['AADHAAR'],
          redirect_url: 'http://127.0.0.1/return',
        }),
      },
    ];
  };

  const targets = [
    {
      name: 'ceiling (a): Eko double direct',
      url: new URL(apiBase).origin,
      requests: presigned,
      pid: upstream.proc.pid,
    },
    {
      name: 'naive (b): express + fetch',
      url: naive.url,
      requests: () => [CREATE_REQUEST],
      pid: naive.proc.pid,
    },
    {
      name: 'floor (c): node:http + undici',
      url: floor.url,
      requests: () => [CREATE_REQUEST],
      pid: floor.proc.pid,
    },
    {
      name: 'ours: digilocker-kyc-server',
      url: ours.url,
      requests: () => [CREATE_REQUEST],
      pid: ours.pid,
    },
    {
      name: 'express: digilockerKyc() mounted',
      url: mounted.url,
      requests: () => [CREATE_REQUEST],
      pid: mounted.proc.pid,
    },
    {
      name: 'fetch: createKycHandler().fetch on node:http',
      url: onNode.url,
      requests: () => [CREATE_REQUEST],
      pid: onNode.proc.pid,
    },
  ];
  const rows = [];
  let memory;
  try {
    for (const target of targets) {
      await load(target.url, 50, target.requests(), 3); // warm-up: JIT and connection pools
      for (const connections of CONNECTIONS) {
        const before = [cpuMicros(target.pid), cpuMicros(upstream.proc.pid)];
        const result = await load(target.url, connections, target.requests(), SECONDS);
        const after = [cpuMicros(target.pid), cpuMicros(upstream.proc.pid)];
        const perRequest = (i) => Math.round((after[i] - before[i]) / result.requests.total);
        const cpu = { server: perRequest(0), upstream: perRequest(1) };
        rows.push(summarise(target.name, connections, result, target.pid, cpu));
        process.stderr.write(`  measured ${target.name} at ${connections} connections\n`);
      }
    }
    memory = await peakMemorySplit(ours);
  } finally {
    await ours.stop();
    for (const child of [naive, floor, mounted, onNode, upstream]) child.proc.kill('SIGTERM');
  }
  process.stderr.write('  measuring the cold start and spawn to ready\n');
  const coldStart = await measureColdStart(sandboxApi);
  const spawnToReady = await measureSpawnToReady(sandboxApi);
  sandbox.proc.kill('SIGTERM');
  const widget = await measureWidgetOverhead();

  const at = (name, connections) =>
    rows.find((r) => r.target.startsWith(name) && r.connections === connections);
  const ratio = (x, y) => +(x / y).toFixed(2);
  const ratios = CONNECTIONS.flatMap((connections) => {
    const a = at('ceiling', connections);
    const b = at('naive', connections);
    const c = at('floor', connections);
    return ['ours', 'express', 'fetch'].map((server) => {
      const o = at(server, connections);
      return {
        server,
        connections,
        requests_per_s: o.requests_per_s,
        naive_requests_per_s: b.requests_per_s,
        floor_requests_per_s: c.requests_per_s,
        rps_over_naive: ratio(o.requests_per_s, b.requests_per_s),
        rps_over_floor: ratio(o.requests_per_s, c.requests_per_s),
        rps_over_ceiling: ratio(o.requests_per_s, a.requests_per_s),
        cpu_over_naive: ratio(o.cpu_us_per_req, b.cpu_us_per_req),
        cpu_over_floor: ratio(o.cpu_us_per_req, c.cpu_us_per_req),
        p99_ms: o.p99_ms,
        naive_p99_ms: b.p99_ms,
      };
    });
  });
  const report = {
    date: new Date().toISOString(),
    machine: {
      cpus: cpus().length,
      cpu: cpus()[0]?.model,
      memory_gb: Math.round(totalmem() / 2 ** 30),
      node: process.version,
    },
    seconds_per_run: SECONDS,
    rows,
    ratios,
    cold_start: coldStart,
    spawn_to_ready: spawnToReady,
    standalone_memory_mb: memory,
    widget_overhead: widget,
  };
  mkdirSync(RESULTS, { recursive: true });
  writeFileSync(new URL('latest.json', RESULTS), `${JSON.stringify(report, null, 2)}\n`);
  const markdown = markdownReport(report);
  writeFileSync(new URL('latest.md', RESULTS), markdown);
  if (process.env.DLKYC_BENCH_README === '1') writeReadme(markdown);

  console.log(
    `\nMachine: ${report.machine.cpus} × ${report.machine.cpu}, ${report.machine.memory_gb} GB, Node ${report.machine.node}; ${SECONDS} s per run\n`,
  );
  console.table(rows);
  console.table(ratios);
  console.log(goalsTable(report));
  console.log('Widget overhead on a click (ms):', widget);
  console.log(`Written to ${fileURLToPath(new URL('latest.json', RESULTS))}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
