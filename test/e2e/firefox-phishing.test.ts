// Consent phishing in Firefox ESR (puppeteer-core over WebDriver BiDi), two user contexts as
// attacker and victim: the attacker starts a redirect-mode attempt, keeps the DigiLocker link and
// reads what their own tab holds (state, session token); the victim consents with the link. No
// return URL the state allows, no `?dlkyc_state=` on the merchant page and no backend call with the
// create-time token completes; the victim sees the warning. Chromium runs the same attacks, and
// more, in consent-phishing.test.ts.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { newFirefoxContext, useFirefoxSuite } from './support/firefox.js';
import {
  clickPart,
  decide,
  nextPopup,
  ready,
  startInPopup,
  until,
  waitForUrl,
} from './support/firefox-journey.js';

const suite = useFirefoxSuite();

const mount = () => `${new URL(suite.urls.pages.scriptTag).origin}/kyc`;

describe('Firefox: consent phishing', () => {
  it('the attacker’s return URLs, ?dlkyc_state= and the create-time token all fail; the victim is warned', async () => {
    const attacker = await newFirefoxContext(suite.browser);
    const { page, recorder } = attacker;
    await page.goto(`${suite.urls.pages.scriptTag}?mode=redirect`);
    await ready({ page });
    await clickPart({ page });
    // The attacker's tab is at DigiLocker: the link is what they forward.
    const link = await waitForUrl(page, /\/digilocker\/consent/);
    // What the attacker's own tab parked for the attempt (read on the merchant's origin).
    await page.goto(`${new URL(suite.urls.pages.scriptTag).origin}/demo.css`);
    const parked = await page.evaluate(() => {
      const key = Object.keys(sessionStorage).find((k) => k.startsWith('dlkyc:pending:'));
      return key ? (JSON.parse(sessionStorage.getItem(key)!) as Record<string, string>) : null;
    });
    expect(parked).not.toBe(null);
    const { state, session_token: token, reference_id: referenceId } = parked!;

    // Before the consent: nothing the state allows opens the return.
    const guesses = () => [
      `${mount()}/return/${state}`,
      `${mount()}/return?dlkyc_state=${state}`,
      `${mount()}/return/${state}/${randomBytes(32).toString('base64url')}`,
    ];
    for (const url of guesses()) {
      const response = await page.goto(url);
      expect(response?.status(), url).toBe(404);
    }

    // The victim, in their own browser, consents with the forwarded link.
    const victim = await newFirefoxContext(suite.browser);
    await victim.page.goto(link);
    await decide(victim.page, 'Approve');
    await waitForUrl(victim.page, /\/kyc\/foreign-return$/);
    const warning = await victim.page.evaluate(() => ({
      heading: document.querySelector('h1')?.textContent ?? '',
      scripts: document.querySelectorAll('script').length,
    }));
    expect(warning).toEqual({
      heading: expect.stringContaining('started on another device'),
      scripts: 0,
    });

    // After the consent: still nothing.
    for (const url of guesses()) {
      const response = await page.goto(url);
      expect(response?.status(), url).toBe(404);
    }

    // ?dlkyc_state= on the merchant page, as if back from DigiLocker: never a complete.
    await page.goto(`${suite.urls.pages.scriptTag}?mode=redirect&dlkyc_state=${state}`);
    const error = await recorder.waitFor('digilocker-kyc-error', { timeout: 20_000 });
    expect(error.detail).toMatchObject({ code: 'consent_unconfirmed', reference_id: referenceId });
    await recorder.settle();
    expect(recorder.named('digilocker-kyc-complete')).toHaveLength(0);

    // No browser at all: the merchant backend refuses the create-time token.
    const origin = new URL(suite.urls.pages.scriptTag).origin;
    const verdict = await fetch(`${origin}/api/kyc/verified`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Merchant-CSRF': '1', Origin: origin },
      body: JSON.stringify({ session_token: token, reference_id: referenceId }),
    });
    expect(verdict.status).toBe(401);
    // The consent really happened: the refusals are not an accident of a pending attempt.
    await until(async () => {
      const { attempts } = await suite.sandbox.attempts();
      return attempts.some(
        (a) => String(a.reference_id) === referenceId && a.status === 'consented',
      );
    }, 'the sandbox to record the consent');
  });

  it('popup: Continue in the attacker’s browser finds no proof of the return; no complete', async () => {
    const { page, recorder } = await newFirefoxContext(suite.browser);
    await page.goto(`${suite.urls.pages.scriptTag}?mode=popup`);
    await ready({ page });
    await page.evaluate(() => {
      (document.querySelector('#kyc') as HTMLElement & { timings: object }).timings = {
        pollInitialMs: 500,
        pollMaxMs: 1_000,
        journeyTimeoutMs: 30_000,
      };
    });
    const popup = await startInPopup({ page });
    // The attacker keeps the link (the popup sits on the consent page, undecided).
    const link = await waitForUrl(popup, /\/digilocker\/consent/);
    const victim = await newFirefoxContext(suite.browser);
    await victim.page.goto(link);
    await decide(victim.page, 'Approve');
    await waitForUrl(victim.page, /\/kyc\/foreign-return$/);

    // Status polling sees the consent: the attacker's widget offers Continue, which opens the
    // confirm page in the attacker's browser. It has no receipt there: a 403 that posts nothing.
    const confirm = nextPopup(page, 20_000);
    await clickPart({ page }, 'continue-button');
    const confirmPage = await confirm;
    await waitForUrl(confirmPage, /\/kyc\/confirm\//);
    await until(
      () =>
        confirmPage
          .evaluate(() => document.querySelector('h1')?.textContent ?? '')
          .then((heading) => heading.includes('not finished in this browser')),
      'the confirm page’s refusal',
    );
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    await recorder.settle();
    expect(recorder.named('digilocker-kyc-complete')).toHaveLength(0);
  });
});
