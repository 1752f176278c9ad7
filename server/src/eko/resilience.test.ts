import request from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import {
  CREATE_PATH,
  createReply,
  EKO_ORIGIN,
  interceptStatus,
  JSON_HEADERS,
  PAGE_ORIGIN,
  startAttempt,
  type TestApp,
  testApp,
  upstreamCalls,
} from '../../test/helpers.js';

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

describe('upstream deadline', () => {
  it('answers 504 by the deadline when Eko is slow', async () => {
    t = testApp();
    await t.close();
    // The same app with a 1 s deadline instead of the default 10 s, to keep the suite quick.
    t = testApp({}, { eko: { ...t.config.eko, timeouts: { deadlineMs: 1_000 } } });
    t.agent
      .get(EKO_ORIGIN)
      .intercept({ path: CREATE_PATH, method: 'POST' })
      .reply(200, createReply(), JSON_HEADERS)
      .delay(15_000);
    const started = performance.now();
    const res = await post();
    const elapsed = performance.now() - started;
    expect(res.status).toBe(504);
    expect(res.body.error).toMatchObject({ code: 'upstream_timeout', retryable: true });
    expect(elapsed).toBeGreaterThan(950);
    expect(elapsed).toBeLessThan(1_500);
  });
});

describe('circuit breaker', () => {
  it('opens after repeated failures: 503 with Retry-After and no upstream call, then half-opens', async () => {
    t = testApp(
      { RATE_LIMIT_PER_MINUTE: '0' },
      { limits: { breaker: { resetTimeoutMs: 300, volumeThreshold: 10 } } },
    );
    const pool = t.agent.get(EKO_ORIGIN);
    pool.intercept({ path: CREATE_PATH, method: 'POST' }).reply(500, 'down').times(10);
    for (let i = 0; i < 10; i++) expect((await post()).status).toBe(502);
    expect(upstreamCalls(t.agent)).toHaveLength(10);

    const started = performance.now();
    const open = await post();
    expect(performance.now() - started).toBeLessThan(200);
    expect(open.status).toBe(503);
    expect(open.body.error).toMatchObject({ code: 'upstream_unavailable', retryable: true });
    expect(Number(open.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(upstreamCalls(t.agent)).toHaveLength(10);

    const notReady = await request(t.app).get('/readyz');
    expect(notReady.status).toBe(503);
    expect(notReady.body.reasons).toContain('circuit_open');

    await new Promise((resolve) => setTimeout(resolve, 350));
    pool.intercept({ path: CREATE_PATH, method: 'POST' }).reply(200, createReply(), JSON_HEADERS);
    expect((await post()).status).toBe(201);
    expect(upstreamCalls(t.agent)).toHaveLength(11);
    expect((await request(t.app).get('/readyz')).status).toBe(200);
  });

  it("does not count Eko's business refusals as failures", async () => {
    t = testApp({ RATE_LIMIT_PER_MINUTE: '0' }, { limits: { breaker: { volumeThreshold: 2 } } });
    t.agent
      .get(EKO_ORIGIN)
      .intercept({ path: CREATE_PATH, method: 'POST' })
      .reply(200, { status: 1, response_status_id: 301, message: 'x' }, JSON_HEADERS)
      .times(5);
    for (let i = 0; i < 5; i++) expect((await post()).body.error.code).toBe('upstream_rejected');
    expect((await request(t.app).get('/readyz')).status).toBe(200);
  });
});

describe('health', () => {
  /** Creations whose Eko replies carry these Date offsets from our clock. */
  async function createWithSkews(offsetsMs: number[]) {
    for (const offset of offsetsMs) {
      t.agent
        .get(EKO_ORIGIN)
        .intercept({ path: CREATE_PATH, method: 'POST' })
        .reply(200, createReply(), {
          headers: {
            'content-type': 'application/json',
            date: new Date(t.clock.now + offset).toUTCString(),
          },
        });
      expect((await post()).status).toBe(201);
    }
  }

  it('livez is always 200; readyz turns 503 when the clock is persistently skewed', async () => {
    t = testApp({ RATE_LIMIT_PER_MINUTE: '0' });
    expect((await request(t.app).get('/livez')).body).toEqual({ status: 'ok' });
    expect((await request(t.app).get('/readyz')).status).toBe(200);
    await createWithSkews([120_000, 121_000, 119_000]);
    const res = await request(t.app).get('/readyz');
    expect(res.status).toBe(503);
    expect(res.body.reasons).toEqual(['clock_skew']);
    expect(res.text).not.toMatch(/version|access|key/i);
  });

  it('one skewed Date header does not make readyz not ready, first or among good ones', async () => {
    t = testApp({ RATE_LIMIT_PER_MINUTE: '0' });
    await createWithSkews([600_000]);
    expect((await request(t.app).get('/readyz')).status).toBe(200);
    await createWithSkews([0, 1_000, 0, 600_000]);
    expect((await request(t.app).get('/readyz')).status).toBe(200);
  });

  it('recovers from a skew judgement once it is stale, without a new Eko call', async () => {
    t = testApp({ RATE_LIMIT_PER_MINUTE: '0' });
    await createWithSkews([120_000, 120_000, 120_000]);
    expect((await request(t.app).get('/readyz')).status).toBe(503);
    t.clock.now += 10 * 60_000 + 1;
    expect((await request(t.app).get('/readyz')).status).toBe(200);
    expect(upstreamCalls(t.agent)).toHaveLength(3);
  });

  it('readyz turns 503 while draining', async () => {
    t = testApp();
    t.startDraining();
    const res = await request(t.app).get('/readyz');
    expect(res.status).toBe(503);
    expect(res.body.reasons).toContain('draining');
    expect((await request(t.app).get('/livez')).status).toBe(200);
  });
});

describe('GET /kyc/return/<state>/<secret>', () => {
  it('serves the bound return page with no COOP, no-referrer, a strict CSP and no-store', async () => {
    t = testApp();
    interceptStatus(t.agent, 'PENDING', 10);
    const a = await startAttempt(t);
    const res = await request(t.app)
      .get(`${a.returnPath}?verification_id=v1&next=https://evil.io`)
      .set('Cookie', a.binding);
    expect(res.status).toBe(200);
    expect(res.headers['cross-origin-opener-policy']).toBeUndefined();
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['content-security-policy']).not.toContain('unsafe-inline');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.text).toContain(`<meta name="dlkyc-state" content="${a.reply.state}">`);
    expect(res.text).toContain('<script type="module" src="/kyc/return.js">');
    expect(res.text).toContain(`<meta name="dlkyc-origins" content="${PAGE_ORIGIN}">`);
    // Nothing from the query but Eko's verification id, which the page hands on as data.
    expect(res.text).not.toContain('evil.io');
    expect(res.text).toContain('<meta name="dlkyc-verification" content="v1">');
  });

  it('the plain /return and a malformed state are 404s', async () => {
    t = testApp();
    const plain = await request(t.app).get('/kyc/return?dlkyc_state=x');
    expect(plain.status).toBe(404);
    const bad = await request(t.app).get(`/kyc/return/%3Cscript%3E/${'x'.repeat(43)}`);
    expect(bad.status).toBe(404);
    expect(bad.text).not.toContain('<script');
  });
});
