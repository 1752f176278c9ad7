// The simulated consent page: markup, CSP, form handling, and the return URL it builds.
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createAttempt,
  getPage,
  type Harness,
  startSandbox,
  submitConsent,
} from '../../test/sandbox-support.js';
import { escapeHtml } from './consent-page.js';
import { appendVerificationId } from './return-url.js';

describe('appendVerificationId', () => {
  it.each([
    ['https://shop.example/r', 'https://shop.example/r?verification_id=v1'],
    ['https://shop.example/r?a=1', 'https://shop.example/r?a=1&verification_id=v1'],
    ['https://shop.example/?a=1#/kyc', 'https://shop.example/?a=1&verification_id=v1#/kyc'],
    ['https://shop.example/#/kyc?x=1', 'https://shop.example/?verification_id=v1#/kyc?x=1'],
    ['https://shop.example/r?', 'https://shop.example/r?verification_id=v1'],
    [
      'https://shop.example/r?sig=a%2Bb+c&z',
      'https://shop.example/r?sig=a%2Bb+c&z&verification_id=v1',
    ],
    ['http://127.0.0.1:8080/kyc/return', 'http://127.0.0.1:8080/kyc/return?verification_id=v1'],
  ])('%s → %s', (input, expected) => {
    expect(appendVerificationId(input, 'v1')).toBe(expected);
  });

  it('encodes the id', () => {
    expect(appendVerificationId('https://s.example/', 'a&b=c')).toBe(
      'https://s.example/?verification_id=a%26b%3Dc',
    );
  });
});

describe('the simulated consent page', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startSandbox();
  });
  afterAll(() => h.close());

  it('is marked as a sandbox, accessible, and lists the requested documents', async () => {
    const created = await createAttempt(h, { document_requested: ['AADHAAR', 'PAN'] });
    const page = await getPage(created.url);
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.text).toContain('<html lang="en">');
    expect(page.text).toMatch(/<title>SANDBOX — simulated DigiLocker, no real KYC[^<]*<\/title>/);
    expect(page.text).toContain('SANDBOX — simulated DigiLocker, no real KYC');
    expect(page.text).toContain('<li>Aadhaar card</li>');
    expect(page.text).toContain('<li>PAN card</li>');
    expect(page.text).toContain('shop.example');
    expect(page.text).toMatch(/<form method="post" action="\/digilocker\/consent">/);
    expect(page.text).toMatch(
      /<button type="submit" name="decision" value="approve">Approve<\/button>/,
    );
    expect(page.text).toMatch(
      /<button type="submit" name="decision" value="deny"[^>]*>Deny<\/button>/,
    );
    for (const id of ['adult', 'aadhaar-not-linked', 'denies']) {
      expect(page.text).toMatch(
        new RegExp(`<input type="radio" name="persona" id="persona-${id}" value="${id}"`),
      );
      expect(page.text).toContain(`<label for="persona-${id}">`);
    }
    expect(page.text).toMatch(/id="persona-adult" value="adult" checked/);
    expect(page.text).not.toMatch(/<script|\sstyle=|\son[a-z]+=/i);
  });

  it('sends its own strict CSP, allowing the form to reach only itself and the merchant', async () => {
    const created = await createAttempt(h, { redirect_url: 'https://shop.example:8443/r' });
    const page = await getPage(created.url);
    const csp = String(page.headers['content-security-policy']);
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).toContain("form-action 'self' https://shop.example:8443");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    expect(page.headers['cache-control']).toBe('no-store');
    expect(page.headers['cross-origin-opener-policy']).toBeUndefined();
  });

  it('serves the stylesheet the CSP allows', async () => {
    const css = await getPage(`${h.running.origin}/digilocker/sandbox.css`);
    expect(css.status).toBe(200);
    expect(css.headers['content-type']).toMatch(/^text\/css/);
    expect(css.text).toContain('.banner');
  });

  it('the persona defaults to the adult with Aadhaar when none is posted', async () => {
    const created = await createAttempt(h);
    expect((await submitConsent(created.url, { decision: 'approve' })).status).toBe(303);
    expect(h.sandbox.attempt(created.reference_id)?.decision).toMatchObject({
      kind: 'consented',
      personaId: 'adult',
    });
  });

  it('400 for an unknown persona or decision, without using up the link', async () => {
    const created = await createAttempt(h);
    expect(
      (await submitConsent(created.url, { persona: 'ghost', decision: 'approve' })).status,
    ).toBe(400);
    expect((await submitConsent(created.url, { decision: 'maybe' })).status).toBe(400);
    expect((await submitConsent(created.url, { decision: 'approve' })).status).toBe(303);
  });

  it('404 for a link it never issued; 415 for a non-form post; 405 otherwise', async () => {
    const unknown = await getPage(
      `${h.running.origin}/digilocker/consent?session=${'A'.repeat(43)}`,
    );
    expect(unknown.status).toBe(404);
    expect(unknown.text).toContain('This link is not valid');
    expect((await getPage(`${h.running.origin}/digilocker/consent`)).status).toBe(404);
    const json = await request(`${h.running.origin}/digilocker/consent`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(json.statusCode).toBe(415);
    await json.body.dump();
    const put = await request(`${h.running.origin}/digilocker/consent`, { method: 'PUT' });
    expect(put.statusCode).toBe(405);
    expect(put.headers.allow).toBe('GET, POST');
    await put.body.dump();
  });

  it('escapes what it prints', () => {
    expect(escapeHtml(`<a href="x">'&</a>`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&lt;/a&gt;',
    );
  });
});
