// The status route is rate-limited per session token and per client, with the error envelope.
import request from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import {
  EKO_ORIGIN,
  JSON_HEADERS,
  PAGE_ORIGIN,
  SESSION_SECRET,
  type TestApp,
  testApp,
} from '../../test/helpers.js';
import { signSessionToken } from '../core/session-token.js';

let t: TestApp;
afterEach(async () => {
  await t.close();
  await t.agent.close();
});

function token(referenceId: string): string {
  const now = Math.floor(t.clock.now / 1000);
  return signSessionToken(
    {
      reference_id: referenceId,
      state: 'S'.repeat(43),
      origin: PAGE_ORIGIN,
      documents: ['AADHAAR'],
      issued_at: now,
      expires_at: now + 600,
    },
    [SESSION_SECRET],
  );
}

function interceptStatus(referenceId: string) {
  t.agent
    .get(EKO_ORIGIN)
    .intercept({
      path: `/ekoapi/v3/tools/kyc/digilocker/status?initiator_id=9962981729&reference_id=${referenceId}`,
      method: 'GET',
    })
    .reply(200, { status: 0, data: { status: 'PENDING' } }, JSON_HEADERS)
    .persist();
}

const poll = (referenceId: string, bearer: string, ip = '10.0.0.1') =>
  request(t.app)
    .get(`/kyc/sessions/${referenceId}`)
    .set('Origin', PAGE_ORIGIN)
    .set('X-Forwarded-For', ip)
    .set('Authorization', `Bearer ${bearer}`);

describe('status route rate limits', () => {
  it('answers the (limit+1)th poll of one token with 429, the envelope and Retry-After', async () => {
    t = testApp({ STATUS_RATE_LIMIT_PER_TOKEN: '3', TRUST_PROXY_HOPS: '1' });
    interceptStatus('1001');
    interceptStatus('1002');
    const first = token('1001');
    for (let i = 0; i < 3; i++) expect((await poll('1001', first)).status).toBe(200);
    const limited = await poll('1001', first);
    expect(limited.status).toBe(429);
    expect(limited.body.error).toMatchObject({ code: 'rate_limited', retryable: true });
    expect(limited.body.error.request_id).toBeTruthy();
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    // Another attempt's token, from the same client, is counted on its own.
    expect((await poll('1002', token('1002'))).status).toBe(200);
  });

  it('limits one client cycling tokens, and leaves other clients alone', async () => {
    t = testApp({
      STATUS_RATE_LIMIT_PER_CLIENT: '4',
      STATUS_RATE_LIMIT_PER_TOKEN: '0',
      TRUST_PROXY_HOPS: '1',
    });
    for (let i = 0; i < 4; i++) expect((await poll('1001', `v1.forged${i}.x`)).status).toBe(401);
    const limited = await poll('1001', 'v1.forged-again.x');
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe('rate_limited');
    expect((await poll('1001', 'v1.forged.x', '10.0.0.2')).status).toBe(401);
  });

  it('allows the defaults to poll once a second for a minute without a 429', async () => {
    t = testApp({ TRUST_PROXY_HOPS: '1' });
    interceptStatus('1001');
    const bearer = token('1001');
    for (let i = 0; i < 60; i++) expect((await poll('1001', bearer)).status).toBe(200);
    expect(t.config.statusRateLimit).toEqual({ perToken: 120, perClient: 600 });
  });

  it('is off with both limits at 0', async () => {
    t = testApp({
      STATUS_RATE_LIMIT_PER_CLIENT: '0',
      STATUS_RATE_LIMIT_PER_TOKEN: '0',
      TRUST_PROXY_HOPS: '1',
    });
    for (let i = 0; i < 10; i++) expect((await poll('1001', 'v1.a.b')).status).toBe(401);
  });
});
