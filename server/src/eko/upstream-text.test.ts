// Eko's strings are bounded before they reach the browser or the log.
import request from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import {
  CREATE_PATH,
  createReply,
  EKO_ORIGIN,
  PAGE_ORIGIN,
  type TestApp,
  testApp,
} from '../../test/helpers.js';
import { boundedErrorCode, boundedMediaType, boundedStatusId } from './upstream-text.js';

let t: TestApp;
const apps: TestApp[] = [];
afterEach(async () => {
  for (const app of apps.splice(0)) {
    await app.close();
    await app.agent.close();
  }
});

function app(): TestApp {
  t = testApp();
  apps.push(t);
  return t;
}

const post = () =>
  request(t.app)
    .post('/kyc/sessions')
    .set('Origin', PAGE_ORIGIN)
    .set('X-DigiLocker-KYC', '1')
    .set('Content-Type', 'application/json')
    .send('{}');

/** A value no bounded field may carry: long, with a forged log line and markup inside. */
const HOSTILE = `${'A'.repeat(3000)}\n{"level":60,"msg":"forged"}<script>alert(1)</script>`;

function reply(status: number, body: unknown, headers: Record<string, string>) {
  t.agent
    .get(EKO_ORIGIN)
    .intercept({ path: CREATE_PATH, method: 'POST' })
    .reply(status, typeof body === 'string' ? body : JSON.stringify(body), { headers });
}

function expectNowhere(res: request.Response, needle: string) {
  expect(res.text).not.toContain(needle);
  expect(t.logs.join('')).not.toContain(needle);
}

describe("Eko's strings in errors and logs", () => {
  it('bounds response_status_id: a hostile one is named, not quoted', async () => {
    app();
    reply(
      200,
      { status: 1, response_status_id: HOSTILE, message: 'x' },
      { 'content-type': 'application/json' },
    );
    const res = await post();
    expect(res.status).toBe(502);
    expect(res.body.error.message).toMatch(/response_status_id unrecognised\)/);
    expectNowhere(res, 'AAAAAAAAAA');
    expectNowhere(res, 'forged');
    expect(res.body.error.message.length).toBeLessThan(200);
  });

  it('keeps a well-formed response_status_id, which helps support', async () => {
    app();
    reply(
      200,
      { status: 1, response_status_id: 301, message: 'x' },
      { 'content-type': 'application/json' },
    );
    const res = await post();
    expect(res.body.error.message).toMatch(/response_status_id 301\)/);
    expect(t.logs.join('')).toContain('"responseStatusId":"301"');
  });

  it("names a non-JSON reply's media type without its parameters or a hostile value", async () => {
    app();
    reply(200, '<html>gateway</html>', { 'content-type': 'text/html; charset=<script>x</script>' });
    const html = await post();
    expect(html.body.error.message).toMatch(/HTML, content-type text\/html\)/);
    expectNowhere(html, '<script>');
    app();
    reply(200, 'plain', { 'content-type': `text/${'a'.repeat(500)}` });
    const long = await post();
    expect(long.body.error.message).toMatch(/content-type unrecognised\)/);
    expectNowhere(long, 'a'.repeat(100));
  });

  it('refuses a reference_id outside the id charset as malformed, before the browser sees it', async () => {
    app();
    const created = createReply();
    reply(
      200,
      { ...created, data: { ...created.data, reference_id: '../x?<y>' } },
      {
        'content-type': 'application/json',
      },
    );
    const res = await post();
    expect(res.status).toBe(502);
    expect(res.body.error.code).toBe('upstream_malformed');
    expectNowhere(res, '<y>');
  });
});

describe('bounding helpers', () => {
  it.each([
    [undefined, 'none'],
    [301, '301'],
    [-1, '-1'],
    ['E_42', 'E_42'],
    ['301 ; drop', 'unrecognised'],
    ['1'.repeat(13), 'unrecognised'],
    [1.5, 'unrecognised'],
    [{}, 'unrecognised'],
  ])('boundedStatusId(%j) is %s', (value, expected) => {
    expect(boundedStatusId(value)).toBe(expected);
  });

  it('bounds media types and error codes', () => {
    expect(boundedMediaType('Application/JSON; charset=utf-8')).toBe('application/json');
    expect(boundedMediaType(undefined)).toBe('none');
    expect(boundedMediaType('text/html\u0000')).toBe('unrecognised');
    expect(boundedErrorCode('ECONNRESET')).toBe('ECONNRESET');
    expect(boundedErrorCode('E\nforged')).toBe('unrecognised');
  });
});
