// GET {base}/return/<state>/<secret>, {base}/foreign-return and {base}/confirm/<state>: the return
// counts only with the right secret in the browser holding the attempt's binding cookie.
import { createHash } from 'node:crypto';
import request from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import {
  type Attempt,
  cookiePair,
  interceptStatus,
  PAGE_ORIGIN,
  SESSION_SECRET,
  setCookies,
  startAttempt,
  type TestApp,
  testApp,
} from '../../test/helpers.js';
import { mintReceipt, proofCookieName, readReceipt, returnSecret } from './return-proof.js';
import { signBinding, signSessionToken, verifySessionToken } from './session-token.js';

let t: TestApp;
afterEach(async () => {
  await t.close();
  await t.agent.close();
});

const OTHER_SECRET = 'another-deployment-session-secret-32-bytes';
const get = (path: string, cookie?: string) => {
  const req = request(t.app).get(path);
  return cookie === undefined ? req : req.set('Cookie', cookie);
};

/** Starts an attempt while Eko's status answers pending (the watcher a bound return starts). */
async function attempt(options: Parameters<typeof startAttempt>[1] = {}): Promise<Attempt> {
  interceptStatus(t.agent, 'PENDING', 50);
  return startAttempt(t, options);
}

/** What a refused return must not carry: no cookie, no script, no receipt. */
function expectNothingGiven(res: request.Response): void {
  expect(setCookies(res.headers)).toEqual([]);
  expect(res.text).not.toContain('<script');
  expect(res.text).not.toContain('dlkyc-receipt');
}

describe('GET /kyc/return/<state>/<secret>', () => {
  it('with the secret and the binding: the return page with a receipt for this state', async () => {
    t = testApp();
    const a = await attempt();
    const res = await get(`${a.returnPath}?verification_id=v1`, a.binding);
    expect(res.status).toBe(200);
    expect(res.headers['cross-origin-opener-policy']).toBeUndefined();
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['cache-control']).toBe('no-store');
    const receipt = /<meta name="dlkyc-receipt" content="([^"]+)">/.exec(res.text)?.[1];
    expect(readReceipt(receipt!, a.reply.state, [SESSION_SECRET])).toBe(
      Math.floor(t.clock.now / 1000),
    );
    expect(res.text).toContain(`<meta name="dlkyc-state" content="${a.reply.state}">`);
    expect(res.text).toContain('<meta name="dlkyc-verification" content="v1">');
    // Only the page that started the attempt may be posted to, not every allowed origin.
    expect(res.text).toContain(`<meta name="dlkyc-origins" content="${PAGE_ORIGIN}">`);
    expect(res.text).toContain('<script type="module" src="/kyc/return.js">');
    expect(res.text).not.toContain(a.secret);
    // The receipt is kept for Continue: HttpOnly, __Host- on https, named by a hash only.
    const [line, ...rest] = setCookies(res.headers);
    expect(rest).toEqual([]);
    expect(line).toBe(
      `${proofCookieName('r', a.reply.state, true)}=${receipt}; Max-Age=1800; Path=/; HttpOnly; Secure; SameSite=Lax`,
    );
    expect(line).not.toContain(a.reply.state);
  });

  it('sends a merchant return_to page on with the state, the receipt and the verification id', async () => {
    t = testApp();
    const a = await attempt({ body: { redirect_url: 'https://shop.example/account/kyc' } });
    const res = await get(`${a.returnPath}?verification_id=v1`, a.binding);
    // A page that moves on by meta refresh, not a 303: DigiLocker's consent form may allow only
    // this server in its form-action, and browsers check a post's whole redirect chain.
    expect(res.status).toBe(200);
    expect(res.headers.location).toBeUndefined();
    expect(res.text).not.toContain('<script');
    const refresh = /<meta http-equiv="refresh" content="0;url=([^"]+)">/.exec(res.text)?.[1];
    const to = new URL(refresh!.replaceAll('&amp;', '&'));
    expect(`${to.origin}${to.pathname}`).toBe('https://shop.example/account/kyc');
    expect(to.searchParams.get('dlkyc_state')).toBe(a.reply.state);
    const receipt = to.searchParams.get('dlkyc_receipt')!;
    expect(readReceipt(receipt, a.reply.state, [SESSION_SECRET])).toBeDefined();
    expect(to.searchParams.get('verification_id')).toBe('v1');
    expect(to.href).not.toContain(a.secret);
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(setCookies(res.headers)).toHaveLength(1);
  });

  it('on plain http (the sandbox on a laptop) the cookies are scoped to the mount, not Secure', async () => {
    t = testApp({ PUBLIC_BASE_URL: 'http://127.0.0.1:8080/kyc' });
    const a = await attempt();
    expect(a.binding).toMatch(/^dlkyc_b_[A-Za-z0-9_-]{16}=b1\./);
    const res = await get(a.returnPath, a.binding);
    expect(res.status).toBe(200);
    const [line] = setCookies(res.headers);
    expect(line).toMatch(
      /^dlkyc_r_[A-Za-z0-9_-]{16}=\d+\.[A-Za-z0-9_-]{43}; Max-Age=1800; Path=\/kyc; HttpOnly; SameSite=Lax$/,
    );
  });

  it.each<[string, (a: Attempt) => string]>([
    ['no secret', (a) => `/kyc/return/${a.reply.state}`],
    ['no secret, the state in the query', (a) => `/kyc/return?dlkyc_state=${a.reply.state}`],
    ['a wrong secret', (a) => `/kyc/return/${a.reply.state}/${'x'.repeat(43)}`],
    [
      "another state's secret",
      (a) => `/kyc/return/${a.reply.state}/${returnSecret('T'.repeat(43), [SESSION_SECRET])}`,
    ],
    [
      'the secret under another session secret',
      (a) => `/kyc/return/${a.reply.state}/${returnSecret(a.reply.state, [OTHER_SECRET])}`,
    ],
    [
      'the secret computed from public values (SHA-256 of the state)',
      (a) =>
        `/kyc/return/${a.reply.state}/${createHash('sha256').update(a.reply.state).digest('base64url')}`,
    ],
    ['the state as its own secret', (a) => `/kyc/return/${a.reply.state}/${a.reply.state}`],
    ['the secret truncated', (a) => a.returnPath.slice(0, -1)],
    ['the secret with a character more', (a) => `${a.returnPath}A`],
    ['the secret respelled (same bytes, other spare bits)', (a) => respell(a.returnPath)],
    ['the secret on another state', (a) => `/kyc/return/${'T'.repeat(43)}/${a.secret}`],
    ['the secret in the query', (a) => `/kyc/return/${a.reply.state}?secret=${a.secret}`],
  ])('%s: 404 with no cookie and no script, even with the binding', async (_name, path) => {
    t = testApp();
    const a = await attempt();
    const res = await get(path(a), a.binding);
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('not_found');
    expectNothingGiven(res);
  });

  it('refuses a malformed state with 404', async () => {
    t = testApp();
    const res = await get(`/kyc/return/%3Cscript%3E/${'x'.repeat(43)}`);
    expect(res.status).toBe(404);
    expectNothingGiven(res);
  });
});

describe('a return that reaches another browser (a forwarded link)', () => {
  it('without the binding: 303 to the warning page, no cookie, a foreign_return line without the secret or the state', async () => {
    t = testApp();
    const a = await attempt();
    const res = await get(`${a.returnPath}?verification_id=v1`);
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/kyc/foreign-return');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['cache-control']).toBe('no-store');
    expectNothingGiven(res);
    const lines = t.logs.filter((line) => line.includes('foreign_return'));
    expect(lines).toHaveLength(1);
    const entry = JSON.parse(lines[0]!);
    expect(entry.level).toBe(40);
    expect(entry.event).toBe('foreign_return');
    expect(entry.state_hash).toMatch(/^[A-Za-z0-9_-]+$/);
    for (const line of t.logs) {
      expect(line).not.toContain(a.secret);
      expect(line).not.toContain(a.reply.state);
    }
  });

  it('the warning page: static words, no script, nothing to post', async () => {
    t = testApp();
    const res = await get('/kyc/foreign-return').set('Accept-Language', 'hi');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.headers['content-security-policy']).toContain("default-src 'none'");
    expect(res.text).toContain('<html lang="hi">');
    expect(res.text).not.toContain('<script');
    const en = await get('/kyc/foreign-return');
    expect(en.text).toContain('started on another device');
    expect(en.text).toContain('trying to use your identity');
  });

  it.each<[string, (a: Attempt, name: string) => string]>([
    [
      'a binding cookie of another attempt under this name',
      (a, name) => {
        const other = { ...claimsOf(a), state: 'T'.repeat(43) };
        return `${name}=${signBinding(other, [SESSION_SECRET])}`;
      },
    ],
    ['the session token as the cookie value', (a, name) => `${name}=${a.reply.session_token}`],
    [
      'a binding signed with another secret',
      (a, name) => `${name}=${signBinding(claimsOf(a), [OTHER_SECRET])}`,
    ],
    [
      'a SHA-256 of the state',
      (a, name) => `${name}=${createHash('sha256').update(a.reply.state).digest('base64url')}`,
    ],
    [
      'a binding whose claims were edited',
      (a, name) => {
        const [kind, , mac] = a.binding.slice(a.binding.indexOf('=') + 1).split('.');
        const body = Buffer.from(JSON.stringify({ ...wireOf(a), o: 'https://evil.io' })).toString(
          'base64url',
        );
        return `${name}=${kind}.${body}.${mac}`;
      },
    ],
    [
      'the right value under the name without __Host- (a sibling subdomain can set that one)',
      (a) => a.binding.replace(/^__Host-/, ''),
    ],
    [
      'a binding signed like a session token (v1)',
      (a, name) => `${name}=${signSessionToken(claimsOf(a), [SESSION_SECRET])}`,
    ],
  ])('%s binds nothing: the warning page, no receipt', async (_name, cookie) => {
    t = testApp();
    const a = await attempt();
    const name = a.binding.slice(0, a.binding.indexOf('='));
    const res = await get(a.returnPath, `a=1; ${cookie(a, name)}`);
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/kyc/foreign-return');
    expectNothingGiven(res);
  });

  it('an expired binding binds nothing', async () => {
    t = testApp();
    const a = await attempt();
    t.clock.now += 30 * 60_000;
    const res = await get(a.returnPath, a.binding);
    expect(res.headers.location).toBe('/kyc/foreign-return');
  });

  it("another attempt's genuine binding does not bind this one", async () => {
    t = testApp();
    const mine = await attempt();
    const theirs = await startAttempt(t, { referenceId: 7483921 });
    const res = await get(theirs.returnPath, mine.binding);
    expect(res.headers.location).toBe('/kyc/foreign-return');
    // Among other cookies, the right one still counts.
    const both = await get(theirs.returnPath, `${mine.binding}; x=1; ${theirs.binding}`);
    expect(both.status).toBe(200);
  });
});

describe('GET /kyc/confirm/<state> (Continue)', () => {
  /** A bound return in this browser: the binding plus the receipt cookie it left. */
  async function returned(): Promise<{ a: Attempt; cookie: string; receipt: string }> {
    const a = await attempt();
    const res = await get(a.returnPath, a.binding);
    const receipt = cookiePair(setCookies(res.headers)[0]!);
    return { a, cookie: `${a.binding}; ${receipt}`, receipt };
  }

  it('with the binding and the receipt cookie: the return page with that receipt', async () => {
    t = testApp();
    const { a, cookie, receipt } = await returned();
    const res = await get(`/kyc/confirm/${a.reply.state}`, cookie);
    expect(res.status).toBe(200);
    expect(res.headers['cross-origin-opener-policy']).toBeUndefined();
    expect(res.headers['content-security-policy']).not.toContain('unsafe-inline');
    expect(res.text).toContain(`<meta name="dlkyc-receipt" content="${receipt.split('=')[1]}">`);
    expect(res.text).toContain(`<meta name="dlkyc-origins" content="${PAGE_ORIGIN}">`);
    expect(setCookies(res.headers)).toEqual([]);
  });

  it.each<[string, (r: { a: Attempt; receipt: string }) => string | undefined]>([
    ['no cookie (consent given in another browser)', () => undefined],
    ['the binding alone (no return seen here)', ({ a }) => a.binding],
    ['the receipt alone (no binding)', ({ receipt }) => receipt],
    [
      'a forged receipt',
      ({ a, receipt }) => `${a.binding}; ${receipt.split('=')[0]}=1800000000.${'x'.repeat(43)}`,
    ],
    [
      'a receipt minted for another state',
      ({ a, receipt }) =>
        `${a.binding}; ${receipt.split('=')[0]}=${mintReceipt('T'.repeat(43), 1_800_000_000, [SESSION_SECRET])}`,
    ],
  ])('%s: 403, no script, no state', async (_name, cookie) => {
    t = testApp();
    const r = await returned();
    const res = await get(`/kyc/confirm/${r.a.reply.state}`, cookie(r));
    expect(res.status).toBe(403);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.text).toContain('not finished in this browser');
    expect(res.text).not.toContain('<script');
    expect(res.text).not.toContain(r.a.reply.state);
  });

  it('refuses a malformed state with the same 403 page', async () => {
    t = testApp();
    const res = await get('/kyc/confirm/%3Cscript%3E');
    expect(res.status).toBe(403);
    expect(res.text).not.toContain('<script');
  });
});

/** The attempt's claims, read from its create-time token. */
function claimsOf(a: Attempt) {
  return verifySessionToken(a.reply.session_token, {
    secrets: [SESSION_SECRET],
    now: 1_800_000_000_000,
    allowUnreturned: true,
  });
}

/** The attempt's claims as the token spells them. */
function wireOf(a: Attempt): Record<string, unknown> {
  return JSON.parse(Buffer.from(a.reply.session_token.split('.')[1]!, 'base64url').toString());
}

/** The same path with the secret's last character respelled: same bytes, other spare bits. */
function respell(path: string): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  return path.slice(0, -1) + alphabet[alphabet.indexOf(path.at(-1)!) ^ 1];
}
