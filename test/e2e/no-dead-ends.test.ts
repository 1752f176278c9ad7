// No dead ends, in real Chromium against the real server: the server gone mid-journey, the
// DigiLocker window closed, a page whose origin the server refuses, redirect mode inside a
// cross-origin frame, and a redirect return that must bring the page's own query back.
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { newContext } from './support/browser.js';
import { decide, expectCleanEvents, ready, startInPopup, widget } from './support/journey.js';
import { startDemo } from './support/processes.js';
import { useJourneySuite } from './support/suite.js';

const suite = useJourneySuite();

/** Overrides some of the element's timings before the click. */
function setTimings(host: Locator, timings: Record<string, number>): Promise<void> {
  return host.evaluate((el, t) => {
    (el as HTMLElement & { timings: Record<string, number> }).timings = t;
  }, timings);
}

/** The error line: announced (role=alert) and saying something. */
async function alertText(page: Page): Promise<string> {
  const line = widget(page).host.locator('[role="alert"]');
  expect(await line.getAttribute('part')).toBe('error');
  return (await line.textContent()) ?? '';
}

describe('no dead ends', () => {
  it('the signing server gone mid-journey → an error within 30 s, with the default timings', async () => {
    const demo = await startDemo();
    try {
      const { context, recorder, page } = await newContext(suite.browser);
      await page.goto(demo.urls.pages.scriptTag);
      await ready(page);
      const popup = await startInPopup(page);
      await popup.waitForURL(/\/digilocker\/consent/, { timeout: 15_000 });
      await recorder.waitFor('digilocker-kyc-open');
      // Every process of the server side goes: the API, the return page, the sandbox.
      await demo.stop();
      const stoppedAt = Date.now();
      const error = await recorder.waitFor('digilocker-kyc-error', { timeout: 35_000 });
      expect(error.at - stoppedAt).toBeLessThan(30_000);
      expect(error.detail).toMatchObject({ code: 'network_error', retryable: true });
      expect(recorder.named('digilocker-kyc-cancel')).toHaveLength(0);
      const w = widget(page);
      expect(await w.state()).toBe('error');
      expect(await alertText(page)).toBe("Can't reach the verification service. Try again.");
      expect(await w.startButton.textContent()).toBe('Try again');
      expect(await w.status.textContent()).not.toContain('Finish in the DigiLocker window');
      expectCleanEvents(recorder.events);
      await context.close();
    } finally {
      await demo.stop();
    }
  });

  it('the customer closes the DigiLocker window → "Closed DigiLocker? Reopen it, or cancel." at once', async () => {
    const { context, recorder, page } = await newContext(suite.browser);
    await page.goto(suite.urls.pages.scriptTag);
    await ready(page);
    const w = widget(page);
    // A short severed window (COOP heuristic) and a long grace, so the prompt has time to show.
    await setTimings(w.host, { severedWindowMs: 300, closedGraceMs: 4_000 });
    const popup = await startInPopup(page);
    await popup.waitForURL(/\/digilocker\/consent/, { timeout: 15_000 });
    await page.waitForTimeout(500);
    const closedAt = Date.now();
    await popup.close();
    await w.status
      .getByText('Closed DigiLocker? Reopen it, or cancel.')
      .waitFor({ timeout: 2_000 });
    expect(Date.now() - closedAt).toBeLessThan(2_000);
    expect(await w.state()).toBe('awaiting');
    expect(await w.reopenButton.isEnabled()).toBe(true);
    expect(await w.cancelButton.isEnabled()).toBe(true);
    // No late result: after the grace period the attempt ends as closed; start is offered again.
    const cancel = await recorder.waitFor('digilocker-kyc-cancel', { timeout: 10_000 });
    expect(cancel.detail).toMatchObject({ reason: 'closed' });
    expect(await w.status.textContent()).toBe('Cancelled.');
    expect(await w.startButton.isEnabled()).toBe(true);
    await context.close();
  });

  it('the page’s origin is not in ALLOWED_ORIGINS → a configuration error, no Try again, a console line naming the origin', async () => {
    const { context, recorder, page } = await newContext(suite.browser);
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    // The second origin's page under another host name: same server, an origin never allowed.
    const refused = new URL(suite.urls.pages.crossOrigin);
    refused.hostname = 'localhost';
    await page.goto(refused.href);
    await ready(page);
    const w = widget(page);
    await w.startButton.click();
    const error = await recorder.waitFor('digilocker-kyc-error', { timeout: 15_000 });
    expect(error.detail).toMatchObject({ code: 'config_error', retryable: false });
    expect(String(error.detail.message)).toContain(refused.origin);
    expect(
      errors.some((line) => line.includes(refused.origin) && line.includes('ALLOWED_ORIGINS')),
    ).toBe(true);
    const text = await alertText(page);
    expect(text).toBe('Verification is unavailable. Please contact this site.');
    expect(text).not.toMatch(/try again/i);
    expect(await w.host.locator('button').count(), 'no control that starts again').toBe(0);
    expect((await suite.sandbox.attempts()).create_requests).toBe(0);
    await context.close();
  });

  it('success leaves no enabled start control', async () => {
    const { context, recorder, page } = await newContext(suite.browser);
    await page.goto(suite.urls.pages.scriptTag);
    await ready(page);
    const popup = await startInPopup(page);
    await decide(popup, 'Approve');
    await recorder.waitFor('digilocker-kyc-complete');
    const w = widget(page);
    await w.status.getByText('Verified with DigiLocker').waitFor();
    expect(await w.host.locator('button:enabled').count()).toBe(0);
    expect(await w.startButton.count()).toBe(0);
    expect(await alertText(page)).toBe('');
    await context.close();
  });

  it('mode="redirect" inside a cross-origin iframe uses the popup and completes', async () => {
    const { recorder, page } = await newContext(suite.browser);
    await page.goto(`${suite.urls.server}/iframe.html?mode=redirect`);
    const frame = page.frameLocator('#merchant-frame');
    await frame.locator('#kyc[mode="redirect"] [part="button"]').waitFor({ timeout: 15_000 });
    const opened = page.waitForEvent('popup', { timeout: 10_000 });
    await frame.locator('#kyc [part="button"]').click();
    const popup = await opened;
    await decide(popup, 'Approve');
    await recorder.waitFor('digilocker-kyc-complete', { timeout: 20_000 });
    expect(recorder.named('digilocker-kyc-open')[0]!.detail.mode).toBe('popup');
    expect(recorder.named('digilocker-kyc-fallback')).toHaveLength(0);
    // The frame never left the merchant page for DigiLocker (which refuses to be framed).
    const framed = page.frames().find((f) => f !== page.mainFrame());
    expect(framed?.url().startsWith(suite.urls.pages.crossOrigin)).toBe(true);
    expectCleanEvents(recorder.events);
  });

  it('a redirect return to redirect-url brings back the page’s own query (Hindi, brand theme)', async () => {
    const { context, recorder, page } = await newContext(suite.browser);
    const start = `${suite.urls.pages.crossOrigin}?mode=redirect&locale=hi&theme=brand`;
    await page.goto(start);
    await ready(page);
    await widget(page).startButton.click();
    await decide(page, 'Approve');
    const complete = await recorder.waitFor('digilocker-kyc-complete', { timeout: 20_000 });
    expect(complete.url).toBe(start);
    expect(page.url()).toBe(start);
    const w = widget(page);
    await w.status.getByText('DigiLocker से सत्यापित').waitFor();
    expect(
      await page.evaluate(() => document.documentElement.classList.contains('theme-brand')),
    ).toBe(true);
    expect(recorder.named('digilocker-kyc-complete')).toHaveLength(1);
    await context.close();
  });
});
