// Steps a customer takes, and the checks every journey ends with.
import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';
import { newContext, type RecordedEvent, type Recorder } from './browser.js';

/** Eko's public UAT keys (the sandbox defaults) and the sandbox personas' personal data. */
export const FORBIDDEN_IN_BROWSER = [
  'becbbce45f79c6f5109f848acd540567', // developer_key
  'd2fe1d99-6298-4af2-8cc5-d97dcf46df30', // access_key
  'ZDJmZTFkOTktNjI5OC00YWYyLThjYzUtZDk3ZGNmNDZkZjMw', // base64(access_key), the HMAC key
  'Asha Verma',
  '15-08-1990',
  'Nehru Street',
  'D/O Ramesh Verma',
];

/** No key or personal datum, plain or base64, anywhere in `text` (logs, pages, storage dumps). */
export function expectNoLeaks(text: string, where: string): void {
  for (const value of FORBIDDEN_IN_BROWSER) {
    for (const form of [
      value,
      Buffer.from(value).toString('base64'),
      Buffer.from(value).toString('base64url'),
    ]) {
      expect(text.includes(form), `${where} contain ${JSON.stringify(form)}`).toBe(false);
    }
  }
}

/** The keys each event's detail may have; anything else is a leak or a bug. */
const ALLOWED_DETAIL_KEYS: Record<string, readonly string[]> = {
  'digilocker-kyc-start': ['mode'],
  'digilocker-kyc-open': ['reference_id', 'mode'],
  'digilocker-kyc-fallback': ['reason'],
  'digilocker-kyc-complete': ['reference_id', 'verification_id', 'documents', 'session_token'],
  'digilocker-kyc-cancel': ['reference_id', 'reason'],
  'digilocker-kyc-error': ['code', 'message', 'retryable', 'reference_id'],
};

export function widget(page: Page, selector = '#kyc') {
  const host = page.locator(selector);
  return {
    host,
    startButton: host.locator('[part="button"]'),
    status: host.locator('[part="status"]'),
    error: host.locator('[part="error"]'),
    cancelButton: host.locator('[part="cancel-button"]'),
    reopenButton: host.locator('[part="reopen-button"]'),
    /** The element's `status` property. */
    state: () => host.evaluate((el) => (el as HTMLElement & { status: string }).status),
  };
}

/**
 * Waits until the element is upgraded and rendered its start button. The bound is for the page's
 * load on a busy machine (the React page's button took longer than 15 s once at a load average
 * of 20 on two cores), not a timing of the widget's. On a timeout the error says how far the
 * page got: its load state, whether the element is defined and rendered, and every resource it
 * fetched with status and duration.
 */
export async function ready(page: Page, selector = '#kyc'): Promise<void> {
  try {
    await page
      .locator(`${selector} [part="button"]`)
      .waitFor({ state: 'visible', timeout: 30_000 });
  } catch (error) {
    const state = await page
      .evaluate((hostSelector) => {
        const host = document.querySelector(hostSelector);
        const button = host?.shadowRoot?.querySelector('[part="button"]');
        return {
          url: location.href,
          readyState: document.readyState,
          defined: customElements.get('digilocker-kyc') !== undefined,
          host: host !== null,
          shadowRoot: host?.shadowRoot != null,
          button: button ? button.getBoundingClientRect().toJSON() : null,
          resources: performance.getEntriesByType('resource').map((entry) => {
            const timing = entry as PerformanceResourceTiming & { responseStatus?: number };
            return `${timing.responseStatus ?? '?'} ${Math.round(timing.duration)} ms ${timing.name}`;
          }),
        };
      }, selector)
      .catch((reason: unknown) => `page state unreadable: ${String(reason)}`);
    throw new Error(
      `The start button of ${selector} never showed: ${JSON.stringify(state, null, 1)}`,
      {
        cause: error,
      },
    );
  }
}

/** Clicks start and returns the popup the widget opened. */
export async function startInPopup(page: Page, selector = '#kyc'): Promise<Page> {
  const popup = page.waitForEvent('popup', { timeout: 10_000 });
  await widget(page, selector).startButton.click();
  return popup;
}

/**
 * A fresh context on `url`, the widget ready and its start clicked: the context, its recorder,
 * the page and the popup the widget opened.
 */
export async function openAndStartInPopup(browser: Browser, url: string) {
  const { context, recorder, page } = await newContext(browser);
  await page.goto(url);
  await ready(page);
  const popup = await startInPopup(page);
  return { context, recorder, page, popup };
}

/** On the simulated DigiLocker page: pick a persona (optional) and press Approve or Deny. */
export async function decide(
  consent: Page,
  decision: 'Approve' | 'Deny',
  persona?: RegExp,
): Promise<void> {
  await consent.waitForURL(/\/digilocker\/consent/, { timeout: 15_000 });
  if (persona) await consent.getByRole('radio', { name: persona }).check();
  await consent.getByRole('button', { name: decision, exact: true }).click();
}

/**
 * Redirect mode, approved: clicks start, approves on the simulated DigiLocker page in the same
 * tab, and returns the complete event once the page is back and the events have settled.
 */
export async function approveByRedirect(page: Page, recorder: Recorder): Promise<RecordedEvent> {
  await widget(page).startButton.click();
  await decide(page, 'Approve');
  const complete = await recorder.waitFor('digilocker-kyc-complete');
  await recorder.settle();
  return complete;
}

/** Runs in the page: its local and session storage, and its origin. */
export function readStorage() {
  const read = (storage: Storage) => {
    const entries: Record<string, string> = {};
    for (let i = 0; i < storage.length; i++) {
      const key = storage.key(i)!;
      entries[key] = storage.getItem(key) ?? '';
    }
    return entries;
  };
  return { local: read(localStorage), session: read(sessionStorage), origin: location.origin };
}

/**
 * What the page keeps in storage after a journey: no `dlkyc` key, no session token, no Eko key,
 * no personal data. (The complete event's detail is the only place the token belongs.)
 */
export async function expectCleanStorage(page: Page, tokens: readonly string[]): Promise<void> {
  expectCleanStorageDump(await page.evaluate(readStorage), tokens);
}

/** The checks of expectCleanStorage on a dump read by any driver (Firefox's too). */
export function expectCleanStorageDump(
  dump: ReturnType<typeof readStorage>,
  tokens: readonly string[],
): void {
  const text = JSON.stringify(dump);
  expect(
    Object.keys(dump.local).filter((key) => key.startsWith('dlkyc')),
    `localStorage on ${dump.origin}`,
  ).toEqual([]);
  expect(
    Object.keys(dump.session).filter((key) => key.startsWith('dlkyc')),
    `sessionStorage on ${dump.origin}`,
  ).toEqual([]);
  for (const token of tokens) expect(text).not.toContain(token);
  for (const secret of FORBIDDEN_IN_BROWSER) expect(text).not.toContain(secret);
}

/** Every event detail has only the documented keys, no secret, no personal data. */
export function expectCleanEvents(events: readonly Pick<RecordedEvent, 'name' | 'detail'>[]): void {
  for (const event of events) {
    const allowed = ALLOWED_DETAIL_KEYS[event.name] ?? [];
    expect(
      Object.keys(event.detail).filter((key) => !allowed.includes(key)),
      event.name,
    ).toEqual([]);
    const text = JSON.stringify(event.detail);
    for (const secret of FORBIDDEN_IN_BROWSER) expect(text, event.name).not.toContain(secret);
    if (event.name !== 'digilocker-kyc-complete') {
      expect(text, `${event.name} must not carry a session token`).not.toMatch(/session_token/);
    }
  }
}

/** The session tokens handed out in complete events (to look for them in storage). */
export function tokensOf(recorder: Pick<Recorder, 'named'>): string[] {
  return recorder
    .named('digilocker-kyc-complete')
    .map((event) => String(event.detail.session_token ?? ''))
    .filter(Boolean);
}
