// An Eko 429 is a rate-limit answer: 503 with Retry-After, not retried, and the breaker stays shut.
import request from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import {
  CREATE_PATH,
  createReply,
  EKO_ORIGIN,
  JSON_HEADERS,
  PAGE_ORIGIN,
  SESSION_SECRET,
  type TestApp,
  testApp,
  upstreamCalls,
} from '../../test/helpers.js';
import { signSessionToken } from '../core/session-token.js';

let t: TestApp;
afterEach(async () => {
  await t.close();
  await t.agent.close();
});

const post = () =>
  request(t.app)
    .post('/kyc/sessions')
    .set('Origin', PAGE_ORIGIN)
    .set('X-DigiLocker-KYC', '1')
    .set('Content-Type', 'application/json')
    .send('{}');

function tooMany(headers: Record<string, string> = {}, times = 1) {
  t.agent
    .get(EKO_ORIGIN)
    .intercept({ path: CREATE_PATH, method: 'POST' })
    .reply(
      429,
      { message: 'Too many requests' },
      { headers: { 'content-type': 'application/json', ...headers } },
    )
    .times(times);
}

describe('Eko answers 429', () => {
  it("answers 503 upstream_unavailable, retryable, with Eko's Retry-After", async () => {
    t = testApp({ RATE_LIMIT_PER_MINUTE: '0' });
    tooMany({ 'retry-after': '20' });
    const res = await post();
    expect(res.status).toBe(503);
    expect(res.body.error).toMatchObject({ code: 'upstream_unavailable', retryable: true });
    expect(res.body.error.message).toMatch(/rate-limiting/);
    expect(res.headers['retry-after']).toBe('20');
  });

  it.each([
    ['absent', {}, '5'],
    ['huge', { 'retry-after': '86400' }, '300'],
    ['garbage', { 'retry-after': 'soon<script>' }, '5'],
  ])('bounds a Retry-After that is %s', async (_name, headers, expected) => {
    t = testApp({ RATE_LIMIT_PER_MINUTE: '0' });
    tooMany(headers);
    expect((await post()).headers['retry-after']).toBe(expected);
  });

  it('does not open the shared circuit breaker, however many 429s arrive', async () => {
    t = testApp({ RATE_LIMIT_PER_MINUTE: '0' }, { limits: { breaker: { volumeThreshold: 3 } } });
    tooMany({}, 10);
    for (let i = 0; i < 10; i++) expect((await post()).status).toBe(503);
    // Each creation reached Eko: none was refused by an open circuit.
    expect(upstreamCalls(t.agent)).toHaveLength(10);
    expect((await request(t.app).get('/readyz')).status).toBe(200);
    t.agent
      .get(EKO_ORIGIN)
      .intercept({ path: CREATE_PATH, method: 'POST' })
      .reply(200, createReply(), JSON_HEADERS);
    expect((await post()).status).toBe(201);
  });

  it('does not retry a status call that Eko rate-limits', async () => {
    t = testApp();
    t.agent
      .get(EKO_ORIGIN)
      .intercept({
        path: '/ekoapi/v3/tools/kyc/digilocker/status?initiator_id=9962981729&reference_id=7483920',
        method: 'GET',
      })
      .reply(429, 'slow down')
      .persist();
    const now = Math.floor(t.clock.now / 1000);
    const token = signSessionToken(
      {
        reference_id: '7483920',
        state: 'S'.repeat(43),
        origin: PAGE_ORIGIN,
        documents: ['AADHAAR'],
        issued_at: now,
        expires_at: now + 600,
      },
      [SESSION_SECRET],
    );
    const res = await request(t.app)
      .get('/kyc/sessions/7483920')
      .set('Origin', PAGE_ORIGIN)
      .set('Authorization', `Bearer ${token}`);
    expect(res.status).toBe(503);
    expect(res.body.error.code).toBe('upstream_unavailable');
    expect(upstreamCalls(t.agent)).toHaveLength(1);
  });
});
