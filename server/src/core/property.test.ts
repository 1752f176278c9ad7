// Property tests of the signing server's edge: hostile input never yields a 5xx, a crash, an
// upstream call, or an allowlist match that is not byte-identical. DLKYC_PROPERTY_RUNS=10000
// runs the long version; CI runs a few hundred cases per property.
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ERROR_CODES } from '@digilocker-kyc/shared';
import fc from 'fast-check';
import { Pool } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CREATE_PATH,
  createReply,
  EKO_ORIGIN,
  JSON_HEADERS,
  PAGE_ORIGIN,
  SESSION_SECRET,
  STATUS_PATH,
  sentRedirectUrl,
  type TestApp,
  testApp,
  upstreamCalls,
} from '../../test/helpers.js';
import { signSessionToken } from './session-token.js';

const RUNS = Number(process.env.DLKYC_PROPERTY_RUNS ?? 300);
/** Hundreds of requests per property on a shared CI machine: more than vitest's 5 s default. */
const TIMEOUT_MS = 60_000;
/**
 * CI replays one fixed seed so a run is repeatable; DLKYC_PROPERTY_SEED=random explores new
 * cases (the long run), and a failure prints the seed and path to replay it.
 */
const SEED =
  process.env.DLKYC_PROPERTY_SEED === 'random'
    ? undefined
    : Number(process.env.DLKYC_PROPERTY_SEED ?? 20261126);
fc.configureGlobal({ ...(SEED === undefined ? {} : { seed: SEED }) });
const ALLOWED_RETURN = ['https://shop.example/account/kyc', 'https://shop.example/#/kyc'];
const ALLOWED_ORIGINS = [PAGE_ORIGIN, 'https://other.example'];

let t: TestApp;
let server: Server;
let client: Pool;
let unhandled = 0;
const onUnhandled = () => {
  unhandled++;
};

beforeAll(async () => {
  process.on('unhandledRejection', onUnhandled);
  process.on('uncaughtException', onUnhandled);
  // Every limiter off: these properties send thousands of requests about input, not volume.
  t = testApp({
    RATE_LIMIT_PER_MINUTE: '0',
    STATUS_RATE_LIMIT_PER_TOKEN: '0',
    STATUS_RATE_LIMIT_PER_CLIENT: '0',
  });
  // Any schema-valid request may reach "Eko"; count them to prove invalid ones never do.
  t.agent
    .get(EKO_ORIGIN)
    .intercept({ path: CREATE_PATH, method: 'POST' })
    .reply(200, createReply(), JSON_HEADERS)
    .persist();
  // The watcher a bound return starts asks Eko's status: pending, so it never completes here.
  t.agent
    .get(EKO_ORIGIN)
    .intercept({ path: STATUS_PATH, method: 'GET' })
    .reply(200, { status: 0, data: { status: 'PENDING' } }, JSON_HEADERS)
    .persist();
  server = createServer(t.app);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  client = new Pool(`http://127.0.0.1:${(server.address() as AddressInfo).port}`, {
    connections: 8,
  });
});

afterAll(async () => {
  process.off('unhandledRejection', onUnhandled);
  process.off('uncaughtException', onUnhandled);
  await client.close();
  server.close();
  await t.close();
  await t.agent.close();
});

async function post(body: string, headers: Record<string, string>) {
  const res = await client.request({ path: '/kyc/sessions', method: 'POST', headers, body });
  const text = await res.body.text();
  return { status: res.statusCode, text, headers: res.headers };
}

/**
 * What the server receives for a header value: HTTP strips optional whitespace (spaces and
 * tabs) around field values before any code sees them, so " https://shop.example" arrives as
 * the allowlisted origin. Browsers never send such a value; the comparison itself is exact.
 */
const received = (value: string) => value.replace(/^[ \t]+|[ \t]+$/g, '');

const validHeaders = {
  origin: PAGE_ORIGIN,
  'x-digilocker-kyc': '1',
  'content-type': 'application/json',
};

function expectEnvelopeOr201(res: { status: number; text: string }) {
  expect(res.status).toBeLessThan(500);
  if (res.status === 201) return;
  const body = JSON.parse(res.text);
  expect(Object.keys(body)).toEqual(['error']);
  expect(Object.keys(ERROR_CODES)).toContain(body.error.code);
  expect(ERROR_CODES[body.error.code as keyof typeof ERROR_CODES].status).toBe(res.status);
  expect(typeof body.error.request_id).toBe('string');
}

describe('POST /kyc/sessions under hostile input', () => {
  it(
    'arbitrary JSON bodies: a 201 or the error envelope with a known code, never a 5xx',
    async () => {
      await fc.assert(
        fc.asyncProperty(fc.jsonValue(), async (value) => {
          const before = upstreamCalls(t.agent).length;
          const res = await post(JSON.stringify(value), validHeaders);
          expectEnvelopeOr201(res);
          if (res.status !== 201) expect(upstreamCalls(t.agent).length).toBe(before);
        }),
        { numRuns: RUNS },
      );
      expect(unhandled).toBe(0);
    },
    TIMEOUT_MS,
  );

  it(
    'arbitrary strings as the body: never a 5xx',
    async () => {
      await fc.assert(
        fc.asyncProperty(fc.string({ maxLength: 3000, unit: 'binary' }), async (text) => {
          expectEnvelopeOr201(await post(text, validHeaders));
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT_MS,
  );

  it(
    'hostile header values: never a 5xx, and only allowlisted origins get through',
    async () => {
      const headerValue = fc.string({ maxLength: 80 }).filter((s) => /^[\t\x20-\x7e]*$/.test(s));
      await fc.assert(
        fc.asyncProperty(
          fc.record({
            origin: fc.oneof(headerValue, fc.webUrl(), fc.constantFrom(...ALLOWED_ORIGINS)),
            'x-digilocker-kyc': fc.oneof(headerValue, fc.constant('1')),
            'content-type': fc.oneof(headerValue, fc.constant('application/json')),
          }),
          async (headers) => {
            const res = await post('{}', headers);
            expectEnvelopeOr201(res);
            if (res.status === 201) expect(ALLOWED_ORIGINS).toContain(received(headers.origin));
            if (!ALLOWED_ORIGINS.includes(received(headers.origin))) expect(res.status).toBe(403);
          },
        ),
        { numRuns: RUNS },
      );
    },
    TIMEOUT_MS,
  );
});

describe('allowlists compare exact strings', () => {
  /** Near-misses of each allowed value: the kind of variant a prefix or regex match lets through. */
  const nearMiss = (value: string) =>
    fc
      .tuple(
        fc.integer({ min: 0, max: value.length }),
        fc.string({ minLength: 1, maxLength: 4 }),
        fc.nat(4),
      )
      .map(([at, insert, how]) => {
        if (how === 0) return value.slice(0, at) + insert + value.slice(at);
        if (how === 1) return value.slice(0, at) + value.slice(at + 1);
        if (how === 2) return value.toUpperCase();
        if (how === 3) return `${value}/`;
        return `${value}${insert}`;
      });

  it(
    'redirect_url: only byte-identical entries are used',
    async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(
            fc.constantFrom(...ALLOWED_RETURN),
            fc.webUrl(),
            ...ALLOWED_RETURN.map(nearMiss),
          ),
          async (url) => {
            const res = await post(JSON.stringify({ redirect_url: url }), validHeaders);
            expectEnvelopeOr201(res);
            expect(res.status === 201).toBe(ALLOWED_RETURN.includes(url));
          },
        ),
        { numRuns: RUNS },
      );
    },
    TIMEOUT_MS,
  );

  it(
    'Origin: only byte-identical entries pass',
    async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(...ALLOWED_ORIGINS.map(nearMiss), fc.webUrl()),
          async (origin) => {
            const res = await post('{}', { ...validHeaders, origin });
            expect(res.status === 201).toBe(ALLOWED_ORIGINS.includes(received(origin)));
          },
        ),
        { numRuns: RUNS },
      );
    },
    TIMEOUT_MS,
  );
});

describe('session tokens', () => {
  const now = () => Math.floor(t.clock.now / 1000);
  const claims = () => ({
    reference_id: '7483920',
    state: 'S'.repeat(43),
    origin: PAGE_ORIGIN,
    documents: ['AADHAAR' as const],
    issued_at: now(),
    expires_at: now() + 600,
  });

  it(
    'a token with any byte changed is refused with 401 and no upstream call',
    async () => {
      const token = signSessionToken(claims(), [SESSION_SECRET]);
      await fc.assert(
        fc.asyncProperty(
          fc.integer({ min: 0, max: token.length - 1 }),
          fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.'),
          async (at, char) => {
            fc.pre(token[at] !== char);
            const tampered = token.slice(0, at) + char + token.slice(at + 1);
            const before = upstreamCalls(t.agent).length;
            const res = await client.request({
              path: '/kyc/sessions/7483920',
              method: 'GET',
              headers: { authorization: `Bearer ${tampered}` },
            });
            await res.body.dump();
            expect(res.statusCode).toBe(401);
            expect(upstreamCalls(t.agent).length).toBe(before);
          },
        ),
        { numRuns: Math.min(RUNS, 400) },
      );
    },
    TIMEOUT_MS,
  );

  it(
    'a valid token replayed for another attempt or from another origin is refused',
    async () => {
      const token = signSessionToken(claims(), [SESSION_SECRET]);
      await fc.assert(
        fc.asyncProperty(
          fc.stringMatching(/^[0-9]{1,12}$/).filter((id) => id !== '7483920'),
          fc.constantFrom('https://other.example'),
          async (otherId, otherOrigin) => {
            const byId = await client.request({
              path: `/kyc/sessions/${otherId}`,
              method: 'GET',
              headers: { authorization: `Bearer ${token}` },
            });
            await byId.body.dump();
            expect(byId.statusCode).toBe(401);
            const byOrigin = await client.request({
              path: '/kyc/sessions/7483920',
              method: 'GET',
              headers: { authorization: `Bearer ${token}`, origin: otherOrigin },
            });
            await byOrigin.body.dump();
            expect(byOrigin.statusCode).toBe(401);
          },
        ),
        { numRuns: Math.min(RUNS, 100) },
      );
    },
    TIMEOUT_MS,
  );
});

describe('the return secret', () => {
  /** Every spelling a careless reply or log might carry it in. */
  const spellings = (secret: string) => [
    secret,
    encodeURIComponent(secret),
    Buffer.from(secret, 'base64url').toString('hex'),
    Buffer.from(secret, 'base64url').toString('base64'),
  ];
  /** A token's or binding's claims, decoded as anyone holding it can. */
  const claimsText = (signed: string) =>
    Buffer.from(signed.split('.')[1] ?? '', 'base64url').toString('utf8');

  it(
    'is in no create reply, token claim, cookie, page or log line; only in the call Eko receives',
    async () => {
      const createBody = fc.record(
        {
          documents: fc.constantFrom(['AADHAAR'], ['AADHAAR', 'PAN'], ['PAN']),
          client_ref_id: fc.stringMatching(/^[A-Za-z0-9-]{1,20}$/),
          redirect_url: fc.constantFrom(...ALLOWED_RETURN),
        },
        { requiredKeys: [] },
      );
      await fc.assert(
        fc.asyncProperty(
          createBody,
          fc.constantFrom(...ALLOWED_ORIGINS),
          fc.boolean(),
          async (body, origin, bound) => {
            const logsBefore = t.logs.length;
            const created = await post(JSON.stringify(body), { ...validHeaders, origin });
            expect(created.status).toBe(201);
            const eko = new URL(sentRedirectUrl(t.agent, createCalls() - 1));
            const secret = eko.pathname.split('/').at(-1)!;
            expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
            const reply = JSON.parse(created.text);
            const cookie = String(created.headers['set-cookie']).split(';')[0]!;
            const binding = cookie.slice(cookie.indexOf('=') + 1);
            // The return: in the browser that started it, or (forwarded) in another one.
            const back = await client.request({
              path: `${eko.pathname}?verification_id=v1`,
              method: 'GET',
              headers: bound ? { cookie } : {},
            });
            const page = await back.body.text();
            const seen = [
              created.text,
              JSON.stringify(created.headers),
              claimsText(reply.session_token),
              claimsText(binding),
              page,
              JSON.stringify(back.headers),
              ...t.logs.slice(logsBefore),
            ];
            for (const text of seen) {
              for (const form of spellings(secret)) expect(text).not.toContain(form);
              expect(text).not.toContain(eko.href);
            }
            expect(back.statusCode).toBe(bound ? 200 : 303);
          },
        ),
        { numRuns: Math.min(RUNS, 200) },
      );
    },
    TIMEOUT_MS,
  );
});

const createCalls = () => upstreamCalls(t.agent).filter((call) => call.path === CREATE_PATH).length;
