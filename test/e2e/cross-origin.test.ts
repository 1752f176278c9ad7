// The signing server on another origin than the page (CORS, ALLOWED_ORIGINS, RETURN_URLS), and a
// page under a strict nonce-based CSP with Trusted Types required: both served by the demo's
// second origin with real response headers.
import type { Locator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { newContext } from './support/browser.js';
import {
  approveByRedirect,
  decide,
  expectCleanEvents,
  expectCleanStorage,
  ready,
  startInPopup,
  tokensOf,
  widget,
} from './support/journey.js';
import { useJourneySuite } from './support/suite.js';

const suite = useJourneySuite();

describe('cross-origin signing server', () => {
  it('popup: the page on one origin, /kyc on another → one complete', async () => {
    const { context, recorder, page } = await newContext(suite.browser);
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(suite.urls.pages.crossOrigin);
    expect(new URL(page.url()).origin).not.toBe(suite.urls.server);
    await ready(page);
    await slowPolling(widget(page).host);
    const popup = await startInPopup(page);
    const closedAt = popup.waitForEvent('close', { timeout: 15_000 }).then(() => Date.now());
    await decide(popup, 'Approve');
    const complete = await recorder.waitFor('digilocker-kyc-complete');
    await recorder.settle();
    expect(recorder.names()).toEqual([
      'digilocker-kyc-start',
      'digilocker-kyc-open',
      'digilocker-kyc-complete',
    ]);
    expect(complete.page).toBe(0);
    // DigiLocker came back to redirect-url (this page) inside the popup: the widget there relays
    // the result to the opener before it closes. Polling is a minute away, so only the relay can
    // complete this soon (measured under 0.2 s; 2 s leaves room on a busy machine).
    expect(complete.at - (await closedAt)).toBeLessThan(2_000);
    // The API calls really crossed origins.
    expect(requests).toContain(`${suite.urls.server}/kyc/sessions`);
    expect((await suite.sandbox.attempts()).create_requests).toBe(1);
    expectCleanEvents(recorder.events);
    await expectCleanStorage(page, tokensOf(recorder));
    // The return page ran on the server's origin: nothing of the attempt is left there either.
    const probe = await context.newPage();
    await probe.goto(`${suite.urls.server}/index.html`);
    await expectCleanStorage(probe, tokensOf(recorder));
    await context.close();
  });

  it('redirect: DigiLocker returns to the allowlisted page URL, which completes the attempt', async () => {
    const { context, recorder, page } = await newContext(suite.browser);
    const start = `${suite.urls.pages.crossOrigin}?mode=redirect`;
    await page.goto(start);
    await ready(page);
    const complete = await approveByRedirect(page, recorder);
    expect(recorder.names()).toEqual([
      'digilocker-kyc-start',
      'digilocker-kyc-open',
      'digilocker-kyc-complete',
    ]);
    expect(recorder.named('digilocker-kyc-open')[0]!.detail.mode).toBe('redirect');
    // Back on redirect-url (RETURN_URLS), then at the URL the page started from (its query too).
    expect(complete.url).toBe(start);
    expect(page.url()).toBe(start);
    expectCleanEvents(recorder.events);
    await expectCleanStorage(page, tokensOf(recorder));
    await context.close();
  });
});

describe('strict CSP + Trusted Types', () => {
  it('the page really is under the policy (a control violation is caught)', async () => {
    const { context, recorder, page } = await newContext(suite.browser);
    const response = await page.goto(suite.urls.pages.strictCsp);
    const csp = response?.headers()['content-security-policy'] ?? '';
    expect(csp).toContain("require-trusted-types-for 'script'");
    expect(csp).toContain("trusted-types 'none'");
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
    const { context, recorder, page } = await newContext(suite.browser);
    const before = await cspReportCount();
    await page.goto(suite.urls.pages.strictCsp);
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
    const { context, recorder, page } = await newContext(suite.browser);
    await page.goto(`${suite.urls.pages.strictCsp}?mode=redirect`);
    await ready(page);
    await approveByRedirect(page, recorder);
    expect(recorder.named('digilocker-kyc-complete')).toHaveLength(1);
    expect(recorder.violations).toEqual([]);
    await context.close();
  });
});

/**
 * Status polling a minute away, so that a prompt complete proves a channel delivered the result
 * (at the default 2 s, 3 s, 4.5 s… a poll could land within the assertion's window by chance).
 */
function slowPolling(host: Locator): Promise<void> {
  return host.evaluate((el) => {
    (el as HTMLElement & { timings: object }).timings = { pollInitialMs: 60_000 };
  });
}

/** Violation reports the second origin received through report-uri (popups included). */
async function cspReportCount(): Promise<number> {
  const response = await fetch(`${suite.urls.crossOrigin}/__csp-report`);
  return ((await response.json()) as { count: number }).count;
}

describe('widget inside a cross-origin iframe', () => {
  // DigiLocker (and the sandbox: X-Frame-Options DENY, frame-ancestors 'none') refuses to be
  // framed, so the widget in a cross-origin frame uses the popup, never a redirect of the frame.
  // BroadcastChannel and storage are partitioned by top-level site there; the result arrives by
  // opener.postMessage (from the widget on redirect-url in the popup) or by status polling.
  it('uses the popup from inside the frame and finishes with one complete (no fallback)', async () => {
    const { recorder, page } = await newContext(suite.browser);
    await page.goto(`${suite.urls.server}/iframe.html`);
    const frame = page.frameLocator('#merchant-frame');
    await frame.locator('#kyc [part="button"]').waitFor({ timeout: 15_000 });
    expect(page.frames().some((f) => f.url() === suite.urls.pages.crossOrigin)).toBe(true);
    await slowPolling(frame.locator('#kyc'));
    const opened = page.waitForEvent('popup', { timeout: 10_000 });
    await frame.locator('#kyc [part="button"]').click();
    const popup = await opened;
    const closedAt = popup.waitForEvent('close', { timeout: 15_000 }).then(() => Date.now());
    await decide(popup, 'Approve');
    const complete = await recorder.waitFor('digilocker-kyc-complete', { timeout: 15_000 });
    await recorder.settle();
    expect(recorder.names()).toEqual([
      'digilocker-kyc-start',
      'digilocker-kyc-open',
      'digilocker-kyc-complete',
    ]);
    expect(recorder.named('digilocker-kyc-open')[0]!.detail.mode).toBe('popup');
    // Reported by the framed page, which never left the merchant's URL.
    expect(complete.url).toBe(suite.urls.pages.crossOrigin);
    expect(page.frames().some((f) => f.url() === suite.urls.pages.crossOrigin)).toBe(true);
    // Relayed by opener.postMessage across the storage partition: polling is a minute away.
    expect(complete.at - (await closedAt)).toBeLessThan(2_000);
    expectCleanEvents(recorder.events);
  });

  it('a sandboxed frame without allow-popups gets an error, not a redirect that cannot load', async () => {
    const { recorder, page } = await newContext(suite.browser);
    await page.goto(`${suite.urls.server}/iframe.html`);
    // The same merchant page, framed anew with a sandbox that lacks allow-popups.
    await page.evaluate(() => {
      const old = document.querySelector<HTMLIFrameElement>('#merchant-frame')!;
      const sandboxed = document.createElement('iframe');
      sandboxed.sandbox.value = 'allow-scripts allow-same-origin allow-forms';
      sandboxed.id = old.id;
      sandboxed.width = old.width;
      sandboxed.height = old.height;
      sandboxed.src = old.src;
      old.replaceWith(sandboxed);
    });
    const frame = page.frameLocator('#merchant-frame');
    await frame.locator('#kyc [part="button"]').waitFor({ timeout: 15_000 });
    let popups = 0;
    page.context().on('page', () => popups++);
    await frame.locator('#kyc [part="button"]').click();
    const error = await recorder.waitFor('digilocker-kyc-error', { timeout: 5_000 });
    await recorder.settle();
    expect(recorder.names()).toEqual(['digilocker-kyc-start', 'digilocker-kyc-error']);
    expect(error.detail).toMatchObject({ code: 'popup_blocked', retryable: false });
    expect(String(error.detail.message)).toContain('cross-origin frame');
    expect(popups).toBe(0);
    // The frame stayed on the merchant page, and no DigiLocker attempt was created.
    expect(page.frames().some((f) => f.url() === suite.urls.pages.crossOrigin)).toBe(true);
    expect((await suite.sandbox.attempts()).create_requests).toBe(0);
    expectCleanEvents(recorder.events);
  });
});
