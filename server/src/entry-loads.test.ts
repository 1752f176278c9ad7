// What each entry and each way of running the server loads: the library loads no Express and no
// CLI, and neither it nor a production/UAT start loads the sandbox (test tooling, published as
// @digilocker-kyc/server/sandbox).
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { loadedModules, packagesOf, pathOf } from '../../scripts/loaded-modules.mjs';
import { killAll, start } from '../test/cli-process.js';

const SERVER_ROOT = fileURLToPath(new URL('..', import.meta.url));
const RECORDER = fileURLToPath(new URL('../../scripts/load-recorder.mjs', import.meta.url));
const SANDBOX_PATH = /[/\\]sandbox[/\\]/;
const CLASSIC_ZOD = /[/\\]zod[/\\]v4[/\\]classic[/\\]/;
/** Each check spawns Node and imports an entry: seconds on a busy machine (loadedModules allows 20). */
const LOAD_TIMEOUT_MS = 20_000;

afterEach(killAll);

/** The source files a built file was made from, read from its source map. */
function sourcesOf(path: string): string[] {
  try {
    return (JSON.parse(readFileSync(`${path}.map`, 'utf8')) as { sources: string[] }).sources;
  } catch {
    return [];
  }
}

/** Built files among `paths` that hold sandbox code, by path or by source map. */
const sandboxFiles = (paths: string[]) =>
  paths.filter(
    (path) =>
      path.startsWith(SERVER_ROOT) &&
      (SANDBOX_PATH.test(path.slice(SERVER_ROOT.length)) ||
        sourcesOf(path).some((source) => SANDBOX_PATH.test(source))),
  );

/** A handler as a merchant creates one: the smallest valid options. */
const CREATE_HANDLER = `s.createKycHandler({
  allowedOrigins: ['https://shop.example'],
  publicBaseUrl: 'https://shop.example/kyc',
  sessionSecrets: ['x'.repeat(40)],
  eko: { developerKey: 'k', accessKey: 'a', initiatorId: '9000000001', userCode: '1',
         baseUrl: 'https://staging.eko.in/ekoapi/v3' },
});`;
/** Packages only the Express adapter and the standalone app may load. */
const EXPRESS_ONLY = ['express', 'helmet', 'serve-static'];
const CLI_PATH = /[/\\]dist[/\\]cli[/\\.]/;

describe('the library entry, @digilocker-kyc/server', () => {
  it(
    'loads no Express, helmet, serve-static, CLI or sandbox module, even once a handler exists',
    () => {
      const loaded = loadedModules(
        `const s = await import('@digilocker-kyc/server'); ${CREATE_HANDLER}`,
        SERVER_ROOT,
      ).map(pathOf);
      expect(loaded).toContain(join(SERVER_ROOT, 'dist/index.js'));
      expect(packagesOf(loaded).filter((name) => EXPRESS_ONLY.includes(name))).toEqual([]);
      // raw-body's charset tables: the node:http body reader is the adapters' own.
      expect(packagesOf(loaded)).not.toContain('iconv-lite');
      expect(loaded.filter((path) => CLI_PATH.test(path))).toEqual([]);
      expect(sandboxFiles(loaded)).toEqual([]);
      expect(loaded.filter((path) => CLASSIC_ZOD.test(path))).toEqual([]);
    },
    LOAD_TIMEOUT_MS,
  );
});

describe('the Express entry, @digilocker-kyc/server/express', () => {
  it(
    'loads Express (so the check above can see it), and no CLI or sandbox module',
    () => {
      const loaded = loadedModules(
        `const { digilockerKyc } = await import('@digilocker-kyc/server/express');
       const s = { createKycHandler: digilockerKyc }; ${CREATE_HANDLER}`,
        SERVER_ROOT,
      ).map(pathOf);
      expect(packagesOf(loaded)).toContain('express');
      expect(loaded.filter((path) => CLI_PATH.test(path))).toEqual([]);
      expect(sandboxFiles(loaded)).toEqual([]);
    },
    LOAD_TIMEOUT_MS,
  );
});

describe('the standalone entry, @digilocker-kyc/server/standalone', () => {
  it(
    'loads no sandbox module and no classic zod, even once an app is created',
    () => {
      const loaded = loadedModules(
        `const server = await import('@digilocker-kyc/server/standalone');
       const config = server.loadConfig({
         EKO_ENV: 'uat', EKO_BASE_URL: 'https://staging.eko.in/ekoapi/v3',
         ALLOWED_ORIGINS: 'https://shop.example', SESSION_SECRET: 'x'.repeat(40),
       });
       server.createApp({ config });`,
        SERVER_ROOT,
      ).map(pathOf);
      expect(loaded).toContain(join(SERVER_ROOT, 'dist/standalone.js'));
      expect(sandboxFiles(loaded)).toEqual([]);
      expect(loaded.filter((path) => CLASSIC_ZOD.test(path))).toEqual([]);
    },
    LOAD_TIMEOUT_MS,
  );

  it(
    'publishes the sandbox as its own entry, which the same check sees',
    () => {
      const loaded = loadedModules(
        `const { createSandbox } = await import('@digilocker-kyc/server/sandbox');
       if (typeof createSandbox !== 'function') throw new Error('no createSandbox');`,
        SERVER_ROOT,
      ).map(pathOf);
      expect(loaded).toContain(join(SERVER_ROOT, 'dist/sandbox/index.js'));
      expect(sandboxFiles(loaded).length).toBeGreaterThan(5);
    },
    LOAD_TIMEOUT_MS,
  );
});

describe('the standalone CLI', () => {
  async function loadsOf(env: Record<string, string>): Promise<string[]> {
    const dir = mkdtempSync(join(tmpdir(), 'dlkyc-cli-loads-'));
    const log = join(dir, 'loads.txt');
    try {
      const cli = start({ ...env, NODE_OPTIONS: `--import ${RECORDER}`, DLKYC_LOAD_LOG: log });
      await cli.ready;
      return readFileSync(log, 'utf8').split('\n').filter(Boolean).map(pathOf);
    } finally {
      killAll();
      rmSync(dir, { recursive: true, force: true });
    }
  }

  it('starts in UAT mode without loading a sandbox chunk', async () => {
    const loaded = await loadsOf({
      EKO_ENV: 'uat',
      // Loopback, never called: the server only has to start.
      EKO_BASE_URL: 'http://127.0.0.1:9/ekoapi/v3',
      EKO_DEVELOPER_KEY: 'fake-developer-key',
      EKO_ACCESS_KEY: 'fake-access-key',
      EKO_INITIATOR_ID: '9000000001',
      SESSION_SECRET: 'a-uat-session-secret-of-at-least-32-bytes',
    });
    expect(loaded).toContain(join(SERVER_ROOT, 'dist/cli.js'));
    expect(sandboxFiles(loaded)).toEqual([]);
  });

  it('loads the sandbox chunk in sandbox mode (so the check above can see one)', async () => {
    const loaded = await loadsOf({});
    expect(sandboxFiles(loaded).length).toBeGreaterThan(0);
  });
});

describe('the sandbox', () => {
  it('reads no environment: only its own cli.ts may', () => {
    const dir = fileURLToPath(new URL('./sandbox/', import.meta.url));
    const library = readdirSync(dir).filter(
      (name) => name.endsWith('.ts') && !/\.test\.ts$|^cli\.ts$/.test(name),
    );
    expect(library).toContain('sandbox.ts');
    const readers = library.filter((name) =>
      /process\.env/.test(readFileSync(join(dir, name), 'utf8')),
    );
    expect(readers).toEqual([]);
  });
});
