// Failures a customer can meet, end to end: Eko answering 5xx, Eko slower than the server's
// deadline, and a DigiLocker link that expires, each followed by the Retry the widget offers.
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { closeContexts, launch, newContext } from './support/browser.js';
import { decide, expectCleanEvents, ready, startInPopup, widget } from './support/journey.js';
import {
  type DemoUrls,
  type Running,
  startDemo,
  startShortLinkServer,
} from './support/processes.js';
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

function closed(page: Page): Promise<void> {
  return page.isClosed()
    ? Promise.resolve()
    : new Promise((resolve) => page.once('close', () => resolve()));
}

describe('upstream failures', () => {
  it('Eko answers 503 → error {upstream_error, retryable}, the popup closes, Retry then works', async () => {
    await sandbox.arm('error=503', 5, 'api');
    const { context, recorder, page } = await newContext(browser);
    await page.goto(urls.pages.scriptTag);
    await ready(page);
    const popup = await startInPopup(page); // the placeholder opened before the request
    const error = await recorder.waitFor('digilocker-kyc-error');
    expect(error.detail).toEqual({
      code: 'upstream_error',
      message: expect.any(String),
      retryable: true,
    });
    await closed(popup);
    const w = widget(page);
    expect(await w.state()).toBe('error');
    expect(await w.error.textContent()).toBe('Something went wrong. Try again.');
    expect(await w.startButton.textContent()).toBe('Try again');
    expect(recorder.named('digilocker-kyc-open')).toHaveLength(0);

    await sandbox.disarm();
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
    await sandbox.arm('latency=15000', 1, 'api');
    const { context, recorder, page } = await newContext(browser);
    await page.goto(urls.pages.scriptTag);
    await ready(page);
    await startInPopup(page);
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
      const { context, recorder, page } = await newContext(browser);
      await page.goto(`${server.origin}/script-tag.html`);
      await ready(page);
      const first = await startInPopup(page);
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
