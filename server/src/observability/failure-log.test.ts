// Every 5xx leaves a trace: an error line naming code, request id and route, through the
// merchant's logger or, without one, on stderr; never a key, token or reference id.
import { Writable } from 'node:stream';
import express from 'express';
import request from 'supertest';
import { MockAgent } from 'undici';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { contractOptions, EKO_ORIGIN } from '../../test/contract/harness.js';
import { API } from '../../test/contract/requests.js';
import { digilockerKyc } from '../adapters/express.js';
import { createKycHandler } from '../adapters/kyc-handler.js';
import { createLogger } from './logger.js';

/** Eko answers with a DigiLocker URL on a host nobody allowed: the server refuses it, 502. */
function unsafeEko(): MockAgent {
  const agent = new MockAgent();
  agent.disableNetConnect();
  agent
    .get(EKO_ORIGIN)
    .intercept({ path: '/ekoapi/v3/tools/kyc/digilocker', method: 'POST' })
    .reply(
      200,
      {
        status: 0,
        response_status_id: 0,
        response_type_id: 1388,
        message: 'DigiLocker URL created successfully',
        data: {
          reference_id: 5550001,
          url: 'https://phish.example/auth',
          document_requested: ['AADHAAR'],
          redirect_url: 'x',
        },
      },
      { headers: { 'content-type': 'application/json' } },
    )
    .persist();
  return agent;
}

function capture(): { lines: () => Record<string, unknown>[]; sink: Writable; raw: string[] } {
  const raw: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      raw.push(String(chunk));
      done();
    },
  });
  return { raw, sink, lines: () => raw.map((line) => JSON.parse(line)) };
}

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
  vi.restoreAllMocks();
});

function options(logger?: ReturnType<typeof createLogger>) {
  const agent = unsafeEko();
  closers.push(() => agent.close());
  const base = contractOptions(false);
  closers.push(() => base.agent.close());
  const { logger: _silent, ...rest } = base;
  return {
    ...rest,
    testing: { ...rest.testing, dispatcher: agent },
    ...(logger ? { logger } : {}),
  };
}

describe('a 5xx is logged', () => {
  it("through the merchant's logger passed to digilockerKyc: code, request id, route", async () => {
    const log = capture();
    // The merchant's level may be warn: the line is at error, so it shows.
    const router = digilockerKyc(options(createLogger('warn', log.sink)));
    closers.push(() => router.close());
    const app = express().use('/kyc', router);
    const res = await request(app).post('/kyc/sessions').set(API).send('{}');
    expect(res.status).toBe(502);
    expect(res.body.error.code).toBe('upstream_unsafe_url');
    const failed = log
      .lines()
      .find((line) => line.code === 'upstream_unsafe_url' && line.level === 50);
    expect(failed).toMatchObject({
      request_id: res.body.error.request_id,
      status: 502,
      method: 'POST',
      route: '/kyc/sessions',
      msg: `request failed: 502 upstream_unsafe_url on POST /kyc/sessions: ${res.body.error.message}`,
      hint: res.body.error.message,
    });
    // No credential, and the attempt only by its salted hash.
    expect(log.raw.join('')).not.toMatch(/5550001|developer-key-for-tests|access-key-for-tests/);
  });

  it('through createKycHandler, every adapter alike', async () => {
    const log = capture();
    const handler = createKycHandler(options(createLogger('error', log.sink)));
    closers.push(() => handler.close());
    const res = await handler.fetch(
      new Request('https://kyc.shop.example/kyc/sessions', {
        method: 'POST',
        headers: API,
        body: '{}',
      }),
    );
    expect(res.status).toBe(502);
    const body = (await res.json()) as { error: { request_id: string } };
    expect(log.lines().find((line) => line.code === 'upstream_unsafe_url')).toMatchObject({
      level: 50,
      request_id: body.error.request_id,
      method: 'POST',
      route: '/kyc/sessions',
    });
  });

  it("carries the hint the browser's error event carries, e.g. which keys to check", async () => {
    const log = capture();
    const agent = new MockAgent();
    agent.disableNetConnect();
    closers.push(() => agent.close());
    agent
      .get(EKO_ORIGIN)
      .intercept({ path: '/ekoapi/v3/tools/kyc/digilocker', method: 'POST' })
      .reply(403, 'Forbidden');
    const base = contractOptions(false);
    closers.push(() => base.agent.close());
    const router = digilockerKyc({
      ...base,
      testing: { ...base.testing, dispatcher: agent },
      logger: createLogger('error', log.sink),
    });
    closers.push(() => router.close());
    const res = await request(express().use('/kyc', router))
      .post('/kyc/sessions')
      .set(API)
      .send('{}');
    expect(res.body.error.code).toBe('upstream_auth_failed');
    expect(res.body.error.message).toMatch(/check EKO_DEVELOPER_KEY, EKO_ACCESS_KEY/);
    const failed = log.lines().find((line) => line.code === 'upstream_auth_failed');
    expect(failed?.hint).toBe(res.body.error.message);
    expect(failed?.msg).toBe(
      `request failed: ${res.status} upstream_auth_failed on POST /kyc/sessions: ${res.body.error.message}`,
    );
  });

  it('without a logger: on stderr, at warn and above only', async () => {
    const written: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
    const router = digilockerKyc(options());
    closers.push(() => router.close());
    const app = express().use('/kyc', router);
    const refused = await request(app).get('/kyc/sessions/1001');
    expect(refused.status).toBe(401);
    expect(written.join('')).toBe('');
    const res = await request(app).post('/kyc/sessions').set(API).send('{}');
    expect(res.status).toBe(502);
    const text = written.join('');
    expect(text).toContain('request failed: 502 upstream_unsafe_url on POST /kyc/sessions');
    expect(text).toContain(res.body.error.request_id);
  });
});
