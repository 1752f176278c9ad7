// Every language in a real journey: idle, waiting, error and done in its script, drawn with the
// system's fonts (Noto on Linux) with no missing glyph and nothing overflowing at 320 px, axe
// clean, and pictures of idle, error and done in docs/screenshots/languages/.
import { mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { newContext } from './support/browser.js';
import { decide, startInPopup, widget } from './support/journey.js';
import { SCREENSHOTS, WIDGET_BUNDLE } from './support/paths.js';
import { useJourneySuite } from './support/suite.js';

const suite = useJourneySuite();
const PICTURES = join(SCREENSHOTS, 'languages');
const LANG_DIR = join(dirname(WIDGET_BUNDLE), 'lang');
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

type Words = Record<string, string>;
interface Language {
  words: Words;
  page: Words;
}

const ENGLISH: Language = {
  words: {
    start: 'Verify with DigiLocker',
    share: 'Share your documents from DigiLocker with {merchant}.',
    awaiting: 'Finish in the DigiLocker window.',
    connecting: 'Connecting to DigiLocker…',
    complete: 'Verified with DigiLocker',
    errorLater: 'DigiLocker is busy. Try again in a few minutes.',
  },
  page: { title: 'Returning from DigiLocker', close: 'You can close this window.' },
};
const CODES = ['en', 'hi', 'bn', 'gu', 'kn', 'ml', 'mr', 'or', 'pa', 'ta', 'te'] as const;
const languages: Record<string, Language> = { en: ENGLISH };

beforeAll(async () => {
  mkdirSync(PICTURES, { recursive: true });
  // The words the test expects are those of the built files the server serves.
  for (const name of readdirSync(LANG_DIR)) {
    const code = name.split('.')[0]!;
    const file = (await import(pathToFileURL(join(LANG_DIR, name)).href)) as {
      default: Words;
      page: Words;
    };
    languages[code] = { words: file.default, page: file.page };
  }
  expect(Object.keys(languages).sort()).toEqual([...CODES].sort());
});

/** A merchant page (English) at the server's origin holding the element in `locale` from the start. */
async function merchantPage(page: Page, locale: string, mode = 'popup'): Promise<string> {
  const url = `${suite.urls.server}/__languages.html?mode=${mode}`;
  await page.route(`${suite.urls.server}/__languages.html*`, (route) =>
    route.fulfill({
      contentType: 'text/html; charset=utf-8',
      body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Shop</title><script type="module" src="/kyc/widget.js"></script></head><body><main><h1>Open an account</h1><digilocker-kyc id="kyc" endpoint="/kyc" mode="${mode}" merchant="Acme Bank" locale="${locale}"></digilocker-kyc></main><script type="module">document.querySelector('#kyc').addEventListener('digilocker-kyc-complete', (event) => event.target.settle({ ok: true }));</script></body></html>`,
    }),
  );
  await page.goto(url);
  await page.locator('#kyc [part="button"]').waitFor({ timeout: 15_000 });
  return url;
}

const fill = (text: string) => text.replace('{merchant}', 'Acme Bank');

/** Waits for the element's status; across navigations (a redirect journey), on whichever page. */
async function waitForStatus(page: Page, status: string): Promise<void> {
  await page.waitForFunction(
    (expected) =>
      (document.querySelector('#kyc') as (HTMLElement & { status: string }) | null)?.status ===
      expected,
    status,
    { timeout: 20_000, polling: 50 },
  );
}

/**
 * Characters of the element's text that the system fonts cannot draw: each one drawn on a canvas
 * in the element's font, compared with what a code point no font has (a .notdef box) looks like.
 */
function missingGlyphs(page: Page): Promise<string[]> {
  return widget(page).host.evaluate((host) => {
    const root = host.shadowRoot as ShadowRoot;
    const text = [...root.querySelectorAll('p, button')].map((node) => node.textContent).join('');
    const canvas = document.createElement('canvas');
    canvas.width = 64;
    canvas.height = 64;
    const ctx = canvas.getContext('2d', { willReadFrequently: true }) as CanvasRenderingContext2D;
    ctx.font = `32px ${getComputedStyle(root.querySelector('p') as Element).fontFamily}`;
    const draw = (ch: string) => {
      ctx.clearRect(0, 0, 64, 64);
      ctx.fillText(ch, 8, 44);
      return ctx.getImageData(0, 0, 64, 64).data.join();
    };
    const blank = draw(' ');
    const tofu = new Set(['\u0378', '\u05ff', '\u{e01f0}', '\u{10fffd}'].map(draw));
    const missing = new Set<string>();
    for (const ch of new Set(text.replace(/\s/g, ''))) {
      // Zero-width joiners draw nothing by design.
      if (ch === '\u200c' || ch === '\u200d') continue;
      const drawn = draw(ch);
      if (drawn === blank || tofu.has(drawn)) missing.add(ch);
    }
    return [...missing].map((ch) => `${ch} U+${ch.codePointAt(0)?.toString(16)}`);
  });
}

/** Nodes of the element whose text runs past their box or past the 320 px viewport. */
function overflowing(page: Page): Promise<string[]> {
  return widget(page).host.evaluate((host) => {
    const root = host.shadowRoot as ShadowRoot;
    const out: string[] = [];
    for (const node of root.querySelectorAll<HTMLElement>('p, button')) {
      const box = node.getBoundingClientRect();
      if (node.scrollWidth > node.clientWidth + 1 || box.right > window.innerWidth + 0.5) {
        out.push(`${node.getAttribute('part')}: ${node.textContent} (${Math.round(box.right)} px)`);
      }
    }
    return out;
  });
}

async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: AXE });
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run: (c: unknown) => Promise<{ violations: { id: string; nodes: unknown[] }[] }> };
      }
    ).axe;
    const result = await axe.run(document);
    return result.violations.map((v) => `${v.id} (${v.nodes.length})`);
  });
}

/** Checks the element as a customer on a 320 px phone sees it, in its language. */
async function look(page: Page, code: string): Promise<void> {
  expect(await missingGlyphs(page), 'characters the fonts cannot draw').toEqual([]);
  expect(await overflowing(page), 'text past its button or the screen').toEqual([]);
  expect(await axeViolations(page), 'axe').toEqual([]);
  const langs = await widget(page).host.evaluate((host) =>
    [...(host.shadowRoot as ShadowRoot).querySelectorAll('p, div')].map((n) =>
      n.getAttribute('lang'),
    ),
  );
  expect(new Set(langs)).toEqual(new Set([code]));
}

async function shoot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  const path = join(PICTURES, `${name}.png`);
  await widget(page).host.screenshot({ path, animations: 'disabled', caret: 'hide' });
  expect(statSync(path).size).toBeLessThan(60_000);
}

describe.each(CODES)('%s', (code) => {
  it('idle, waiting, error and done in its own script, at 320 px', async () => {
    const { words } = languages[code]!;
    const { page } = await newContext(suite.browser);
    await page.setViewportSize({ width: 320, height: 640 });
    const w = widget(page);

    // Idle.
    await merchantPage(page, code);
    expect(await w.startButton.textContent()).toBe(words.start);
    expect(await w.host.locator('[part="share"]').textContent()).toBe(fill(words.share!));
    await look(page, code);
    await shoot(page, `${code}-idle`);

    // Waiting: DigiLocker open in the popup; Reopen and Cancel must fit too.
    const popup = await startInPopup(page);
    await popup.waitForURL(/\/digilocker\/consent/);
    await waitForStatus(page, 'awaiting');
    expect(await w.status.textContent()).toBe(words.awaiting);
    await look(page, code);
    await w.cancelButton.click();
    await waitForStatus(page, 'cancelled');

    // Error: Eko answers 503; the line says DigiLocker is busy, try again in a few minutes.
    await suite.sandbox.arm('error=503', 3, 'api');
    await w.startButton.click();
    await waitForStatus(page, 'error');
    expect(await w.error.textContent()).toBe(words.errorLater);
    await look(page, code);
    await shoot(page, `${code}-error`);
    await suite.sandbox.disarm();

    // Done: a redirect journey, approved.
    await merchantPage(page, code, 'redirect');
    await w.startButton.click();
    await decide(page, 'Approve');
    await waitForStatus(page, 'complete');
    // The page settles the outcome (its backend would have fetched the document): Verified.
    await expect
      .poll(() => w.status.locator('b').textContent(), { timeout: 15_000 })
      .toBe(words.complete);
    await look(page, code);
    await shoot(page, `${code}-done`);
  });
});

describe('the language around the element', () => {
  it('auto follows a ta-IN browser to Tamil', async () => {
    const { page } = await newContext(suite.browser, { locale: 'ta-IN' });
    await merchantPage(page, 'auto');
    expect(await widget(page).startButton.textContent()).toBe(languages.ta!.words.start);
    expect(await widget(page).status.getAttribute('lang')).toBe('ta');
  });

  it('popup: the placeholder and the return page speak the widget’s Tamil to an English browser', async () => {
    const { words, page: returnWords } = languages.ta!;
    const { context, page } = await newContext(suite.browser, { locale: 'en-US' });
    // The return page would close itself at once: kept open here to read it.
    await context.addInitScript(() => {
      if (location.pathname.includes('/return')) window.close = () => undefined;
    });
    await merchantPage(page, 'ta');
    await suite.sandbox.arm('latency=2500', 1, 'api');
    const popup = await startInPopup(page);
    const placeholder = await popup.evaluate(() => ({
      lang: document.documentElement.lang,
      title: document.title,
      text: document.body.textContent,
    }));
    expect(placeholder).toEqual({ lang: 'ta', title: words.connecting, text: words.connecting });
    await decide(popup, 'Approve');
    await popup.waitForURL(/\/kyc\/return\//);
    await waitForStatus(page, 'complete');
    await popup.waitForFunction(
      (close) => document.getElementById('dlkyc-return-status')?.textContent === close,
      returnWords.close,
    );
    expect(await popup.evaluate(() => [document.documentElement.lang, document.title])).toEqual([
      'ta',
      returnWords.title,
    ]);
  });

  it('redirect: the return page speaks the widget’s Tamil to an English browser', async () => {
    const { page: returnWords } = languages.ta!;
    const { context, page } = await newContext(suite.browser, { locale: 'en-US' });
    // What the return page shows once its script has run, recorded before it sends the tab back
    // to the merchant's page (the server's page is English: lang="en" in its HTML). The record is
    // written synchronously to the tab's sessionStorage (the return page and the merchant page
    // share an origin here), so the navigation that follows cannot drop it the way it can drop a
    // message still on its way to the test runner.
    await context.addInitScript(() => {
      if (!location.pathname.includes('/kyc/return/')) return;
      new MutationObserver(() =>
        sessionStorage.setItem(
          'test:return-page-seen',
          JSON.stringify([document.documentElement.lang, document.title]),
        ),
      ).observe(document, { attributes: true, attributeFilter: ['lang'], subtree: true });
    });
    await merchantPage(page, 'ta', 'redirect');
    await widget(page).startButton.click();
    await decide(page, 'Approve');
    await waitForStatus(page, 'complete');
    expect(
      JSON.parse(
        (await page.evaluate(() => sessionStorage.getItem('test:return-page-seen'))) ?? 'null',
      ),
    ).toEqual(['ta', returnWords.title]);
    // The key that carried the language is spent: nothing left in the merchant's storage.
    expect(
      await page.evaluate(() => Object.keys(sessionStorage).filter((k) => k.startsWith('dlkyc'))),
    ).toEqual([]);
  });

  it('no English before the Tamil file; English after localeWaitMs; Tamil once it comes', async () => {
    const { page } = await newContext(suite.browser);
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    await page.route('**/kyc/lang/ta.*.js', async (route) => {
      await held;
      await route.fallback();
    });
    const w = widget(page);
    const shown = merchantPage(page, 'ta');
    await page.waitForTimeout(1500);
    expect(
      await w.host.evaluate((host) => host.shadowRoot?.textContent ?? ''),
      'nothing while the file is on its way',
    ).toBe('');
    // The element stops waiting after localeWaitMs (3 s) and speaks English.
    await shown;
    expect(await w.startButton.textContent()).toBe(ENGLISH.words.start);
    expect(await w.status.getAttribute('lang')).toBe('en');
    release();
    await w.startButton.getByText(languages.ta!.words.start!).waitFor();
    expect(await w.status.getAttribute('lang')).toBe('ta');
  });

  it('English at once when the language file cannot load', async () => {
    const { page } = await newContext(suite.browser);
    await page.route('**/kyc/lang/bn.*.js', (route) => route.abort());
    const started = Date.now();
    await merchantPage(page, 'bn');
    expect(Date.now() - started, 'no wait for a failed file').toBeLessThan(2500);
    expect(await widget(page).startButton.textContent()).toBe(ENGLISH.words.start);
  });

  it('the font and overflow checks catch a missing glyph and a line too wide', async () => {
    const { page } = await newContext(suite.browser);
    await page.setViewportSize({ width: 320, height: 640 });
    await merchantPage(page, 'en');
    await widget(page).host.evaluate((host) => {
      (host as HTMLElement & { strings: Record<string, string> }).strings = {
        start: 'Verify\u0ff0',
        share: 'A'.repeat(80),
      };
    });
    await page.waitForFunction(() =>
      document.querySelector('#kyc')?.shadowRoot?.textContent?.includes('\u0ff0'),
    );
    expect(await missingGlyphs(page)).toEqual(['\u0ff0 U+ff0']);
    expect((await overflowing(page)).map((line) => line.split(':')[0])).toEqual(['share']);
  });
});
