// The signing server on another origin than the page (CORS, ALLOWED_ORIGINS, RETURN_URLS), and a
// page under a strict nonce-based CSP with Trusted Types required: both served by the demo's
// second origin with real response headers.
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { closeContexts, launch, newContext } from './support/browser.js';
import {
  decide,
  expectCleanEvents,
  expectCleanStorage,
  ready,
  startInPopup,
  tokensOf,
  widget,
} from './support/journey.js';
import { type DemoUrls, type Running, startDemo } from './support/processes.js';
import { SandboxControl } from './support/sandbox.js';

let demo: Running & { urls: DemoUrls };
let urls: DemoUrls;
let browser: Browser;
let sandbox: SandboxControl;

beforeAll(async () => {
  [demo, browser] = await Promise.all([startDemo(), launch()]);
  urls = demo.urls;
  sandbox = new SandboxControl(urls.sandbox);
});

afterAll(async () => {
  await closeContexts();
  await browser?.close();
  await demo?.stop();
});

beforeEach(async () => {
  await sandbox.reset();
});

afterEach(async () => {
  await closeContexts();
});

describe('cross-origin signing server', () => {
  it('popup: the page on one origin, /kyc on another → one complete', async () => {
    const { context, recorder, page } = await newContext(browser);
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(urls.pages.crossOrigin);
    expect(new URL(page.url()).origin).not.toBe(urls.server);
    await ready(page);
    const popup = await startInPopup(page);
    await decide(popup, 'Approve');
    const complete = await recorder.waitFor('digilocker-kyc-complete');
    await recorder.settle();
    expect(recorder.names()).toEqual([
      'digilocker-kyc-start',
      'digilocker-kyc-open',
      'digilocker-kyc-complete',
    ]);
    expect(complete.page).toBe(0);
    // The API calls really crossed origins.
    expect(requests).toContain(`${urls.server}/kyc/sessions`);
    expect((await sandbox.attempts()).create_requests).toBe(1);
    expectCleanEvents(recorder.events);
    await expectCleanStorage(page, tokensOf(recorder));
    // The return page ran on the server's origin: nothing of the attempt is left there either.
    const probe = await context.newPage();
    await probe.goto(`${urls.server}/index.html`);
    await expectCleanStorage(probe, tokensOf(recorder));
    await context.close();
  });

  it('redirect: DigiLocker returns to the allowlisted page URL, which completes the attempt', async () => {
    const { context, recorder, page } = await newContext(browser);
    const start = `${urls.pages.crossOrigin}?mode=redirect`;
    await page.goto(start);
    await ready(page);
    await widget(page).startButton.click();
    await decide(page, 'Approve');
    const complete = await recorder.waitFor('digilocker-kyc-complete');
    await recorder.settle();
    expect(recorder.names()).toEqual([
      'digilocker-kyc-start',
      'digilocker-kyc-open',
      'digilocker-kyc-complete',
    ]);
    expect(recorder.named('digilocker-kyc-open')[0]!.detail.mode).toBe('redirect');
    // Back on redirect-url (RETURN_URLS), with the return hints stripped from the address bar.
    expect(complete.url.startsWith(urls.pages.crossOrigin)).toBe(true);
    expect(page.url()).toBe(urls.pages.crossOrigin);
    expectCleanEvents(recorder.events);
    await expectCleanStorage(page, tokensOf(recorder));
    await context.close();
  });
});

describe('strict CSP + Trusted Types', () => {
  it('the page really is under the policy (a control violation is caught)', async () => {
    const { context, recorder, page } = await newContext(browser);
    const response = await page.goto(urls.pages.strictCsp);
    const csp = response?.headers()['content-security-policy'] ?? '';
    expect(csp).toContain("require-trusted-types-for 'script'");
    expect(csp).toContain('trusted-types lit-html');
    expect(csp).toMatch(/script-src 'self' 'nonce-[^']+'/);
    expect(csp).not.toContain('unsafe-inline');
    await ready(page);
    // Negative control: a raw string into an HTML sink must be refused and reported.
    const refused = await page.evaluate(() => {
      try {
        document.createElement('div').innerHTML = '<b>x</b>';
        return false;
      } catch {
        return true;
      }
    });
    expect(refused).toBe(true);
    await recorder.until(
      () => recorder.violations.length > 0,
      5_000,
      () => 'a control violation',
    );
    expect(recorder.violations[0]!.directive).toBe('require-trusted-types-for');
    await context.close();
  });

  it('popup journey completes with zero securitypolicyviolation events', async () => {
    const { context, recorder, page } = await newContext(browser);
    const before = await cspReportCount();
    await page.goto(urls.pages.strictCsp);
    await ready(page);
    // The widget rendered its styles (adopted stylesheets): the button is styled, not default.
    const background = await widget(page).startButton.evaluate(
      (el) => getComputedStyle(el).backgroundColor,
    );
    expect(background).toBe('rgb(26, 86, 219)');
    const popup = await startInPopup(page);
    await decide(popup, 'Approve');
    await recorder.waitFor('digilocker-kyc-complete');
    await recorder.settle();
    expect(recorder.named('digilocker-kyc-complete')).toHaveLength(1);
    expect(recorder.violations).toEqual([]);
    expect(await page.locator('#csp-violations').textContent()).toBe('0');
    expect(await cspReportCount()).toBe(before);
    await context.close();
  });

  it('redirect journey completes with zero violations', async () => {
    const { context, recorder, page } = await newContext(browser);
    await page.goto(`${urls.pages.strictCsp}?mode=redirect`);
    await ready(page);
    await widget(page).startButton.click();
    await decide(page, 'Approve');
    await recorder.waitFor('digilocker-kyc-complete');
    await recorder.settle();
    expect(recorder.named('digilocker-kyc-complete')).toHaveLength(1);
    expect(recorder.violations).toEqual([]);
    await context.close();
  });
});

/** Violation reports the second origin received through report-uri (popups included). */
async function cspReportCount(): Promise<number> {
  const response = await fetch(`${urls.crossOrigin}/__csp-report`);
  return ((await response.json()) as { count: number }).count;
}

describe('widget inside a cross-origin iframe (B7)', () => {
  // KNOWN BUG (reported to the widget owner, not fixed here): in a cross-origin iframe the widget
  // falls back to a redirect *of the frame itself* (widget/src/open-journey.ts picks
  // 'cross_origin_iframe' → redirect; the element's navigate() is window.location.assign). The
  // consent page refuses to be framed (sandbox: X-Frame-Options DENY + frame-ancestors 'none', as
  // real identity providers do), so the customer is left with a blocked frame and the page gets
  // no event after `open`. it.fails keeps the journey under test: it turns red once fixed.
  it.fails('detects the frame, falls back, and finishes the journey (no silent hang)', async () => {
    const { recorder, page } = await newContext(browser);
    await page.goto(`${urls.server}/iframe.html`);
    const frame = page.frameLocator('#merchant-frame');
    await frame.locator('#kyc [part="button"]').waitFor({ timeout: 15_000 });
    expect(page.frames().some((f) => f.url() === urls.pages.crossOrigin)).toBe(true);
    const popupOrNone = page.waitForEvent('popup', { timeout: 1_500 }).catch(() => null);
    await frame.locator('#kyc [part="button"]').click();
    const fallback = await recorder.waitFor('digilocker-kyc-fallback');
    expect(fallback.detail).toEqual({ reason: 'cross_origin_iframe' });
    await recorder.waitFor('digilocker-kyc-open');
    const popup = await popupOrNone;
    // Wherever the widget sent the customer (the top window, a popup, or the frame), the
    // consent page must be usable there and the journey must end in exactly one complete.
    const consent = await recorder.until(
      () =>
        [page, ...(popup ? [popup] : [])]
          .flatMap((p) => p.frames())
          .find((f) => f.url().includes('/digilocker/consent')),
      4_000,
      () => 'a frame or window showing the consent page',
    );
    await consent.getByRole('button', { name: 'Approve', exact: true }).click({ timeout: 5_000 });
    await recorder.waitFor('digilocker-kyc-complete', { timeout: 15_000 });
    await recorder.settle();
    expect(recorder.named('digilocker-kyc-complete')).toHaveLength(1);
  });
});
