// The demo's whole loop in real Chromium: after `complete` the merchant's backend verifies the
// session token, fetches the document from the sandbox, and the page shows the masked result,
// or the persona's failure. Plus the sandbox's "Expire this link now" and both loopback names.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { newContext } from './support/browser.js';
import { decide, expectNoLeaks, openAndStartInPopup, ready, widget } from './support/journey.js';
import { startDemo } from './support/processes.js';
import { useJourneySuite } from './support/suite.js';

const suite = useJourneySuite();

/** The result panel once the backend has answered (verified or failed). */
async function settledResult(page: Page): Promise<{ outcome: string; text: string }> {
  const panel = page.locator('#kyc-result');
  await expect
    .poll(() => panel.getAttribute('data-outcome'), { timeout: 20_000 })
    .toMatch(/^(verified|failed)$/);
  return {
    outcome: String(await panel.getAttribute('data-outcome')),
    text: ((await panel.textContent()) ?? '').replace(/\s+/g, ' '),
  };
}

describe('the merchant backend fetches the document after complete', () => {
  it.each([
    ['script-tag', () => suite.urls.pages.scriptTag],
    ['React', () => suite.urls.pages.react],
    ['cross-origin', () => suite.urls.pages.crossOrigin],
  ])('%s page: Asha approves → masked name, Aadhaar last 4, year of birth', async (_name, url) => {
    const { context, recorder, page, popup } = await openAndStartInPopup(suite.browser, url());
    expect(await page.locator('#kyc-result').getAttribute('role')).toBe('status');
    await decide(popup, 'Approve');
    await recorder.waitFor('digilocker-kyc-complete');
    const result = await settledResult(page);
    expect(result.outcome).toBe('verified');
    expect(result.text).toContain('Verified: the backend fetched the document from DigiLocker.');
    expect(result.text).toMatch(/Name\s*A\*\*\* V\*\*\*\*/);
    expect(result.text).toMatch(/Aadhaar\s*XXXX-XXXX-1234/);
    expect(result.text).toMatch(/Year of birth\s*1990/);
    // Only masked fields reached the browser: no full name, no date of birth, no address.
    expectNoLeaks(await page.content(), 'the merchant page');
    await context.close();
  });

  it('"Aadhaar not linked" persona: consent completes, the page says why there is no document', async () => {
    const { context, recorder, page, popup } = await openAndStartInPopup(
      suite.browser,
      suite.urls.pages.scriptTag,
    );
    await decide(popup, 'Approve', /Aadhaar not linked/);
    await recorder.waitFor('digilocker-kyc-complete');
    const result = await settledResult(page);
    expect(result.outcome).toBe('failed');
    expect(result.text).toContain(
      "Not verified: Aadhaar is not linked to this customer's DigiLocker account.",
    );
    expect(result.text).toContain('aadhaar_not_linked');
    expect(result.text).not.toContain('Verified:');
    expectNoLeaks(await page.content(), 'the merchant page');
    await context.close();
  });

  it('hash app: "Done" says verified only once the backend has the document', async () => {
    const { context, recorder, page, popup } = await openAndStartInPopup(
      suite.browser,
      suite.urls.pages.hash,
    );
    await decide(popup, 'Approve', /Aadhaar not linked/);
    await recorder.waitFor('digilocker-kyc-complete');
    expect((await settledResult(page)).outcome).toBe('failed');
    await page.evaluate(() => {
      location.hash = '#/done';
    });
    await expect.poll(() => page.locator('#view').textContent()).toContain('Not verified yet.');
    await context.close();
  });
});

describe('sandbox controls and loopback names', () => {
  it('"Expire this link now" on the consent page: the widget reports the expiry within seconds', async () => {
    const { context, recorder, page, popup } = await openAndStartInPopup(
      suite.browser,
      suite.urls.pages.scriptTag,
    );
    await popup.waitForURL(/\/digilocker\/consent/);
    const started = Date.now();
    await popup.getByRole('button', { name: 'Expire this link now' }).click();
    await popup.getByRole('heading', { name: 'This link has expired' }).waitFor();
    const error = await recorder.waitFor('digilocker-kyc-error', { timeout: 20_000 });
    expect(error.detail.code).toBe('session_expired');
    expect(Date.now() - started).toBeLessThan(15_000);
    const result = await settledResult(page);
    expect(result.outcome).toBe('failed');
    expect(result.text).toContain('session_expired');
    await context.close();
  });

  it('the site opened at localhost (not the printed 127.0.0.1) completes a journey', async () => {
    const { context, recorder, page } = await newContext(suite.browser);
    const url = new URL(suite.urls.pages.scriptTag);
    url.hostname = 'localhost';
    await page.goto(url.href);
    await ready(page);
    const popup = page.waitForEvent('popup', { timeout: 10_000 });
    await widget(page).startButton.click();
    await decide(await popup, 'Approve');
    await recorder.waitFor('digilocker-kyc-complete');
    expect(recorder.names()).not.toContain('digilocker-kyc-error');
    expect((await settledResult(page)).outcome).toBe('verified');
    await context.close();
  });

  it('clicking through cannot trip the demo’s rate limit: 120 a minute (the production default is 10)', async () => {
    // The suite's demo turns the limiter off; this one runs with the start script's own default.
    const demo = await startDemo({ env: { RATE_LIMIT_PER_MINUTE: '' } });
    try {
      for (let i = 1; i <= 15; i++) {
        const response = await fetch(`${demo.urls.server}/kyc/sessions`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'x-digilocker-kyc': '1',
            origin: demo.urls.server,
          },
          body: '{}',
        });
        await response.arrayBuffer();
        expect(response.status, `attempt ${i}`).toBe(201);
        expect(response.headers.get('ratelimit-policy')).toContain('q=120');
      }
    } finally {
      await demo.stop();
    }
  });
});
