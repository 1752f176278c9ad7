// The published entries are esbuild bundles (scripts/bundle-library.mjs), each with its own copy
// of @digilocker-kyc/shared. A merchant's `error instanceof KycError`, with the class imported
// from @digilocker-kyc/shared, must still hold for the errors the built server throws.
import { KycError as SharedKycError } from '@digilocker-kyc/shared';
import { describe, expect, it } from 'vitest';

const built = '../dist/index.js';

describe('the built library entry and @digilocker-kyc/shared', () => {
  it('throws errors that are instanceof the KycError a merchant imports', async () => {
    const { verifySessionToken } = (await import(/* @vite-ignore */ built)) as {
      verifySessionToken: (token: unknown, options: { secrets: string[] }) => unknown;
    };
    let thrown: unknown;
    try {
      verifySessionToken('not-a-token', { secrets: ['s'.repeat(40)] });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toMatchObject({ name: 'KycError', code: 'unauthorized' });
    // Not the same class object: the bundle carries its own copy.
    expect(Object.getPrototypeOf(thrown)).not.toBe(SharedKycError.prototype);
    expect(thrown instanceof SharedKycError).toBe(true);
  });
});
