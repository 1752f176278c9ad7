// The bench's Markdown: the measured table and the targets, for results/latest.md and the README.
import { readFileSync, writeFileSync } from 'node:fs';

const README = new URL('../../docs/benchmarks.md', import.meta.url);
const START = '<!-- bench:results:start -->';
const END = '<!-- bench:results:end -->';

const LABELS = {
  ceiling: '(a) ceiling: the sandbox’s create call, pre-signed',
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
  const { machine, rows, ratios, ready_ms: ready } = report;
  const connections = [...new Set(rows.map((row) => row.connections))];
  const lines = [
    `One run: ${machine.cpus} × ${machine.cpu}, ${machine.memory_gb} GB, Node ${machine.node}; ` +
      `${report.seconds_per_run} s per cell, the load generator on the same machine. CPU µs/req is ` +
      'the CPU the server under test used per session creation, read from `/proc` (for the ' +
      'ceiling, the sandbox’s).',
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
  const of = (server) => ratios.filter((r) => r.server === server);
  const ours = of('ours');
  const express = of('express');
  const fetch = of('fetch');
  const oursRows = rows.filter((row) => keyOf(row.target) === 'ours');
  const at200 = oursRows.find((row) => row.connections === Math.max(...connections));
  const peak = Math.max(...oursRows.map((row) => row.peak_rss_mb ?? 0));
  const counts = `(${list(connections)} connections)`;
  lines.push(
    '',
    '| measure | target | measured | met? |',
    '| --- | --- | --- | --- |',
    `| standalone ÷ naive, req/s | ≥ 2× | ${list(
      ours.map((r) => r.rps_over_naive),
      '×',
    )} ${counts} | ${yes(ours.every((r) => r.rps_over_naive >= 2))} |`,
    `| standalone ÷ floor, req/s | ≥ 0.5× | ${list(
      ours.map((r) => r.rps_over_floor),
      '×',
    )} | ${yes(ours.every((r) => r.rps_over_floor >= 0.5))} |`,
    `| standalone p99 vs naive | lower | ${ours.map((r) => `${r.p99_ms} vs ${r.naive_p99_ms}`).join(', ')} ms | ${yes(ours.every((r) => r.p99_ms < r.naive_p99_ms))} |`,
    `| standalone errors + timeouts at ${at200?.connections} connections | 0 | ${(at200?.errors ?? 0) + (at200?.timeouts ?? 0)} | ${yes(at200 && at200.errors + at200.timeouts === 0)} |`,
    `| standalone CPU per creation ÷ floor | (reported) | ${list(
      ours.map((r) => r.cpu_over_floor),
      '×',
    )} | |`,
    `| Express-mounted ÷ naive, req/s | ≥ 1.5× | ${list(
      express.map((r) => r.rps_over_naive),
      '×',
    )} | ${yes(express.every((r) => r.rps_over_naive >= 1.5))} |`,
    `| fetch on node:http ÷ naive, req/s | (reported) | ${list(
      fetch.map((r) => r.rps_over_naive),
      '×',
    )} | |`,
    `| standalone peak RSS | ≤ 100 MB | ${peak} MB | ${yes(peak <= 100)} |`,
    `| standalone spawn → first /readyz 200 | ≤ 200 ms | ${list(ready.runs, ' ms')} (median ${ready.median}) | ${yes(ready.median <= 200)} |`,
  );
  const widget = report.widget_overhead;
  if (widget?.widget_ms_median !== undefined) {
    lines.push(
      `| widget’s own time on a click | ≤ 10 ms | median ${widget.widget_ms_median} ms | ${yes(widget.widget_ms_median <= 10)} |`,
    );
  }
  return `${lines.join('\n')}\n`;
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
