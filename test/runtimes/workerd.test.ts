// workerd (Cloudflare Workers' runtime, nodejs_compat) serves the Worker recipe, bundled by esbuild, against the sandbox.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RunningSandbox } from '@digilocker-kyc/server/sandbox';
import { build } from 'esbuild';
import { afterAll, beforeAll, expect, test } from 'vitest';
import {
  createAndReadStatus,
  freePort,
  type RuntimeProcess,
  recipeEnv,
  spawnRuntime,
  startSandbox,
} from './support.js';

const WORKERD = fileURLToPath(new URL('../node_modules/.bin/workerd', import.meta.url));
const RECIPE = fileURLToPath(new URL('./fixtures/worker.ts', import.meta.url));
let sandbox: RunningSandbox;
let server: RuntimeProcess;
let dir: string;

/**
 * The Worker as wrangler would deploy it: one ES module, Node built-ins left to nodejs_compat,
 * and a `require` for the CommonJS dependencies that load built-ins.
 */
async function bundle(outfile: string): Promise<void> {
  await build({
    entryPoints: [RECIPE],
    outfile,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'es2022',
    conditions: ['workerd', 'worker'],
    banner: {
      js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire('/');",
    },
    logLevel: 'warning',
  });
}

/** workerd's own config: the Worker, its vars as text bindings, loopback allowed outbound. */
function capnpConfig(port: number, env: Record<string, string>): string {
  const bindings = Object.entries(env)
    .map(
      ([name, value]) => `    (name = ${JSON.stringify(name)}, text = ${JSON.stringify(value)}),`,
    )
    .join('\n');
  return `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [
    (name = "main", worker = .worker),
    (name = "loopback", network = (allow = ["public", "private", "local"])),
  ],
  sockets = [ (name = "http", address = "127.0.0.1:${port}", http = (), service = "main") ],
);
const worker :Workerd.Worker = (
  modules = [ (name = "worker", esModule = embed "worker.js") ],
  compatibilityDate = "2026-08-01",
  compatibilityFlags = ["nodejs_compat"],
  globalOutbound = "loopback",
  bindings = [
${bindings}
  ],
);
`;
}

beforeAll(async () => {
  sandbox = await startSandbox();
  dir = mkdtempSync(join(tmpdir(), 'dlkyc-workerd-'));
  await bundle(join(dir, 'worker.js'));
  const port = await freePort();
  const env = recipeEnv(sandbox, `http://127.0.0.1:${port}/kyc`);
  writeFileSync(join(dir, 'config.capnp'), capnpConfig(port, env));
  server = await spawnRuntime(WORKERD, ['serve', 'config.capnp'], {}, dir);
});

afterAll(async () => {
  server?.stop();
  await sandbox?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('workerd: a session is created and its status read through the fetch handler', async () => {
  await createAndReadStatus((path, init) => fetch(`${server.origin}${path}`, init), sandbox);
  // Anything the Worker logs reaches workerd's stderr; an uncaught error would show here.
  expect(server.output()).not.toMatch(/Uncaught|error/i);
});
