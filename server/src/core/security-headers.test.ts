// The headers every reply carries (helmet's, written out), the CORS headers and the JSON reply.
import cors from 'cors';
import express, { type RequestHandler } from 'express';
import helmet from 'helmet';
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
import { precomputedHeaders, recordHeaders } from '../cli/recorded-headers.js';
import { corsHeaders as corsOf } from './edge-checks.js';
import { HeaderBag } from './exchange.js';
import { PAGE_SECURITY_HEADERS, SECURITY_HEADERS, sendJson } from './security-headers.js';

/** The headers `middleware` sets on a real Express response. */
async function headersOf(middleware: RequestHandler, origin?: string) {
  const app = express();
  app.post('/', middleware, (_req, res) => {
    res.end();
  });
  const call = request(app).post('/');
  const res = await (origin ? call.set('Origin', origin) : call);
  return res.headers;
}

const HELMET_HEADERS = Object.keys(await headersOf(helmet())).filter(
  (name) => !['date', 'connection', 'content-length', 'keep-alive'].includes(name),
);

/** The core's CORS headers for a request, as a middleware, to compare with the cors package. */
const corsHeaders =
  (allowed: ReadonlySet<string>): RequestHandler =>
  (req, res, next) => {
    const headers = new HeaderBag();
    corsOf(allowed, req.headers.origin, headers);
    for (const [name, value] of headers.entries()) res.setHeader(name, value);
    next();
  };

let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  await t?.agent.close();
  t = undefined;
});

describe('security headers (G4)', () => {
  it('written out, they are what the installed helmet sets, in its order', () => {
    expect(recordHeaders(helmet())).toEqual(SECURITY_HEADERS);
    expect(
      recordHeaders(
        helmet({
          contentSecurityPolicy: false,
          crossOriginOpenerPolicy: false,
          referrerPolicy: { policy: 'no-referrer' },
        }),
      ),
    ).toEqual(PAGE_SECURITY_HEADERS);
  });

  it('precomputed, they are exactly what helmet() sets', async () => {
    const direct = await headersOf(helmet());
    const replayed = await headersOf(precomputedHeaders(helmet()));
    expect(HELMET_HEADERS.length).toBeGreaterThan(10);
    expect(replayed).toMatchObject(Object.fromEntries(HELMET_HEADERS.map((h) => [h, direct[h]])));
    expect(replayed['x-powered-by']).toBeUndefined();
  });

  it('are on every API reply: 201, 400, 404, 415 and 502', async () => {
    const app = testApp();
    t = app;
    app.agent
      .get(EKO_ORIGIN)
      .intercept({ path: CREATE_PATH, method: 'POST' })
      .reply(200, createReply(), JSON_HEADERS);
    app.agent
      .get(EKO_ORIGIN)
      .intercept({ path: CREATE_PATH, method: 'POST' })
      .reply(500, 'busy', { headers: { 'content-type': 'text/plain' } });
    const post = (body: string, type = 'application/json') =>
      request(app.app)
        .post('/kyc/sessions')
        .set('Origin', PAGE_ORIGIN)
        .set('X-DigiLocker-KYC', '1')
        .set('Content-Type', type)
        .send(body);
    const direct = await headersOf(helmet());
    const replies = [
      await post('{}'),
      await post('{"documents":"AADHAAR"}'),
      await request(app.app).get('/kyc/nothing-here'),
      await post('documents=AADHAAR', 'text/plain'),
      await post('{}'),
    ];
    expect(replies.map((r) => r.status)).toEqual([201, 400, 404, 415, 502]);
    for (const reply of replies) {
      for (const name of HELMET_HEADERS) expect(reply.headers[name], name).toBe(direct[name]);
      expect(reply.headers['cache-control']).toBe('no-store');
      expect(reply.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(reply.headers.etag).toBeUndefined();
    }
  });

  it('refuses a header middleware that does not finish synchronously', () => {
    const later = (_req: unknown, _res: unknown, next: () => void) => {
      setImmediate(next);
    };
    expect(() => precomputedHeaders(later)).toThrow(/synchronously/);
  });
});

describe('corsHeaders', () => {
  const allowed = new Set([PAGE_ORIGIN]);
  const viaPackage = cors({
    origin: (origin, callback) => callback(null, origin !== undefined && allowed.has(origin)),
    credentials: true,
  });

  it('sends what the cors package sends for an allowed origin, plus Vary: Origin', async () => {
    const ours = await headersOf(corsHeaders(allowed), PAGE_ORIGIN);
    const theirs = await headersOf(viaPackage, PAGE_ORIGIN);
    for (const name of [
      'access-control-allow-origin',
      'access-control-allow-credentials',
      'vary',
    ]) {
      expect(ours[name], name).toBe(theirs[name]);
    }
    expect(ours['access-control-allow-origin']).toBe(PAGE_ORIGIN);
  });

  it('allows no other origin, and no request without one', async () => {
    for (const origin of ['https://evil.example', `${PAGE_ORIGIN}.evil.example`, undefined]) {
      const ours = await headersOf(corsHeaders(allowed), origin);
      expect(ours['access-control-allow-origin']).toBeUndefined();
      expect(ours['access-control-allow-credentials']).toBeUndefined();
      expect(ours.vary).toBe('Origin');
    }
  });
});

describe('sendJson', () => {
  it('sends the body as UTF-8 JSON with its byte length and no ETag', async () => {
    const app = express();
    app.get('/', (_req, res) => sendJson(res, 418, { name: 'आधार', n: 1 }));
    const res = await request(app).get('/');
    expect(res.status).toBe(418);
    expect(res.body).toEqual({ name: 'आधार', n: 1 });
    expect(Number(res.headers['content-length'])).toBe(
      Buffer.byteLength(JSON.stringify({ name: 'आधार', n: 1 })),
    );
    expect(res.headers.etag).toBeUndefined();
    expect(res.headers['cache-control']).toBe('no-store');
  });
});
