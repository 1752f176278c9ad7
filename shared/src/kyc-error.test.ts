// KycError's `instanceof` across copies of its module: the server's bundled entries carry their
// own copy of this package, and a merchant checks errors with the class they import from it.
import { describe, expect, it } from 'vitest';
import { isKycError, KycError } from './kyc-error.js';

/** A second, separate instance of the module, as a bundle or a second installed version has. */
const other = (await import(/* @vite-ignore */ `./kyc-error.ts?copy=${Date.now()}`)) as {
  KycError: typeof KycError;
};

describe('KycError across copies of its module', () => {
  it('is a different class in the other copy (so the checks below test something)', () => {
    expect(other.KycError).not.toBe(KycError);
    expect(Object.getPrototypeOf(new other.KycError('internal_error', 'x'))).not.toBe(
      KycError.prototype,
    );
  });

  it('is an instance for either copy’s instanceof and isKycError', () => {
    const foreign = new other.KycError('upstream_timeout', 'Eko did not answer.');
    expect(foreign instanceof KycError).toBe(true);
    expect(isKycError(foreign)).toBe(true);
    expect(new KycError('invalid_request', 'x') instanceof other.KycError).toBe(true);
  });

  it('is not an instance for other errors and values', () => {
    for (const value of [
      new Error('x'),
      { code: 'invalid_request' },
      null,
      undefined,
      'KycError',
    ]) {
      expect(value instanceof KycError).toBe(false);
    }
  });

  it('keeps the prototype check for a subclass', () => {
    class Special extends KycError {}
    expect(new Special('internal_error', 'x') instanceof Special).toBe(true);
    expect(new KycError('internal_error', 'x') instanceof Special).toBe(false);
    expect(new Special('internal_error', 'x') instanceof KycError).toBe(true);
  });

  it('serialises as before: the brand is not an own or enumerable property', () => {
    const error = new KycError('payload_too_large', 'Too big.');
    expect(JSON.parse(JSON.stringify(error))).toEqual(error.toJSON());
    expect(Object.getOwnPropertySymbols(error)).toEqual([]);
  });
});
