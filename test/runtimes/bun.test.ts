// Bun serves createKycHandler().fetch through Hono (the recipe in docs/recipes.md), against the sandbox.
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
const BUN = fileURLToPath(new URL('../node_modules/.bin/bun', import.meta.url));
let sandbox: RunningSandbox;
let server: RuntimeProcess;

beforeAll(async () => {
  sandbox = await startSandbox();
  const port = await freePort();
  const env = { ...recipeEnv(sandbox, `http://127.0.0.1:${port}/kyc`), PORT: String(port) };
  server = await spawnRuntime(BUN, ['runtimes/fixtures/bun-hono.ts'], env, TEST_DIR);
});

afterAll(async () => {
  server?.stop();
  await sandbox?.close();
});

test('Bun: a session is created and its status read through the fetch handler', async () => {
  await createAndReadStatus((path, init) => fetch(`${server.origin}${path}`, init), sandbox);
  expect(server.output()).not.toMatch(/error/i);
});
