// Deno serves createKycHandler().fetch through Deno.serve (the recipe in docs/recipes.md), against the sandbox.
import { fileURLToPath } from 'node:url';
import type { RunningSandbox } from '@digilocker-kyc/server/sandbox';
import { afterAll, beforeAll, expect, test } from 'vitest';
import {
  createAndReadStatus,
  freePort,
  type RuntimeProcess,
  recipeEnv,
  spawnRuntime,
  startSandbox,
} from './support.js';

const TEST_DIR = fileURLToPath(new URL('..', import.meta.url));
const DENO = fileURLToPath(new URL('../node_modules/.bin/deno', import.meta.url));
let sandbox: RunningSandbox;
let server: RuntimeProcess;

beforeAll(async () => {
  sandbox = await startSandbox();
  const port = await freePort();
  const env = { ...recipeEnv(sandbox, `http://127.0.0.1:${port}/kyc`), PORT: String(port) };
  server = await spawnRuntime(
    DENO,
    [
      'run',
      '--allow-net',
      '--allow-env',
      '--allow-read',
      '--allow-sys',
      'runtimes/fixtures/deno-serve.ts',
    ],
    env,
    TEST_DIR,
  );
});

afterAll(async () => {
  server?.stop();
  await sandbox?.close();
});

test('Deno: a session is created and its status read through the fetch handler', async () => {
  await createAndReadStatus((path, init) => fetch(`${server.origin}${path}`, init), sandbox);
  expect(server.output()).not.toMatch(/error/i);
});
