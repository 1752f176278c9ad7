// The page settles the outcome: after `complete` the widget says "checking" until the demo page,
// having asked its backend for the document, calls settle(): verified for Asha, not verified
// with a way to retry for the "Aadhaar not linked" persona, and never a green "Verified" first.
import { describe, expect, it } from 'vitest';
import { decide, openAndStartInPopup, widget } from './support/journey.js';
import { useJourneySuite } from './support/suite.js';

const suite = useJourneySuite();

describe('the page settles the outcome', () => {
  it('"Aadhaar not linked": no Verified claim at any point, the reason, and a Try again that starts a new attempt', async () => {
    const { context, recorder, page, popup } = await openAndStartInPopup(
      suite.browser,
      suite.urls.pages.scriptTag,
    );
    const w = widget(page);
    // Every text the status line shows from here on.
    await w.host.evaluate((el) => {
      const seen: string[] = [];
      (window as unknown as { statusSeen: string[] }).statusSeen = seen;
      const line = el.shadowRoot?.querySelector('[part="status"]');
      if (!line) throw new Error('no status line');
      new MutationObserver(() => seen.push(line.textContent ?? '')).observe(line, {
        childList: true,
        subtree: true,
        characterData: true,
      });
    });
    await decide(popup, 'Approve', /Aadhaar not linked/);
    await recorder.waitFor('digilocker-kyc-complete');
    const alert = w.host.locator('[role="alert"]');
    await expect
      .poll(() => alert.textContent(), { timeout: 20_000 })
      .toBe(
        'Your Aadhaar is not linked to your DigiLocker account. Link it in DigiLocker, then try again.',
      );
    const seen = await page.evaluate(
      () => (window as unknown as { statusSeen: string[] }).statusSeen,
    );
    expect(seen).toContain('Consent received, checking…');
    expect(seen.filter((text) => text.includes('Verified'))).toEqual([]);
    expect(await w.host.locator('[part="check"]').count()).toBe(0);
    expect(await w.state()).toBe('complete');
    expect(await w.startButton.textContent()).toBe('Try again');
    // The customer links Aadhaar in DigiLocker and tries again: a new attempt, a new link.
    const again = page.waitForEvent('popup');
    await w.startButton.click();
    await decide(await again, 'Approve');
    await recorder.waitFor('digilocker-kyc-complete', { nth: 2 });
    await w.status.getByText('Verified with DigiLocker').waitFor({ timeout: 20_000 });
    expect((await suite.sandbox.attempts()).create_requests).toBe(2);
    const [first, second] = recorder.named('digilocker-kyc-complete');
    expect(second?.detail.reference_id).not.toBe(first?.detail.reference_id);
    expect(await alert.textContent()).toBe('');
    await context.close();
  });

  it.each([
    ['script-tag', () => suite.urls.pages.scriptTag],
    ['React', () => suite.urls.pages.react],
    ['cross-origin', () => suite.urls.pages.crossOrigin],
  ])(
    '%s page: Asha approves → "checking", then Verified once the backend has the document',
    async (_name, url) => {
      const { context, recorder, page, popup } = await openAndStartInPopup(suite.browser, url());
      const w = widget(page);
      await decide(popup, 'Approve');
      await recorder.waitFor('digilocker-kyc-complete');
      await w.status.getByText('Verified with DigiLocker').waitFor({ timeout: 20_000 });
      expect(await page.locator('#kyc-result').getAttribute('data-outcome')).toBe('verified');
      expect(await w.host.locator('[part="check"]').count()).toBe(1);
      expect(await w.host.locator('button').count()).toBe(0);
      await context.close();
    },
  );
});
