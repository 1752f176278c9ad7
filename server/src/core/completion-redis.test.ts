// onComplete and the return store against a real redis-server on loopback: "once" holds across
// instances sharing one Redis, and a Redis that is down (or hung) fails closed: no receipt (a
// retry page), no onComplete, readiness says so.
import { RECEIPT_HEADER } from '@digilocker-kyc/shared';
import request from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import {
  type Attempt,
  EKO_ORIGIN,
  JSON_HEADERS,
  PAGE_ORIGIN,
  SESSION_SECRET,
  STATUS_PATH,
  setCookies,
  startAttempt,
  type TestApp,
  testApp,
} from '../../test/helpers.js';
import { startRedis, type TestRedis } from '../../test/redis-test-server.js';
import type { KycCompletion } from './completion.js';
import { mintReceipt } from './return-proof.js';

let redis: TestRedis | undefined;
const apps: TestApp[] = [];
afterEach(async () => {
  for (const app of apps.splice(0)) {
    await app.close();
    await app.agent.close();
  }
  await redis?.stop();
  redis = undefined;
});

/** Eko's answer to every status call of every instance; a test changes it as the journey goes. */
let ekoStatus = 'PENDING';

/** An instance on `url` whose Eko answers `ekoStatus`, recording its onComplete calls in `fired`. */
function instance(url: string, fired: KycCompletion[]): TestApp {
  const app = testApp(
    { REDIS_URL: url },
    {
      hooks: {
        onComplete: (completion) => {
          fired.push(completion);
        },
      },
    },
  );
  app.agent
    .get(EKO_ORIGIN)
    .intercept({ path: STATUS_PATH, method: 'GET' })
    .reply(() => ({
      statusCode: 200,
      data: { status: 0, data: { status: ekoStatus } },
      responseOptions: JSON_HEADERS,
    }))
    .persist();
  apps.push(app);
  return app;
}

async function until(check: () => boolean, what: string, ms = 8_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${ms} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
const ready = (app: TestApp) => () => app.handler.health().ready;

const back = (app: TestApp, a: Attempt) =>
  request(app.app).get(`${a.returnPath}?verification_id=v1`).set('Cookie', a.binding);

const poll = (app: TestApp, a: Attempt, receipt: string) =>
  request(app.app)
    .get(`/kyc/sessions/${a.reply.reference_id}`)
    .set('Origin', PAGE_ORIGIN)
    .set('Authorization', `Bearer ${a.reply.session_token}`)
    .set(RECEIPT_HEADER, receipt);

const receiptOf = (html: string) => /<meta name="dlkyc-receipt" content="([^"]+)">/.exec(html)?.[1];

describe('onComplete with Redis', () => {
  it('fires exactly once across two instances sharing one Redis', async () => {
    redis = await startRedis();
    const fired: KycCompletion[] = [];
    const a = instance(redis.url, fired);
    const b = instance(redis.url, fired);
    await until(ready(a), 'A to connect');
    await until(ready(b), 'B to connect');
    ekoStatus = 'AUTHENTICATED';
    // Started on A; DigiLocker's return lands on B (a load balancer); the page polls both.
    const attempt = await startAttempt(a);
    const page = await back(b, attempt);
    expect(page.status).toBe(200);
    const receipt = receiptOf(page.text)!;
    // A reload of the return page on A: a receipt again, but A starts no second watcher.
    expect(receiptOf((await back(a, attempt)).text)).toBeTruthy();
    for (const app of [a, b, a, b]) {
      expect((await poll(app, attempt, receipt)).body.completion_token).toBeTruthy();
    }
    await until(() => fired.length > 0, 'onComplete');
    // Both instances had the chance (B's watcher, every poll): still one call, one log line.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(fired).toHaveLength(1);
    expect(fired[0]?.reference_id).toBe(attempt.reply.reference_id);
    const lines = [...a.logs, ...b.logs].filter((line) => line.includes('"event":"kyc_complete"'));
    expect(lines).toHaveLength(1);
  }, 20_000);

  it('while Redis is down: the return gets the retry page (no receipt), readiness fails, onComplete never fires', async () => {
    redis = await startRedis();
    const fired: KycCompletion[] = [];
    const a = instance(redis.url, fired);
    await until(ready(a), 'A to connect');
    ekoStatus = 'AUTHENTICATED';
    const attempt = await startAttempt(a);
    await redis.kill();
    await until(() => !a.handler.health().ready, 'A to notice');

    const res = await back(a, attempt);
    expect(res.status).toBe(503);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.text).toContain('Please try again');
    expect(res.text).not.toContain('<script');
    expect(receiptOf(res.text)).toBeUndefined();
    expect(setCookies(res.headers)).toEqual([]);
    const readyz = await request(a.app).get('/readyz');
    expect(readyz.status).toBe(503);
    expect(readyz.body).toEqual({
      status: 'not_ready',
      reasons: ['return_store_unavailable', 'redis_unavailable'],
    });

    // A browser with a genuine receipt (from before the outage) still gets its completion
    // token (the receipt is the proof, no store needed), but onComplete cannot be recorded as
    // fired once, so it is not fired.
    const receipt = mintReceipt(attempt.reply.state, Math.floor(a.clock.now / 1000), [
      SESSION_SECRET,
    ]);
    const status = await poll(a, attempt, receipt);
    expect(status.body.completion_token).toBeTruthy();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(fired).toEqual([]);
    expect(a.logs.some((line) => line.includes('onComplete not fired'))).toBe(true);

    // Redis back: the next poll fires it, once.
    await redis.restart();
    await until(ready(a), 'A to reconnect');
    await poll(a, attempt, receipt);
    await poll(a, attempt, receipt);
    expect(fired).toHaveLength(1);
  }, 20_000);

  it('a hung Redis: the return answers the retry page within the store timeout', async () => {
    redis = await startRedis();
    const fired: KycCompletion[] = [];
    const a = instance(redis.url, fired);
    await until(ready(a), 'A to connect');
    const attempt = await startAttempt(a);
    redis.pause();
    try {
      const started = performance.now();
      const res = await back(a, attempt);
      expect(res.status).toBe(503);
      expect(performance.now() - started).toBeLessThan(3_000);
      expect(setCookies(res.headers)).toEqual([]);
    } finally {
      redis.resume();
    }
    expect(fired).toEqual([]);
  }, 20_000);
});
