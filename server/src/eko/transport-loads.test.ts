// A handler on Node sends to Eko through node:http: creating one loads no undici (its import and
// WASM parser are the largest part of a cold start), unless a dispatcher is passed in.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadedModules, packagesOf, pathOf } from '../../../scripts/loaded-modules.mjs';

const SERVER_ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** Each check spawns Node and imports the built entry: seconds on a busy machine. */
const LOAD_TIMEOUT_MS = 20_000;

const handler = (extra: string) => `const s = await import('@digilocker-kyc/server');
s.createKycHandler({
  allowedOrigins: ['https://shop.example'],
  publicBaseUrl: 'https://shop.example/kyc',
  sessionSecrets: ['x'.repeat(40)],
  eko: { developerKey: 'k', accessKey: 'a', initiatorId: '9000000001', userCode: '1',
         baseUrl: 'https://staging.eko.in/ekoapi/v3' },
  ${extra}
});`;

describe('the Eko transport a handler loads', () => {
  it(
    'is node:http by default: no undici',
    () => {
      const loaded = loadedModules(handler(''), SERVER_ROOT).map(pathOf);
      expect(packagesOf(loaded)).not.toContain('undici');
    },
    LOAD_TIMEOUT_MS,
  );

  it(
    'is the dispatcher passed in, when there is one (so the check above can see undici)',
    () => {
      const loaded = loadedModules(
        `const { MockAgent } = await import('undici');\n${handler('dispatcher: new MockAgent(),')}`,
        SERVER_ROOT,
      ).map(pathOf);
      expect(packagesOf(loaded)).toContain('undici');
    },
    LOAD_TIMEOUT_MS,
  );
});
