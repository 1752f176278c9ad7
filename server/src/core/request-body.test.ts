// Request bodies that cannot be read (bad compression, unknown encodings) are 4xx, never a 500.
import { brotliCompressSync, gzipSync } from 'node:zlib';
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
  upstreamCalls,
} from '../../test/helpers.js';

let t: TestApp;
afterEach(async () => {
  await t.close();
  await t.agent.close();
});

const post = (encoding: string, body: Buffer) =>
  request(t.app)
    .post('/kyc/sessions')
    .set('Origin', PAGE_ORIGIN)
    .set('X-DigiLocker-KYC', '1')
    .set('Content-Type', 'application/json')
    .set('Content-Encoding', encoding)
    // The bytes as given: superagent would otherwise serialise a Buffer as JSON.
    .serialize((value: unknown) => value as string)
    .send(body as unknown as string);

const GARBAGE = Buffer.from('this is not compressed at all, just bytes');

describe('compressed request bodies', () => {
  it.each(['gzip', 'deflate', 'br'])(
    'answers garbage under Content-Encoding %s with 400 and the error envelope, logged without a stack',
    async (encoding) => {
      t = testApp();
      const res = await post(encoding, GARBAGE);
      expect(res.status).toBe(400);
      expect(res.body.error).toMatchObject({ code: 'invalid_request', retryable: false });
      expect(res.body.error.message).toMatch(/could not be decompressed/);
      expect(res.body.error.request_id).toBeTruthy();
      const logs = t.logs.join('');
      expect(logs).not.toMatch(/"stack"|request failed|internal_error/);
      expect(logs).toMatch(/request refused/);
      expect(upstreamCalls(t.agent)).toHaveLength(0);
    },
  );

  it.each(['zstd', 'compress', 'gzip, gzip'])(
    'answers Content-Encoding %s with 415',
    async (encoding) => {
      t = testApp();
      const res = await post(encoding, GARBAGE);
      expect(res.status).toBe(415);
      expect(res.body.error.code).toBe('unsupported_media_type');
      expect(res.body.error.message).toMatch(/gzip, deflate or br/);
    },
  );

  it('caps the inflated size, not the compressed one (a decompression bomb is 413)', async () => {
    t = testApp();
    const bomb = gzipSync(Buffer.from(JSON.stringify({ documents: [], pad: 'x'.repeat(200_000) })));
    expect(bomb.length).toBeLessThan(2_048);
    const res = await post('gzip', bomb);
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('payload_too_large');
  });

  it('still accepts a well-formed compressed body', async () => {
    t = testApp();
    t.agent
      .get(EKO_ORIGIN)
      .intercept({ path: CREATE_PATH, method: 'POST' })
      .reply(200, createReply(), JSON_HEADERS);
    const res = await post('br', brotliCompressSync(Buffer.from('{"documents":["AADHAAR"]}')));
    expect(res.status).toBe(201);
  });
});
