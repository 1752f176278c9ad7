// The return page DigiLocker sends the customer back to (GET /kyc/return/<state>/<secret>): only
// the right secret opens it (A3 with the return proof), no open redirect, no leaks through
// Referer, history or third parties (A5), no COOP (B3).
import { randomBytes } from 'node:crypto';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { newContext } from './support/browser.js';
import { ready, widget } from './support/journey.js';
import { useJourneySuite } from './support/suite.js';

const suite = useJourneySuite();

const EVIL = 'https://evil.example/phish';
const newState = () => randomBytes(32).toString('base64url');

/** Records every request, and refuses (and counts) any that leaves loopback. */
async function watch(page: Page) {
  const requests: string[] = [];
  const escaped: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  await page.route(
    (url) => !['127.0.0.1', 'localhost'].includes(url.hostname),
    async (route) => {
      escaped.push(route.request().url());
      await route.abort();
    },
  );
  return { requests, escaped };
}

/** Waits long enough for any scripted navigation to have started, then reads where we are. */
async function settledUrl(page: Page): Promise<string> {
  await page.waitForTimeout(1_500);
  await page.waitForLoadState('load');
  return page.url();
}

/**
 * An attempt started by this context's browser (redirect mode, DigiLocker's page kept from
 * loading) and approved through the sandbox: returns the URL DigiLocker would send it back to.
 */
async function approvedReturnUrl(context: BrowserContext): Promise<{ url: string; state: string }> {
  const sandbox = new URL(suite.urls.sandbox).origin;
  await context.route(
    (url) => url.origin === sandbox && url.pathname.startsWith('/digilocker/'),
    (route) => route.fulfill({ status: 204 }),
  );
  const page = await context.newPage();
  await page.goto(`${suite.urls.pages.scriptTag}?mode=redirect`);
  await ready(page);
  await widget(page).startButton.click();
  const { attempts } = await expect
    .poll(() => suite.sandbox.attempts(), { timeout: 10_000 })
    .toSatisfy((a: { attempts: unknown[] }) => a.attempts.length > 0)
    .then(() => suite.sandbox.attempts());
  const referenceId = String(attempts.at(-1)!.reference_id);
  const { redirect } = await suite.sandbox.decide(referenceId);
  await page.close();
  const state = new URL(redirect).pathname.split('/').at(-2)!;
  return { url: redirect, state };
}

describe('return page', () => {
  it('the bound return: Referrer-Policy no-referrer, no COOP, a strict CSP, no caching, a receipt cookie', async () => {
    const { context, page } = await newContext(suite.browser);
    const { url } = await approvedReturnUrl(context);
    const response = await page.goto(url);
    expect(response!.status()).toBe(200);
    const headers = response!.headers();
    expect(headers['referrer-policy']).toBe('no-referrer');
    expect(headers['cross-origin-opener-policy']).toBeUndefined();
    expect(headers['content-security-policy']).toContain("script-src 'self'");
    expect(headers['cache-control']).toContain('no-store');
    // Playwright's headers() leaves Set-Cookie out; headerValue() has it.
    const cookie = await response!.headerValue('set-cookie');
    expect(cookie).toMatch(/^dlkyc_r_[A-Za-z0-9_-]{16}=[0-9]+\.[A-Za-z0-9_-]{43};/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
    // The one script it loads is same-origin and carries no COOP either.
    const script = await page.request.get(`${suite.urls.server}/kyc/return.js`);
    expect(script.ok()).toBe(true);
    expect(script.headers()['cross-origin-opener-policy']).toBeUndefined();
  });

  it(`?next=${EVIL} and friends never navigate; the query and the secret leave the address bar; every request stays same-origin`, async () => {
    const { context, page } = await newContext(suite.browser);
    const { url, state } = await approvedReturnUrl(context);
    const { requests, escaped } = await watch(page);
    const evil = new URL(url);
    for (const name of ['next', 'return_to', 'redirect_uri', 'url']) {
      evil.searchParams.set(name, EVIL);
    }
    // A tab of its own: nothing is parked here, so the page says the window can be closed.
    await page.goto(evil.href);
    await page.waitForFunction(() => location.search === '', null, { timeout: 5_000 });
    expect(await settledUrl(page)).toBe(`${suite.urls.server}/kyc/return/${state}`);
    expect(escaped).toEqual([]);
    expect(requests.every((u) => new URL(u).origin === suite.urls.server)).toBe(true);
    expect(await page.locator('#dlkyc-return-status').textContent()).toBe(
      'You can close this window.',
    );
  });

  it('without the secret, or with a wrong one: 404, no cookie, no script', async () => {
    const { context, page } = await newContext(suite.browser);
    const { state } = await approvedReturnUrl(context);
    for (const path of [
      `/kyc/return/${state}`,
      `/kyc/return?dlkyc_state=${state}`,
      `/kyc/return/${state}/${randomBytes(32).toString('base64url')}`,
      `/kyc/return/${newState()}/${randomBytes(32).toString('base64url')}`,
    ]) {
      const response = await page.goto(`${suite.urls.server}${path}`);
      expect(response!.status(), path).toBe(404);
      expect(await response!.headerValue('set-cookie'), path).toBe(null);
      expect(await page.locator('script').count(), path).toBe(0);
    }
  });

  it('a planted pending attempt whose return_to is another origin is not followed', async () => {
    const { context, page } = await newContext(suite.browser);
    const { url, state } = await approvedReturnUrl(context);
    const { escaped } = await watch(page);
    await page.goto(suite.urls.pages.scriptTag);
    await page.evaluate(
      ({ state, evil, endpoint }) => {
        sessionStorage.setItem(
          `dlkyc:pending:${state}`,
          JSON.stringify({
            state,
            reference_id: '1234567',
            session_token: 'planted.token',
            documents: ['AADHAAR'],
            expires_at: new Date(Date.now() + 600_000).toISOString(),
            return_to: evil,
            endpoint,
          }),
        );
      },
      { state, evil: EVIL, endpoint: `${suite.urls.server}/kyc` },
    );
    await page.goto(`${url}&next=${EVIL}`);
    expect(await settledUrl(page)).toBe(`${suite.urls.server}/kyc/return/${state}`);
    expect(escaped).toEqual([]);
  });
});
