// A listener attached late by the page's own module script (its static import is slow) still
// receives exactly one `complete`: in redirect mode (20 runs), in popup mode, and after a
// redirect return to a page on another origin than the signing server.
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { newContext, type Recorder } from './support/browser.js';
import { decide, ready, startInPopup, widget } from './support/journey.js';
import { useJourneySuite } from './support/suite.js';

const suite = useJourneySuite();

/** How long the listener module's static import takes to arrive: far longer than a resume. */
const IMPORT_DELAY_MS = 800;

/**
 * The merchant's listener, as the README has it: in a module script after widget.js (here the
 * demo pages' own /demo-page.js, which imports it first), with a static import that arrives
 * IMPORT_DELAY_MS late. It records every end event it hears.
 */
const LISTENER = `import './late-import.js';
const element = document.querySelector('#kyc');
window.lateHeard = [];
for (const name of ['digilocker-kyc-complete', 'digilocker-kyc-cancel', 'digilocker-kyc-error']) {
  element.addEventListener(name, (event) => window.lateHeard.push({ name, reference_id: event.detail.reference_id }));
}
`;

/**
 * Makes the demo pages' module script import the late listener first, on every origin of the
 * context. (Only scripts are rewritten: a document Playwright fulfils itself loses its loopback
 * address space, and Chromium then refuses its requests to the loopback signing server.)
 */
async function addLateListener(context: BrowserContext): Promise<void> {
  await context.route('**/demo-page.js', async (route) => {
    const response = await route.fetch();
    const body = `import './late-listener.js';\n${await response.text()}`;
    await route.fulfill({ response, body });
  });
  await context.route('**/late-listener.js', (route) =>
    route.fulfill({ contentType: 'text/javascript', body: LISTENER }),
  );
  await context.route('**/late-import.js', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, IMPORT_DELAY_MS));
    await route.fulfill({ contentType: 'text/javascript', body: 'export {};' });
  });
}

interface Heard {
  name: string;
  reference_id?: string;
}

const heard = (page: Page) =>
  page.evaluate(() => (window as unknown as { lateHeard?: Heard[] }).lateHeard ?? null);

/** Clicks start on a redirect-mode page, approves in the same tab, and waits for the return. */
async function approveInThisTab(page: Page, recorder: Recorder): Promise<string> {
  await widget(page).startButton.click();
  await decide(page, 'Approve');
  const complete = await recorder.waitFor('digilocker-kyc-complete', { timeout: 20_000 });
  // Long enough for a second complete, if there were one, to reach the page.
  await recorder.settle(300);
  return String(complete.detail.reference_id);
}

describe('a listener module that arrives late', () => {
  it('redirect mode: exactly one complete reaches it, 20 runs out of 20', async () => {
    const { context, recorder, page } = await newContext(suite.browser);
    await addLateListener(context);
    const start = `${suite.urls.pages.scriptTag}?mode=redirect`;
    for (let run = 1; run <= 20; run++) {
      recorder.clear();
      await page.goto(start);
      await ready(page);
      const referenceId = await approveInThisTab(page, recorder);
      expect(page.url(), `run ${run}`).toBe(start);
      expect(await heard(page), `run ${run}`).toEqual([
        { name: 'digilocker-kyc-complete', reference_id: referenceId },
      ]);
      expect(recorder.named('digilocker-kyc-complete'), `run ${run}`).toHaveLength(1);
    }
    // The result stays readable on the element for code that attaches later still.
    const result = await widget(page).host.evaluate(
      (el) => (el as HTMLElement & { result?: { type: string } }).result?.type,
    );
    expect(result).toBe('digilocker-kyc-complete');
    // The page's own late script (demo-page.js, behind the listener) settled the widget too.
    await widget(page).status.getByText('Verified with DigiLocker').waitFor({ timeout: 10_000 });
    await context.close();
  }, 240_000);

  it('popup mode: exactly one complete reaches it', async () => {
    const { context, recorder, page } = await newContext(suite.browser);
    await addLateListener(context);
    await page.goto(`${suite.urls.pages.scriptTag}?mode=popup`);
    await ready(page);
    const popup = await startInPopup(page);
    await decide(popup, 'Approve');
    const complete = await recorder.waitFor('digilocker-kyc-complete');
    await recorder.settle(500);
    expect(await heard(page)).toEqual([
      { name: 'digilocker-kyc-complete', reference_id: complete.detail.reference_id },
    ]);
    await context.close();
  });

  it('after a cross-origin return (the page on another origin than /kyc): exactly one complete', async () => {
    const { context, recorder, page } = await newContext(suite.browser);
    await addLateListener(context);
    const start = `${suite.urls.pages.crossOrigin}?mode=redirect`;
    await page.goto(start);
    expect(new URL(page.url()).origin).not.toBe(suite.urls.server);
    await ready(page);
    const referenceId = await approveInThisTab(page, recorder);
    expect(page.url()).toBe(start);
    expect(await heard(page)).toEqual([
      { name: 'digilocker-kyc-complete', reference_id: referenceId },
    ]);
    await context.close();
  });
});
