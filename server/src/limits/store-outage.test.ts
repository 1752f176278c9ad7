// A shared store's outage: bounded warnings with counts, recovery, and per-instance limits for any
// store that fails.
import { Writable } from 'node:stream';
import type { Store } from 'express-rate-limit';
import request from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import {
  CREATE_PATH,
  createReply,
  EKO_ORIGIN,
  JSON_HEADERS,
  PAGE_ORIGIN,
  type TestApp,
  testApp,
} from '../../test/helpers.js';
import { createLogger } from '../observability/logger.js';
import { OUTAGE_REMINDER_MS, storeOutage } from './store-outage.js';

function capture() {
  const lines: Array<Record<string, unknown>> = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(String(chunk)));
      done();
    },
  });
  return { lines, logger: createLogger('info', sink) };
}

describe('storeOutage', () => {
  it('warns once, reminds once a minute with the count, and says when the store is back', () => {
    const { lines, logger } = capture();
    const clock = { now: 1_000 };
    const outage = storeOutage(logger, 'Redis', () => clock.now);
    expect(outage.down).toBe(false);
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:6379'), {
      code: 'ECONNREFUSED',
    });
    for (let i = 0; i < 50; i++) outage.countedLocally(refused, 'ip');
    for (let i = 0; i < 20; i++) outage.connectionFailed(refused);
    expect(outage.down).toBe(true);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      level: 40,
      store: 'Redis',
      limiter: 'ip',
      err: { message: 'connect ECONNREFUSED 127.0.0.1:6379', code: 'ECONNREFUSED' },
    });

    clock.now += OUTAGE_REMINDER_MS - 1;
    outage.countedLocally(refused, 'ip');
    expect(lines).toHaveLength(1);
    clock.now += 1;
    outage.countedLocally(refused, 'status-token');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatchObject({
      level: 40,
      msg: 'Redis still unavailable: rate limits held per instance',
      down_ms: OUTAGE_REMINDER_MS,
      counted_locally: 51,
    });

    clock.now += 500;
    outage.recovered();
    outage.recovered();
    expect(outage.down).toBe(false);
    expect(lines).toHaveLength(3);
    expect(lines[2]).toMatchObject({
      level: 30,
      msg: 'Redis is back: rate limits are shared again',
      down_ms: OUTAGE_REMINDER_MS + 500,
      counted_locally: 52,
    });
  });
});

describe('a merchant store that fails', () => {
  let t: TestApp;
  afterEach(async () => {
    await t.close();
    await t.agent.close();
  });

  it('holds the limit in this instance’s memory, logs it once, and reports rate_limit_store_unavailable', async () => {
    let calls = 0;
    const broken = (): Store => ({
      init() {},
      async increment() {
        calls += 1;
        throw new Error('store offline');
      },
      async decrement() {},
      async resetKey() {},
    });
    t = testApp(
      { RATE_LIMIT_PER_MINUTE: '2' },
      { limits: { rateLimit: { perMinute: 2, store: broken } } },
    );
    t.agent
      .get(EKO_ORIGIN)
      .intercept({ path: CREATE_PATH, method: 'POST' })
      .reply(200, createReply(), JSON_HEADERS)
      .persist();
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      const res = await request(t.app)
        .post('/kyc/sessions')
        .set('Origin', PAGE_ORIGIN)
        .set('X-DigiLocker-KYC', '1')
        .set('Content-Type', 'application/json')
        .send('{}');
      statuses.push(res.status);
      if (res.status === 429) expect(res.headers['retry-after']).toMatch(/^\d+$/);
    }
    // The shared store was asked every time; the limit of 2 held all the same.
    expect(statuses).toEqual([201, 201, 429, 429]);
    expect(calls).toBe(4);
    expect(t.logs.filter((line) => line.includes('rate-limit store unavailable'))).toHaveLength(1);
    expect(t.handler.health()).toEqual({ ready: true, reasons: ['rate_limit_store_unavailable'] });
  });
});
