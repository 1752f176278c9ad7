#!/usr/bin/env node
// Starts the demo: a merchant site on PORT (its pages, its backend route, and `/kyc` proxied to the
// standalone signing server in sandbox mode), plus a second origin for the cross-origin pages.
//
//   PORT (8080)            the merchant site: demo pages, POST /api/kyc/verified, /kyc → signing server
//   SANDBOX_PORT (PORT+1)  simulated Eko + DigiLocker
//   DEMO_XO_PORT (PORT+2)  the "other origin": xo/cross-origin.html and xo/strict-csp.html
//   DEMO_OTHER_SITE=1      also allow the second origin at its other loopback name (another site)
//   HOST (127.0.0.1); SANDBOX_FAULTS, RATE_LIMIT_PER_MINUTE, LOG_LEVEL, LOG_FORMAT are passed to
//   the signing server, which itself listens on a free loopback port behind the site.
//
// When everything listens it prints the URLs, then one line `DEMO_READY {json}` for scripts.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EKO_UAT_CREDENTIALS } from '@digilocker-kyc/server';
import express from 'express';
import { kycResultRoute } from './merchant-backend.mjs';
import { reverseProxy } from './reverse-proxy.mjs';
import { secondOrigin } from './second-origin.mjs';

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

/** `origin` under the other loopback name (`localhost` ⇄ `127.0.0.1`), with DEMO_OTHER_SITE=1. */
function otherSite(origin) {
  if (process.env.DEMO_OTHER_SITE !== '1') return [];
  const url = new URL(origin);
  const other = { '127.0.0.1': 'localhost', localhost: '127.0.0.1' }[url.hostname];
  return other ? [`${url.protocol}//${other}:${url.port}`] : [];
}

function fail(message) {
  process.stderr.write(`demo: ${message}\n`);
  process.exit(1);
}

if (!existsSync(join(distDir, 'index.html'))) {
  fail('demo/dist is missing: run `npm run build` at the repository root first.');
}
if (!existsSync(cli)) {
  fail('server/dist/cli.js is missing: run `npm run build` at the repository root first.');
}

const host = process.env.HOST || '127.0.0.1';
const port = portFrom('PORT', 8080);
const sandboxPort = portFrom('SANDBOX_PORT', port + 1);
const xoPort = portFrom('DEMO_XO_PORT', port + 2);
const inUrl = (name) => (name.includes(':') ? `[${name}]` : name);
const kycOrigin = `http://${inUrl(host)}:${port}`;
const xoOrigin = `http://${inUrl(host)}:${xoPort}`;
// The signing server calls its sandbox on loopback when it listens on every interface.
const sandboxHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
const sandboxOrigin = `http://${inUrl(sandboxHost)}:${sandboxPort}`;

// Shared by the signing server and the merchant backend, as SESSION_SECRET is in production.
const sessionSecret = randomBytes(32).toString('base64url');
// The backend's Eko client: the sandbox, with Eko's public UAT keys (the sandbox's defaults).
const backend = kycResultRoute({
  sessionSecrets: [sessionSecret],
  eko: { baseUrl: `${sandboxOrigin}/ekoapi/v3`, ...EKO_UAT_CREDENTIALS },
});

// ---- the signing server, in sandbox mode, behind the site ----

const terminal = process.stdout.isTTY === true && process.env.NODE_ENV !== 'production';
const childEnv = { ...process.env };
for (const name of ['EKO_DEVELOPER_KEY', 'EKO_ACCESS_KEY', 'EKO_ENV', 'EKO_BASE_URL']) {
  delete childEnv[name]; // The demo is the sandbox, whatever the shell has exported.
}
const server = spawn(process.execPath, [cli], {
  env: {
    ...childEnv,
    HOST: host,
    PORT: '0',
    SANDBOX_PORT: String(sandboxPort),
    STATIC_DIR: distDir,
    PUBLIC_BASE_URL: `${kycOrigin}/kyc`,
    // The site's own origin is allowed under both loopback names by the server in sandbox mode.
    // DEMO_OTHER_SITE=1 allows the second origin under its other loopback name too: `localhost`
    // is another site than `127.0.0.1`, so a page opened there shows a signing server on
    // another site (test/e2e/other-site.test.ts). Off by default: that origin is the demo's
    // example of a page the server refuses.
    ALLOWED_ORIGINS: [kycOrigin, xoOrigin, ...otherSite(xoOrigin)].join(','),
    RETURN_URLS: [xoOrigin, ...otherSite(xoOrigin)]
      .flatMap((origin) => [`${origin}/xo/cross-origin.html`, `${origin}/xo/strict-csp.html`])
      .join(','),
    SESSION_SECRET: sessionSecret,
    TRUST_PROXY_HOPS: '1',
    // Clicking through every page (and retrying) makes more than the production default of 10
    // attempts a minute; 120 is out of a person's reach. RATE_LIMIT_PER_MINUTE=10 tries the real one.
    RATE_LIMIT_PER_MINUTE: process.env.RATE_LIMIT_PER_MINUTE || '120',
    // Our stdout is the person's terminal, the server's is a pipe to us: ask for readable lines.
    ...(terminal && !process.env.LOG_FORMAT ? { LOG_FORMAT: 'pretty', FORCE_COLOR: '1' } : {}),
  },
  stdio: ['ignore', 'pipe', 'inherit'],
});

// ---- the merchant site, and the second origin: each has the backend route beside its pages ----

const site = express();
site.disable('x-powered-by');
site.use(backend.router);
let siteServer;
let proxy;

const serveXo = secondOrigin({ distDir, kycOrigin, pageOrigin: xoOrigin });
const other = express();
other.disable('x-powered-by');
other.use(backend.router);
other.use((req, res, next) => serveXo(req, res).catch(next));
const xoServer = createServer(other);

let ready = false;
let stopping = false;
let buffered = '';
server.stdout.on('data', (chunk) => {
  process.stdout.write(chunk);
  if (ready) return;
  buffered += chunk.toString('utf8');
  const signingOrigin = /listening on (http:\/\/\S+)/.exec(buffered)?.[1];
  if (signingOrigin) {
    ready = true;
    buffered = '';
    startSites(signingOrigin).catch((error) => {
      process.stderr.write(`demo: ${error.message}\n`);
      stop();
    });
  }
});
server.on('exit', (code, signal) => {
  if (!stopping) process.stderr.write(`demo: the signing server stopped (${signal ?? code}).\n`);
  siteServer?.close();
  xoServer.close();
  process.exit(stopping ? 0 : (code ?? 1));
});

function listen(httpServer, listenPort, origin) {
  return new Promise((resolve, reject) => {
    httpServer.once('error', (error) =>
      reject(new Error(`cannot listen on ${origin}: ${error.message}`)),
    );
    httpServer.listen(listenPort, host, resolve);
  });
}

async function startSites(signingOrigin) {
  proxy = reverseProxy(signingOrigin);
  site.use(proxy);
  siteServer = createServer(site);
  await listen(siteServer, port, kycOrigin);
  await listen(xoServer, xoPort, xoOrigin);
  const urls = {
    server: kycOrigin,
    sandbox: sandboxOrigin,
    crossOrigin: xoOrigin,
    signingServer: signingOrigin,
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
  // Printed last, after the server's own start-up lines, so it is what a person sees.
  process.stdout.write(
    [
      '',
      '  digilocker-kyc demo (sandbox): open these pages',
      `    All demos:            ${urls.pages.index}`,
      `    Script tag:           ${urls.pages.scriptTag}`,
      `    ES module (Vite):     ${urls.pages.module}`,
      `    React:                ${urls.pages.react}`,
      `    Hash-routed app:      ${urls.pages.hash}`,
      `    Cross-origin server:  ${urls.pages.crossOrigin}`,
      `    Strict CSP + TT:      ${urls.pages.strictCsp}`,
      '  Add ?mode=redirect, ?locale=hi or ?theme=brand to any page. Ctrl-C stops everything.',
      `  (The signing server listens on ${signingOrigin}; the pages reach it through ${kycOrigin}/kyc.)`,
      '',
      `DEMO_READY ${JSON.stringify(urls)}`,
      '',
    ].join('\n'),
  );
}

function stop() {
  if (stopping) return;
  stopping = true;
  for (const httpServer of [siteServer, xoServer]) {
    httpServer?.close();
    httpServer?.closeAllConnections();
  }
  proxy?.close();
  void backend.close();
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
