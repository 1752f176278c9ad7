import { describe, expect, it } from 'vitest';
import { computeSecretKey, signEkoRequest } from './signing.js';

// Known-answer vectors. The first is published by Eko (eps-platform api-auth.ts); the others
// were computed independently with Python's hmac following Eko's PHP sample.
const VECTORS = [
  ['test-access-key-123', 1700000000000, '88lqTf9ew69XbVbeczjxVL8/B4vibfp1MvTi1mIj2Xo='],
  [
    'd2fe1d99-6298-4af2-8cc5-d97dcf46df30',
    1700000000000,
    'qIir8tILHtqxO1Mu3/fC3pVElIa0oIxXMRDUP0463Bc=',
  ],
  [
    'd2fe1d99-6298-4af2-8cc5-d97dcf46df30',
    1735689600000,
    'O18r4CDoTCXo6yEiFvlZXBk6J0lH/AsikGDQfmshBaI=',
  ],
] as const;

describe('computeSecretKey', () => {
  it.each(VECTORS)('key %s at %d → %s', (accessKey, timestamp, expected) => {
    expect(computeSecretKey(accessKey, timestamp)).toBe(expected);
    expect(computeSecretKey(accessKey, String(timestamp))).toBe(expected);
  });

  it('changes with every millisecond', () => {
    const [key, ts] = VECTORS[1];
    expect(computeSecretKey(key, ts + 1)).not.toBe(computeSecretKey(key, ts));
  });

  it.each([
    ['a fractional timestamp', 1700000000000.5],
    ['a negative timestamp', -1],
    ['seconds with a decimal point', '1700000000.000'],
    ['an ISO date', '2023-11-14T22:13:20Z'],
  ])('refuses %s with a message naming the expectation', (_name, timestamp) => {
    expect(() => computeSecretKey('k', timestamp)).toThrow(/Expected the timestamp/);
  });

  it('refuses an empty access key', () => {
    expect(() => computeSecretKey('', 1)).toThrow(/non-empty Eko access key/);
  });
});

describe('signEkoRequest', () => {
  it('sends the same timestamp that was signed', () => {
    const headers = signEkoRequest('dev', 'test-access-key-123', 1700000000000);
    expect(headers).toEqual({
      developer_key: 'dev',
      'secret-key': '88lqTf9ew69XbVbeczjxVL8/B4vibfp1MvTi1mIj2Xo=',
      'secret-key-timestamp': '1700000000000',
    });
  });
});
