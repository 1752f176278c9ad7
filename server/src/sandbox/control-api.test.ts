// The loopback control API that end-to-end tests use to arm faults and count attempts.
import { request } from 'undici';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  AGENT,
  call,
  createAttempt,
  createBody,
  type Harness,
  startSandbox,
} from '../../test/sandbox-support.js';
import { isLoopback } from './control-api.js';

let h: Harness;
beforeEach(async () => {
  h = await startSandbox({ maxAttempts: 3 });
});
afterEach(() => h.close());

async function control(method: 'GET' | 'PUT' | 'POST' | 'DELETE', path: string, body?: unknown) {
  const response = await request(`${h.running.origin}/__sandbox${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.body.text();
  return { status: response.statusCode, json: text ? JSON.parse(text) : undefined };
}

const create = () => call(h, '/tools/kyc/digilocker', { body: createBody() });

describe('the /__sandbox control API', () => {
  it('PUT /faults arms faults for the next n API requests, then they lapse', async () => {
    const armed = await control('PUT', '/faults', { faults: 'error=503', times: 2 });
    expect(armed.status).toBe(200);
    expect(armed.json.armed).toEqual({ faults: 'error=503', remaining: 2, scope: 'all' });
    expect((await create()).status).toBe(503);
    expect((await create()).status).toBe(503);
    expect((await create()).json.status).toBe(0);
    expect((await control('GET', '/faults')).json.armed).toBeNull();
  });

  it('armed API faults are not used up by consent-page loads; coop reaches the page', async () => {
    const created = await createAttempt(h);
    await control('PUT', '/faults', { faults: 'error=500', times: 1 });
    const page = await request(created.url);
    expect(page.statusCode).toBe(200);
    await page.body.dump();
    expect((await create()).status).toBe(500);

    await control('PUT', '/faults', { faults: 'coop' });
    const coop = await request(created.url);
    expect(coop.headers['cross-origin-opener-policy']).toBe('same-origin');
    await coop.body.dump();
    expect((await create()).headers['cross-origin-opener-policy']).toBeUndefined();
  });

  it('without times, faults stay until DELETE /faults', async () => {
    await control('PUT', '/faults', { faults: 'malformed' });
    for (let i = 0; i < 3; i += 1) expect((await create()).json).toBeUndefined();
    expect((await control('DELETE', '/faults')).json.armed).toBeNull();
    expect((await create()).json.status).toBe(0);
  });

  it('refuses bad fault specs and bodies with 400, and non-JSON writes with 415', async () => {
    expect((await control('PUT', '/faults', { faults: 'nuke' })).json.error).toMatch(
      /unknown fault "nuke"/,
    );
    expect((await control('PUT', '/faults', { faults: 'coop', times: 0 })).status).toBe(400);
    expect((await control('PUT', '/faults', { faults: 'coop', extra: 1 })).status).toBe(400);
    const form = await request(`${h.running.origin}/__sandbox/reset`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'x=1',
    });
    expect(form.statusCode).toBe(415);
    await form.body.dump();
  });

  it('GET /attempts counts create calls and attempts, so a double click shows as two', async () => {
    await create();
    await call(h, '/tools/kyc/digilocker', { body: createBody({ redirect_url: 'bad' }) });
    const reply = await control('GET', '/attempts');
    expect(reply.json).toMatchObject({ create_requests: 2, attempts_created: 1, attempts_held: 1 });
    expect(reply.json.attempts[0]).toMatchObject({
      status: 'pending',
      documents: ['AADHAAR'],
      persona: null,
    });
    expect(JSON.stringify(reply.json)).not.toMatch(/session=|vrf_sbx_/);
  });

  it('holds at most maxAttempts, evicting the oldest (which then reads as an invalid reference)', async () => {
    const made = [];
    for (let i = 0; i < 5; i += 1) made.push(await createAttempt(h));
    const reply = await control('GET', '/attempts');
    expect(reply.json).toMatchObject({ attempts_created: 5, attempts_held: 3 });
    expect(reply.json.attempts.map((a: { reference_id: number }) => a.reference_id)).toEqual(
      made.slice(2).map((a) => a.reference_id),
    );
    const gone = await call(h, '/tools/kyc/digilocker/status', {
      query: { ...AGENT, reference_id: String(made[0]!.reference_id) },
    });
    expect(gone.json).toMatchObject({ status: 1, message: 'Invalid reference_id' });
    const evictedLink = await request(made[0]!.url);
    expect(evictedLink.statusCode).toBe(404);
    await evictedLink.body.dump();
  });

  it('POST /attempts/:id/decision decides without a browser, once', async () => {
    const created = await createAttempt(h, { redirect_url: 'https://shop.example/?a=1#/kyc' });
    const decided = await control('POST', `/attempts/${created.reference_id}/decision`, {
      decision: 'approve',
      persona: 'aadhaar-not-linked',
    });
    expect(decided.status).toBe(200);
    expect(decided.json).toMatchObject({ status: 'consented', persona: 'aadhaar-not-linked' });
    expect(decided.json.redirect).toMatch(
      /^https:\/\/shop\.example\/\?a=1&verification_id=vrf_sbx_[0-9a-f]+#\/kyc$/,
    );
    const again = await control('POST', `/attempts/${created.reference_id}/decision`, {
      decision: 'deny',
    });
    expect(again.status).toBe(410);
    expect((await control('POST', '/attempts/1/decision', { decision: 'deny' })).status).toBe(404);
  });

  it('POST /reset forgets attempts, counters and armed faults', async () => {
    const created = await createAttempt(h);
    await control('PUT', '/faults', { faults: 'error=503' });
    expect((await control('POST', '/reset', {})).status).toBe(204);
    expect((await control('GET', '/attempts')).json).toMatchObject({
      create_requests: 0,
      attempts_created: 0,
      attempts_held: 0,
    });
    expect((await control('GET', '/faults')).json.armed).toBeNull();
    const status = await call(h, '/tools/kyc/digilocker/status', {
      query: { ...AGENT, reference_id: String(created.reference_id) },
    });
    expect(status.json.message).toBe('Invalid reference_id');
  });

  it('can be switched off', async () => {
    const quiet = await startSandbox({ controlApi: false });
    try {
      const response = await request(`${quiet.running.origin}/__sandbox/attempts`);
      expect(response.statusCode).toBe(404);
      await response.body.dump();
    } finally {
      await quiet.close();
    }
  });
});

describe('isLoopback', () => {
  it.each([
    ['127.0.0.1', true],
    ['127.8.9.10', true],
    ['::1', true],
    ['::ffff:127.0.0.1', true],
    ['10.0.0.5', false],
    ['::ffff:192.168.1.2', false],
    ['2001:db8::1', false],
    [undefined, false],
  ])('%s → %s', (address, expected) => {
    expect(isLoopback(address)).toBe(expected);
  });
});
