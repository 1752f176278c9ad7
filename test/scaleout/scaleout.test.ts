// Two standalone server instances behind a round-robin proxy, sharing one Redis and one session
// secret: the per-client limit holds across them, a journey started on one finishes on the
// other, a Redis crash leaves each instance holding the limit by itself (/readyz says degraded),
// and a restart makes the limit shared again. Real processes (server/dist/cli.js, the sandbox, redis-server), 127.0.0.1 only.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type LoadBalancer,
  logLines,
  type Proc,
  REDIS_HELPER,
  type Reply,
  send,
  startInstance,
  startProxy,
  startSandbox,
} from './support.js';

type RedisHelper = typeof import('../../server/test/redis-test-server.js');
const { startRedis } = (await import(REDIS_HELPER)) as RedisHelper;

const PAGE_ORIGIN = 'http://merchant.test';
const LIMIT = 5;
const REDIS_PASSWORD = `pw-${randomBytes(12).toString('hex')}`;
const SESSION_SECRET = randomBytes(48).toString('base64');
const CREATE = {
  method: 'POST',
  headers: {
    origin: PAGE_ORIGIN,
    'x-digilocker-kyc': '1',
    'content-type': 'application/json',
  },
  body: '{"documents":["AADHAAR"]}',
};

let redis: Awaited<ReturnType<typeof startRedis>>;
let sandbox: Proc;
let proxy: LoadBalancer;
const instances: Record<'A' | 'B', Proc> = {} as never;

/** /readyz of an instance: 200 and no reasons, i.e. connected to Redis. */
async function ready(instance: Proc): Promise<boolean> {
  const res = await send(`${instance.url}/readyz`);
  return res.status === 200 && JSON.parse(res.body).reasons.length === 0;
}

async function until(check: () => Promise<boolean>, what: string, ms = 15_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${ms} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** `count` creations through the proxy from one client address, one after another. */
async function createThroughProxy(from: string, count: number): Promise<Reply[]> {
  const replies: Reply[] = [];
  for (let i = 0; i < count; i++)
    replies.push(await send(`${proxy.url}/kyc/sessions`, { ...CREATE, from }));
  return replies;
}

const summary = (replies: Reply[]) => replies.map((r) => `${r.headers['x-served-by']}:${r.status}`);

describe('two instances sharing Redis behind a load balancer', () => {
  beforeAll(async () => {
    redis = await startRedis(undefined, REDIS_PASSWORD);
    sandbox = await startSandbox();
    proxy = await startProxy();
    const env = {
      REDIS_URL: redis.url,
      // Sandbox mode against one external sandbox (loopback), so both instances share its attempts.
      EKO_BASE_URL: `${sandbox.url}/ekoapi/v3`,
      // What DigiLocker sends the customer back to: the load balancer, not one instance.
      PUBLIC_BASE_URL: `${proxy.url}/kyc`,
      ALLOWED_ORIGINS: PAGE_ORIGIN,
      // Tokens signed by one instance verify on the other.
      SESSION_SECRET,
      RATE_LIMIT_PER_MINUTE: String(LIMIT),
      TRUST_PROXY_HOPS: '1',
      LOG_LEVEL: 'info',
    };
    // Settled, not all: one that started is kept for afterAll to stop even if the other failed.
    const [startedA, startedB] = await Promise.allSettled([startInstance(env), startInstance(env)]);
    if (startedA.status === 'fulfilled') instances.A = startedA.value;
    if (startedB.status === 'fulfilled') instances.B = startedB.value;
    for (const result of [startedA, startedB])
      if (result.status === 'rejected') throw result.reason;
    const { A: a, B: b } = instances;
    proxy.targets = [
      { name: 'A', url: a.url },
      { name: 'B', url: b.url },
    ];
    await until(async () => (await Promise.all([ready(a), ready(b)])).every(Boolean), 'Redis');
  }, 120_000);

  afterAll(async () => {
    await proxy?.close();
    await Promise.all([instances.A?.stop(), instances.B?.stop(), sandbox?.stop()]);
    await redis?.stop();
  }, 30_000);

  it('(a) holds the per-client creation limit across both instances', async () => {
    const replies = await createThroughProxy('127.0.0.2', LIMIT + 2);
    expect(summary(replies)).toEqual([
      'A:201',
      'B:201',
      'A:201',
      'B:201',
      'A:201',
      'B:429',
      'A:429',
    ]);
    expect(JSON.parse(replies[LIMIT]!.body).error.code).toBe('rate_limited');
    expect(replies[LIMIT]!.headers['retry-after']).toMatch(/^\d+$/);
    // Another client (another address, through the same proxy) has its own counter.
    const other = await createThroughProxy('127.0.0.3', 2);
    expect(other.map((r) => r.status)).toEqual([201, 201]);
  });

  it('(b) finishes on instance B a journey created on instance A, with the proof of its return', async () => {
    const { A, B } = instances;
    const created = await send(`${A.url}/kyc/sessions`, { ...CREATE, from: '127.0.0.4' });
    expect(created.status).toBe(201);
    const session = JSON.parse(created.body);
    // The return URL carries a secret: Eko gets it, the browser does not.
    expect(session).not.toHaveProperty('redirect_url');
    const cookieOf = (reply: Reply, name: RegExp) =>
      [reply.headers['set-cookie'] ?? []]
        .flat()
        .map((line) => String(line).split(';')[0]!)
        .find((pair) => name.test(pair));
    const binding = cookieOf(created, /^dlkyc_b_/);
    expect(binding).toBeDefined();
    const status = (receipt?: string) =>
      send(`${B.url}/kyc/sessions/${session.reference_id}`, {
        headers: {
          origin: PAGE_ORIGIN,
          authorization: `Bearer ${session.session_token}`,
          ...(receipt ? { 'x-digilocker-kyc-receipt': receipt } : {}),
        },
      });
    expect(JSON.parse((await status()).body).status).toBe('pending');

    // The customer approves on the (simulated) DigiLocker page, which sends them back.
    const decided = await send(
      `${sandbox.url}/__sandbox/attempts/${session.reference_id}/decision`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"decision":"approve"}',
      },
    );
    expect(decided.status).toBe(200);
    const back = new URL(JSON.parse(decided.body).redirect);
    expect(back.origin).toBe(proxy.url);
    expect(back.pathname).toMatch(new RegExp(`^/kyc/return/${session.state}/[A-Za-z0-9_-]{43}$`));

    // Without the binding cookie A set (another browser): the warning, on B as on A.
    expect((await send(`${B.url}${back.pathname}${back.search}`)).status).toBe(303);

    // B never saw this attempt: the binding and the secret, derived from the shared secret, do.
    const returned = await send(`${B.url}${back.pathname}${back.search}`, {
      headers: { cookie: binding! },
    });
    expect(returned.status).toBe(200);
    expect(returned.body).toContain(`<meta name="dlkyc-state" content="${session.state}">`);
    const receipt = /<meta name="dlkyc-receipt" content="([^"]+)">/.exec(returned.body)?.[1];
    expect(receipt).toBeDefined();
    const receiptCookie = cookieOf(returned, /^dlkyc_r_/);
    expect(receiptCookie).toBeDefined();

    // The receipt B minted earns the completion token from B (B's cached "pending" lives 1 s).
    await until(
      async () => JSON.parse((await status(receipt)).body).completion_token !== undefined,
      'a completion token',
    );

    // The cookies B set are accepted by A's confirm page (same browser, other instance).
    const confirmed = await send(`${A.url}/kyc/confirm/${session.state}`, {
      headers: { cookie: `${binding}; ${receiptCookie}` },
    });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toContain(`content="${receipt}"`);
    const onlyBinding = await send(`${A.url}/kyc/confirm/${session.state}`, {
      headers: { cookie: binding! },
    });
    expect(onlyBinding.status).toBe(403);
  });

  it('(c) while Redis is down, each instance holds the per-client limit by itself, and says so', async () => {
    // The limits fall back to each instance's memory; the return store, which decides receipts,
    // fails closed instead, so the instances report not ready.
    await redis.kill();
    // Round robin: six creations reach each instance. Each allows LIMIT from this client, from
    // its own memory; a limit lost with Redis would let all twelve through.
    const replies = await createThroughProxy('127.0.0.5', 2 * LIMIT + 2);
    for (const name of ['A', 'B']) {
      const served = replies.filter((r) => r.headers['x-served-by'] === name);
      expect(served.map((r) => r.status)).toEqual([...Array(LIMIT).fill(201), 429]);
    }
    // The last two (one on each instance) are the refusals.
    for (const refused of replies.slice(2 * LIMIT)) {
      expect(JSON.parse(refused.body).error.code).toBe('rate_limited');
      expect(refused.headers['retry-after']).toMatch(/^\d+$/);
    }
    for (const instance of Object.values(instances)) {
      const res = await send(`${instance.url}/readyz`);
      expect(res.status).toBe(503);
      expect(JSON.parse(res.body)).toEqual({
        status: 'not_ready',
        reasons: ['return_store_unavailable', 'redis_unavailable'],
      });
    }
  });

  it('(d) shares the limit between the instances again once Redis is back', async () => {
    await redis.restart();
    for (const instance of Object.values(instances)) {
      await until(() => ready(instance), 'the instances to reconnect');
    }
    // Shared again: LIMIT in all, not LIMIT per instance.
    const replies = await createThroughProxy('127.0.0.6', LIMIT + 1);
    expect(replies.map((r) => r.status)).toEqual([...Array(LIMIT).fill(201), 429]);
  });

  it('(e) logged the outage once and the recovery once per instance, and never the Redis password', async () => {
    // The logs are buffered; a graceful stop flushes them.
    await Promise.all([instances.A.stop(), instances.B.stop()]);
    for (const instance of Object.values(instances)) {
      expect(logLines(instance, /^Redis connected/)).toHaveLength(1);
      const warnings = logLines(instance, /^Redis (still )?unavailable/);
      // One warning for the outage, however many requests and reconnection attempts.
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toMatchObject({ level: 40, store: 'Redis' });
      expect(logLines(instance, /^Redis is back/)).toHaveLength(1);
      expect(instance.output()).not.toContain(REDIS_PASSWORD);
      expect(instance.output()).not.toContain(SESSION_SECRET);
    }
  });
});
