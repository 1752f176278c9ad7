#!/usr/bin/env node
// Starts the demo: the standalone signing server in sandbox mode serving demo/dist (STATIC_DIR),
// plus a second, tiny static server on another origin for the cross-origin and strict-CSP pages.
//
//   PORT (8080)            signing server + same-origin demo pages
//   SANDBOX_PORT (PORT+1)  simulated Eko + DigiLocker
//   DEMO_XO_PORT (PORT+2)  the "other origin": xo/cross-origin.html and xo/strict-csp.html
//   HOST (127.0.0.1); SANDBOX_FAULTS, RATE_LIMIT_PER_MINUTE, LOG_LEVEL are passed to the server.
//
// When both servers listen it prints the URLs, then one line `DEMO_READY {json}` for scripts.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const demoDir = fileURLToPath(new URL('..', import.meta.url));
const distDir = join(demoDir, 'dist');
const cli = fileURLToPath(new URL('../../server/dist/cli.js', import.meta.url));

function portFrom(name, fallback) {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d{1,5}$/.test(raw) || Number(raw) > 65_535) {
    fail(`${name} must be a port number (0-65535).`);
  }
  return Number(raw);
}

function fail(message) {
  process.stderr.write(`demo: ${message}\n`);
  process.exit(1);
}

if (!existsSync(join(distDir, 'index.html'))) {
  fail('demo/dist is missing: run `pnpm build` at the repository root first.');
}
if (!existsSync(cli))
  fail('server/dist/cli.js is missing: run `pnpm build` at the repository root first.');

const host = process.env.HOST || '127.0.0.1';
const port = portFrom('PORT', 8080);
const sandboxPort = portFrom('SANDBOX_PORT', port + 1);
const xoPort = portFrom('DEMO_XO_PORT', port + 2);
const hostInUrl = host.includes(':') ? `[${host}]` : host;
const kycOrigin = `http://${hostInUrl}:${port}`;
const xoOrigin = `http://${hostInUrl}:${xoPort}`;

// ---- the second origin: a static server that fills in origins and a per-response CSP nonce ----

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

/** The strict page's policy: nonces only, Trusted Types required, violations reported here. */
function strictCsp(nonce) {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    `style-src 'self' 'nonce-${nonce}'`,
    `connect-src 'self' ${kycOrigin}`,
    "img-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "require-trusted-types-for 'script'",
    'trusted-types lit-html',
    'report-uri /__csp-report',
  ].join('; ');
}

const cspReports = [];

async function serveXo(req, res) {
  const url = new URL(req.url ?? '/', xoOrigin);
  const common = {
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'Cache-Control': 'no-store',
  };
  if (url.pathname === '/__csp-report') {
    if (req.method === 'POST') {
      let size = 0;
      const chunks = [];
      for await (const chunk of req) {
        size += chunk.length;
        if (size > 16_384) break;
        chunks.push(chunk);
      }
      cspReports.push(Buffer.concat(chunks).toString('utf8'));
      res.writeHead(204, common).end();
      return;
    }
    // Loopback tools (the e2e tests) read the reports back.
    res.writeHead(200, { ...common, 'Content-Type': 'application/json' });
    res.end(JSON.stringify({ count: cspReports.length, reports: cspReports }));
    return;
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { ...common, Allow: 'GET, HEAD' }).end();
    return;
  }
  const pathname =
    url.pathname === '/' ? '/xo/cross-origin.html' : decodeURIComponent(url.pathname);
  const file = normalize(join(distDir, pathname));
  if (!file.startsWith(distDir + sep) || !(await stat(file).catch(() => null))?.isFile()) {
    res.writeHead(404, { ...common, 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
    return;
  }
  const type = TYPES[extname(file)] ?? 'application/octet-stream';
  let body = await readFile(file);
  const headers = { ...common, 'Content-Type': type };
  if (extname(file) === '.html') {
    const nonce = randomBytes(16).toString('base64');
    body = Buffer.from(
      body
        .toString('utf8')
        .replaceAll('{{KYC_ORIGIN}}', kycOrigin)
        .replaceAll('{{PAGE_ORIGIN}}', xoOrigin)
        .replaceAll('{{NONCE}}', nonce),
    );
    if (pathname === '/xo/strict-csp.html') headers['Content-Security-Policy'] = strictCsp(nonce);
  }
  res.writeHead(200, headers);
  res.end(req.method === 'HEAD' ? undefined : body);
}

const xoServer = createServer((req, res) => {
  serveXo(req, res).catch(() => {
    if (!res.headersSent) res.writeHead(500).end();
  });
});

// ---- the signing server, in sandbox mode ----

const allowedOrigins = [kycOrigin, xoOrigin];
const returnUrls = [`${xoOrigin}/xo/cross-origin.html`, `${xoOrigin}/xo/strict-csp.html`];
const childEnv = { ...process.env };
for (const name of ['EKO_DEVELOPER_KEY', 'EKO_ACCESS_KEY', 'EKO_ENV', 'EKO_BASE_URL']) {
  delete childEnv[name]; // The demo is the sandbox, whatever the shell has exported.
}
const server = spawn(process.execPath, [cli], {
  env: {
    ...childEnv,
    HOST: host,
    PORT: String(port),
    SANDBOX_PORT: String(sandboxPort),
    STATIC_DIR: distDir,
    ALLOWED_ORIGINS: allowedOrigins.join(','),
    RETURN_URLS: returnUrls.join(','),
  },
  stdio: ['ignore', 'pipe', 'inherit'],
});

let ready = false;
let stopping = false;
let buffered = '';
server.stdout.on('data', (chunk) => {
  process.stdout.write(chunk);
  if (ready) return;
  buffered += chunk.toString('utf8');
  if (/listening on /.test(buffered)) {
    ready = true;
    buffered = '';
    startXo();
  }
});
server.on('exit', (code, signal) => {
  if (!stopping) process.stderr.write(`demo: the signing server stopped (${signal ?? code}).\n`);
  xoServer.close();
  process.exit(stopping ? 0 : (code ?? 1));
});

function startXo() {
  xoServer.once('error', (error) => {
    process.stderr.write(`demo: cannot listen on ${xoOrigin}: ${error.message}\n`);
    stop();
  });
  xoServer.listen(xoPort, host, () => {
    const urls = {
      server: kycOrigin,
      sandbox: `http://${hostInUrl}:${sandboxPort}`,
      crossOrigin: xoOrigin,
      pages: {
        index: `${kycOrigin}/`,
        scriptTag: `${kycOrigin}/script-tag.html`,
        module: `${kycOrigin}/module.html`,
        react: `${kycOrigin}/react.html`,
        hash: `${kycOrigin}/hash.html#/kyc`,
        crossOrigin: `${xoOrigin}/xo/cross-origin.html`,
        strictCsp: `${xoOrigin}/xo/strict-csp.html`,
      },
    };
    process.stdout.write(
      [
        '',
        '  digilocker-kyc demo (sandbox): open these pages',
        `    Script tag:           ${urls.pages.scriptTag}`,
        `    ES module (Vite):     ${urls.pages.module}`,
        `    React:                ${urls.pages.react}`,
        `    Hash-routed app:      ${urls.pages.hash}`,
        `    Cross-origin server:  ${urls.pages.crossOrigin}`,
        `    Strict CSP + TT:      ${urls.pages.strictCsp}`,
        '  Add ?mode=redirect, ?locale=hi or ?theme=brand to any page. Ctrl-C stops everything.',
        '',
        `DEMO_READY ${JSON.stringify(urls)}`,
        '',
      ].join('\n'),
    );
  });
}

function stop() {
  if (stopping) return;
  stopping = true;
  xoServer.close();
  xoServer.closeAllConnections();
  if (server.exitCode === null && server.signalCode === null) server.kill('SIGTERM');
  else process.exit(0);
  // The server drains for at most 10 s; do not hang around longer than that.
  setTimeout(() => {
    server.kill('SIGKILL');
    process.exit(0);
  }, 12_000).unref();
}

process.on('SIGTERM', stop);
process.on('SIGINT', stop);
