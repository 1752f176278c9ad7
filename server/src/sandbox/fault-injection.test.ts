// Each fault over real loopback HTTP: what a client actually sees on the wire.
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AGENT,
  call,
  createAttempt,
  createBody,
  getPage,
  type Harness,
  signedHeaders,
  startSandbox,
} from '../../test/sandbox-support.js';
import { FAULT_HEADER } from './fault-control.js';

let h: Harness;
beforeAll(async () => {
  h = await startSandbox({ slowBodyMs: 600 });
});
afterAll(() => h.close());

const create = (fault: string) =>
  call(h, '/tools/kyc/digilocker', { body: createBody(), extraHeaders: { [FAULT_HEADER]: fault } });

describe('faults from the X-Sandbox-Fault header', () => {
  it('latency delays the answer by at least the given time', async () => {
    const start = performance.now();
    const reply = await create('latency=300');
    const elapsed = performance.now() - start;
    expect(reply.json.status).toBe(0);
    expect(elapsed).toBeGreaterThanOrEqual(290);
    const quick = performance.now();
    await create('');
    expect(performance.now() - quick).toBeLessThan(250);
  });

  it('error=503 answers 503 with an HTML page and skips the handler', async () => {
    const before = h.sandbox.createRequests();
    const reply = await create('error=503');
    expect(reply.status).toBe(503);
    expect(reply.headers['content-type']).toMatch(/^text\/html/);
    expect(reply.text).toContain('503');
    expect(reply.json).toBeUndefined();
    expect(h.sandbox.createRequests()).toBe(before);
  });

  it('error=4xx answers that status with a JSON body', async () => {
    const reply = await create('error=429');
    expect(reply.status).toBe(429);
    expect(reply.json).toMatchObject({ status: 1, message: expect.stringMatching(/error=429/) });
  });

  it('leaky-link answers a consent link that embeds the whole redirect_url; without it, none does', async () => {
    const redirect = createBody().redirect_url as string;
    const leaky = await create('leaky-link');
    expect(leaky.json.status).toBe(0);
    const link = new URL(leaky.json.data.url);
    expect(link.searchParams.get('redirect_uri')).toBe(redirect);
    expect(leaky.json.data.url).toContain(encodeURIComponent(redirect));
    // The link still opens the consent page: only its query carries the extra parameter.
    expect(link.searchParams.get('session')).toBeTruthy();
    const honest = await create('');
    expect(honest.json.data.url).not.toContain(encodeURIComponent(redirect));
    expect(new URL(honest.json.data.url).searchParams.has('redirect_uri')).toBe(false);
  });

  it('malformed answers 200 with a body that is not JSON', async () => {
    const reply = await create('malformed');
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toMatch(/application\/json/);
    expect(reply.text.length).toBeGreaterThan(0);
    expect(reply.text.startsWith('{"status":0')).toBe(true);
    expect(() => JSON.parse(reply.text)).toThrow();
  });

  it('reset sends headers and part of the body, then the client sees a socket error', async () => {
    const response = await request(`${h.api}/tools/kyc/digilocker`, {
      method: 'POST',
      headers: {
        ...signedHeaders(h.clock.now),
        'content-type': 'application/json',
        [FAULT_HEADER]: 'reset',
      },
      body: JSON.stringify(createBody()),
    });
    expect(response.statusCode).toBe(200);
    await expect(response.body.text()).rejects.toMatchObject({ code: 'UND_ERR_SOCKET' });
  });

  it('slow-body sends headers at once and the body over the configured time', async () => {
    const start = performance.now();
    const response = await request(`${h.api}/tools/kyc/digilocker/status`, {
      headers: {
        ...signedHeaders(h.clock.now),
        [FAULT_HEADER]: 'slow-body',
      },
      query: { ...AGENT, reference_id: '1' },
    });
    const headersAt = performance.now() - start;
    const text = await response.body.text();
    const bodyAt = performance.now() - start;
    expect(headersAt).toBeLessThan(300);
    expect(bodyAt).toBeGreaterThanOrEqual(500);
    expect(JSON.parse(text)).toMatchObject({ status: 1, message: 'Invalid reference_id' });
  });

  it('coop adds Cross-Origin-Opener-Policy to the consent page only with the fault', async () => {
    const created = await createAttempt(h);
    const plain = await getPage(created.url);
    expect(plain.headers['cross-origin-opener-policy']).toBeUndefined();
    const withCoop = await getPage(created.url, { [FAULT_HEADER]: 'coop' });
    expect(withCoop.status).toBe(200);
    expect(withCoop.headers['cross-origin-opener-policy']).toBe('same-origin');
    const api = await create('coop');
    expect(api.headers['cross-origin-opener-policy']).toBeUndefined();
    expect(api.json.status).toBe(0);
  });

  it('latency also delays the consent page', async () => {
    const created = await createAttempt(h);
    const start = performance.now();
    expect((await getPage(created.url, { [FAULT_HEADER]: 'latency=250' })).status).toBe(200);
    expect(performance.now() - start).toBeGreaterThanOrEqual(240);
  });

  it('a bad header is a 400 that names the expectation', async () => {
    const reply = await create('explode');
    expect(reply.status).toBe(400);
    expect(reply.json.message).toMatch(/Invalid x-sandbox-fault header.*unknown fault "explode"/);
  });

  it('faults apply to error answers too (a 403 can be malformed)', async () => {
    const reply = await call(h, '/tools/kyc/digilocker', {
      body: createBody(),
      headers: { 'content-type': 'application/json', [FAULT_HEADER]: 'malformed' },
    });
    expect(reply.status).toBe(200);
    expect(reply.json).toBeUndefined();
  });
});

describe('process-wide faults (SANDBOX_FAULTS)', () => {
  it('apply to every API request unless a request header overrides them', async () => {
    const faulty = await startSandbox({ faults: 'error=502' });
    try {
      expect((await call(faulty, '/tools/kyc/digilocker', { body: createBody() })).status).toBe(
        502,
      );
      expect((await call(faulty, '/tools/kyc/digilocker/status', { query: AGENT })).status).toBe(
        502,
      );
      const bypass = await call(faulty, '/tools/kyc/digilocker', {
        body: createBody(),
        extraHeaders: { [FAULT_HEADER]: '' },
      });
      expect(bypass.json.status).toBe(0);
    } finally {
      await faulty.close();
    }
  });

  it('refuse a bad SANDBOX_FAULTS at creation, naming it', async () => {
    await expect(startSandbox({ faults: 'latency=soon' })).rejects.toThrow(
      /SANDBOX_FAULTS.*latency=<integer>/,
    );
  });
});
