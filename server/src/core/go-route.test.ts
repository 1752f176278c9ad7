// POST {base}/go: the top-level hop that binds an attempt to this browser first-party (a server
// on another site than the page). Only an allowed page may post it; the url must be DigiLocker.
import escapeHtml from 'escape-html';
import request from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import {
  type Attempt,
  cookiePair,
  interceptStatus,
  PAGE_ORIGIN,
  setCookies,
  startAttempt,
  type TestApp,
  testApp,
} from '../../test/helpers.js';

let t: TestApp;
afterEach(async () => {
  await t.close();
  await t.agent.close();
});

const LINK = 'https://digilocker.gov.in/auth?session_id=abc';
const FORM = 'application/x-www-form-urlencoded';

/** Posts the hop; `origin: null` sends no Origin header at all. */
const hop = (form: Record<string, string>, origin: string | null = PAGE_ORIGIN, type = FORM) => {
  let req = request(t.app).post('/kyc/go').set('Content-Type', type);
  if (origin !== null) req = req.set('Origin', origin);
  return req.send(new URLSearchParams(form).toString());
};

/** An attempt whose create reply's cookie this browser never kept (a third-party cookie). */
async function attempt(): Promise<Attempt> {
  interceptStatus(t.agent, 'PENDING', 10);
  return startAttempt(t);
}

/** A refusal: the error body, no cookie, no redirect. */
function expectRefused(res: request.Response, status: number, code: string): void {
  expect(res.status).toBe(status);
  expect(res.body.error.code).toBe(code);
  expect(setCookies(res.headers)).toEqual([]);
  expect(res.headers.location).toBeUndefined();
}

describe('POST /kyc/go', () => {
  it('from an allowed page: sets the binding cookie and moves on to DigiLocker; the return is then bound', async () => {
    t = testApp();
    const a = await attempt();
    const res = await hop({ session_token: a.reply.session_token, url: LINK });
    // A page that moves on by meta refresh, not a 303: the posting page's form-action then
    // needs only this server, not DigiLocker's hosts too.
    expect(res.status).toBe(200);
    expect(res.headers.location).toBeUndefined();
    expect(res.text).toContain(`<meta http-equiv="refresh" content="0;url=${escapeHtml(LINK)}">`);
    expect(res.text).not.toContain('<script');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['cache-control']).toBe('no-store');
    const [line, ...rest] = setCookies(res.headers);
    expect(rest).toEqual([]);
    expect(line).toMatch(
      /^__Host-dlkyc_b_[A-Za-z0-9_-]{16}=b1\.[^;]+; Max-Age=1800; Path=\/; HttpOnly; Secure; SameSite=Lax$/,
    );
    // The cookie the hop set is this attempt's binding: DigiLocker's return gets a receipt.
    const back = await request(t.app).get(a.returnPath).set('Cookie', cookiePair(line!));
    expect(back.status).toBe(200);
    expect(back.text).toContain('dlkyc-receipt');
  });

  it('accepts the form type with a charset', async () => {
    t = testApp();
    const a = await attempt();
    const res = await hop(
      { session_token: a.reply.session_token, url: LINK },
      PAGE_ORIGIN,
      `${FORM}; charset=UTF-8`,
    );
    expect(res.status).toBe(200);
  });

  it.each([
    ['no Origin', null],
    ['the null Origin (a sandboxed frame, a data: page)', 'null'],
    ['another site', 'https://evil.example'],
    ['a look-alike of the allowed page', 'https://shop.example.evil.example'],
  ])('refuses %s with 403 forbidden_origin', async (_name, origin) => {
    t = testApp();
    const a = await attempt();
    expectRefused(
      await hop({ session_token: a.reply.session_token, url: LINK }, origin),
      403,
      'forbidden_origin',
    );
  });

  it.each([
    ['JSON', 'application/json'],
    ['text/plain (a CORS-simple type)', 'text/plain'],
    ['multipart', 'multipart/form-data; boundary=x'],
  ])('refuses %s with 415', async (_name, type) => {
    t = testApp();
    const a = await attempt();
    expectRefused(
      await hop({ session_token: a.reply.session_token, url: LINK }, PAGE_ORIGIN, type),
      415,
      'unsupported_media_type',
    );
  });

  it.each<[string, (a: Attempt) => Record<string, string>]>([
    ['no token', () => ({ url: LINK })],
    ['a forged token', (a) => ({ session_token: `${a.reply.session_token}x`, url: LINK })],
    [
      'a binding value instead of a token',
      (a) => ({ session_token: a.binding.split('=')[1]!, url: LINK }),
    ],
  ])('refuses %s with 401', async (_name, form) => {
    t = testApp();
    const a = await attempt();
    expectRefused(await hop(form(a)), 401, 'unauthorized');
  });

  it("refuses a token issued to another allowed page: the hop can't bind someone else's attempt", async () => {
    t = testApp();
    const a = await attempt();
    const res = await hop(
      { session_token: a.reply.session_token, url: LINK },
      'https://other.example',
    );
    expectRefused(res, 401, 'unauthorized');
    expect(res.body.error.message).toMatch(/another origin/);
  });

  it('refuses an expired token', async () => {
    t = testApp();
    const a = await attempt();
    t.clock.now += 30 * 60_000;
    expectRefused(
      await hop({ session_token: a.reply.session_token, url: LINK }),
      401,
      'unauthorized',
    );
  });

  it.each([
    ['no url', undefined],
    ['another host', 'https://evil.example/auth'],
    ['a look-alike host', 'https://digilocker.gov.in.evil.example/auth'],
    ['plain http to the DigiLocker host', 'http://digilocker.gov.in/auth'],
    ['a javascript: URL', 'javascript:alert(1)'],
    ['a relative URL', '/kyc/sessions'],
    ['userinfo before another host', 'https://digilocker.gov.in@evil.example/'],
  ])(
    'refuses %s as the url with 400, naming the allowlist (no open redirect)',
    async (_name, url) => {
      t = testApp();
      const a = await attempt();
      const form: Record<string, string> = { session_token: a.reply.session_token };
      if (url !== undefined) form.url = url;
      const res = await hop(form);
      expectRefused(res, 400, 'invalid_request');
      expect(res.body.error.message).toMatch(/DIGILOCKER_URL_HOSTS/);
    },
  );

  it('refuses a body over 8 KB with 413', async () => {
    t = testApp();
    const a = await attempt();
    const res = await hop({
      session_token: a.reply.session_token,
      url: `${LINK}&p=${'x'.repeat(9000)}`,
    });
    expectRefused(res, 413, 'payload_too_large');
  });

  it('answers GET with 405 and Allow: POST', async () => {
    t = testApp();
    const res = await request(t.app).get('/kyc/go');
    expect(res.status).toBe(405);
    expect(res.headers.allow).toBe('POST');
  });
});
