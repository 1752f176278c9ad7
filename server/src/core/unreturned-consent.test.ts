// The operator is told, once, when Eko says consented but DigiLocker's return never reached the
// server (a PUBLIC_BASE_URL browsers cannot open); not for a return that came, bound or not.
import request from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import {
  type Attempt,
  interceptStatus,
  PAGE_ORIGIN,
  startAttempt,
  type TestApp,
  testApp,
} from '../../test/helpers.js';
import { UNRETURNED_GRACE_MS } from './unreturned-consent.js';

let t: TestApp;
afterEach(async () => {
  await t.close();
  await t.agent.close();
});

const poll = (a: Attempt) =>
  request(t.app)
    .get(`/kyc/sessions/${a.reply.reference_id}`)
    .set('Origin', PAGE_ORIGIN)
    .set('Authorization', `Bearer ${a.reply.session_token}`);

const warnings = () => t.logs.filter((line) => line.includes('"event":"return_not_seen"'));

describe('consented, but the return never reached this server', () => {
  it('warns once, naming PUBLIC_BASE_URL, after the grace period', async () => {
    t = testApp({}, { limits: { statusCacheMs: { pending: 0, final: 0 } } });
    interceptStatus(t.agent, 'AUTHENTICATED', 10);
    const a = await startAttempt(t);
    expect((await poll(a)).body.status).toBe('consented');
    t.clock.now += UNRETURNED_GRACE_MS - 1_000;
    await poll(a);
    expect(warnings(), 'within the grace period: DigiLocker may still be redirecting').toEqual([]);
    t.clock.now += 2_000;
    await poll(a);
    await poll(a);
    await expect.poll(() => warnings().length).toBe(1);
    const [line] = warnings();
    expect(line).toContain('PUBLIC_BASE_URL (https://kyc.shop.example/kyc)');
    expect(line).not.toContain(a.secret);
    expect(line).not.toContain(a.reply.state);
  });

  it('stays quiet when the return came, even to another browser (a forwarded link)', async () => {
    t = testApp({}, { limits: { statusCacheMs: { pending: 0, final: 0 } } });
    interceptStatus(t.agent, 'AUTHENTICATED', 10);
    const a = await startAttempt(t);
    // The return with its secret, without the binding cookie: the foreign-return warning page.
    expect((await request(t.app).get(a.returnPath)).status).toBe(303);
    await poll(a);
    t.clock.now += UNRETURNED_GRACE_MS + 1_000;
    await poll(a);
    await poll(a);
    expect(warnings()).toEqual([]);
  });
});
