// Steps a customer takes, in Firefox through puppeteer-core: the widget's shadow DOM is read with
// page.evaluate, and every click is a real mouse click at the element's centre, so that a popup
// it opens counts as a user gesture (BiDi's script evaluation carries none).
import type { Frame, Page, Target } from 'puppeteer-core';
import type { Recorder } from './browser.js';
import { expectCleanStorageDump, readStorage } from './journey.js';

type Where = Page | Frame;

interface Point {
  x: number;
  y: number;
}

/** Polls until `probe` returns something truthy (it survives navigations, unlike page scripts). */
export async function until<T>(
  probe: () => Promise<T | undefined | null | false> | T | undefined | null | false,
  what: string,
  timeout = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeout;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value) return value;
    } catch (error) {
      lastError = error; // a navigation tore the document down mid-probe: ask again
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`Timed out after ${timeout} ms waiting for ${what}`, { cause: lastError });
}

export function waitForUrl(page: Page, pattern: RegExp, timeout = 15_000): Promise<string> {
  return until(() => pattern.test(page.url()) && page.url(), `a URL matching ${pattern}`, timeout);
}

/**
 * The centre of `[part=…]` in the element's shadow root, in its frame's viewport; null until the
 * document has loaded its stylesheets and fonts and the centre really hits that part. Firefox lays
 * a page out when a script asks for geometry even before its stylesheet has arrived, so a centre
 * read too early is where the element was unstyled: clicked later, it lands on nothing or on
 * another control (the cause of the journeys that stalled after `open` on a loaded machine).
 */
function partCentre(where: Where, part: string, selector: string): Promise<Point | null> {
  return where.evaluate(
    (selector, part) => {
      if (document.readyState !== 'complete' || document.fonts.status !== 'loaded') return null;
      const host = document.querySelector(selector);
      const el = host?.shadowRoot?.querySelector(`[part="${part}"]`);
      if (!host?.shadowRoot || !el) return null;
      const rect = el.getBoundingClientRect();
      if (rect.width === 0 || rect.height === 0) return null;
      const point = { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 };
      const hit = host.shadowRoot.elementFromPoint(point.x, point.y);
      return hit && (hit === el || el.contains(hit)) ? point : null;
    },
    selector,
    part,
  );
}

/** Where a frame's viewport starts in its page (the iframe's content box). */
function frameOffset(page: Page, iframeSelector: string): Promise<Point> {
  return page.evaluate((selector) => {
    const frame = document.querySelector(selector)!;
    const rect = frame.getBoundingClientRect();
    return { x: rect.x + frame.clientLeft, y: rect.y + frame.clientTop };
  }, iframeSelector);
}

export interface WidgetAt {
  page: Page;
  /** The element's frame, if it is not in the page itself. */
  frame?: { frame: Frame; selector: string };
  selector?: string;
}

/** Waits until the element is upgraded and rendered its start button. */
export async function ready({ page, frame, selector = '#kyc' }: WidgetAt): Promise<void> {
  await until(() => partCentre(frame?.frame ?? page, 'button', selector), 'the start button');
}

/** A real mouse click on one of the widget's parts (a user gesture, unlike element.click()). */
export async function clickPart(at: WidgetAt, part = 'button'): Promise<void> {
  const { page, frame, selector = '#kyc' } = at;
  const point = await until(
    () => partCentre(frame?.frame ?? page, part, selector),
    `[part=${part}]`,
  );
  const offset = frame ? await frameOffset(page, frame.selector) : { x: 0, y: 0 };
  await page.mouse.click(point.x + offset.x, point.y + offset.y);
}

/** The element's `status` property and its status line. */
export function widgetState(page: Page, selector = '#kyc') {
  return page.evaluate((selector) => {
    const el = document.querySelector(selector) as (HTMLElement & { status: string }) | null;
    const line = el?.shadowRoot?.querySelector('[part="status"]');
    return { status: el?.status, text: line?.textContent?.trim() ?? '' };
  }, selector);
}

/**
 * Resolves with the next page opened in the page's user context. (Puppeteer's `popup` event does
 * not fire for a window opened from a frame: BiDi names the frame as its opener.)
 */
export function nextPopup(page: Page, timeout = 10_000): Promise<Page> {
  const context = page.browserContext();
  return new Promise((resolve, reject) => {
    const onTarget = async (target: Target) => {
      const popup = await target.page();
      if (!popup || popup === page) return;
      context.off('targetcreated', onTarget);
      clearTimeout(timer);
      resolve(popup);
    };
    const timer = setTimeout(() => {
      context.off('targetcreated', onTarget);
      reject(new Error('No popup opened'));
    }, timeout);
    context.on('targetcreated', onTarget);
  });
}

/** Clicks start and returns the popup the widget opened. */
export async function startInPopup(at: WidgetAt): Promise<Page> {
  const popup = nextPopup(at.page);
  await clickPart(at);
  return popup;
}

/**
 * On the simulated DigiLocker page: wait until it is styled and the button's centre hits the
 * button (see partCentre), press Approve or Deny with the mouse, and wait until the form went
 * (the page left the consent URL, or the popup closed), so a click that missed fails here, saying
 * so, rather than as a journey that never ends.
 */
export async function decide(consent: Page, decision: 'Approve' | 'Deny'): Promise<void> {
  await waitForUrl(consent, /\/digilocker\/consent/);
  const value = decision.toLowerCase();
  const point = await until(
    () =>
      consent.evaluate((value) => {
        if (document.readyState !== 'complete' || document.fonts.status !== 'loaded') return null;
        const button = document.querySelector(`button[value="${value}"]`);
        const rect = button?.getBoundingClientRect();
        if (!button || !rect || rect.width === 0) return null;
        const point = { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 };
        return document.elementFromPoint(point.x, point.y) === button ? point : null;
      }, value),
    `the ${decision} button, styled and hit at its centre`,
  );
  await consent.mouse.click(point.x, point.y);
  await until(
    () => consent.isClosed() || !/\/digilocker\/consent/.test(consent.url()),
    `the consent page to submit ${decision}`,
  );
}

/** Redirect mode, approved in the same tab: the complete event once events have settled. */
export async function approveByRedirect(page: Page, recorder: Recorder<string>) {
  await clickPart({ page });
  await decide(page, 'Approve');
  const complete = await recorder.waitFor('digilocker-kyc-complete');
  await recorder.settle();
  return complete;
}

export function closed(page: Page): Promise<void> {
  return page.isClosed()
    ? Promise.resolve()
    : new Promise((resolve) => page.once('close', () => resolve()));
}

/** The storage checks of journey.ts, read through puppeteer. */
export async function expectCleanStorage(page: Page, tokens: readonly string[]): Promise<void> {
  expectCleanStorageDump(await page.evaluate(readStorage), tokens);
}

/** Status polling a minute away, so that a prompt complete proves a channel delivered it. */
export function slowPolling(where: Where, selector = '#kyc'): Promise<void> {
  return where.evaluate((selector) => {
    (document.querySelector(selector) as HTMLElement & { timings: object }).timings = {
      pollInitialMs: 60_000,
    };
  }, selector);
}
