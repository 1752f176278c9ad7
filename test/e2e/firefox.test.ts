// The widget's journeys in Firefox ESR (puppeteer-core over WebDriver BiDi) against the real demo
// processes, with Firefox's shipped popup blocker, storage partitioning and back/forward cache:
// popup approve/deny, blocked popup → redirect, a COOP-severed popup, redirect resume, a
// cross-origin frame, a strict CSP page and a bfcache restore. Chromium runs the same journeys in
// popup.test.ts, redirect.test.ts and cross-origin.test.ts; docs/browsers.md lists the differences.
import { describe, expect, it } from 'vitest';
import { back, newFirefoxContext, syncPage, useFirefoxSuite } from './support/firefox.js';
import {
  approveByRedirect,
  clickPart,
  closed,
  decide,
  expectCleanStorage,
  ready,
  slowPolling,
  startInPopup,
  until,
  waitForUrl,
  widgetState,
} from './support/firefox-journey.js';
import { expectCleanEvents, tokensOf } from './support/journey.js';

const suite = useFirefoxSuite();

describe('Firefox: popup journey', () => {
  it('approve → exactly one complete on the page, popup closed, nothing left in storage', async () => {
    const { recorder, page } = await newFirefoxContext(suite.browser);
    await page.goto(suite.urls.pages.scriptTag);
    await ready({ page });
    const popup = await startInPopup({ page });
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
    // Verified once the demo page has settled the widget with its backend's answer.
    await expect
      .poll(() => widgetState(page), { timeout: 10_000 })
      .toEqual({
        status: 'complete',
        text: expect.stringContaining('Verified with DigiLocker'),
      });
    expect((await suite.sandbox.attempts()).create_requests).toBe(1);
    expectCleanEvents(recorder.events);
    await expectCleanStorage(page, tokensOf(recorder));
  });

  it('deny → cancel {reason: denied}, never complete', async () => {
    const { recorder, page } = await newFirefoxContext(suite.browser);
    await page.goto(suite.urls.pages.scriptTag);
    await ready({ page });
    const popup = await startInPopup({ page });
    await decide(popup, 'Deny');
    const cancel = await recorder.waitFor('digilocker-kyc-cancel');
    await recorder.settle();
    const open = recorder.named('digilocker-kyc-open')[0]!;
    expect(cancel.detail).toEqual({ reference_id: open.detail.reference_id, reason: 'denied' });
    expect(recorder.names().slice(2)).toEqual(['digilocker-kyc-cancel']);
    expect(await widgetState(page)).toEqual({
      status: 'cancelled',
      text: 'You did not share your documents.',
    });
    await expectCleanStorage(page, []);
  });

  it('COOP same-origin on the consent page severs the popup: one complete, no cancel', async () => {
    await suite.sandbox.arm('coop', undefined, 'consent');
    const { recorder, page } = await newFirefoxContext(suite.browser);
    await page.goto(suite.urls.pages.scriptTag);
    await ready({ page });
    const popup = await startInPopup({ page });
    await waitForUrl(popup, /\/digilocker\/consent/);
    // Firefox moves a COOP page into a new browsing context group: the widget's handle may read
    // closed === true while the window is still open. That must not be taken for a cancel.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(recorder.named('digilocker-kyc-cancel')).toHaveLength(0);
    await decide(popup, 'Approve');
    await recorder.waitFor('digilocker-kyc-complete');
    // Proof the test exercised the hazard: the return page in the popup has no opener.
    await waitForUrl(popup, /\/kyc\/return/);
    expect(await popup.evaluate(() => window.opener === null)).toBe(true);
    await recorder.settle(2_500);
    expect(recorder.names().slice(2)).toEqual(['digilocker-kyc-complete']);
    // The customer closes the orphaned window: the finished attempt stays finished.
    if (!popup.isClosed()) await popup.close();
    await recorder.settle(4_000);
    expect(recorder.names().slice(2)).toEqual(['digilocker-kyc-complete']);
    expect((await widgetState(page)).status).toBe('complete');
    await expectCleanStorage(page, tokensOf(recorder));
  });
});

describe('Firefox: redirect mode', () => {
  it("popup blocked by Firefox's blocker (start() with no user gesture) → fallback → redirect → complete", async () => {
    const { recorder, page } = await newFirefoxContext(suite.browser);
    let popups = 0;
    page.on('popup', () => popups++);
    // Page script starts the journey after a network round trip, with no user activation; the
    // script is removed once it has run, so the page the journey returns to does not start again.
    const autostart = await page.evaluateOnNewDocument(() => {
      customElements.whenDefined('digilocker-kyc').then(async () => {
        await fetch('/kyc/widget.js', { method: 'HEAD' });
        (document.querySelector('#kyc') as HTMLElement & { start(): void }).start();
      });
    });
    await page.goto(suite.urls.pages.scriptTag);
    const fallback = await recorder.waitFor('digilocker-kyc-fallback');
    expect(fallback.detail).toEqual({ reason: 'popup_blocked' });
    await page.removeScriptToEvaluateOnNewDocument(autostart.identifier);
    await decide(page, 'Approve'); // the consent page, in this very tab
    const complete = await recorder.waitFor('digilocker-kyc-complete');
    await recorder.settle();
    expect(recorder.names()).toEqual([
      'digilocker-kyc-start',
      'digilocker-kyc-fallback',
      'digilocker-kyc-open',
      'digilocker-kyc-complete',
    ]);
    expect(recorder.named('digilocker-kyc-open')[0]!.detail.mode).toBe('redirect');
    expect(complete.url).toBe(suite.urls.pages.scriptTag);
    expect(page.url()).toBe(suite.urls.pages.scriptTag);
    expect(popups).toBe(0);
    expect((await suite.sandbox.attempts()).create_requests).toBe(1);
    expectCleanEvents(recorder.events);
    await expectCleanStorage(page, tokensOf(recorder));
  });

  it('mode="redirect" resumes on the starting page: query kept, one complete', async () => {
    const { recorder, page } = await newFirefoxContext(suite.browser);
    const start = `${suite.urls.pages.scriptTag}?mode=redirect&theme=brand`;
    await page.goto(start);
    await ready({ page });
    const complete = await approveByRedirect(page, recorder);
    expect(recorder.names()).toEqual([
      'digilocker-kyc-start',
      'digilocker-kyc-open',
      'digilocker-kyc-complete',
    ]);
    expect(complete.url).toBe(start);
    expect(page.url()).toBe(start);
    expect((await widgetState(page)).status).toBe('complete');
    await expectCleanStorage(page, tokensOf(recorder));
  });

  it('back/forward cache: Back from DigiLocker restores the page, cancels, starts no second attempt', async () => {
    const { recorder, page } = await newFirefoxContext(suite.browser);
    const start = `${suite.urls.pages.scriptTag}?mode=redirect`;
    await page.goto(start);
    await ready({ page });
    await clickPart({ page });
    await waitForUrl(page, /\/digilocker\/consent/);
    await until(
      () => page.evaluate(() => document.querySelector('button[value="approve"]') !== null),
      'the consent page',
    );
    await back(page);
    // The restored page's reports never reach the BiDi channel (see syncPage): read its own log.
    const cancel = await until(async () => {
      await syncPage(page);
      return recorder.named('digilocker-kyc-cancel')[0];
    }, 'the cancel on the restored page');
    await recorder.settle();
    await syncPage(page);
    // The restore really came from the back/forward cache (the test proves what it claims).
    expect(recorder.pageshows.at(-1)).toEqual({ persisted: true, url: start, page: 0 });
    expect(recorder.names()).toEqual([
      'digilocker-kyc-start',
      'digilocker-kyc-open',
      'digilocker-kyc-cancel',
    ]);
    const open = recorder.named('digilocker-kyc-open')[0]!;
    expect(cancel.detail).toEqual({ reference_id: open.detail.reference_id, reason: 'closed' });
    expect((await suite.sandbox.attempts()).create_requests).toBe(1);
    expect((await widgetState(page)).status).toBe('cancelled');
    await expectCleanStorage(page, []);
  });
});

describe('Firefox: cross-origin frame and strict CSP', () => {
  it('widget in a cross-site iframe: popup from the frame, result relayed across the storage partition', async () => {
    const { recorder, page } = await newFirefoxContext(suite.browser);
    // The demo's framing page on localhost frames the merchant page on 127.0.0.1: another site
    // (loopback ports alone make one site), so Firefox partitions the frame's storage and
    // BroadcastChannel by the top-level site (Total Cookie Protection).
    const top = new URL('/iframe.html', suite.urls.server);
    top.hostname = 'localhost';
    await page.goto(top.href);
    await page.evaluate((src) => {
      document.querySelector<HTMLIFrameElement>('#merchant-frame')!.src = src;
    }, suite.urls.pages.crossOrigin);
    const frame = await until(
      () => page.frames().find((f) => f.url() === suite.urls.pages.crossOrigin),
      'the merchant frame',
    );
    const at = { page, frame: { frame, selector: '#merchant-frame' } };
    await ready(at);
    // Proof of the partition: what the merchant's origin stores as a top-level page (where the
    // popup runs) is not there for the same origin framed under another site.
    const firstParty = await page.browserContext().newPage();
    await firstParty.goto(suite.urls.pages.crossOrigin);
    await firstParty.evaluate(() => localStorage.setItem('e2e-partition-probe', '1'));
    await firstParty.close();
    expect(await frame.evaluate(() => localStorage.getItem('e2e-partition-probe'))).toBeNull();
    await slowPolling(frame);
    const popup = await startInPopup(at);
    const closedAt = closed(popup).then(() => Date.now());
    await decide(popup, 'Approve');
    const complete = await recorder.waitFor('digilocker-kyc-complete');
    await recorder.settle();
    expect(recorder.names()).toEqual([
      'digilocker-kyc-start',
      'digilocker-kyc-open',
      'digilocker-kyc-complete',
    ]);
    expect(recorder.named('digilocker-kyc-open')[0]!.detail.mode).toBe('popup');
    expect(complete.url).toBe(suite.urls.pages.crossOrigin);
    expect(complete.page).toBe(0);
    // Polling is a minute away: only the opener.postMessage relay completes this soon.
    expect(complete.at - (await closedAt)).toBeLessThan(2_000);
    expectCleanEvents(recorder.events);
  });

  it('strict CSP + Trusted Types: the policy holds (control), the popup journey makes no violation', async () => {
    const { recorder, page } = await newFirefoxContext(suite.browser);
    const response = await page.goto(suite.urls.pages.strictCsp);
    expect(response?.headers()['content-security-policy']).toContain(
      "require-trusted-types-for 'script'",
    );
    await ready({ page });
    const popup = await startInPopup({ page });
    await decide(popup, 'Approve');
    await recorder.waitFor('digilocker-kyc-complete');
    await recorder.settle();
    expect(recorder.named('digilocker-kyc-complete')).toHaveLength(1);
    expect(recorder.violations).toEqual([]);
    expect(await page.evaluate(() => document.querySelector('#csp-violations')?.textContent)).toBe(
      '0',
    );
    // Negative control, after the journey: a raw string into an HTML sink is refused and reported.
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
      () => 'the control violation',
    );
    expect(recorder.violations[0]!.directive).toBe('require-trusted-types-for');
  });
});
