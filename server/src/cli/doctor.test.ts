// `digilocker-kyc-server doctor` as an operator runs it (the built CLI), against the sandbox and an Eko test double.
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type RequestListener, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { computeSecretKey } from '../eko/signing.js';

const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));
const DEVELOPER_KEY = 'double-developer-key';
const ACCESS_KEY = 'double-access-key-1234';
const servers: Server[] = [];

afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

async function listen(server: Server): Promise<string> {
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** What the server's PUBLIC_BASE_URL origin answers: /livez, as the standalone server does. */
const liveServer = () =>
  listen(
    createServer((req, res) => {
      res.writeHead(req.url === '/livez' ? 200 : 404, { 'content-type': 'application/json' });
      res.end('{"status":"ok"}');
    }),
  );

/**
 * Eko as the doctor meets it: checks developer_key and the secret-key signature over a timestamp
 * within 5 minutes of its own clock (403 otherwise), sends a Date header from that clock, refuses
 * unknown references with a business error, and creates links on `linkFor(redirect_url)`.
 */
function ekoDouble({
  tls,
  skewMs = 0,
  linkFor = (_redirect: string): string =>
    'https://digilocker.meripehchaan.gov.in/public/oauth2/1/authorize?code=abc',
}: {
  tls?: { key: string; cert: string };
  skewMs?: number;
  linkFor?: (redirect: string) => string;
} = {}) {
  const handler: RequestListener = (req, res) => {
    const now = Date.now() + skewMs;
    const timestamp = String(req.headers['secret-key-timestamp'] ?? '');
    const signed =
      req.headers.developer_key === DEVELOPER_KEY &&
      /^\d{13}$/.test(timestamp) &&
      req.headers['secret-key'] === computeSecretKey(ACCESS_KEY, timestamp) &&
      Math.abs(Number(timestamp) - now) < 300_000;
    const headers = { 'content-type': 'application/json', date: new Date(now).toUTCString() };
    if (!signed) {
      res.writeHead(403, headers);
      res.end('{"message":"Forbidden"}');
      return;
    }
    let body = '';
    req.on('data', (chunk) => {
      body += chunk;
    });
    req.on('end', () => {
      res.writeHead(200, headers);
      if (req.method === 'POST' && req.url === '/ekoapi/v3/tools/kyc/digilocker') {
        const { redirect_url } = JSON.parse(body) as { redirect_url: string };
        res.end(
          JSON.stringify({
            status: 0,
            data: { reference_id: 7483920, url: linkFor(redirect_url) },
          }),
        );
        return;
      }
      res.end(JSON.stringify({ status: 1, response_status_id: 1, message: 'No such reference' }));
    });
  };
  const server = tls ? createHttpsServer(tls, handler) : createServer(handler);
  return listen(server).then((url) => (tls ? url.replace('http:', 'https:') : url));
}

/** A self-signed certificate for 127.0.0.1, made with openssl for this run. */
function selfSigned(): { key: string; cert: string; certFile: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'dlkyc-doctor-tls-'));
  const keyFile = join(dir, 'key.pem');
  const certFile = join(dir, 'cert.pem');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '30',
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
      '-keyout',
      keyFile,
      '-out',
      certFile,
    ],
    { stdio: 'ignore' },
  );
  return {
    key: readFileSync(keyFile, 'utf8'),
    cert: readFileSync(certFile, 'utf8'),
    certFile,
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

interface Run {
  code: number;
  output: string;
}

function doctor(env: Record<string, string>, args: string[] = []): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [CLI, 'doctor', ...args],
      { env: { PATH: process.env.PATH ?? '', ...env }, timeout: 30_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        resolve({ code, output: `${stdout}${stderr}` });
      },
    );
  });
}

/** A UAT configuration against the double, with the server's /livez on `live`. */
const uatEnv = (eko: string, live: string, extra: Record<string, string> = {}) => ({
  EKO_ENV: 'uat',
  EKO_BASE_URL: `${eko}/ekoapi/v3`,
  EKO_DEVELOPER_KEY: DEVELOPER_KEY,
  EKO_ACCESS_KEY: ACCESS_KEY,
  EKO_INITIATOR_ID: '9962981729',
  EKO_USER_CODE: '20810200',
  SESSION_SECRET: 'doctor-test-session-secret-0123456789',
  ALLOWED_ORIGINS: 'https://shop.example',
  PUBLIC_BASE_URL: `${live}/kyc`,
  ...extra,
});

const failed = (run: Run) => [...run.output.matchAll(/^FAIL {2}(\w+):/gm)].map((m) => m[1]);

describe('digilocker-kyc-server doctor', { timeout: 30_000 }, () => {
  it('passes in sandbox mode, --create included, and exits 0', async () => {
    const live = await liveServer();
    const run = await doctor({ PUBLIC_BASE_URL: `${live}/kyc` }, ['--create']);
    expect(run.output).toMatch(/All 8 checks passed/);
    expect(failed(run)).toEqual([]);
    expect(run.code).toBe(0);
  });

  it('passes against an Eko double that checks signatures, printing JSON with --json', async () => {
    const run = await doctor(uatEnv(await ekoDouble(), await liveServer()), ['--json', '--create']);
    const checks = JSON.parse(run.output) as { name: string; ok: boolean; message: string }[];
    expect(checks.map((check) => check.name)).toEqual([
      'config',
      'eko_dns_tls',
      'clock_skew',
      'eko_credentials',
      'public_base_url',
      'redis',
      'https_urls',
      'eko_create',
    ]);
    expect(checks.filter((check) => !check.ok)).toEqual([]);
    expect(run.code).toBe(0);
  });

  it('checks DNS and TLS of an https Eko: trusted passes, an unknown CA fails', async () => {
    const tls = selfSigned();
    try {
      const eko = await ekoDouble({ tls });
      const live = await liveServer();
      const untrusted = await doctor(uatEnv(eko, live));
      expect(failed(untrusted)).toContain('eko_dns_tls');
      expect(untrusted.output).toMatch(/TLS to 127\.0\.0\.1:\d+ is not trusted/);
      // The same certificate trusted, as a private CA would be: every check passes.
      const trusted = await doctor({ ...uatEnv(eko, live), NODE_EXTRA_CA_CERTS: tls.certFile });
      expect(trusted.output).toMatch(
        /PASS {2}eko_dns_tls: 127\.0\.0\.1 resolves .*TLS verified, certificate valid for 2\d more days/,
      );
      expect(failed(trusted)).toEqual([]);
    } finally {
      tls.cleanup();
    }
  });

  it('fails eko_credentials for a wrong key, never printing it', async () => {
    const env = uatEnv(await ekoDouble(), await liveServer(), {
      EKO_ACCESS_KEY: 'wrong-access-key-sentinel',
    });
    const run = await doctor(env);
    expect(failed(run)).toEqual(['eko_credentials']);
    expect(run.output).toMatch(/EKO_DEVELOPER_KEY and EKO_ACCESS_KEY/);
    expect(run.output).not.toContain('wrong-access-key-sentinel');
    expect(run.code).toBe(1);
  });

  it('fails clock_skew when this clock is 10 minutes off from Eko', async () => {
    const eko = await ekoDouble({ skewMs: 600_000 });
    const run = await doctor(uatEnv(eko, await liveServer()), ['--json']);
    const checks = JSON.parse(run.output) as { name: string; ok: boolean; message: string }[];
    const skew = checks.find((check) => check.name === 'clock_skew');
    expect(skew).toMatchObject({ ok: false });
    // The Date header has whole seconds, and the reply takes a moment: about 600 s.
    expect(skew?.message).toMatch(/(59\d|60\d) s behind Eko's Date header.*NTP/);
    expect(run.code).toBe(1);
  });

  it('fails redis when REDIS_URL answers nothing, never printing the URL', async () => {
    const nothing = await listen(createServer());
    const port = new URL(nothing).port;
    await new Promise((resolve) => servers.pop()?.close(resolve));
    const env = uatEnv(await ekoDouble(), await liveServer(), {
      REDIS_URL: `redis://:sentinel-password@127.0.0.1:${port}`,
    });
    const run = await doctor(env);
    expect(failed(run)).toEqual(['redis']);
    expect(run.output).toMatch(/ECONNREFUSED/);
    expect(run.output).not.toContain('sentinel-password');
    expect(run.code).toBe(1);
  });

  it('fails config for an http origin in production, and https_urls for an http public URL', async () => {
    const eko = await ekoDouble();
    const live = await liveServer();
    const plainOrigin = await doctor(
      uatEnv(eko, live, { EKO_ENV: 'production', ALLOWED_ORIGINS: 'http://shop.example' }),
    );
    expect(failed(plainOrigin)).toEqual(['config']);
    expect(plainOrigin.output).toMatch(/ALLOWED_ORIGINS is unsafe against Eko's production API/);
    expect(plainOrigin.code).toBe(1);

    const loopbackBase = await doctor(uatEnv(eko, live, { EKO_ENV: 'production' }));
    expect(failed(loopbackBase)).toEqual(['https_urls']);
    expect(loopbackBase.output).toMatch(/PUBLIC_BASE_URL must be https in production/);
  });

  it('fails eko_create for a link off DIGILOCKER_URL_HOSTS or one that embeds the return URL', async () => {
    const live = await liveServer();
    const elsewhere = await doctor(
      uatEnv(await ekoDouble({ linkFor: () => 'https://digilocker.example.net/x' }), live),
      ['--create'],
    );
    expect(failed(elsewhere)).toEqual(['eko_create']);
    expect(elsewhere.output).toMatch(
      /digilocker\.example\.net, which is not in DIGILOCKER_URL_HOSTS/,
    );

    const leaky = await ekoDouble({
      linkFor: (redirect: string) =>
        `https://digilocker.meripehchaan.gov.in/authorize?next=${encodeURIComponent(redirect)}`,
    });
    const embeds = await doctor(uatEnv(leaky, live), ['--create']);
    expect(failed(embeds)).toEqual(['eko_create']);
    expect(embeds.output).toMatch(/embeds the return URL/);
    expect(embeds.code).toBe(1);
  });

  it('fails public_base_url when /livez does not answer, and refuses unknown options', async () => {
    const down = await listen(createServer());
    await new Promise((resolve) => servers.pop()?.close(resolve));
    const run = await doctor(uatEnv(await ekoDouble(), down));
    expect(failed(run)).toEqual(['public_base_url']);
    const unknown = await doctor({}, ['--fix']);
    expect(unknown.output).toMatch(/unknown option --fix; expected --json or --create/);
    expect(unknown.code).toBe(1);
  });
});
