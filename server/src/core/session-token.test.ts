import { createHmac } from 'node:crypto';
import { KycError } from '@digilocker-kyc/shared';
import { describe, expect, it } from 'vitest';
import {
  readBinding,
  type SessionClaims,
  signBinding,
  signSessionToken,
  verifySessionToken,
} from './session-token.js';

const SECRET = 'a-session-secret-of-at-least-32-bytes!!';
const OLD_SECRET = 'the-previous-secret-still-accepted-for-rotation';
const NOW = 1_700_000_000_000;
/** A completion token's claims: the return was seen (`returned_at`). */
const CLAIMS: SessionClaims = {
  reference_id: '7483920',
  state: 'S'.repeat(43),
  origin: 'https://shop.example',
  documents: ['AADHAAR'],
  issued_at: NOW / 1000,
  expires_at: NOW / 1000 + 1800,
  returned_at: NOW / 1000 + 60,
};
/** The create-time token's claims: no return seen yet. */
const { returned_at: _unreturned, ...CREATE_CLAIMS } = CLAIMS;

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
    const withReturnTo = { ...CLAIMS, return_to: 'https://shop.example/account/kyc' };
    expect(
      verifySessionToken(signSessionToken(withReturnTo, [SECRET]), { secrets: [SECRET], now: NOW }),
    ).toEqual(withReturnTo);
  });

  it('refuses a create-time token (no return seen) with return_not_seen, unless allowUnreturned', () => {
    const created = signSessionToken(CREATE_CLAIMS, [SECRET]);
    const refusal = failure(() => verifySessionToken(created, { secrets: [SECRET], now: NOW }));
    expect(refusal.message).toMatch(/^return_not_seen: /);
    // Every other check passing does not change that: only the return makes a token acceptable.
    failure(() =>
      verifySessionToken(created, {
        secrets: [SECRET],
        now: NOW,
        referenceId: CLAIMS.reference_id,
        origin: CLAIMS.origin,
        allowUnreturned: false,
      }),
    );
    expect(
      verifySessionToken(created, { secrets: [SECRET], now: NOW, allowUnreturned: true }),
    ).toEqual(CREATE_CLAIMS);
    expect(verifySessionToken(token, { secrets: [SECRET], now: NOW }).returned_at).toBe(
      CLAIMS.returned_at,
    );
  });

  it('keeps binding values and tokens apart: neither verifies as the other', () => {
    const binding = signBinding(CLAIMS, [SECRET]);
    expect(readBinding(binding, CLAIMS.state, [SECRET], NOW)).toEqual(CLAIMS);
    failure(() => verifySessionToken(binding, { secrets: [SECRET], now: NOW }));
    expect(readBinding(token, CLAIMS.state, [SECRET], NOW)).toBeUndefined();
    // Another attempt's binding, an expired one, or one under another key binds nothing.
    expect(readBinding(binding, 'T'.repeat(43), [SECRET], NOW)).toBeUndefined();
    expect(readBinding(binding, CLAIMS.state, [SECRET], CLAIMS.expires_at * 1000)).toBeUndefined();
    expect(readBinding(binding, CLAIMS.state, [OLD_SECRET], NOW)).toBeUndefined();
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

  it('carries the subject and refuses a token for another user when asked', () => {
    const bound = signSessionToken({ ...CLAIMS, subject: 'user-42' }, [SECRET]);
    expect(verifySessionToken(bound, { secrets: [SECRET], now: NOW }).subject).toBe('user-42');
    expect(
      verifySessionToken(bound, { secrets: [SECRET], now: NOW, subject: 'user-42' }).subject,
    ).toBe('user-42');
    expect(
      failure(() => verifySessionToken(bound, { secrets: [SECRET], now: NOW, subject: 'user-7' }))
        .message,
    ).toMatch(/another user/);
    // A token minted without a subject is not valid for a named user either.
    failure(() => verifySessionToken(token, { secrets: [SECRET], now: NOW, subject: 'user-42' }));
  });
});

describe('session token secrets', () => {
  /** A token signed with the empty key: what `[process.env.SESSION_SECRET ?? '']` would accept. */
  function forgedWith(secret: string): string {
    const body = Buffer.from(
      JSON.stringify({
        r: '7483920',
        s: 'S',
        o: 'https://shop.example',
        d: ['AADHAAR'],
        iat: 1,
        exp: 9e9,
      }),
    ).toString('base64url');
    const mac = createHmac('sha256', secret).update(`v1.${body}`).digest('base64url');
    return `v1.${body}.${mac}`;
  }

  function configError(fn: () => unknown): KycError {
    try {
      fn();
    } catch (error) {
      expect(error).toBeInstanceOf(KycError);
      expect((error as KycError).code).toBe('config_error');
      expect((error as KycError).message).toMatch(/at least 32 bytes/);
      return error as KycError;
    }
    throw new Error('Expected a config error');
  }

  it.each([
    ['no secrets', []],
    ['an empty secret', ['']],
    ['a short secret', ['short-secret']],
    ['a short secret beside a good one', [SECRET, 'short']],
    ['a string instead of an array', SECRET as unknown as string[]],
    ['undefined', undefined as unknown as string[]],
  ])('verify refuses to run with %s, and never verifies a forged token', (_name, secrets) => {
    configError(() => verifySessionToken(forgedWith(''), { secrets, now: NOW }));
    configError(() => verifySessionToken(forgedWith('short-secret'), { secrets, now: NOW }));
  });

  it.each([
    ['no secrets', []],
    ['an empty secret', ['']],
    ['a short secret', ['short-secret']],
  ])('sign refuses to run with %s', (_name, secrets) => {
    configError(() => signSessionToken(CLAIMS, secrets));
  });

  it('refuses an empty or oversized subject when signing', () => {
    expect(() => signSessionToken({ ...CLAIMS, subject: '' }, [SECRET])).toThrow(/subject/);
    expect(() => signSessionToken({ ...CLAIMS, subject: 'x'.repeat(129) }, [SECRET])).toThrow(
      /subject/,
    );
  });
});
