// The popup journey in real Chromium against the demo's script-tag, ES-module and React pages,
// served by the real signing server and sandbox (demo/scripts/start.mjs).
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { newContext } from './support/browser.js';
import {
  decide,
  expectCleanEvents,
  expectCleanStorage,
  openAndStartInPopup,
  ready,
  startInPopup,
  tokensOf,
  widget,
} from './support/journey.js';
import { useJourneySuite } from './support/suite.js';

const suite = useJourneySuite();

/** The status the server reports for an attempt, asked the way the merchant's page would. */
async function serverStatus(referenceId: string, token: string, origin: string): Promise<string> {
  const response = await fetch(`${suite.urls.server}/kyc/sessions/${referenceId}`, {
    headers: { authorization: `Bearer ${token}`, origin },
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { status: string }).status;
}

function closed(page: Page): Promise<void> {
  return page.isClosed()
    ? Promise.resolve()
    : new Promise((resolve) => page.once('close', () => resolve()));
}

describe('popup journey (script-tag page)', () => {
  it('approve → exactly one complete, confirmed by the server, popup closed, nothing left in storage', async () => {
    const { context, recorder, page, popup } = await openAndStartInPopup(
      suite.browser,
      suite.urls.pages.scriptTag,
    );
    await decide(popup, 'Approve');
    const complete = await recorder.waitFor('digilocker-kyc-complete');
    await closed(popup); // the return page closed its own window
    await recorder.settle();

    expect(recorder.names()).toEqual([
      'digilocker-kyc-start',
      'digilocker-kyc-open',
      'digilocker-kyc-complete',
    ]);
    const open = recorder.named('digilocker-kyc-open')[0]!;
    expect(open.detail).toEqual({ reference_id: expect.any(String), mode: 'popup' });
    expect(complete.detail).toEqual({
      reference_id: open.detail.reference_id,
      verification_id: expect.any(String),
      documents: ['AADHAAR'],
      session_token: expect.any(String),
    });
    expect(complete.page).toBe(0);
    const w = widget(page);
    expect(await w.state()).toBe('complete');
    await expect.poll(() => w.status.textContent()).toContain('Verified with DigiLocker');
    // The token the merchant's backend gets is accepted by the server for this very attempt.
    const token = String(complete.detail.session_token);
    expect(
      await serverStatus(
        String(complete.detail.reference_id),
        token,
        new URL(suite.urls.server).origin,
      ),
    ).toBe('consented');
    expect((await suite.sandbox.attempts()).create_requests).toBe(1);
    expectCleanEvents(recorder.events);
    await expectCleanStorage(page, tokensOf(recorder));
    await context.close();
  });

  it('deny → cancel {reason: denied}, never complete', async () => {
    const { context, recorder, page, popup } = await openAndStartInPopup(
      suite.browser,
      suite.urls.pages.scriptTag,
    );
    await decide(popup, 'Deny');
    const cancel = await recorder.waitFor('digilocker-kyc-cancel');
    await recorder.settle();
    const open = recorder.named('digilocker-kyc-open')[0]!;
    expect(cancel.detail).toEqual({ reference_id: open.detail.reference_id, reason: 'denied' });
    expect(recorder.named('digilocker-kyc-complete')).toHaveLength(0);
    expect(recorder.named('digilocker-kyc-cancel')).toHaveLength(1);
    expect(await widget(page).state()).toBe('cancelled');
    expect(await widget(page).status.textContent()).toBe('You did not share your documents.');
    expectCleanEvents(recorder.events);
    await expectCleanStorage(page, []);
    await context.close();
  });

  it('the customer closes the popup on DigiLocker → cancel {reason: closed} after the grace period', async () => {
    const { context, recorder, popup } = await openAndStartInPopup(
      suite.browser,
      suite.urls.pages.scriptTag,
    );
    await popup.waitForURL(/\/digilocker\/consent/);
    await popup.getByRole('button', { name: 'Approve' }).waitFor();
    // Past the widget's default severedWindowMs (10 s): an earlier flip of `closed` is taken for
    // a COOP severance, which must never produce a cancel (see widget/src/popup.ts).
    await new Promise((resolve) => setTimeout(resolve, 10_500));
    expect(recorder.named('digilocker-kyc-cancel')).toHaveLength(0);
    const closedAt = Date.now();
    await popup.close();
    const cancel = await recorder.waitFor('digilocker-kyc-cancel', { timeout: 15_000 });
    const open = recorder.named('digilocker-kyc-open')[0]!;
    expect(cancel.detail).toEqual({ reference_id: open.detail.reference_id, reason: 'closed' });
    // Not at once: the widget checks the status and waits its grace period (3 s) first.
    expect(cancel.at - closedAt).toBeGreaterThanOrEqual(2_500);
    expect(cancel.at - closedAt).toBeLessThan(10_000);
    await recorder.settle(1_000);
    expect(
      recorder
        .names()
        .filter((name) => name !== 'digilocker-kyc-start' && name !== 'digilocker-kyc-open'),
    ).toEqual(['digilocker-kyc-cancel']);
    await context.close();
  });

  it('a double click opens one popup and makes one sandbox attempt', async () => {
    const { context, recorder, page } = await newContext(suite.browser);
    await page.goto(suite.urls.pages.scriptTag);
    await ready(page);
    const popups: Page[] = [];
    context.on('page', (p) => {
      if (p !== page) popups.push(p);
    });
    await widget(page).startButton.dblclick();
    await recorder.waitFor('digilocker-kyc-open');
    const popup = popups[0]!;
    await decide(popup, 'Approve');
    await recorder.waitFor('digilocker-kyc-complete');
    await recorder.settle();
    expect(popups).toHaveLength(1);
    expect(recorder.named('digilocker-kyc-open')).toHaveLength(1);
    expect(recorder.named('digilocker-kyc-complete')).toHaveLength(1);
    const attempts = await suite.sandbox.attempts();
    expect(attempts.create_requests).toBe(1);
    expect(attempts.attempts_created).toBe(1);
    await context.close();
  });

  it('a slow signing server (3 s): the popup opens at the click, before the server answers (B1)', async () => {
    await suite.sandbox.arm('latency=3000', 1, 'api');
    const { context, recorder, page } = await newContext(suite.browser);
    await page.goto(suite.urls.pages.scriptTag);
    await ready(page);
    let answeredAt = 0;
    page.on('response', (response) => {
      if (response.url().endsWith('/kyc/sessions')) answeredAt = Date.now();
    });
    const clickedAt = Date.now();
    const popup = await startInPopup(page);
    const openedAt = Date.now();
    // The placeholder says what is happening while the link is made.
    expect(await popup.title()).toBe('Connecting to DigiLocker…');
    expect(openedAt - clickedAt).toBeLessThan(2_000);
    await decide(popup, 'Approve');
    expect(answeredAt).toBeGreaterThan(openedAt);
    await recorder.waitFor('digilocker-kyc-complete');
    await recorder.settle(1_000);
    expect(context.pages()).toHaveLength(1); // the popup closed itself; only the page is left
    expect(recorder.named('digilocker-kyc-complete')).toHaveLength(1);
  });

  it('COOP: same-origin on the consent page severs the popup, yet exactly one complete and no cancel', async () => {
    await suite.sandbox.arm('coop', undefined, 'consent');
    const { context, recorder, page } = await newContext(suite.browser);
    await page.goto(suite.urls.pages.scriptTag);
    await ready(page);
    // Listen on the context before the click: the consent page may answer before the popup
    // handle reaches the test.
    const consentResponse = context.waitForEvent('response', {
      predicate: (r) => r.url().includes('/digilocker/consent'),
      timeout: 15_000,
    });
    const popup = await startInPopup(page);
    const consent = await consentResponse;
    expect(consent.headers()['cross-origin-opener-policy']).toBe('same-origin');
    await popup.getByRole('button', { name: 'Approve' }).waitFor();
    // Long enough for the widget to read `closed === true` on its severed handle many times.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(recorder.named('digilocker-kyc-cancel')).toHaveLength(0);
    await decide(popup, 'Approve');
    await recorder.waitFor('digilocker-kyc-complete');
    // Proof the test exercised the hazard: the return page in the popup has no opener.
    await popup.waitForURL(/\/kyc\/return/);
    expect(await popup.evaluate(() => window.opener === null)).toBe(true);
    await recorder.settle(2_500);
    expect(recorder.named('digilocker-kyc-complete')).toHaveLength(1);
    expect(recorder.named('digilocker-kyc-cancel')).toHaveLength(0);
    expect(recorder.named('digilocker-kyc-error')).toHaveLength(0);
    // The customer now closes the orphaned window: the finished attempt stays finished.
    await popup.close();
    await recorder.settle(4_000);
    expect(recorder.names().slice(2)).toEqual(['digilocker-kyc-complete']);
    expect(await widget(page).state()).toBe('complete');
    await expectCleanStorage(page, tokensOf(recorder));
    await context.close();
  });
});

describe('other integrations', () => {
  it('themed variant and Hindi: custom properties and ::part reach the shadow DOM', async () => {
    const { page } = await newContext(suite.browser);
    await page.goto(`${suite.urls.pages.scriptTag}?theme=brand&locale=hi`);
    await ready(page);
    const button = widget(page).startButton;
    const style = await button.evaluate((el) => {
      const css = getComputedStyle(el);
      return {
        background: css.backgroundColor,
        radius: css.borderTopLeftRadius,
        shadow: css.boxShadow,
      };
    });
    expect(style.background).toBe('rgb(15, 118, 110)'); // --digilocker-kyc-accent
    expect(style.radius).toBe('999px'); // --digilocker-kyc-radius
    expect(style.shadow).not.toBe('none'); // ::part(button)
    expect(await button.textContent()).toBe('DigiLocker से सत्यापित करें');
  });

  it('ES module page (bundled by Vite): approve → one complete', async () => {
    const { context, recorder, page, popup } = await openAndStartInPopup(
      suite.browser,
      suite.urls.pages.module,
    );
    await decide(popup, 'Approve');
    await recorder.waitFor('digilocker-kyc-complete');
    await recorder.settle();
    expect(recorder.named('digilocker-kyc-complete')).toHaveLength(1);
    // The merchant's backend fetched the document for this attempt (test/e2e/demo-result.test.ts).
    await expect
      .poll(() => page.locator('#kyc-result').getAttribute('data-outcome'))
      .toBe('verified');
    expect(await page.locator('#event-log').textContent()).toContain('digilocker-kyc-complete');
    await context.close();
  });

  it('React page (StrictMode): one attempt, onComplete fires once', async () => {
    const { context, recorder, page, popup } = await openAndStartInPopup(
      suite.browser,
      suite.urls.pages.react,
    );
    await decide(popup, 'Approve');
    await recorder.waitFor('digilocker-kyc-complete');
    await recorder.settle();
    expect(recorder.named('digilocker-kyc-complete')).toHaveLength(1);
    expect((await suite.sandbox.attempts()).create_requests).toBe(1);
    // The merchant's backend fetched the document for this attempt (test/e2e/demo-result.test.ts).
    await expect
      .poll(() => page.locator('#kyc-result').getAttribute('data-outcome'))
      .toBe('verified');
    // React's own log (its state, rendered as text) got each event exactly once.
    const log = (await page.locator('#event-log').textContent()) ?? '';
    expect(log.match(/digilocker-kyc-complete/g)).toHaveLength(1);
    expect(log.match(/digilocker-kyc-start/g)).toHaveLength(1);
    await context.close();
  });
});
