// The bench's Markdown: the measured table and the targets, for results/latest.md and the README.
import { readFileSync, writeFileSync } from 'node:fs';

const README = new URL('../../docs/benchmarks.md', import.meta.url);
const START = '<!-- bench:results:start -->';
const END = '<!-- bench:results:end -->';

const LABELS = {
  ceiling: '(a) ceiling: the Eko double’s create call, pre-signed',
  naive: '(b) naive: bare Express route, `node:crypto` + `fetch`',
  floor: '(c) floor: `node:http` + undici’s Pool, nothing else',
  ours: 'standalone: `digilocker-kyc-server` (node adapter), limiter off, info logs',
  express: "Express: `app.use('/kyc', digilockerKyc(…))`, same options",
  fetch: 'fetch: `createKycHandler().fetch` on `node:http` via Request/Response',
};

const keyOf = (target) => target.split(/[: ]/)[0];
const list = (values, unit = '') => values.map((v) => `${v}${unit}`).join(' / ');
const yes = (ok) => (ok ? 'yes' : 'no');

export function markdownReport(report) {
  const { machine, rows } = report;
  const lines = [
    `One run: ${machine.cpus} × ${machine.cpu}, ${machine.memory_gb} GB, Node ${machine.node}; ` +
      `${report.seconds_per_run} s per cell, the load generator on the same machine. CPU µs/req is ` +
      'the CPU the server under test used per session creation, read from `/proc`; it and the ' +
      'peak RSS are, for the ceiling, the Eko double’s.',
    '',
    '| target | connections | req/s | p50 ms | p99 ms | errors | timeouts | peak RSS MB | CPU µs/req |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  ];
  let previous = '';
  for (const row of rows) {
    const key = keyOf(row.target);
    const label = key === previous ? '' : (LABELS[key] ?? row.target);
    previous = key;
    lines.push(
      `| ${label} | ${row.connections} | ${row.requests_per_s} | ${row.p50_ms} | ${row.p99_ms} | ` +
        `${row.errors} | ${row.timeouts} | ${row.peak_rss_mb ?? ''} | ${row.cpu_us_per_req} |`,
    );
  }
  lines.push('', goalsTable(report));
  const widget = report.widget_overhead;
  if (widget?.widget_ms_median !== undefined) {
    lines.push(
      `| widget’s own time on a click | median ${widget.widget_ms_median} ms | | | ≤ 10 ms | ${yes(widget.widget_ms_median <= 10)} |`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/**
 * The goals: each measure beside its baseline from the same run, the ratio, the goal and
 * whether it is met. Throughput ratios are listed per connection count and must hold at each.
 */
export function goalsTable(report) {
  const {
    ratios,
    rows,
    cold_start: cold,
    spawn_to_ready: spawn,
    standalone_memory_mb: mem,
  } = report;
  const connections = [...new Set(rows.map((row) => row.connections))];
  const of = (server) => ratios.filter((r) => r.server === server);
  const ours = of('ours');
  const express = of('express');
  const fetch = of('fetch');
  const oursRows = rows.filter((row) => keyOf(row.target) === 'ours');
  const at200 = oursRows.find((row) => row.connections === Math.max(...connections));
  const peak = Math.max(...oursRows.map((row) => row.peak_rss_mb ?? 0));
  const x = (a, b) => +(a / b).toFixed(2);
  const rps = (list, key) => list.map((r) => r[key]).join(' / ');
  const lines = [
    `Throughput cells are listed per connection count (${list(connections)}); a goal holds only if it holds at each.`,
    '',
    '| measure | measured | baseline (same run) | ratio | goal | met? |',
    '| --- | --- | --- | --- | --- | --- |',
  ];
  if (cold) {
    const bare = cold.bare;
    lines.push(
      `| cold start → first 201 through \`createKycHandler().fetch\`, CPU (median of 5) | ${cold.create.cpu_ms_median} ms | ${bare.cpu_ms_median} ms (\`node -e 0\`) | ${x(cold.create.cpu_ms_median, bare.cpu_ms_median)}× | ≤ 3× | ${yes(cold.create.cpu_ms_median <= 3 * bare.cpu_ms_median)} |`,
      `| cold start → first 201, peak RSS | ${cold.create.rss_mb_median} MB | ${bare.rss_mb_median} MB | ${x(cold.create.rss_mb_median, bare.rss_mb_median)}× | ≤ 60 MB | ${yes(cold.create.rss_mb_median <= 60)} |`,
      `| import + \`createKycHandler()\` alone, CPU | ${cold.import.cpu_ms_median} ms | ${bare.cpu_ms_median} ms | ${x(cold.import.cpu_ms_median, bare.cpu_ms_median)}× | (reported) | |`,
      `| import + \`createKycHandler()\` alone, peak RSS | ${cold.import.rss_mb_median} MB | ${bare.rss_mb_median} MB | ${x(cold.import.rss_mb_median, bare.rss_mb_median)}× | (reported) | |`,
    );
  }
  if (spawn) {
    lines.push(
      `| standalone CLI spawn → first /readyz 200 (median of 5) | ${spawn.ready_ms_median} ms | ${spawn.bare_ms_median} ms (spawn → exit of \`node -e 0\`) | ${x(spawn.ready_ms_median, spawn.bare_ms_median)}× | ≤ 3× | ${yes(spawn.ready_ms_median <= 3 * spawn.bare_ms_median)} |`,
    );
  }
  const bareRss = cold?.bare.rss_mb_median;
  lines.push(
    `| standalone peak RSS over the whole load (VmHWM) | ${peak} MB | ${bareRss ?? '–'} MB (\`node -e 0\`) | ${bareRss ? `${x(peak, bareRss)}×` : ''} | ≤ 80 MB | ${yes(peak <= 80)} |`,
  );
  if (mem) {
    lines.push(
      `| … split at the highest sampled RSS (${mem.rss} MB) | V8 heap ${mem.heap_total} MB (${mem.heap_used} used), external ${mem.external} MB (${mem.array_buffers} ArrayBuffers), rest ${mem.rest} MB (code, stacks, native) | | | (reported) | |`,
    );
  }
  lines.push(
    `| standalone ÷ naive, req/s | ${rps(ours, 'requests_per_s')} | ${rps(ours, 'naive_requests_per_s')} (naive) | ${list(
      ours.map((r) => r.rps_over_naive),
      '×',
    )} | ≥ 2× | ${yes(ours.every((r) => r.rps_over_naive >= 2))} |`,
    `| standalone ÷ floor, req/s | ${rps(ours, 'requests_per_s')} | ${rps(ours, 'floor_requests_per_s')} (floor) | ${list(
      ours.map((r) => r.rps_over_floor),
      '×',
    )} | ≥ 0.5× | ${yes(ours.every((r) => r.rps_over_floor >= 0.5))} |`,
    `| Express-mounted ÷ naive, req/s | ${rps(express, 'requests_per_s')} | ${rps(express, 'naive_requests_per_s')} (naive) | ${list(
      express.map((r) => r.rps_over_naive),
      '×',
    )} | ≥ 1.5× | ${yes(express.every((r) => r.rps_over_naive >= 1.5))} |`,
    `| fetch on node:http ÷ naive, req/s | ${rps(fetch, 'requests_per_s')} | ${rps(fetch, 'naive_requests_per_s')} (naive) | ${list(
      fetch.map((r) => r.rps_over_naive),
      '×',
    )} | (reported) | |`,
    `| standalone CPU per creation ÷ floor | ${list(
      oursRows.map((r) => r.cpu_us_per_req),
      ' µs',
    )} | | ${list(
      ours.map((r) => r.cpu_over_floor),
      '×',
    )} | (reported) | |`,
    `| standalone p99 vs naive | ${list(
      ours.map((r) => r.p99_ms),
      ' ms',
    )} | ${list(
      ours.map((r) => r.naive_p99_ms),
      ' ms',
    )} | | lower | ${yes(ours.every((r) => r.p99_ms < r.naive_p99_ms))} |`,
    `| standalone errors + timeouts at ${at200?.connections} connections | ${(at200?.errors ?? 0) + (at200?.timeouts ?? 0)} | | | 0 | ${yes(at200 && at200.errors + at200.timeouts === 0)} |`,
  );
  return lines.join('\n');
}

/** Replaces the README's generated block (between the bench:results markers) with `markdown`. */
export function writeReadme(markdown) {
  const text = readFileSync(README, 'utf8');
  const start = text.indexOf(START);
  const end = text.indexOf(END);
  if (start === -1 || end < start) {
    throw new Error(`docs/benchmarks.md has no ${START} … ${END} block to replace`);
  }
  writeFileSync(README, `${text.slice(0, start + START.length)}\n${markdown}${text.slice(end)}`);
}
