// Keeps the options surface small: createKycHandler's top-level options, listed and counted.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { DigilockerKycOptions } from './express.js';
import type { KycHandlerOptions } from './kyc-handler.js';

/** Every top-level option of createKycHandler: the type check below keeps this list exact. */
const HANDLER_OPTIONS = [
  'eko',
  'allowedOrigins',
  'publicBaseUrl',
  'returnUrls',
  'digilockerUrlHosts',
  'sessionSecrets',
  'sessions',
  'hooks',
  'limits',
  'redis',
  'metrics',
  'widgetAssets',
  'logger',
  'testing',
  'basePath',
  'clientAddress',
] as const satisfies readonly (keyof KycHandlerOptions)[];

// A key of the type missing from the list makes `Unlisted` that key's name, and `true` is not
// assignable to it: the type check fails until the list (and so the count) includes it.
type Unlisted = Exclude<keyof KycHandlerOptions, (typeof HANDLER_OPTIONS)[number]>;
const listsEveryKey: [Unlisted] extends [never] ? true : Unlisted = true;

type UnlistedExpress = Exclude<keyof DigilockerKycOptions, (typeof HANDLER_OPTIONS)[number]>;
const expressListed: [UnlistedExpress] extends [never] ? true : UnlistedExpress = true;

describe('the options surface', () => {
  it('has at most 16 top-level options for createKycHandler, basePath included', () => {
    expect(listsEveryKey && expressListed).toBe(true);
    expect(new Set(HANDLER_OPTIONS).size).toBe(HANDLER_OPTIONS.length);
    expect(HANDLER_OPTIONS.length).toBeLessThanOrEqual(16);
  });

  it('keeps test seams and sandbox switches out of the top level', () => {
    const names: readonly string[] = HANDLER_OPTIONS;
    for (const seam of [
      'now',
      'random',
      'dispatcher',
      'insecureUrlOrigins',
      'followLoopbackAlias',
    ]) {
      expect(names).not.toContain(seam);
    }
  });

  it('has no `as never` cast and no request-type generic in the core', () => {
    const dir = new URL('../core/', import.meta.url);
    const sources = readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
    expect(sources.length).toBeGreaterThan(10);
    for (const file of sources) {
      const text = readFileSync(new URL(file, dir), 'utf8');
      expect({ file, cast: text.includes('as never') }).toEqual({ file, cast: false });
      expect({ file, generic: /createKycCore<|ResolvedOptions</.test(text) }).toEqual({
        file,
        generic: false,
      });
    }
  });
});
