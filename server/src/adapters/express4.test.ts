// The router mounted in an Express 4 app, which ignores a middleware's returned promise: every
// failure must reach a reply or `next`, never an unhandled rejection that ends the process.
import { createRequire } from 'node:module';
import type express from 'express';
import request from 'supertest';
import { afterAll, describe, expect, it } from 'vitest';
import { contractOptions } from '../../test/contract/harness.js';
import { API, PAGE_ORIGIN } from '../../test/contract/requests.js';
import { digilockerKyc } from './express.js';

// Express 4.22 under a devDependency alias; its API is the part of Express 5's typed here.
const express4 = createRequire(import.meta.url)('express4') as typeof express;

const options = contractOptions(false);
const router = digilockerKyc(options);
const errors: unknown[] = [];
const app = express4();
app.use('/early', (_req, res, next) => {
  // A merchant middleware that has already sent the headers: the router cannot write its reply.
  res.flushHeaders();
  next();
});
app.use('/early', router);
app.use('/kyc', router);
app.use(
  (error: unknown, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
    errors.push(error);
    res.end();
  },
);

afterAll(async () => {
  await router.close();
  await options.agent.close();
});

describe('digilockerKyc() in an Express 4 app', () => {
  it('runs on Express 4', () => {
    const { version } = createRequire(import.meta.url)('express4/package.json') as {
      version: string;
    };
    expect(version).toMatch(/^4\./);
  });

  it('an unknown document is a 400 JSON envelope', async () => {
    const res = await request(app)
      .post('/kyc/sessions')
      .set(API)
      .send(JSON.stringify({ documents: ['PASSPORT'] }));
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'invalid_request', retryable: false });
    expect(res.body.error.message).toContain('documents.0');
  });

  it('a status poll without a token is a 401 JSON envelope', async () => {
    const res = await request(app)
      .get('/kyc/sessions/unknown-reference')
      .set('Origin', PAGE_ORIGIN);
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('unauthorized');
  });

  it('creates a session, and the process is still serving after the refusals', async () => {
    const res = await request(app).post('/kyc/sessions').set(API).send('{}');
    expect(res.status).toBe(201);
    expect(res.body.reference_id).toBe('7483920');
  });

  it("a reply that cannot be written goes to the app's error handler, not an unhandled rejection", async () => {
    const before = errors.length;
    await request(app)
      .get('/early/sessions/1001')
      .set('Origin', PAGE_ORIGIN)
      .catch(() => undefined);
    await expect.poll(() => errors.length).toBe(before + 1);
    expect((errors.at(-1) as { code?: string }).code).toBe('ERR_HTTP_HEADERS_SENT');
    const res = await request(app).get('/kyc/sessions/1001').set('Origin', PAGE_ORIGIN);
    expect(res.status).toBe(401);
  });
});
