// Screenshots of each widget state, in English and Hindi, for the README: written by the real
// journeys (no state is faked) to docs/screenshots/<state>-<locale>.png.
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { newContext } from './support/browser.js';
import { decide, ready, startInPopup, widget } from './support/journey.js';
import { SCREENSHOTS } from './support/paths.js';
import { useJourneySuite } from './support/suite.js';

beforeAll(() => {
  mkdirSync(SCREENSHOTS, { recursive: true });
});

const suite = useJourneySuite();

// Headless machines often have no Devanagari font (the Hindi text would be boxes), and system
// fonts differ between machines: the pictures use Noto Sans Devanagari (Latin included), shipped
// by an npm package and served to the page from a routed URL.
const FONT_DIR = join(
  dirname(createRequire(import.meta.url).resolve('@fontsource/noto-sans-devanagari/package.json')),
  'files',
);
const FONT_FACES = ['devanagari', 'latin']
  .flatMap((subset) =>
    [400, 600].map(
      (weight) =>
        `@font-face{font-family:"E2E Noto";font-weight:${weight};src:url(/__e2e-font/noto-sans-devanagari-${subset}-${weight}-normal.woff2) format("woff2");unicode-range:${subset === 'latin' ? 'U+0000-00FF,U+2000-206F' : 'U+0900-097F,U+1CD0-1CFF,U+200C-200D,U+20A8,U+20B9,U+25CC,U+A830-A839,U+A8E0-A8FF'}}`,
    ),
  )
  .join('');

async function useFont(page: Page): Promise<void> {
  await page.route('**/__e2e-font/*.woff2', (route) =>
    route.fulfill({
      contentType: 'font/woff2',
      body: readFileSync(join(FONT_DIR, new URL(route.request().url()).pathname.split('/').pop()!)),
    }),
  );
}

/** A small, padded picture of the element alone. */
async function shoot(page: Page, name: string): Promise<void> {
  const host = widget(page).host;
  if ((await page.locator('style[data-e2e-font]').count()) === 0) {
    await page.addStyleTag({ content: `${FONT_FACES}#kyc{font-family:"E2E Noto",sans-serif}` });
    await page.evaluate(() =>
      document.querySelector('style:last-of-type')?.setAttribute('data-e2e-font', ''),
    );
  }
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await host.evaluate((el) => {
    const style = (el as HTMLElement).style;
    style.padding = '16px';
    style.background = '#fff';
    style.width = '520px';
  });
  const path = join(SCREENSHOTS, `${name}.png`);
  await host.screenshot({ path, animations: 'disabled', caret: 'hide' });
  expect(statSync(path).size).toBeLessThan(60_000);
}

async function waitForStatus(page: Page, status: string): Promise<void> {
  await page.waitForFunction(
    (expected) =>
      (document.querySelector('#kyc') as HTMLElement & { status: string }).status === expected,
    status,
    { timeout: 20_000, polling: 50 },
  );
}

const TEXT = {
  en: {
    awaiting: 'Finish in the DigiLocker window.',
    verifying: 'Checking your consent…',
    closed: 'Closed DigiLocker? Reopen it, or cancel.',
    unconfirmed: 'Done in DigiLocker? Press Continue to finish here.',
    refused: 'Verification is unavailable. Please contact this site.',
  },
  hi: {
    awaiting: 'DigiLocker विंडो में पूरा करें।',
    verifying: 'सहमति जाँची जा रही है…',
    closed: 'DigiLocker बंद कर दिया? उसे फिर खोलें, या रद्द करें।',
    unconfirmed: 'DigiLocker में पूरा कर लिया? यहाँ पूरा करने के लिए जारी रखें दबाएँ।',
    refused: 'सत्यापन उपलब्ध नहीं है। इस साइट से संपर्क करें।',
  },
} as const;

/** Overrides some of the element's timings before the click. */
function setTimings(page: Page, timings: Record<string, number>): Promise<void> {
  return widget(page).host.evaluate((el, t) => {
    (el as HTMLElement & { timings: Record<string, number> }).timings = t;
  }, timings);
}

describe.each(['en', 'hi'] as const)('screenshots (%s)', (locale) => {
  it('idle, waiting, verifying, done, error', async () => {
    const { recorder, page } = await newContext(suite.browser);
    const w = widget(page);
    await useFont(page);
    await page.goto(`${suite.urls.pages.scriptTag}?locale=${locale}`);
    await ready(page);
    await shoot(page, `idle-${locale}`);

    // Waiting: the popup is open on DigiLocker; Reopen and Cancel replace the start button.
    // (A short COOP-severed window and a long grace, so the closed prompt below can be shot.)
    await setTimings(page, { severedWindowMs: 300, closedGraceMs: 20_000 });
    const popup = await startInPopup(page);
    await popup.waitForURL(/\/digilocker\/consent/);
    await waitForStatus(page, 'awaiting');
    expect(await w.status.textContent()).toBe(TEXT[locale].awaiting);
    await w.cancelButton.waitFor();
    await shoot(page, `waiting-${locale}`);

    // Closed: the customer closed the DigiLocker window; the element asks to reopen or cancel.
    await page.waitForTimeout(400);
    await popup.close();
    await w.status.getByText(TEXT[locale].closed).waitFor({ timeout: 5_000 });
    await shoot(page, `closed-${locale}`);
    await w.cancelButton.click();
    await recorder.waitFor('digilocker-kyc-cancel');

    // Verifying, then done: a redirect journey whose status check the sandbox slows down.
    await page.goto(`${suite.urls.pages.scriptTag}?locale=${locale}&mode=redirect`);
    await ready(page);
    await w.startButton.click();
    await page.waitForURL(/\/digilocker\/consent/);
    await suite.sandbox.arm('latency=2500', 1, 'api');
    await decide(page, 'Approve');
    await page.waitForURL(`${suite.urls.pages.scriptTag}?locale=${locale}&mode=redirect`);
    await waitForStatus(page, 'verifying');
    expect(await w.status.textContent()).toBe(TEXT[locale].verifying);
    await shoot(page, `verifying-${locale}`);
    await waitForStatus(page, 'complete');
    // Verified once the demo page has settled the widget with its backend's answer.
    await w.host.locator('[part="check"]').waitFor({ timeout: 10_000 });
    await shoot(page, `done-${locale}`);

    // Error: Eko answers 503; the widget explains and offers Retry.
    await suite.sandbox.arm('error=503', 3, 'api');
    await page.goto(`${suite.urls.pages.scriptTag}?locale=${locale}`);
    await ready(page);
    await startInPopup(page);
    await waitForStatus(page, 'error');
    await shoot(page, `error-${locale}`);
  });

  it('Continue, and an error a retry cannot fix', async () => {
    // Continue: the popup severed by COOP and the return page on the server's origin, so no
    // channel reaches the page; polling sees the consent and the element offers Continue.
    await suite.sandbox.arm('coop', undefined, 'consent');
    const { context, page } = await newContext(suite.browser);
    const w = widget(page);
    await useFont(page);
    await page.goto(`${suite.urls.pages.crossOrigin}?mode=popup&locale=${locale}`);
    await ready(page);
    await w.host.evaluate((el) => el.removeAttribute('redirect-url'));
    const popup = await startInPopup(page);
    await decide(popup, 'Approve');
    await w.host.locator('[part="continue-button"]').waitFor({ timeout: 20_000 });
    expect(await w.status.textContent()).toBe(TEXT[locale].unconfirmed);
    await shoot(page, `continue-${locale}`);
    await context.close();

    // Refused: the page's origin is not on the server's ALLOWED_ORIGINS. No Try again: the line
    // says whom to contact.
    await suite.sandbox.disarm();
    const refusedContext = await newContext(suite.browser);
    const refusedPage = refusedContext.page;
    await useFont(refusedPage);
    const refused = new URL(suite.urls.pages.crossOrigin);
    refused.hostname = 'localhost';
    refused.search = `?locale=${locale}`;
    await refusedPage.goto(refused.href);
    await ready(refusedPage);
    await widget(refusedPage).startButton.click();
    await waitForStatus(refusedPage, 'error');
    expect(await widget(refusedPage).error.textContent()).toBe(TEXT[locale].refused);
    await shoot(refusedPage, `refused-${locale}`);
  });
});
