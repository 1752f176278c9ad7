// The return page as a customer meets it: in their language, styled under its strict CSP.
import { createHash } from 'node:crypto';
import request from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import { interceptStatus, startAttempt, type TestApp, testApp } from '../../test/helpers.js';

let t: TestApp;
afterEach(async () => {
  await t.close();
  await t.agent.close();
});

/** The bound return page of a fresh attempt, in the browser that started it. */
const page = async (acceptLanguage?: string) => {
  interceptStatus(t.agent, 'PENDING', 10);
  const a = await startAttempt(t);
  const req = request(t.app).get(a.returnPath).set('Cookie', a.binding);
  return acceptLanguage ? req.set('Accept-Language', acceptLanguage) : req;
};

describe('GET /kyc/return/<state>/<secret>: language and look', () => {
  it('renders in Hindi for a browser that prefers Hindi', async () => {
    t = testApp();
    const res = await page('hi-IN,hi;q=0.9,en;q=0.8');
    expect(res.status).toBe(200);
    expect(res.text).toContain('<html lang="hi">');
    expect(res.text).toContain('<title>DigiLocker से लौट रहे हैं</title>');
    expect(res.text).toContain('आपका DigiLocker सत्यापन पूरा हो रहा है…');
    expect(res.text).toContain('JavaScript बंद है');
    expect(res.text).not.toContain('Finishing your');
  });

  it('renders in English by default, and when English is preferred over Hindi', async () => {
    t = testApp();
    for (const header of [undefined, 'en-IN,hi;q=0.9', 'fr-FR,fr;q=0.9']) {
      const res = await page(header);
      expect(res.text, String(header)).toContain('<html lang="en">');
      expect(res.text, String(header)).toContain('Finishing your DigiLocker verification…');
    }
  });

  it('is styled by its one inline <style>, which the CSP allows by hash and nothing else', async () => {
    t = testApp();
    const res = await page();
    const css = res.text.match(/<style>([^<]*)<\/style>/)?.[1];
    expect(css, 'an inline stylesheet').toBeTruthy();
    expect(css).toContain('prefers-reduced-motion');
    const hash = createHash('sha256')
      .update(css ?? '')
      .digest('base64');
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain(`style-src 'sha256-${hash}'`);
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(res.text).not.toMatch(/ style=/);
  });
});

describe('the warning and retry pages: language and look', () => {
  it('the warning page of a foreign return speaks Hindi to a Hindi browser, and is styled by hash', async () => {
    t = testApp();
    const hi = await request(t.app).get('/kyc/foreign-return').set('Accept-Language', 'hi');
    expect(hi.text).toContain('<html lang="hi">');
    expect(hi.text).toContain('यह सत्यापन किसी दूसरे डिवाइस पर शुरू किया गया था');
    const css = hi.text.match(/<style>([^<]*)<\/style>/)?.[1];
    const hash = createHash('sha256')
      .update(css ?? '')
      .digest('base64');
    expect(String(hi.headers['content-security-policy'])).toContain(`style-src 'sha256-${hash}'`);
    expect(hi.text).not.toContain('<script');
  });
});
