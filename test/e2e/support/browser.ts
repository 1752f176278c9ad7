// Chromium through playwright-core, and a recorder that sees every widget event, CSP violation
// and pageshow in every page of a context (it survives navigations: the journey's redirects).
import { KYC_EVENT_NAMES, type KycEventName } from '@digilocker-kyc/shared';
import {
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  chromium,
  type LaunchOptions,
  type Page,
} from 'playwright-core';
import { CHROMIUM_FLAGS } from '../../../scripts/chromium-flags.mjs';
import { CHROMIUM } from './paths.js';

export interface BrowserOptions {
  /** Keep Chromium's popup blocker on (Playwright turns it off by default). */
  popupBlocker?: boolean;
  /** Keep the back/forward cache on (Playwright turns it off by default). */
  bfcache?: boolean;
  /** Block third-party cookies, as Safari, Firefox's strict mode and Chrome's opt-in do. */
  blockThirdPartyCookies?: boolean;
}

export function launch(options: BrowserOptions = {}): Promise<Browser> {
  const ignoreDefaultArgs: string[] = [];
  if (options.popupBlocker) ignoreDefaultArgs.push('--disable-popup-blocking');
  if (options.bfcache) ignoreDefaultArgs.push('--disable-back-forward-cache');
  const launchOptions: LaunchOptions = {
    executablePath: CHROMIUM,
    headless: true,
    args: options.blockThirdPartyCookies
      ? [...CHROMIUM_FLAGS, '--test-third-party-cookie-phaseout']
      : CHROMIUM_FLAGS,
    ...(ignoreDefaultArgs.length ? { ignoreDefaultArgs } : {}),
  };
  return chromium.launch(launchOptions);
}

export interface RecordedEvent {
  name: KycEventName;
  detail: Record<string, unknown>;
  /** The page's URL when the event fired. */
  url: string;
  /** 0 for the context's first page, 1 for the next (the popup), … */
  page: number;
  at: number;
}

export interface Violation {
  directive: string;
  blocked: string;
  url: string;
}

type Waiter = () => void;

/**
 * Collects what the pages of one context report through a binding. The init script runs in the
 * main world before any page script; it only adds listeners and touches no DOM sink, so it is
 * itself invisible to CSP and Trusted Types.
 */
export class Recorder<PageKey = Page> {
  readonly events: RecordedEvent[] = [];
  readonly violations: Violation[] = [];
  readonly pageshows: Array<{ persisted: boolean; url: string; page: number }> = [];
  readonly #pages = new Map<PageKey, number>();
  #waiters: Waiter[] = [];

  pageIndex(page: PageKey): number {
    let index = this.#pages.get(page);
    if (index === undefined) {
      index = this.#pages.size;
      this.#pages.set(page, index);
    }
    return index;
  }

  record(page: PageKey, payload: Record<string, unknown>): void {
    const index = this.pageIndex(page);
    if (payload.kind === 'event') {
      this.events.push({
        name: payload.name as KycEventName,
        detail: (payload.detail ?? {}) as Record<string, unknown>,
        url: String(payload.url),
        page: index,
        at: Date.now(),
      });
    } else if (payload.kind === 'csp') {
      this.violations.push({
        directive: String(payload.directive),
        blocked: String(payload.blocked),
        url: String(payload.url),
      });
    } else if (payload.kind === 'pageshow') {
      this.pageshows.push({
        persisted: payload.persisted === true,
        url: String(payload.url),
        page: index,
      });
    }
    for (const waiter of this.#waiters.splice(0)) waiter();
  }

  named(name: KycEventName): RecordedEvent[] {
    return this.events.filter((event) => event.name === name);
  }

  /** The sequence of event names, e.g. for a readable assertion. */
  names(): KycEventName[] {
    return this.events.map((event) => event.name);
  }

  /** The events so far for a failure message: an error or cancel with its code or reason. */
  #heard(): string {
    return this.events
      .map(({ name, detail }) => {
        const why = detail.code ?? detail.reason;
        if (typeof why !== 'string') return name;
        const retry =
          typeof detail.retryable === 'boolean' ? `, retryable: ${detail.retryable}` : '';
        return `${name} (${why}${retry})`;
      })
      .join(', ');
  }

  /** Resolves with the n-th (1-based) event of that name once it has fired. */
  waitFor(name: KycEventName, { timeout = 30_000, nth = 1 } = {}): Promise<RecordedEvent> {
    return this.until(
      () => this.named(name)[nth - 1],
      timeout,
      () => `${name} #${nth}`,
    );
  }

  /** Resolves once `probe` returns something, re-checked on every report and every 250 ms. */
  until<T>(probe: () => T | undefined | false, timeout: number, what: () => string): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const check = () => {
        const value = probe();
        if (value) {
          clearTimeout(timer);
          clearInterval(tick);
          resolve(value);
          return true;
        }
        return false;
      };
      const timer = setTimeout(() => {
        clearInterval(tick);
        reject(
          new Error(
            `Timed out after ${timeout} ms waiting for ${what()}; events so far: ${this.#heard() || 'none'}`,
          ),
        );
      }, timeout);
      const tick = setInterval(check, 250);
      const wait = () => {
        if (!check()) this.#waiters.push(wait);
      };
      wait();
    });
  }

  /** Waits `ms` so that late duplicates (a second complete, a false cancel) would show up. */
  settle(ms = 1_000): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, ms));
  }

  clear(): void {
    this.events.length = 0;
    this.violations.length = 0;
    this.pageshows.length = 0;
  }
}

/** Reports through `window.__e2eRecord` (Playwright's binding, or a BiDi channel in Firefox). */
export function initScript(names: readonly string[]): void {
  const record = (payload: unknown) =>
    (window as unknown as { __e2eRecord: (p: unknown) => void }).__e2eRecord(payload);
  const clone = (value: unknown) => {
    try {
      return JSON.parse(JSON.stringify(value ?? {}));
    } catch {
      return { unserializable: true };
    }
  };
  for (const name of names) {
    window.addEventListener(
      name,
      (event) =>
        record({
          kind: 'event',
          name,
          detail: clone((event as CustomEvent).detail),
          url: location.href,
        }),
      true,
    );
  }
  window.addEventListener(
    'securitypolicyviolation',
    (event) =>
      record({
        kind: 'csp',
        directive: event.effectiveDirective,
        blocked: event.blockedURI,
        url: location.href,
      }),
    true,
  );
  window.addEventListener('pageshow', (event) =>
    record({ kind: 'pageshow', persisted: event.persisted, url: location.href }),
  );
}

const openContexts = new Set<BrowserContext>();

/** Closes every context newContext made (call in afterEach, so a failed test leaves nothing open). */
export async function closeContexts(): Promise<void> {
  const contexts = [...openContexts];
  openContexts.clear();
  await Promise.all(contexts.map((context) => context.close().catch(() => undefined)));
}

/** A fresh context whose pages (popups included) all report to one recorder. */
export async function newContext(
  browser: Browser,
  options: BrowserContextOptions = {},
): Promise<{ context: BrowserContext; recorder: Recorder; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 900, height: 700 }, ...options });
  openContexts.add(context);
  const recorder = new Recorder();
  await context.exposeBinding('__e2eRecord', (source, payload: Record<string, unknown>) => {
    recorder.record(source.page, payload);
  });
  await context.addInitScript(initScript, [...KYC_EVENT_NAMES]);
  const page = await context.newPage();
  recorder.pageIndex(page);
  return { context, recorder, page };
}
