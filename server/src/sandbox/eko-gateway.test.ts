// Protocol-level refusals (404, 405, 415, 400, 413) and the order the checks run in.
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  call,
  createBody,
  type Harness,
  signedHeaders,
  startSandbox,
} from '../../test/sandbox-support.js';
import { MAX_BODY_BYTES } from './eko-gateway.js';

let h: Harness;
beforeAll(async () => {
  h = await startSandbox();
});
afterAll(() => h.close());

describe('protocol errors on the Eko API', () => {
  it('415 for a POST that is not application/json', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'application/jsonx']) {
      const reply = await call(h, '/tools/kyc/digilocker', {
        rawBody: JSON.stringify(createBody()),
        extraHeaders: { 'content-type': type },
      });
      expect(reply.status).toBe(415);
      expect(reply.json.message).toMatch(/application\/json/);
    }
  });

  it('accepts application/json with a charset', async () => {
    const reply = await call(h, '/tools/kyc/digilocker', {
      body: createBody(),
      extraHeaders: { 'content-type': 'application/json; charset=utf-8' },
    });
    expect(reply.json.status).toBe(0);
  });

  it('405 with Allow for the wrong method on each path', async () => {
    const cases = [
      ['GET', '/tools/kyc/digilocker', 'POST'],
      ['PUT', '/tools/kyc/digilocker', 'POST'],
      ['POST', '/tools/kyc/digilocker/status', 'GET'],
      ['DELETE', '/tools/kyc/digilocker/document', 'POST'],
      ['POST', '/tools/kyc/digilocker/document/AADHAAR', 'GET'],
    ] as const;
    for (const [method, path, allow] of cases) {
      const reply = await call(h, path, { method });
      expect(reply.status, `${method} ${path}`).toBe(405);
      expect(reply.headers.allow).toBe(allow);
    }
  });

  it('404 for unknown paths, inside and outside the API prefix', async () => {
    expect((await call(h, '/tools/kyc/unknown')).status).toBe(404);
    expect((await call(h, '/tools/kyc/digilocker/document/AADHAAR/extra')).status).toBe(404);
    const outside = await request(`${h.running.origin}/ekoapi/v2/tools/kyc/digilocker`);
    expect(outside.statusCode).toBe(404);
    await outside.body.dump();
  });

  it('400 for malformed JSON and for a body that is not an object', async () => {
    for (const raw of ['{"initiator_id":', 'not json', '[1,2]', '"text"', 'null']) {
      const reply = await call(h, '/tools/kyc/digilocker', { rawBody: raw });
      expect(reply.status, JSON.stringify(raw)).toBe(400);
      expect(reply.json.status).toBe(1);
    }
  });

  it('reads an empty JSON body as an empty object: every required field is missing', async () => {
    const reply = await call(h, '/tools/kyc/digilocker', { rawBody: '' });
    expect(reply.status).toBe(200);
    expect(reply.json).toMatchObject({
      status: 1,
      message: 'Invalid parameter: initiator_id: Required',
    });
  });

  it(`413 for a body over ${MAX_BODY_BYTES} bytes, and no attempt made`, async () => {
    const before = h.sandbox.createRequests();
    const reply = await call(h, '/tools/kyc/digilocker', {
      body: createBody({ padding: 'x'.repeat(MAX_BODY_BYTES) }),
    });
    expect(reply.status).toBe(413);
    expect(h.sandbox.createRequests()).toBe(before);
  });

  it('a body just under the limit is fine', async () => {
    const body = createBody();
    const room = MAX_BODY_BYTES - JSON.stringify({ ...body, padding: '' }).length;
    const reply = await call(h, '/tools/kyc/digilocker', {
      body: { ...body, padding: 'x'.repeat(room) },
    });
    expect(reply.status).toBe(200);
  });

  it('checks the path before the signature, and the signature before the body', async () => {
    const unsigned = { 'content-type': 'text/plain' };
    expect((await call(h, '/nope', { headers: unsigned, rawBody: 'x' })).status).toBe(404);
    expect(
      (await call(h, '/tools/kyc/digilocker', { headers: unsigned, rawBody: 'x' })).status,
    ).toBe(403);
    const signed = { ...signedHeaders(h.clock.now), 'content-type': 'text/plain' };
    expect((await call(h, '/tools/kyc/digilocker', { headers: signed, rawBody: 'x' })).status).toBe(
      415,
    );
  });
});
