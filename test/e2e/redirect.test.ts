// Redirect mode in a Chromium whose popup blocker and back/forward cache are on (Playwright
// turns both off by default): the automatic fallback, explicit mode="redirect", a hash-routed
// app, and a bfcache restore that must never start a second DigiLocker attempt.
import type { BrowserContext } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { newContext } from './support/browser.js';
import {
  approveByRedirect,
  decide,
  expectCleanEvents,
  expectCleanStorage,
  ready,
  tokensOf,
  widget,
} from './support/journey.js';
import { useJourneySuite } from './support/suite.js';

const suite = useJourneySuite({ browser: { popupBlocker: true, bfcache: true } });

/** Counts the pages a context opens besides the first (popups). */
function countPopups(context: BrowserContext): () => number {
  let count = 0;
  let first = true;
  context.on('page', () => {
    if (first) first = false;
    else count++;
  });
  return () => count;
}

describe('redirect mode', () => {
  it('popup blocked (start() after an await, no user gesture) → fallback → redirect → complete on the original page', async () => {
    const { context, recorder, page } = await newContext(suite.browser);
    const popups = countPopups(context);
    // The journey is started by page script with no user activation: an init script (unlike
    // page.evaluate or a binding's reply, it carries no user gesture) waits for the element,
    // awaits a network round trip, then calls start(). It is removed once it has run, so the
    // page the journey returns to does not start again.
    const autostart = await page.addInitScript(() => {
      customElements.whenDefined('digilocker-kyc').then(async () => {
        await fetch('/kyc/widget.js', { method: 'HEAD' });
        (document.querySelector('#kyc') as HTMLElement & { start(): void }).start();
      });
    });
    await page.goto(suite.urls.pages.scriptTag);
    const fallback = await recorder.waitFor('digilocker-kyc-fallback');
    expect(fallback.detail).toEqual({ reason: 'popup_blocked' });
    await autostart.dispose();
    await decide(page, 'Approve'); // the consent page, in this very tab
    const complete = await recorder.waitFor('digilocker-kyc-complete');
    await recorder.settle();

    expect(recorder.names()).toEqual([
      'digilocker-kyc-start',
      'digilocker-kyc-fallback',
      'digilocker-kyc-open',
      'digilocker-kyc-complete',
    ]);
    const open = recorder.named('digilocker-kyc-open')[0]!;
    expect(open.detail).toEqual({ reference_id: expect.any(String), mode: 'redirect' });
    expect(complete.detail).toMatchObject({
      reference_id: open.detail.reference_id,
      verification_id: expect.any(String),
      documents: ['AADHAAR'],
    });
    expect(complete.url).toBe(suite.urls.pages.scriptTag);
    expect(page.url()).toBe(suite.urls.pages.scriptTag);
    expect(popups()).toBe(0);
    expect(await widget(page).state()).toBe('complete');
    expect((await suite.sandbox.attempts()).create_requests).toBe(1);
    expectCleanEvents(recorder.events);
    await expectCleanStorage(page, tokensOf(recorder));
    await context.close();
  });

  it('explicit mode="redirect" → complete back on the starting page, query kept, return hints gone', async () => {
    const { context, recorder, page } = await newContext(suite.browser);
    const popups = countPopups(context);
    const start = `${suite.urls.pages.scriptTag}?mode=redirect&theme=brand`;
    await page.goto(start);
    await ready(page);
    await approveByRedirect(page, recorder);
    expect(recorder.names()).toEqual([
      'digilocker-kyc-start',
      'digilocker-kyc-open',
      'digilocker-kyc-complete',
    ]);
    expect(recorder.named('digilocker-kyc-start')[0]!.detail).toEqual({ mode: 'redirect' });
    expect(page.url()).toBe(start);
    expect(popups()).toBe(0);
    await expectCleanStorage(page, tokensOf(recorder));
    await context.close();
  });

  it('hash-routed app: the redirect comes back to #/kyc and completes there', async () => {
    const { context, recorder, page } = await newContext(suite.browser);
    const start = suite.urls.pages.hash.replace('#', '?mode=redirect#');
    await page.goto(start);
    await ready(page);
    expect(await page.locator('#view').getAttribute('data-route')).toBe('/kyc');
    const complete = await approveByRedirect(page, recorder);
    expect(complete.url).toBe(start);
    expect(page.url()).toBe(start);
    expect(await page.locator('#view').getAttribute('data-route')).toBe('/kyc');
    expect(recorder.named('digilocker-kyc-complete')).toHaveLength(1);
    // The app keeps working after the journey: its router still answers.
    await page.locator('nav a[href="#/done"]').click();
    await expect
      .poll(() => page.locator('#view').textContent())
      .toContain('Your identity is verified.');
    await expectCleanStorage(page, tokensOf(recorder));
    await context.close();
  });

  it('React page (StrictMode) in redirect mode: resumes once after the return, one complete', async () => {
    const { context, recorder, page } = await newContext(suite.browser);
    const start = `${suite.urls.pages.react}?mode=redirect`;
    await page.goto(start);
    await ready(page);
    await approveByRedirect(page, recorder);
    expect(page.url()).toBe(start);
    expect(recorder.named('digilocker-kyc-complete')).toHaveLength(1);
    expect((await suite.sandbox.attempts()).create_requests).toBe(1);
    // The merchant's backend fetched the document for this attempt (test/e2e/demo-result.test.ts).
    await expect
      .poll(() => page.locator('#kyc-result').getAttribute('data-outcome'))
      .toBe('verified');
    await expectCleanStorage(page, tokensOf(recorder));
    await context.close();
  });

  it('back/forward cache: Back from DigiLocker restores the page, cancels, and starts no second attempt', async () => {
    const { context, recorder, page } = await newContext(suite.browser);
    const start = `${suite.urls.pages.scriptTag}?mode=redirect`;
    await page.goto(start);
    await ready(page);
    await widget(page).startButton.click();
    await page.waitForURL(/\/digilocker\/consent/);
    await page.getByRole('button', { name: 'Approve' }).waitFor();
    // A page restored from the back/forward cache fires no load event: wait for the commit.
    await page.goBack({ waitUntil: 'commit' });
    const cancel = await recorder.waitFor('digilocker-kyc-cancel');
    await recorder.settle();
    // The restore really came from the back/forward cache (the test proves what it claims).
    expect(recorder.pageshows.at(-1)).toEqual({ persisted: true, url: start, page: 0 });
    const open = recorder.named('digilocker-kyc-open')[0]!;
    expect(cancel.detail).toEqual({ reference_id: open.detail.reference_id, reason: 'closed' });
    expect(recorder.named('digilocker-kyc-open')).toHaveLength(1);
    expect((await suite.sandbox.attempts()).create_requests).toBe(1);
    expect(await widget(page).state()).toBe('cancelled');
    await expectCleanStorage(page, []);

    // Starting again is the customer's choice, and it makes a new attempt with a new link.
    await widget(page).startButton.click();
    await decide(page, 'Approve');
    const complete = await recorder.waitFor('digilocker-kyc-complete');
    expect(complete.detail.reference_id).not.toBe(open.detail.reference_id);
    expect((await suite.sandbox.attempts()).create_requests).toBe(2);
    await recorder.settle();
    expect(recorder.named('digilocker-kyc-complete')).toHaveLength(1);
    await context.close();
  });
});
