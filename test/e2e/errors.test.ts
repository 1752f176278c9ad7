// Failures a customer can meet, end to end: Eko answering 5xx, Eko slower than the server's
// deadline, and a DigiLocker link that expires, each followed by the Retry the widget offers.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  decide,
  expectCleanEvents,
  openAndStartInPopup,
  startInPopup,
  widget,
} from './support/journey.js';
import { startShortLinkServer } from './support/processes.js';
import { useJourneySuite } from './support/suite.js';

const suite = useJourneySuite();

function closed(page: Page): Promise<void> {
  return page.isClosed()
    ? Promise.resolve()
    : new Promise((resolve) => page.once('close', () => resolve()));
}

describe('upstream failures', () => {
  it('Eko answers 503 → error {upstream_error, retryable}, the popup closes, Retry then works', async () => {
    await suite.sandbox.arm('error=503', 5, 'api');
    // The popup is the placeholder, opened before the request.
    const { context, recorder, page, popup } = await openAndStartInPopup(
      suite.browser,
      suite.urls.pages.scriptTag,
    );
    const error = await recorder.waitFor('digilocker-kyc-error');
    expect(error.detail).toEqual({
      code: 'upstream_error',
      message: expect.any(String),
      retryable: true,
    });
    await closed(popup);
    const w = widget(page);
    expect(await w.state()).toBe('error');
    expect(await w.error.textContent()).toBe('DigiLocker is busy. Try again in a few minutes.');
    expect(await w.startButton.textContent()).toBe('Try again');
    expect(recorder.named('digilocker-kyc-open')).toHaveLength(0);

    await suite.sandbox.disarm();
    const retry = await startInPopup(page);
    await decide(retry, 'Approve');
    await recorder.waitFor('digilocker-kyc-complete');
    await recorder.settle();
    expect(recorder.named('digilocker-kyc-complete')).toHaveLength(1);
    expect(recorder.named('digilocker-kyc-error')).toHaveLength(1);
    expectCleanEvents(recorder.events);
    await context.close();
  });

  it("Eko slower than the server's upstream timeout → error {upstream_timeout, retryable} in time", async () => {
    await suite.sandbox.arm('latency=15000', 1, 'api');
    const { context, recorder, page } = await openAndStartInPopup(
      suite.browser,
      suite.urls.pages.scriptTag,
    );
    const start = recorder.named('digilocker-kyc-start')[0]!;
    const error = await recorder.waitFor('digilocker-kyc-error', { timeout: 20_000 });
    expect(error.detail).toEqual({
      code: 'upstream_timeout',
      message: expect.any(String),
      retryable: true,
    });
    // The server's own upstream timeouts (undici headers 8 s, overall deadline 10 s), not the
    // sandbox's 15 s and not the widget's 20 s request timeout.
    expect(error.at - start.at).toBeGreaterThan(7_500);
    expect(error.at - start.at).toBeLessThan(12_000);
    expect(await widget(page).startButton.textContent()).toBe('Try again');
    expect(recorder.named('digilocker-kyc-open')).toHaveLength(0);
    await context.close();
  });
});

describe('expired DigiLocker link', () => {
  it('the link expires while the popup is open → error {session_expired, retryable} → Retry mints a new URL', async () => {
    const server = await startShortLinkServer(4_000);
    try {
      const {
        context,
        recorder,
        page,
        popup: first,
      } = await openAndStartInPopup(suite.browser, `${server.origin}/script-tag.html`);
      await first.waitForURL(/\/digilocker\/consent/);
      const firstUrl = first.url();
      const error = await recorder.waitFor('digilocker-kyc-error', { timeout: 25_000 });
      const open = recorder.named('digilocker-kyc-open')[0]!;
      expect(error.detail).toEqual({
        code: 'session_expired',
        message: expect.any(String),
        retryable: true,
        reference_id: open.detail.reference_id,
      });
      expect(await widget(page).error.textContent()).toBe(
        'The link expired. Try again for a new one.',
      );

      const second = await startInPopup(page);
      await second.waitForURL(/\/digilocker\/consent/);
      expect(second.url()).not.toBe(firstUrl);
      const reopened = await recorder.waitFor('digilocker-kyc-open', { nth: 2 });
      expect(reopened.detail.reference_id).not.toBe(open.detail.reference_id);
      await decide(second, 'Approve');
      const complete = await recorder.waitFor('digilocker-kyc-complete');
      expect(complete.detail.reference_id).toBe(reopened.detail.reference_id);
      await recorder.settle();
      expect(recorder.named('digilocker-kyc-complete')).toHaveLength(1);
      await context.close();
    } finally {
      await server.stop();
    }
  });
});
