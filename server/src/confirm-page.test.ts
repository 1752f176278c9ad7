// The return cookie and GET /kyc/confirm/<state>: the server's half of "consent belongs to the
// browser that asked" (the widget's Continue opens the confirm page in the customer's browser).
import request from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import { PAGE_ORIGIN, type TestApp, testApp } from './test-helpers.js';

const STATE = 'S'.repeat(43);
const OTHER = 'O'.repeat(43);

let t: TestApp;
afterEach(async () => {
  await t.close();
  await t.agent.close();
});

/** The Set-Cookie lines of a reply. */
const cookies = (res: request.Response): string[] => {
  const header = res.headers['set-cookie'] as unknown;
  return Array.isArray(header) ? header : [];
};

/** The `name=value` part of a Set-Cookie line, as a browser would send it back. */
const pair = (line: string) => line.split(';')[0]!;

describe('the return cookie', () => {
  it('is set by the return page for its state: HttpOnly, Lax, mount path, 10 min, Secure on https', async () => {
    t = testApp(); // PUBLIC_BASE_URL is https://kyc.shop.example/kyc
    const res = await request(t.app).get(`/kyc/return/${STATE}?verification_id=v1`);
    expect(res.status).toBe(200);
    const [line, ...rest] = cookies(res);
    expect(rest).toEqual([]);
    expect(line).toMatch(/^dlkyc_ret_[A-Za-z0-9_-]{16}=[A-Za-z0-9_-]{43};/);
    const attributes = line!.split('; ').slice(1);
    expect(attributes).toEqual(
      expect.arrayContaining(['Max-Age=600', 'Path=/kyc', 'HttpOnly', 'Secure', 'SameSite=Lax']),
    );
    // Derived from the state, never the state itself, the token or the verification id.
    expect(line).not.toContain(STATE);
    expect(line).not.toContain('v1');
  });

  it('is not Secure when the public URL is plain http (the sandbox on a laptop)', async () => {
    t = testApp({ PUBLIC_BASE_URL: 'http://127.0.0.1:8080/kyc' });
    const res = await request(t.app).get(`/kyc/return/${STATE}`);
    expect(cookies(res)[0]).not.toContain('Secure');
  });

  it('differs per state, so attempts coexist; the plain /return takes the state from the query', async () => {
    t = testApp();
    const a = cookies(await request(t.app).get(`/kyc/return/${STATE}`))[0]!;
    const b = cookies(await request(t.app).get(`/kyc/return?dlkyc_state=${OTHER}`))[0]!;
    expect(pair(a).split('=')[0]).not.toBe(pair(b).split('=')[0]);
    const none = await request(t.app).get('/kyc/return?dlkyc_state=short');
    expect(none.status).toBe(200);
    expect(cookies(none)).toEqual([]);
  });
});

describe('GET /kyc/confirm/:state', () => {
  it('with the cookie its return page set: the return page for that state (no COOP, strict CSP)', async () => {
    t = testApp();
    const cookie = pair(cookies(await request(t.app).get(`/kyc/return/${STATE}`))[0]!);
    const res = await request(t.app).get(`/kyc/confirm/${STATE}`).set('Cookie', cookie);
    expect(res.status).toBe(200);
    expect(res.headers['cross-origin-opener-policy']).toBeUndefined();
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['content-security-policy']).not.toContain('unsafe-inline');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.text).toContain(`<meta name="dlkyc-state" content="${STATE}">`);
    expect(res.text).toContain('<script type="module" src="/kyc/return.js">');
    expect(res.text).toContain(`content="${PAGE_ORIGIN} https://other.example"`);
    expect(res.text).not.toMatch(/<script>/);
  });

  it('without the cookie (consent given in another browser): 403, no script, no state', async () => {
    t = testApp();
    const res = await request(t.app).get(`/kyc/confirm/${STATE}`);
    expect(res.status).toBe(403);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.text).toContain('not finished in this browser');
    expect(res.text).not.toContain('<script');
    expect(res.text).not.toContain(STATE);
  });

  it("another state's cookie, or a forged value, is no proof", async () => {
    t = testApp();
    const other = pair(cookies(await request(t.app).get(`/kyc/return/${OTHER}`))[0]!);
    const wrongState = await request(t.app).get(`/kyc/confirm/${STATE}`).set('Cookie', other);
    expect(wrongState.status).toBe(403);
    const mine = pair(cookies(await request(t.app).get(`/kyc/return/${STATE}`))[0]!);
    const [name] = mine.split('=');
    const forged = await request(t.app)
      .get(`/kyc/confirm/${STATE}`)
      .set('Cookie', `${name}=${'x'.repeat(43)}`);
    expect(forged.status).toBe(403);
    // Among other cookies the right one still counts.
    const mixed = await request(t.app)
      .get(`/kyc/confirm/${STATE}`)
      .set('Cookie', `a=1; ${other}; ${mine}; b=2`);
    expect(mixed.status).toBe(200);
  });

  it('refuses a malformed state with 404', async () => {
    t = testApp();
    const res = await request(t.app).get('/kyc/confirm/%3Cscript%3E');
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('not_found');
  });
});
