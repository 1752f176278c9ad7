// fetchVerifiedDocument: the merchant backend's one call. It accepts only a completion token for
// the named user, and fetches the document of the attempt the token proves, never another.
import { KycError } from '@digilocker-kyc/shared';
import { describe, expect, it } from 'vitest';
import type { DocumentResult, EkoClient } from '../eko/types.js';
import { type SessionClaims, signSessionToken } from './session-token.js';
import { fetchVerifiedDocument } from './verified-document.js';

const SECRET = 'verified-document-test-secret-32-bytes!!';
const NOW = 1_800_000_000_000;
const CREATED: SessionClaims = {
  reference_id: '7483920',
  state: 'S'.repeat(43),
  origin: 'https://shop.example',
  documents: ['AADHAAR'],
  issued_at: NOW / 1000,
  expires_at: NOW / 1000 + 1800,
  subject: 'user-42',
};
const COMPLETED: SessionClaims = { ...CREATED, returned_at: NOW / 1000 + 60 };
const sign = (claims: SessionClaims) => signSessionToken(claims, [SECRET]);

/** An Eko client that records what it was asked for. */
function fakeEko() {
  const asked: Parameters<EkoClient['getDocument']>[0][] = [];
  const eko: Pick<EkoClient, 'getDocument'> = {
    async getDocument(input) {
      asked.push(input);
      return { referenceId: input.referenceId, documents: [] } satisfies DocumentResult;
    },
  };
  return { eko, asked };
}

async function refusal(promise: Promise<unknown>): Promise<KycError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(KycError);
  expect((error as KycError).code).toBe('unauthorized');
  return error as KycError;
}

describe('fetchVerifiedDocument', () => {
  it("fetches the document of the token's attempt, with the event's verification id", async () => {
    const { eko, asked } = fakeEko();
    const result = await fetchVerifiedDocument(sign(COMPLETED), {
      secrets: [SECRET],
      subject: 'user-42',
      now: NOW,
      eko,
      verificationId: 'ver-1',
    });
    expect(result.claims).toEqual(COMPLETED);
    expect(result.document.referenceId).toBe('7483920');
    expect(asked).toEqual([
      { referenceId: '7483920', verificationId: 'ver-1', documents: ['AADHAAR'] },
    ]);
  });

  it('refuses the create-time token (return_not_seen) and asks Eko nothing', async () => {
    const { eko, asked } = fakeEko();
    const error = await refusal(
      fetchVerifiedDocument(sign(CREATED), {
        secrets: [SECRET],
        subject: 'user-42',
        now: NOW,
        eko,
      }),
    );
    expect(error.message).toMatch(/^return_not_seen: /);
    expect(asked).toEqual([]);
  });

  it("refuses another user's completion token", async () => {
    const { eko, asked } = fakeEko();
    const error = await refusal(
      fetchVerifiedDocument(sign(COMPLETED), {
        secrets: [SECRET],
        subject: 'user-7',
        now: NOW,
        eko,
      }),
    );
    expect(error.message).toMatch(/another user/);
    expect(asked).toEqual([]);
  });

  it('with subject null (no resolveSubject): accepts a token without a user, refuses one that names a user', async () => {
    const { eko, asked } = fakeEko();
    const { subject: _user, ...anonymous } = COMPLETED;
    await fetchVerifiedDocument(sign(anonymous), {
      secrets: [SECRET],
      subject: null,
      now: NOW,
      eko,
    });
    expect(asked).toHaveLength(1);
    const error = await refusal(
      fetchVerifiedDocument(sign(COMPLETED), { secrets: [SECRET], subject: null, now: NOW, eko }),
    );
    expect(error.message).toMatch(/pass that user as subject/);
    expect(asked).toHaveLength(1);
  });

  it.each([
    ['an expired token', sign(COMPLETED), NOW + 1800 * 1000],
    ['a forged token', `${sign(COMPLETED)}x`, NOW],
    ['no token', undefined, NOW],
  ])('refuses %s', async (_name, token, now) => {
    const { eko, asked } = fakeEko();
    await refusal(
      fetchVerifiedDocument(token, { secrets: [SECRET], subject: 'user-42', now, eko }),
    );
    expect(asked).toEqual([]);
  });

  it('names what is missing when subject or eko is not given', async () => {
    const { eko } = fakeEko();
    await expect(
      fetchVerifiedDocument(sign(COMPLETED), { secrets: [SECRET], now: NOW, eko } as never),
    ).rejects.toThrow(/options\.subject/);
    await expect(
      fetchVerifiedDocument(sign(COMPLETED), { secrets: [SECRET], subject: 'user-42' } as never),
    ).rejects.toThrow(/options\.eko/);
  });
});
