// The completion token and onComplete (memory store): a completion exists only for a bound return
// plus Eko's consent; receipts do not transfer between attempts; the merchant's backend accepts
// the completion token and refuses the create-time one.
import { KycError, RECEIPT_HEADER } from '@digilocker-kyc/shared';
import request from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import {
  type Attempt,
  interceptStatus,
  PAGE_ORIGIN,
  SESSION_SECRET,
  startAttempt,
  type TestApp,
  testApp,
} from '../../test/helpers.js';
import type { KycCompletion } from './completion.js';
import { mintReceipt, readReceipt } from './return-proof.js';
import { verifySessionToken } from './session-token.js';

let t: TestApp;
afterEach(async () => {
  await t.close();
  await t.agent.close();
});

const OTHER_SECRET = 'another-deployment-session-secret-32-bytes';
const USER = { 'X-Test-User': 'user-42' };

/** An app whose merchant names its user (X-Test-User) and records every onComplete. */
function app(onComplete?: (c: KycCompletion) => void): KycCompletion[] {
  const fired: KycCompletion[] = [];
  t = testApp(
    {},
    {
      hooks: {
        resolveSubject: (req) => req.get('x-test-user'),
        onComplete: (completion) => {
          fired.push(completion);
          onComplete?.(completion);
        },
      },
    },
  );
  return fired;
}

/** The bound return of `a` in the browser that started it: the receipt its page carries. */
async function returnBound(a: Attempt): Promise<string> {
  const res = await request(t.app).get(a.returnPath).set('Cookie', a.binding);
  expect(res.status).toBe(200);
  return /<meta name="dlkyc-receipt" content="([^"]+)">/.exec(res.text)![1]!;
}

const poll = (a: Attempt, receipt?: string) => {
  const req = request(t.app)
    .get(`/kyc/sessions/${a.reply.reference_id}`)
    .set('Origin', PAGE_ORIGIN)
    .set('Authorization', `Bearer ${a.reply.session_token}`);
  return receipt === undefined ? req : req.set(RECEIPT_HEADER, receipt);
};

/** What the merchant's backend does with a token from the browser. */
const verify = (token: unknown, extra: { subject?: string; referenceId?: string } = {}) =>
  verifySessionToken(token, { secrets: [SESSION_SECRET], now: t.clock.now, ...extra });

function refusal(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(KycError);
    expect((error as KycError).code).toBe('unauthorized');
    return (error as KycError).message;
  }
  throw new Error('Expected the token to be refused');
}

/** Lets the watcher a bound return started run its immediate check. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

describe('the completion token', () => {
  it('is minted for a valid receipt once Eko says consented; the backend accepts it for its subject only', async () => {
    app();
    interceptStatus(t.agent, 'AUTHENTICATED', 5);
    const a = await startAttempt(t, { headers: USER });
    const receipt = await returnBound(a);
    const res = await poll(a, receipt);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'consented', reference_id: a.reply.reference_id });
    const token = res.body.completion_token as string;
    const claims = verify(token, { referenceId: a.reply.reference_id, subject: 'user-42' });
    const created = verifySessionToken(a.reply.session_token, {
      secrets: [SESSION_SECRET],
      now: t.clock.now,
      allowUnreturned: true,
    });
    // The same attempt's claims, plus when the bound return was seen.
    expect(claims).toEqual({
      ...created,
      returned_at: readReceipt(receipt, a.reply.state, [SESSION_SECRET]),
    });
    expect(refusal(() => verify(token, { subject: 'user-7' }))).toMatch(/another user/);
    expect(refusal(() => verify(token, { referenceId: '1111111' }))).toMatch(/another attempt/);
    // The create-time token, which the starting browser held all along, proves nothing.
    expect(refusal(() => verify(a.reply.session_token, { subject: 'user-42' }))).toMatch(
      /^return_not_seen: /,
    );
  });

  it('is not minted without a receipt, even once Eko says consented', async () => {
    const fired = app();
    interceptStatus(t.agent, 'AUTHENTICATED', 5);
    const a = await startAttempt(t);
    const res = await poll(a);
    expect(res.body.status).toBe('consented');
    expect(res.body.completion_token).toBeUndefined();
    await settle();
    expect(fired).toEqual([]);
  });

  it('is not minted while Eko says pending, receipt or not', async () => {
    const fired = app();
    interceptStatus(t.agent, 'PENDING', 5);
    const a = await startAttempt(t);
    const receipt = await returnBound(a);
    const res = await poll(a, receipt);
    expect(res.body.status).toBe('pending');
    expect(res.body.completion_token).toBeUndefined();
    await settle();
    expect(fired).toEqual([]);
  });
});

describe('receipts do not transfer', () => {
  it.each<[string, (mine: string, a: Attempt, b: Attempt) => string]>([
    ["another attempt's genuine receipt", (mine) => mine],
    [
      "this attempt's receipt under another session secret",
      (_m, _a, b) => mintReceipt(b.reply.state, 1_800_000_000, [OTHER_SECRET]),
    ],
    ['a receipt with its time changed', (mine) => mine.replace(/^\d+/, '1800000999')],
    ['a receipt of the right shape and a forged mac', () => `1800000000.${'x'.repeat(43)}`],
    ['not a receipt at all', () => 'receipt'],
  ])('%s is 401 unauthorized, and no completion', async (_name, present) => {
    const fired = app();
    interceptStatus(t.agent, 'AUTHENTICATED', 10);
    const a = await startAttempt(t);
    const b = await startAttempt(t, { referenceId: 7483921 });
    const mine = await returnBound(a);
    const res = await poll(b, present(mine, a, b));
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('unauthorized');
    expect(res.body.error.message).toMatch(/receipt/);
    expect(res.body.completion_token).toBeUndefined();
    // Attempt A's own completion is untouched by B's refusal.
    await settle();
    expect(fired.map((c) => c.reference_id)).not.toContain(b.reply.reference_id);
  });
});

describe('onComplete', () => {
  it('fires once per attempt, with ids only, however many status polls and the watcher', async () => {
    const fired = app();
    interceptStatus(t.agent, 'AUTHENTICATED', 10);
    const a = await startAttempt(t, { headers: USER });
    const receipt = await returnBound(a);
    for (let i = 0; i < 3; i++) expect((await poll(a, receipt)).body.completion_token).toBeTruthy();
    // A reload of the return page neither starts a second watcher nor fires again.
    await returnBound(a);
    await settle();
    expect(fired).toEqual([
      {
        reference_id: a.reply.reference_id,
        subject: 'user-42',
        documents: ['AADHAAR'],
        returned_at: new Date(Math.floor(t.clock.now / 1000) * 1000).toISOString(),
      },
    ]);
    expect(t.logs.filter((line) => line.includes('"event":"kyc_complete"'))).toHaveLength(1);
  });

  it('fires from the bound return alone: the merchant tab may close right after DigiLocker', async () => {
    const fired = app();
    interceptStatus(t.agent, 'AUTHENTICATED', 5);
    const a = await startAttempt(t);
    await returnBound(a);
    // No status request at all: the watcher the bound return started asks Eko itself.
    await expect.poll(() => fired.length).toBe(1);
    expect(fired[0]?.reference_id).toBe(a.reply.reference_id);
  });

  it('never fires for a return in another browser (no binding), nor for status polling alone', async () => {
    const fired = app();
    interceptStatus(t.agent, 'AUTHENTICATED', 10);
    const a = await startAttempt(t);
    const foreign = await request(t.app).get(a.returnPath);
    expect(foreign.status).toBe(303);
    // The attacker polls with the create-time token (all the starting browser has).
    for (let i = 0; i < 3; i++) expect((await poll(a)).body.completion_token).toBeUndefined();
    await settle();
    expect(fired).toEqual([]);
    expect(t.logs.some((line) => line.includes('kyc_complete'))).toBe(false);
  });

  it('a hook that throws is logged at warn and not called again', async () => {
    let calls = 0;
    app(() => {
      calls++;
      throw new Error('merchant bug');
    });
    interceptStatus(t.agent, 'AUTHENTICATED', 10);
    const a = await startAttempt(t);
    const receipt = await returnBound(a);
    expect((await poll(a, receipt)).status).toBe(200);
    expect((await poll(a, receipt)).status).toBe(200);
    await settle();
    expect(calls).toBe(1);
    const warn = t.logs.find((line) => line.includes('the onComplete hook threw'));
    expect(warn).toContain('"level":40');
  });
});
