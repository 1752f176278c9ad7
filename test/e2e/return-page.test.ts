// The return page DigiLocker sends the customer back to (GET /kyc/return[/<state>]): no open
// redirect (A3), no leaks through Referer, history or third parties (A5), no COOP (B3).
import { randomBytes } from 'node:crypto';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { newContext } from './support/browser.js';
import { useJourneySuite } from './support/suite.js';

const suite = useJourneySuite({ resetSandbox: false });

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

describe('return page', () => {
  it('headers: Referrer-Policy no-referrer, no COOP, a strict CSP, no caching', async () => {
    const { page } = await newContext(suite.browser);
    const response = await page.goto(
      `${suite.urls.server}/kyc/return/${newState()}?verification_id=v1`,
    );
    const headers = response!.headers();
    expect(headers['referrer-policy']).toBe('no-referrer');
    expect(headers['cross-origin-opener-policy']).toBeUndefined();
    expect(headers['content-security-policy']).toContain("script-src 'self'");
    expect(headers['cache-control']).toContain('no-store');
    // The one script it loads is same-origin and carries no COOP either.
    const script = await page.request.get(`${suite.urls.server}/kyc/return.js`);
    expect(script.ok()).toBe(true);
    expect(script.headers()['cross-origin-opener-policy']).toBeUndefined();
  });

  for (const [label, path] of [
    ['with a state in the path', () => `/kyc/return/${newState()}`],
    ['without a state', () => '/kyc/return'],
  ] as const) {
    it(`${label}: ?next=${EVIL} and friends never navigate, the query is stripped, every request stays same-origin`, async () => {
      const { page } = await newContext(suite.browser);
      const { requests, escaped } = await watch(page);
      const pathname = path();
      const query = new URLSearchParams({
        verification_id: 'v-123',
        next: EVIL,
        return_to: EVIL,
        redirect_uri: EVIL,
        url: EVIL,
      });
      await page.goto(`${suite.urls.server}${pathname}?${query}`);
      await page.waitForFunction(() => location.search === '', null, { timeout: 5_000 });
      expect(await settledUrl(page)).toBe(`${suite.urls.server}${pathname}`);
      expect(await page.evaluate(() => location.search)).toBe('');
      expect(escaped).toEqual([]);
      expect(requests.every((url) => new URL(url).origin === suite.urls.server)).toBe(true);
      expect(await page.locator('#dlkyc-return-status').textContent()).toBe(
        'You can close this window.',
      );
    });
  }

  it('a planted pending attempt whose return_to is another origin is not followed', async () => {
    const { page } = await newContext(suite.browser);
    const { escaped } = await watch(page);
    const state = newState();
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
    await page.goto(`${suite.urls.server}/kyc/return/${state}?verification_id=v-1&next=${EVIL}`);
    expect(await settledUrl(page)).toBe(`${suite.urls.server}/kyc/return/${state}`);
    expect(escaped).toEqual([]);
  });
});
