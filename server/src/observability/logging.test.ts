// The leak scan for the server: sentinel secrets and personal data never reach logs or replies.
import request from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import {
  CREATE_PATH,
  createReply,
  EKO_ORIGIN,
  JSON_HEADERS,
  PAGE_ORIGIN,
  SESSION_SECRET,
  type TestApp,
  testApp,
} from '../../test/helpers.js';
import { returnSecret } from '../core/return-proof.js';
import { signSessionToken } from '../core/session-token.js';

const SENTINELS = {
  developerKey: 'SENTINEL-DEVELOPER-KEY-7f3a',
  accessKey: 'SENTINEL-ACCESS-KEY-9c1e',
  sessionSecret: 'SENTINEL-SESSION-SECRET-0123456789abcdef',
  name: 'Sentinelname Kumar',
  dob: '01-02-1934',
  mobile: '9812399999',
  aadhaar: '987654321098',
  verificationId: 'vrf_sentinel_55',
  bodyField: 'SENTINEL-IN-A-MALFORMED-BODY',
};

function forms(value: string): string[] {
  return [value, Buffer.from(value).toString('base64'), Buffer.from(value).toString('base64url')];
}

let t: TestApp;
afterEach(async () => {
  await t.close();
  await t.agent.close();
});

describe('leak scan', () => {
  it('keeps every sentinel out of logs and HTTP replies, error paths included', async () => {
    t = testApp({
      EKO_DEVELOPER_KEY: SENTINELS.developerKey,
      EKO_ACCESS_KEY: SENTINELS.accessKey,
      SESSION_SECRET: SENTINELS.sessionSecret,
      RATE_LIMIT_PER_MINUTE: '0',
    });
    const pool = t.agent.get(EKO_ORIGIN);
    const replies: string[] = [];
    const post = (body: string) =>
      request(t.app)
        .post('/kyc/sessions')
        .set('Origin', PAGE_ORIGIN)
        .set('X-DigiLocker-KYC', '1')
        .set('Content-Type', 'application/json')
        .send(body);

    pool.intercept({ path: CREATE_PATH, method: 'POST' }).reply(200, createReply(), JSON_HEADERS);
    const created = await post('{}');
    replies.push(JSON.stringify(created.headers), created.text);

    pool
      .intercept({ path: CREATE_PATH, method: 'POST' })
      .reply(403, `bad key ${SENTINELS.accessKey}`);
    replies.push((await post('{}')).text);
    pool
      .intercept({ path: CREATE_PATH, method: 'POST' })
      .reply(
        200,
        { status: 1, message: `Agent ${SENTINELS.name} not allowed`, data: {} },
        JSON_HEADERS,
      );
    replies.push((await post('{}')).text);
    replies.push((await post(`{"client_ref_id": "${SENTINELS.bodyField}`)).text);
    replies.push((await post(`{"admin": "${SENTINELS.bodyField}"}`)).text);

    pool.intercept({ path: /\/status\?/, method: 'GET' }).reply(
      200,
      {
        status: 0,
        data: {
          status: 'AUTHENTICATED',
          verification_id: SENTINELS.verificationId,
          user_details: { name: SENTINELS.name, dob: SENTINELS.dob, mobile: SENTINELS.mobile },
          uid: SENTINELS.aadhaar,
        },
      },
      JSON_HEADERS,
    );
    const status = await request(t.app)
      .get(`/kyc/sessions/${created.body.reference_id}`)
      .set('Authorization', `Bearer ${created.body.session_token}`);
    expect(status.body.status).toBe('consented');
    replies.push(JSON.stringify(status.headers), status.text);

    const forged = signSessionToken(
      {
        reference_id: '7483920',
        state: 'x',
        origin: PAGE_ORIGIN,
        documents: ['AADHAAR'],
        issued_at: 0,
        expires_at: 1,
      },
      [SENTINELS.sessionSecret],
    );
    replies.push(
      (await request(t.app).get('/kyc/sessions/7483920').set('Authorization', `Bearer ${forged}`))
        .text,
    );
    replies.push(
      (
        await request(t.app).get(
          `/kyc/return/${'A'.repeat(43)}?verification_id=${SENTINELS.verificationId}`,
        )
      ).text,
    );

    const logs = t.logs.join('\n');
    expect(t.logs.length).toBeGreaterThan(5);
    for (const [name, value] of Object.entries(SENTINELS)) {
      for (const form of forms(value)) {
        expect(logs, `${name} in the logs`).not.toContain(form);
        for (const reply of replies) expect(reply, `${name} in a reply`).not.toContain(form);
      }
    }
    // The session token is in the create reply by design, and nowhere in the logs.
    expect(logs).not.toContain(created.body.session_token);
    expect(logs).not.toContain(created.body.state);
    expect(logs).not.toContain(created.body.reference_id);
  });

  it('logs method, path and status per request, not headers or queries', async () => {
    t = testApp();
    const secret = returnSecret('B'.repeat(43), [SESSION_SECRET]);
    await request(t.app)
      .get(`/kyc/return/${'B'.repeat(43)}/${secret}?verification_id=abc`)
      .set('Authorization', 'Bearer secret-bearer')
      .set('Cookie', 'sid=secret-cookie');
    const line = t.logs
      .map((l) => JSON.parse(l))
      .find((entry) => entry.msg === 'request completed');
    expect(line.req).toEqual({ id: expect.any(String), method: 'GET', path: '/kyc/return/:state' });
    // No binding cookie: the warning page, by a redirect.
    expect(line.res).toEqual({ statusCode: 303 });
    expect(t.logs.join('')).not.toMatch(/secret-bearer|secret-cookie|verification_id|BBBB/);
    expect(t.logs.join('')).not.toContain(secret);
  });

  it.each([
    ['a trailing slash', '/kyc/sessions/7483920/', '/kyc/sessions/:reference_id'],
    ['another case', '/KYC/Sessions/7483920', '/KYC/sessions/:reference_id'],
    ['a segment after the id', '/kyc/sessions/7483920/extra', '/kyc/sessions/:reference_id'],
    ['a return page with a trailing slash', `/kyc/return/${'B'.repeat(43)}/`, '/kyc/return/:state'],
    [
      'a return page with a secret',
      `/kyc/return/${'B'.repeat(43)}/${'C'.repeat(43)}/`,
      '/kyc/return/:state',
    ],
    ['a double slash', '/kyc/sessions//7483920', '/kyc/sessions/:reference_id'],
  ])('keeps ids out of the logged path with %s', async (_name, path, logged) => {
    t = testApp();
    await request(t.app).get(path).set('Origin', PAGE_ORIGIN);
    const lines = t.logs.map((l) => JSON.parse(l));
    expect(lines.at(-1)?.req?.path).toBe(logged);
    expect(t.logs.join('')).not.toMatch(/7483920|BBBB|CCCC/);
  });

  it("logs one line per creation, naming the attempt by a salted hash, with the caller's id", async () => {
    t = testApp();
    t.agent
      .get(EKO_ORIGIN)
      .intercept({ path: CREATE_PATH, method: 'POST' })
      .reply(200, createReply(), JSON_HEADERS);
    const res = await request(t.app)
      .post('/kyc/sessions')
      .set('Host', 'kyc.shop.example') // PUBLIC_BASE_URL's host: no warning about it
      .set('Origin', PAGE_ORIGIN)
      .set('X-DigiLocker-KYC', '1')
      .set('X-Request-Id', 'trace-42.a_b')
      .set('Content-Type', 'application/json')
      .send('{}');
    expect(res.status).toBe(201);
    expect(res.headers['x-request-id']).toBe('trace-42.a_b');
    const lines = t.logs.map((l) => JSON.parse(l));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      msg: 'request completed',
      req: { id: 'trace-42.a_b', method: 'POST', path: '/kyc/sessions' },
      res: { statusCode: 201 },
      ref: expect.stringMatching(/^[A-Za-z0-9_-]{12}$/),
    });
    expect(lines[0].ref).not.toContain(res.body.reference_id);
  });

  it('replaces a malformed X-Request-Id with a fresh UUID', async () => {
    t = testApp();
    const res = await request(t.app).get('/kyc/nothing').set('X-Request-Id', 'bad id\u00e9');
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.body.error.request_id).toBe(res.headers['x-request-id']);
  });

  it('logs a request the client abandoned as aborted, at warn', async () => {
    t = testApp();
    // Eko answers long after the client gives up, so the reply can never be written.
    t.agent
      .get(EKO_ORIGIN)
      .intercept({ path: CREATE_PATH, method: 'POST' })
      .reply(200, createReply(), JSON_HEADERS)
      .delay(1_000);
    await request(t.app)
      .post('/kyc/sessions')
      .set('Origin', PAGE_ORIGIN)
      .set('X-DigiLocker-KYC', '1')
      .set('Content-Type', 'application/json')
      .timeout(150)
      .send('{}')
      .catch(() => undefined);
    // Waits for the line rather than a fixed time: a loaded machine may take longer.
    const aborted = () =>
      t.logs.map((l) => JSON.parse(l)).find((entry) => entry.msg === 'request aborted');
    for (let waited = 0; !aborted() && waited < 3_000; waited += 50) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(aborted()).toMatchObject({ level: 40, req: { method: 'POST', path: '/kyc/sessions' } });
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    expect(t.logs.map((l) => JSON.parse(l).msg)).not.toContain('request completed');
  });
});
