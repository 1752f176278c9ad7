import { KycError } from '@digilocker-kyc/shared';
import { describe, expect, it } from 'vitest';
import { type SessionClaims, signSessionToken, verifySessionToken } from './session-token.js';

const SECRET = 'a-session-secret-of-at-least-32-bytes!!';
const OLD_SECRET = 'the-previous-secret-still-accepted-for-rotation';
const NOW = 1_700_000_000_000;
const CLAIMS: SessionClaims = {
  reference_id: '7483920',
  state: 'S'.repeat(43),
  origin: 'https://shop.example',
  documents: ['AADHAAR'],
  issued_at: NOW / 1000,
  expires_at: NOW / 1000 + 1800,
};

/** The same signature bytes spelled with different spare bits in the last base64url character. */
function respellLastCharacter(value: string): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  const last = alphabet.indexOf(value.at(-1) ?? 'A');
  return value.slice(0, -1) + alphabet[last ^ 1];
}

function failure(fn: () => unknown): KycError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(KycError);
    expect((error as KycError).code).toBe('unauthorized');
    return error as KycError;
  }
  throw new Error('Expected verification to fail');
}

describe('session tokens', () => {
  const token = signSessionToken(CLAIMS, [SECRET]);

  it('round-trips the claims', () => {
    expect(verifySessionToken(token, { secrets: [SECRET], now: NOW })).toEqual(CLAIMS);
  });

  it('checks reference_id and origin when asked', () => {
    const ok = {
      secrets: [SECRET],
      now: NOW,
      referenceId: '7483920',
      origin: 'https://shop.example',
    };
    expect(verifySessionToken(token, ok).state).toBe(CLAIMS.state);
    failure(() => verifySessionToken(token, { ...ok, referenceId: '7483921' }));
    failure(() => verifySessionToken(token, { ...ok, origin: 'https://shop.example.evil.io' }));
  });

  it('accepts until the last millisecond before expiry, then refuses', () => {
    const end = CLAIMS.expires_at * 1000;
    expect(verifySessionToken(token, { secrets: [SECRET], now: end - 1 })).toBeTruthy();
    expect(
      failure(() => verifySessionToken(token, { secrets: [SECRET], now: end })).message,
    ).toMatch(/expired/);
  });

  it('verifies with any of several secrets (rotation); signs with the first', () => {
    const rotated = signSessionToken(CLAIMS, [OLD_SECRET]);
    expect(verifySessionToken(rotated, { secrets: [SECRET, OLD_SECRET], now: NOW })).toEqual(
      CLAIMS,
    );
    failure(() => verifySessionToken(rotated, { secrets: [SECRET], now: NOW }));
  });

  it.each([
    ['undefined', undefined],
    ['an empty string', ''],
    ['a number', 42],
    ['two parts', 'v1.abc'],
    ['another version', token.replace(/^v1/, 'v2')],
    [
      'a flipped signature byte',
      `${token.slice(0, -2)}${token.endsWith('A') ? 'B' : 'A'}${token.slice(-1)}`,
    ],
    ['a truncated signature (unequal length must not throw a TypeError)', token.slice(0, -5)],
    ['a non-canonical last character (same bytes, other spare bits)', respellLastCharacter(token)],
    ['an oversized token', `v1.${'a'.repeat(5000)}.b`],
  ])('refuses %s', (_name, value) => {
    failure(() => verifySessionToken(value, { secrets: [SECRET], now: NOW }));
  });

  it('refuses tampered claims even with a valid-looking structure', () => {
    const [v, body, sig] = token.split('.');
    const claims = JSON.parse(Buffer.from(body!, 'base64url').toString());
    claims.r = '1111111';
    const forged = `${v}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${sig}`;
    failure(() => verifySessionToken(forged, { secrets: [SECRET], now: NOW }));
  });

  it('refuses well-signed but malformed claims', () => {
    const bad = signSessionToken({ ...CLAIMS, documents: ['PASSPORT' as 'PAN'] }, [SECRET]);
    expect(failure(() => verifySessionToken(bad, { secrets: [SECRET], now: NOW })).message).toMatch(
      /malformed/,
    );
  });
});
