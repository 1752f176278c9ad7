// Consent phishing: an attacker starts an attempt, keeps the one-time DigiLocker link from
// loading in their own browser and has someone else consent with it. The consent belongs to the
// browser that gave it, so the attacker's widget must never fire `complete`. And the hard case
// of the defence: a COOP-severed popup with the server on another origin (no channel reaches the
// page) still ends in exactly one `complete` for the real customer, through Continue.
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { newContext, type Recorder } from './support/browser.js';
import {
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

/** Quick polling, and a journey short enough to end inside the test. */
function setTimings(host: Locator, journeyTimeoutMs: number): Promise<void> {
  return host.evaluate((el, journey) => {
    (el as HTMLElement & { timings: object }).timings = {
      pollInitialMs: 500,
      pollMaxMs: 1_000,
      journeyTimeoutMs: journey,
    };
  }, journeyTimeoutMs);
}

/**
 * The attacker's trick: every navigation of this context to the simulated DigiLocker answers
 * 204 (the browser stays where it is) and the URL is kept, to be sent to someone else.
 */
async function interceptDigilocker(context: BrowserContext): Promise<() => Promise<string>> {
  const urls: string[] = [];
  const sandbox = new URL(suite.urls.sandbox).origin;
  await context.route(
    (url) => url.origin === sandbox && url.pathname.startsWith('/digilocker/'),
    async (route) => {
      urls.push(route.request().url());
      await route.fulfill({ status: 204 });
    },
  );
  return async () => {
    await expect.poll(() => urls.length, { timeout: 15_000 }).toBeGreaterThan(0);
    return urls[0]!;
  };
}

/** Someone else, in another browser context, opens the link and approves. */
async function consentElsewhere(url: string): Promise<Page> {
  const { page } = await newContext(suite.browser);
  await page.goto(url);
  await decide(page, 'Approve');
  await page.waitForURL(/\/kyc\/return\//, { timeout: 15_000 });
  return page;
}

/** The sandbox's own record: the consent really happened. */
async function sandboxStatus(referenceId: unknown): Promise<string | undefined> {
  const { attempts } = await suite.sandbox.attempts();
  return attempts.find((a) => String(a.reference_id) === String(referenceId))?.status;
}

function expectNoComplete(recorder: Recorder): void {
  expect(recorder.named('digilocker-kyc-complete')).toHaveLength(0);
}

describe('consent given in another browser', () => {
  it('popup mode: the attacker’s widget never completes; Continue finds no proof; it ends consent_unconfirmed', async () => {
    const { context, recorder, page } = await newContext(suite.browser);
    const link = await interceptDigilocker(context);
    await page.goto(`${suite.urls.pages.scriptTag}?mode=popup`);
    await ready(page);
    const w = widget(page);
    await setTimings(w.host, 15_000);
    await startInPopup(page);
    const open = await recorder.waitFor('digilocker-kyc-open');

    const victim = await consentElsewhere(await link());
    expect(await sandboxStatus(open.detail.reference_id)).toBe('consented');
    // The victim's browser kept the return: nothing reached the attacker's page.
    await expect
      .poll(() => victim.locator('#dlkyc-return-status').textContent())
      .toContain('close');

    // Status polling sees the consent; the widget only offers Continue.
    const continueButton = w.host.locator('[part="continue-button"]');
    await continueButton.waitFor({ timeout: 15_000 });
    await recorder.settle(1_500);
    expectNoComplete(recorder);
    expect(await w.state()).toBe('awaiting');

    // Continue in the attacker's browser: its confirm page has no return cookie, so no proof.
    const confirm = context.waitForEvent('page', { timeout: 10_000 });
    await continueButton.click();
    const confirmPage = await confirm;
    await confirmPage.waitForLoadState('load');
    expect(await confirmPage.locator('h1').textContent()).toContain('not finished in this browser');
    const error = await recorder.waitFor('digilocker-kyc-error', { timeout: 30_000 });
    expect(error.detail).toMatchObject({
      code: 'consent_unconfirmed',
      reference_id: open.detail.reference_id,
    });
    await recorder.settle();
    expectNoComplete(recorder);
    expect(recorder.names()).toEqual([
      'digilocker-kyc-start',
      'digilocker-kyc-open',
      'digilocker-kyc-error',
    ]);
    expect(await w.state()).toBe('error');
    expectCleanEvents(recorder.events);
  });

  it('redirect mode: a reload of the attacker’s page never completes; it ends consent_unconfirmed', async () => {
    const { context, recorder, page } = await newContext(suite.browser);
    const link = await interceptDigilocker(context);
    await page.goto(`${suite.urls.pages.scriptTag}?mode=redirect`);
    await ready(page);
    await widget(page).startButton.click();
    const open = await recorder.waitFor('digilocker-kyc-open');
    expect(open.detail.mode).toBe('redirect');

    await consentElsewhere(await link());
    expect(await sandboxStatus(open.detail.reference_id)).toBe('consented');

    // The attacker's page was never left (the 204): reload it, as if back from DigiLocker.
    await page.reload();
    const error = await recorder.waitFor('digilocker-kyc-error', { timeout: 15_000 });
    expect(error.detail).toMatchObject({
      code: 'consent_unconfirmed',
      reference_id: open.detail.reference_id,
      retryable: true,
    });
    await recorder.settle();
    expectNoComplete(recorder);
    const w = widget(page);
    expect(await w.state()).toBe('error');
    expect(await w.error.textContent()).toBe(
      'DigiLocker was not finished in this browser. Try again here.',
    );
    // The parked attempt (with its session token) is gone from this tab.
    await expectCleanStorage(page, []);
    expectCleanEvents(recorder.events);
  });
});

describe('COOP-severed popup + signing server on another origin', () => {
  it('no channel reaches the page: Continue proves the return in this browser → exactly one complete', async () => {
    await suite.sandbox.arm('coop', undefined, 'consent');
    const { context, recorder, page } = await newContext(suite.browser);
    await page.goto(`${suite.urls.pages.crossOrigin}?mode=popup`);
    await ready(page);
    const w = widget(page);
    // DigiLocker returns to the server's own return page, on the server's origin.
    await w.host.evaluate((el) => el.removeAttribute('redirect-url'));
    await setTimings(w.host, 60_000);
    const popup = await startInPopup(page);
    await decide(popup, 'Approve');
    await popup.waitForURL(/\/kyc\/return\//, { timeout: 15_000 });
    // The hazard is real: the return page has no opener and is on another origin than the page.
    expect(await popup.evaluate(() => window.opener === null)).toBe(true);
    expect(new URL(popup.url()).origin).not.toBe(new URL(page.url()).origin);

    const continueButton = w.host.locator('[part="continue-button"]');
    await continueButton.waitFor({ timeout: 15_000 });
    expect(await w.status.textContent()).toBe('Done in DigiLocker? Press Continue to finish here.');
    await recorder.settle(1_500);
    expectNoComplete(recorder);

    const confirm = context.waitForEvent('page', { timeout: 10_000 });
    const clickedAt = Date.now();
    await continueButton.click();
    const confirmPage = await confirm;
    expect(confirmPage.url()).toMatch(/\/kyc\/confirm\/[A-Za-z0-9_-]+$/);
    const complete = await recorder.waitFor('digilocker-kyc-complete', { timeout: 10_000 });
    expect(complete.at).toBeGreaterThanOrEqual(clickedAt);
    expect(complete.page).toBe(0);
    await expect.poll(() => confirmPage.isClosed(), { timeout: 5_000 }).toBe(true);
    await recorder.settle(2_000);
    expect(recorder.names()).toEqual([
      'digilocker-kyc-start',
      'digilocker-kyc-open',
      'digilocker-kyc-complete',
    ]);
    expect(complete.detail).toMatchObject({
      reference_id: recorder.named('digilocker-kyc-open')[0]!.detail.reference_id,
      documents: ['AADHAAR'],
      session_token: expect.any(String),
    });
    expect(await w.state()).toBe('complete');
    expectCleanEvents(recorder.events);
    await expectCleanStorage(page, tokensOf(recorder));
  });
});
