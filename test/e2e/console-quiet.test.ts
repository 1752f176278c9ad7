// A successful journey leaves the merchant's console clean: no warning or error from the page,
// the placeholder window or the return page (the return page posts only to the exact origin
// that started the attempt, so no postMessage target-origin mismatch is reported).
import type { ConsoleMessage, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { newContext } from './support/browser.js';
import { decide, ready, startInPopup } from './support/journey.js';
import { useJourneySuite } from './support/suite.js';

const suite = useJourneySuite();

/** Warnings and errors from every page of the context, with the page's URL. */
function collect(pages: { on(event: 'page', fn: (page: Page) => void): void }, first: Page) {
  const noisy: string[] = [];
  const watch = (page: Page) =>
    page.on('console', (message: ConsoleMessage) => {
      if (message.type() === 'warning' || message.type() === 'error') {
        noisy.push(`${message.type()} ${page.url()}: ${message.text()}`);
      }
    });
  watch(first);
  pages.on('page', watch);
  return noisy;
}

describe('a successful journey is quiet', () => {
  for (const [label, url] of [
    ['same origin', () => `${suite.urls.pages.scriptTag}?mode=popup`],
    ['server on another origin', () => `${suite.urls.pages.crossOrigin}?mode=popup`],
  ] as const) {
    it(`${label}: no console warning or error on the page or in the popup`, async () => {
      const { context, recorder, page } = await newContext(suite.browser);
      const noisy = collect(context, page);
      await page.goto(url());
      await ready(page);
      const popup = await startInPopup(page);
      await decide(popup, 'Approve');
      await recorder.waitFor('digilocker-kyc-complete');
      await recorder.settle(1_500);
      // The favicon 404 of the demo's own pages is the demo's, not the journey's.
      expect(noisy.filter((line) => !/favicon|Failed to load resource/.test(line))).toEqual([]);
    });
  }
});
