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
import { signSessionToken } from './session-token.js';

let t: TestApp;
afterEach(async () => {
  t.agent.assertNoPendingInterceptors();
  await t.close();
  await t.agent.close();
});

const STATUS_PATH =
  '/ekoapi/v3/tools/kyc/digilocker/status?initiator_id=9962981729&reference_id=7483920';

function token(
  overrides: Partial<Parameters<typeof signSessionToken>[0]> = {},
  secret = SESSION_SECRET,
) {
  const now = Math.floor(t.clock.now / 1000);
  return signSessionToken(
    {
      reference_id: '7483920',
      state: 'S'.repeat(43),
      origin: PAGE_ORIGIN,
      documents: ['AADHAAR'],
      issued_at: now,
      expires_at: now + 600,
      ...overrides,
    },
    [secret],
  );
}

function interceptStatus(data: object, envelope: object = { status: 0 }) {
  t.agent
    .get(EKO_ORIGIN)
    .intercept({ path: STATUS_PATH, method: 'GET' })
    .reply(200, { ...envelope, data }, JSON_HEADERS);
}

const get = (
  bearer: string | undefined,
  origin: string | undefined = PAGE_ORIGIN,
  ref = '7483920',
) => {
  let req = request(t.app).get(`/kyc/sessions/${ref}`);
  if (origin) req = req.set('Origin', origin);
  if (bearer !== undefined) req = req.set('Authorization', `Bearer ${bearer}`);
  return req;
};

describe('GET /kyc/sessions/:reference_id', () => {
  it('answers the status with ids only, never personal data', async () => {
    t = testApp();
    interceptStatus({
      status: 'AUTHENTICATED',
      user_details: { name: 'Rahul Sharma', dob: '15-08-1990', gender: 'M', mobile: '98XXXXXXXX' },
      document_consent: [{ document_type: 'AADHAAR', consent: 'Y' }],
    });
    const res = await get(token());
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      reference_id: '7483920',
      status: 'consented',
      documents: ['AADHAAR'],
    });
    expect(res.text).not.toMatch(/Rahul|1990|98XX/);
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it.each([
    [
      'pending (eps business error)',
      {},
      {
        status: 1,
        response_status_id: -1,
        message: 'Verification pending. User has not completed DigiLocker consent.',
      },
      'pending',
    ],
    ['denied', { status: 'CONSENT_DENIED' }, { status: 0 }, 'denied'],
    ['expired', { status: 'EXPIRED' }, { status: 0 }, 'expired'],
  ])('maps %s', async (_name, data, envelope, expected) => {
    t = testApp();
    interceptStatus(data, envelope);
    expect((await get(token())).body.status).toBe(expected);
  });

  it('accepts a same-origin poll that carries no Origin header', async () => {
    t = testApp();
    interceptStatus({ status: 'PENDING' });
    expect((await get(token(), undefined)).status).toBe(200);
  });

  it.each([
    ['no Authorization header', () => undefined],
    ['a garbage token', () => 'not-a-token'],
    [
      'a token signed with another secret',
      () => token({}, 'another-secret-that-is-32-bytes-long!!'),
    ],
    ['a token for another attempt', () => token({ reference_id: '1111111' })],
    ['an expired token', () => token({ expires_at: Math.floor(t.clock.now / 1000) - 1 })],
    ['a token issued to another allowed origin', () => token({ origin: 'https://other.example' })],
  ])('refuses %s with 401 and calls no upstream', async (_name, make) => {
    t = testApp();
    const res = await get(make());
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('unauthorized');
    expect(upstreamCalls(t.agent)).toHaveLength(0);
  });

  it('refuses a poll from a page off the allowlist with 403', async () => {
    t = testApp();
    const res = await get(token(), 'https://evil.io');
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('forbidden_origin');
  });

  it('refuses a malformed reference id with 400', async () => {
    t = testApp();
    expect((await get(token(), PAGE_ORIGIN, 'a.b')).status).toBe(400);
  });

  it('caches briefly: polls within 1 s share one upstream call, a later poll asks again', async () => {
    t = testApp();
    interceptStatus({ status: 'PENDING' });
    const [a, b] = await Promise.all([get(token()), get(token())]);
    await get(token());
    expect([a.body.status, b.body.status]).toEqual(['pending', 'pending']);
    expect(upstreamCalls(t.agent)).toHaveLength(1);
    t.clock.now += 1_001;
    interceptStatus({ status: 'AUTHENTICATED' });
    expect((await get(token())).body.status).toBe('consented');
    expect(upstreamCalls(t.agent)).toHaveLength(2);
  });

  it('keeps a final status longer than a pending one', async () => {
    t = testApp();
    interceptStatus({ status: 'AUTHENTICATED' });
    await get(token());
    t.clock.now += 30_000;
    expect((await get(token())).body.status).toBe('consented');
    expect(upstreamCalls(t.agent)).toHaveLength(1);
  });
});

describe('rate limiting', () => {
  const post = (ip?: string) => {
    let req = request(t.app)
      .post('/kyc/sessions')
      .set('Origin', PAGE_ORIGIN)
      .set('X-DigiLocker-KYC', '1')
      .set('Content-Type', 'application/json');
    if (ip) req = req.set('X-Forwarded-For', ip);
    return req.send('{}');
  };

  it('answers the (limit+1)th creation with 429, RateLimit headers and Retry-After', async () => {
    t = testApp({ RATE_LIMIT_PER_MINUTE: '3' });
    t.agent
      .get(EKO_ORIGIN)
      .intercept({ path: CREATE_PATH, method: 'POST' })
      .reply(200, createReply(), JSON_HEADERS)
      .times(3);
    for (let i = 0; i < 3; i++) expect((await post()).status).toBe(201);
    const res = await post();
    expect(res.status).toBe(429);
    expect(res.body.error).toMatchObject({ code: 'rate_limited', retryable: true });
    expect(res.headers.ratelimit).toMatch(/r=0/);
    expect(res.headers['ratelimit-policy']).toMatch(/q=3/);
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    expect(upstreamCalls(t.agent)).toHaveLength(3);
  });

  it('does not trust X-Forwarded-For without configured proxy hops', async () => {
    t = testApp({ RATE_LIMIT_PER_MINUTE: '2' });
    t.agent
      .get(EKO_ORIGIN)
      .intercept({ path: CREATE_PATH, method: 'POST' })
      .reply(200, createReply(), JSON_HEADERS)
      .times(2);
    expect((await post('1.1.1.1')).status).toBe(201);
    expect((await post('2.2.2.2')).status).toBe(201);
    expect((await post('3.3.3.3')).status).toBe(429);
  });

  it('limits per merchant key as well as per IP', async () => {
    t = testApp(
      { RATE_LIMIT_PER_MINUTE: '2' },
      { limits: { rateLimit: { perMinute: 2, key: (req) => req.get('x-user') } } },
    );
    t.agent
      .get(EKO_ORIGIN)
      .intercept({ path: CREATE_PATH, method: 'POST' })
      .reply(200, createReply(), JSON_HEADERS)
      .times(2);
    const asUser = () => post().set('x-user', 'u1');
    expect((await asUser()).status).toBe(201);
    expect((await asUser()).status).toBe(201);
    expect((await asUser()).status).toBe(429);
  });

  it('is off with RATE_LIMIT_PER_MINUTE=0', async () => {
    t = testApp({ RATE_LIMIT_PER_MINUTE: '0' });
    t.agent
      .get(EKO_ORIGIN)
      .intercept({ path: CREATE_PATH, method: 'POST' })
      .reply(200, createReply(), JSON_HEADERS)
      .times(12);
    for (let i = 0; i < 12; i++) expect((await post()).status).toBe(201);
  });
});
