// REDIS_URL and the `redis` option against a real redis-server on loopback: the counters are
// shared between instances, Redis down leaves each instance holding the limits in its own memory
// (logged once; readiness says the return store, which decides receipts, is unavailable), and a
// Redis that is back (or was down at start) makes the limits shared again.
import { createClient } from '@redis/client';
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
} from '../../test/helpers.js';
import { freePort, startRedis, type TestRedis } from '../../test/redis-test-server.js';
import { signSessionToken } from '../core/session-token.js';
import { STORE_TIMEOUT_MS } from './rate-limits.js';
import { REDIS_KEY_PREFIX } from './redis-store.js';

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

/** An instance with its own Eko mock, answering every creation and status poll. */
function instance(env: Record<string, string>, router = {}): TestApp {
  const app = testApp({ RATE_LIMIT_PER_MINUTE: '3', ...env }, router);
  const eko = app.agent.get(EKO_ORIGIN);
  eko
    .intercept({ path: CREATE_PATH, method: 'POST' })
    .reply(200, createReply(), JSON_HEADERS)
    .persist();
  eko
    .intercept({ path: (path) => path.startsWith(`${CREATE_PATH}/status`), method: 'GET' })
    .reply(200, { status: 0, data: { status: 'PENDING' } }, JSON_HEADERS)
    .persist();
  apps.push(app);
  return app;
}

const create = (app: TestApp) =>
  request(app.app)
    .post('/kyc/sessions')
    .set('Origin', PAGE_ORIGIN)
    .set('X-DigiLocker-KYC', '1')
    .set('Content-Type', 'application/json')
    .send('{}');

const redisWarnings = (app: TestApp) =>
  app.logs.filter((line) => /"msg":"Redis (still )?unavailable/.test(line));

async function until(check: () => boolean, what: string, ms = 8_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${ms} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const connected = (app: TestApp) => () =>
  !app.handler.health().reasons.includes('redis_unavailable');

// Each test starts a redis-server and instances: more than the default 5 s on a loaded machine.
describe('rate-limit counters in Redis', { timeout: 30_000 }, () => {
  it('shares the creation limit between two instances: the 4th creation is 429 on either', async () => {
    redis = await startRedis();
    const a = instance({ REDIS_URL: redis.url });
    const b = instance({ REDIS_URL: redis.url });
    await until(connected(a), 'instance A to connect');
    await until(connected(b), 'instance B to connect');
    expect((await create(a)).status).toBe(201);
    expect((await create(b)).status).toBe(201);
    const third = await create(a);
    expect(third.status).toBe(201);
    expect(third.headers.ratelimit).toMatch(/^"ip"; r=0; t=\d+$/);
    const fourth = await create(b);
    expect(fourth.status).toBe(429);
    expect(fourth.body.error.code).toBe('rate_limited');
    expect(fourth.headers['retry-after']).toMatch(/^\d+$/);
    expect((await create(a)).status).toBe(429);
    // The counter lives under the documented prefix, and no instance logged a Redis problem.
    const admin = createClient({ url: redis.url });
    // A test that fails before closing it must not turn the Redis shutdown into an uncaught error.
    admin.on('error', () => {});
    await admin.connect();
    const keys = await admin.keys(`${REDIS_KEY_PREFIX}*`);
    await admin.close();
    expect(keys.length).toBeGreaterThan(0);
    expect([...redisWarnings(a), ...redisWarnings(b)]).toEqual([]);
  });

  it('shares the status limits per token between instances', async () => {
    redis = await startRedis();
    const env = { REDIS_URL: redis.url, STATUS_RATE_LIMIT_PER_TOKEN: '2' };
    const [a, b] = [instance(env), instance(env)];
    await until(connected(a), 'A to connect');
    await until(connected(b), 'B to connect');
    const now = Math.floor(a.clock.now / 1000);
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
    const poll = (app: TestApp) =>
      request(app.app)
        .get('/kyc/sessions/7483920')
        .set('Origin', PAGE_ORIGIN)
        .set('Authorization', `Bearer ${token}`);
    expect((await poll(a)).status).toBe(200);
    expect((await poll(b)).status).toBe(200);
    const third = await poll(a);
    expect(third.status).toBe(429);
    expect(third.headers.ratelimit).toContain('"status-token"; r=0');
  });

  it('holds the limit per instance while Redis is down, warns once, reports degraded, and shares it again once it is back', async () => {
    redis = await startRedis();
    const a = instance({ REDIS_URL: redis.url });
    const b = instance({ REDIS_URL: redis.url });
    await until(connected(a), 'A to connect');
    await until(connected(b), 'B to connect');
    expect((await create(a)).status).toBe(201);
    await redis.kill();
    // Each instance counts in its own memory: 3 creations each, then 429 with Retry-After.
    for (const app of [a, b]) {
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) {
        const res = await create(app);
        statuses.push(res.status);
        expect(res.headers.ratelimit).toMatch(/^"ip"; r=\d+; t=\d+$/);
        if (res.status === 429) expect(res.headers['retry-after']).toMatch(/^\d+$/);
      }
      expect(statuses).toEqual([201, 201, 201, 429, 429]);
    }
    // The limits fall back to memory, but the return store fails closed: no bound return can be recorded,
    // so the instance is out of rotation until Redis is back (completion-redis.test.ts).
    const down = ['return_store_unavailable', 'redis_unavailable'];
    expect(a.handler.health()).toEqual({ ready: false, reasons: down });
    const ready = await request(a.app).get('/readyz');
    expect(ready.status).toBe(503);
    expect(ready.body).toEqual({ status: 'not_ready', reasons: down });
    // One warning for the outage, not one per request or per reconnection attempt.
    expect(redisWarnings(a)).toHaveLength(1);
    expect(redisWarnings(a)[0]).toContain('"level":40');
    expect(redisWarnings(a)[0]).toContain('each instance holds the rate limits in its own memory');

    await redis.restart();
    await until(connected(a), 'A to reconnect');
    await until(connected(b), 'B to reconnect');
    // Shared again (the restarted Redis is empty): 3 in all across A and B, not 3 each.
    for (const app of [a, b, a]) expect((await create(app)).status).toBe(201);
    expect((await create(b)).status).toBe(429);
    expect(
      a.logs.some((line) => line.includes('Redis is back: rate limits are shared again')),
    ).toBe(true);
    expect((await request(a.app).get('/readyz')).body).toEqual({ status: 'ready', reasons: [] });
  }, 20_000);

  it('starts while Redis is down, and shares the limit once Redis comes up', async () => {
    const port = await freePort();
    const a = instance({ REDIS_URL: `redis://127.0.0.1:${port}` });
    const b = instance({ REDIS_URL: `redis://127.0.0.1:${port}` });
    expect((await create(a)).status).toBe(201);
    expect((await request(a.app).get('/readyz')).body.reasons).toEqual([
      'return_store_unavailable',
      'redis_unavailable',
    ]);
    redis = await startRedis(port);
    await until(connected(a), 'A to connect');
    await until(connected(b), 'B to connect');
    for (const app of [a, b, a]) expect((await create(app)).status).toBe(201);
    expect((await create(b)).status).toBe(429);
  }, 20_000);

  it('counts a request in memory when Redis hangs, after at most the store timeout', async () => {
    redis = await startRedis();
    const a = instance({ REDIS_URL: redis.url });
    await until(connected(a), 'A to connect');
    redis.pause();
    try {
      const started = performance.now();
      expect((await create(a)).status).toBe(201);
      const took = performance.now() - started;
      expect(took).toBeGreaterThanOrEqual(STORE_TIMEOUT_MS - 50);
      expect(took).toBeLessThan(STORE_TIMEOUT_MS + 2_000);
      expect(a.handler.health().reasons).toEqual(['redis_unavailable']);
      expect(redisWarnings(a)[0]).toContain(`no answer within ${STORE_TIMEOUT_MS} ms`);
    } finally {
      redis.resume();
    }
  }, 20_000);

  it('closes within about a second when Redis hangs', async () => {
    redis = await startRedis();
    const a = instance({ REDIS_URL: redis.url });
    await until(connected(a), 'A to connect');
    redis.pause();
    try {
      // A creation waits on Redis, so a command is in flight when the instance closes.
      const pending = create(a).then((res) => res.status);
      await new Promise((resolve) => setTimeout(resolve, 100));
      const started = performance.now();
      await a.close();
      apps.splice(apps.indexOf(a), 1);
      await a.agent.close();
      expect(performance.now() - started).toBeLessThan(3_000);
      expect(await pending).toBeGreaterThanOrEqual(200);
    } finally {
      redis.resume();
    }
  }, 20_000);

  it('accepts a connected node-redis client as `redis`, sharing counters with REDIS_URL instances', async () => {
    redis = await startRedis();
    const client = createClient({ url: redis.url });
    client.on('error', () => {});
    await client.connect();
    try {
      const a = instance({ REDIS_URL: redis.url });
      const b = instance({}, { redis: client });
      await until(connected(a), 'A to connect');
      for (const app of [a, b, a]) expect((await create(app)).status).toBe(201);
      expect((await create(b)).status).toBe(429);
      // The client stays the caller's: closing the instance leaves it open.
      await b.close();
      apps.splice(apps.indexOf(b), 1);
      await b.agent.close();
      expect(client.isReady).toBe(true);
    } finally {
      await client.close();
    }
  });

  it('closes the connection it opened when the instance closes', async () => {
    redis = await startRedis();
    const admin = createClient({ url: redis.url });
    // A test that fails before closing it must not turn the Redis shutdown into an uncaught error.
    admin.on('error', () => {});
    await admin.connect();
    try {
      const clients = async () => (await admin.sendCommand(['CLIENT', 'LIST'])) as string;
      const a = instance({ REDIS_URL: redis.url });
      await until(connected(a), 'A to connect');
      expect((await clients()).trim().split('\n')).toHaveLength(2);
      await a.close();
      apps.splice(apps.indexOf(a), 1);
      await a.agent.close();
      let left = 2;
      for (let i = 0; i < 40 && left > 1; i++) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        left = (await clients()).trim().split('\n').length;
      }
      expect(left).toBe(1);
    } finally {
      await admin.close();
    }
  });
});

describe('the redis option', () => {
  it('refuses a URL that is not redis(s):// without repeating it, and redis with limits.rateLimit.store', () => {
    for (const bad of ['http://:hunter2-secret@redis.internal', 'redis://:hunter2@h/not-a-db']) {
      try {
        testApp({ REDIS_URL: bad });
        expect.unreachable();
      } catch (error) {
        expect((error as Error).message).toMatch(
          /^REDIS_URL is invalid: Expected a redis:\/\/ or rediss:\/\/ \(TLS\) URL/,
        );
        expect((error as Error).message).not.toContain('hunter2');
      }
    }
    try {
      testApp({}, { redis: 'https://:hunter2-secret@redis.internal' });
      expect.unreachable();
    } catch (error) {
      expect((error as Error).message).toMatch(/^digilockerKyc: redis is invalid/);
      expect((error as Error).message).not.toContain('hunter2');
    }
    expect(() =>
      testApp(
        {},
        {
          redis: 'redis://127.0.0.1:1',
          limits: { rateLimit: { store: () => ({}) as never } },
        },
      ),
    ).toThrow(/either redis or limits.rateLimit.store/);
    expect(() => testApp({}, { redis: {} as never })).toThrow(/node-redis client/);
  });
});
