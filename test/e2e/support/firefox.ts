// Debian's Firefox ESR through puppeteer-core over WebDriver BiDi (Playwright needs its own patched
// Firefox), and the same recorder as browser.ts: every widget event, CSP violation and pageshow of
// every page of a user context (popups and frames too), from before any page script runs.
import { existsSync } from 'node:fs';
import { KYC_EVENT_NAMES } from '@digilocker-kyc/shared';
import puppeteer, { type Browser, type BrowserContext, type Page } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { initScript, Recorder } from './browser.js';
import {
  type DemoOptions,
  type DemoUrls,
  type Running,
  startDemo,
  startTogether,
  teardown,
} from './processes.js';
import { SandboxControl } from './sandbox.js';

export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

/**
 * Puppeteer turns off what a customer's Firefox has on; these put back the shipped defaults the
 * journeys depend on: the popup blocker, and Total Cookie Protection (storage partitioned by
 * top-level site). The back/forward cache is on already.
 */
const SHIPPED_DEFAULTS = {
  'dom.disable_open_during_load': true,
  'network.cookie.cookieBehavior': 5,
  'browser.contentblocking.features.standard': '-tp,tpPrivate,cookieBehavior5,-cryptoTP,-fp',
};

export function launchFirefox(): Promise<Browser> {
  if (!existsSync(FIREFOX)) {
    throw new Error(
      `Firefox not found at ${FIREFOX} (apt-get install firefox-esr, or FIREFOX_PATH).`,
    );
  }
  return puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    extraPrefsFirefox: SHIPPED_DEFAULTS,
  });
}

/** The WebDriver BiDi connection under puppeteer: session-wide preload scripts and events. */
interface BidiConnection {
  send(method: string, params: object): Promise<{ result: Record<string, unknown> }>;
  on(event: string, handler: (params: never) => void): void;
}

interface ContextInfo {
  context: string;
  parent?: string | null;
  userContext?: string;
}

interface ScriptMessage {
  channel: string;
  data: { type: string; value?: unknown };
  source: { context?: string };
}

const CHANNEL = 'dlkyc-e2e-recorder';

/** What the init script reports, numbered per document so that a report counts only once. */
type Entry = Record<string, unknown> & { doc: string; seq: number };

/** One per browser: routes each page's reports to the recorder of its user context. */
class Router {
  /** Browsing context → its parent (frames) or null (top-level pages and popups). */
  readonly #parents = new Map<string, string | null>();
  /** Browsing context → the user context (puppeteer's BrowserContext) it belongs to. */
  readonly #userContexts = new Map<string, string>();
  readonly #recorders = new Map<string, Recorder<string>>();
  readonly #delivered = new Set<string>();

  constructor(connection: BidiConnection) {
    connection.on('browsingContext.contextCreated', (info: ContextInfo) => {
      this.#parents.set(info.context, info.parent ?? null);
      if (info.userContext) this.#userContexts.set(info.context, info.userContext);
      // Pages count in the order they open: 0 for the first page, 1 for its popup, …
      if (!info.parent) this.#recorderOf(info.context)?.pageIndex(info.context);
    });
    connection.on('script.message', (message: ScriptMessage) => {
      if (message.channel !== CHANNEL || typeof message.data.value !== 'string') return;
      const context = message.source.context;
      if (context) this.deliver(context, JSON.parse(message.data.value) as Entry);
    });
  }

  /** Records an entry once, whether it came through the channel or from the page's own log. */
  deliver(context: string, entry: Entry): void {
    const key = `${entry.doc}:${entry.seq}`;
    if (this.#delivered.has(key)) return;
    this.#delivered.add(key);
    this.#recorderOf(context)?.record(this.top(context), entry);
  }

  add(userContext: string, recorder: Recorder<string>): void {
    this.#recorders.set(userContext, recorder);
  }

  remove(userContext: string): void {
    this.#recorders.delete(userContext);
  }

  /** The top-level page a frame belongs to. */
  top(context: string): string {
    let current = context;
    for (let parent = this.#parents.get(current); parent; parent = this.#parents.get(current)) {
      current = parent;
    }
    return current;
  }

  #recorderOf(context: string): Recorder<string> | undefined {
    const userContext = this.#userContexts.get(this.top(context));
    return userContext === undefined ? undefined : this.#recorders.get(userContext);
  }
}

const routers = new WeakMap<Browser, Router>();
/** Every context newFirefoxContext made and not closed yet, with the router it reports to. */
const openContexts = new Map<BrowserContext, { router: Router; userContext: string }>();

function connectionOf(browser: Browser): BidiConnection {
  // Puppeteer's BiDi browser keeps its connection on `connection` (not in the public types):
  // only a session-wide preload script reaches popups from their very first document.
  const connection = (browser as unknown as { connection?: BidiConnection }).connection;
  if (!connection)
    throw new Error('Expected a WebDriver BiDi browser (puppeteer browser: firefox)');
  return connection;
}

/** The BiDi id of a page's top-level browsing context (how the recorder names pages). */
export function contextId(page: Page): string {
  return (page.mainFrame() as unknown as { _id: string })._id;
}

/**
 * Firefox difference: a document restored from the back/forward cache still runs, but its
 * reports on the BiDi channel never arrive, and puppeteer's page.url() keeps the URL the page
 * left. This reads what the page's document logged itself and records what the channel lost.
 */
export async function syncPage(page: Page): Promise<void> {
  const router = routers.get(page.browser());
  if (!router) throw new Error('syncPage: the page is not from newFirefoxContext');
  const entries = await page.evaluate(
    () => (window as unknown as { __e2eLog?: unknown[] }).__e2eLog ?? [],
  );
  for (const entry of entries as Entry[]) router.deliver(contextId(page), entry);
}

/** The Back button: WebDriver BiDi's history traversal (puppeteer's goBack waits for a load). */
export async function back(page: Page): Promise<void> {
  await connectionOf(page.browser()).send('browsingContext.traverseHistory', {
    context: contextId(page),
    delta: -1,
  });
}

/** A fresh user context (own cookies and storage) whose pages all report to one recorder. */
export async function newFirefoxContext(
  browser: Browser,
): Promise<{ context: BrowserContext; recorder: Recorder<string>; page: Page }> {
  const connection = connectionOf(browser);
  let router = routers.get(browser);
  if (!router) {
    router = new Router(connection);
    routers.set(browser, router);
  }
  const context = await browser.createBrowserContext();
  const userContext = (context as unknown as { id: string }).id;
  openContexts.set(context, { router, userContext });
  const recorder = new Recorder<string>();
  router.add(userContext, recorder);
  // Each report goes out on the channel and into the page's own log (see syncPage).
  const preload = `(channel) => {
    const log = [];
    const doc = Math.random().toString(36).slice(2);
    Object.defineProperty(window, '__e2eLog', { value: log });
    window.__e2eRecord = (payload) => {
      const entry = { ...payload, doc, seq: log.length };
      log.push(entry);
      channel(JSON.stringify(entry));
    };
    (${initScript.toString()})(${JSON.stringify(KYC_EVENT_NAMES)});
  }`;
  await connection.send('script.addPreloadScript', {
    functionDeclaration: preload,
    arguments: [{ type: 'channel', value: { channel: CHANNEL } }],
    userContexts: [userContext],
  });
  const page = await context.newPage();
  await page.setViewport({ width: 900, height: 700 });
  recorder.pageIndex(contextId(page));
  return { context, recorder, page };
}

/** Closes every context newFirefoxContext made (afterEach: a failed test leaves nothing open). */
export async function closeFirefoxContexts(): Promise<void> {
  const contexts = [...openContexts];
  openContexts.clear();
  await Promise.all(
    contexts.map(async ([context, { router, userContext }]) => {
      await context.close().catch(() => undefined);
      router.remove(userContext);
    }),
  );
}

/** What useFirefoxSuite started, read through getters (they exist once `beforeAll` has run). */
export interface FirefoxSuite {
  readonly demo: Running & { urls: DemoUrls };
  readonly urls: DemoUrls;
  readonly browser: Browser;
  readonly sandbox: SandboxControl;
}

/**
 * One journey file's lifecycle, as suite.ts does it for Chromium: the demo and Firefox started
 * once, the sandbox reset before each test, every context closed after each, all stopped last.
 */
export function useFirefoxSuite(demoOptions?: DemoOptions): FirefoxSuite {
  let demo: (Running & { urls: DemoUrls }) | undefined;
  let browser: Browser | undefined;
  let sandbox: SandboxControl | undefined;

  beforeAll(async () => {
    await startTogether<[Running & { urls: DemoUrls }, Browser]>([
      [() => startDemo(demoOptions), (value) => (demo = value)],
      [launchFirefox, (value) => (browser = value)],
    ]);
    sandbox = new SandboxControl(started(demo, 'the demo').urls.sandbox);
  });
  afterAll(async () => {
    await teardown([
      ['the Firefox contexts', closeFirefoxContexts],
      // A Firefox that does not close in time is killed: its process must not outlive the run.
      ['Firefox', () => browser?.close().catch(() => browser?.process()?.kill('SIGKILL'))],
      ['the demo', () => demo?.stop()],
    ]);
    browser?.process()?.kill('SIGKILL');
  });
  beforeEach(async () => {
    await started(sandbox, 'the sandbox').reset();
  });
  afterEach(closeFirefoxContexts);

  return {
    get demo() {
      return started(demo, 'the demo');
    },
    get urls() {
      return started(demo, 'the demo').urls;
    },
    get browser() {
      return started(browser, 'Firefox');
    },
    get sandbox() {
      return started(sandbox, 'the sandbox');
    },
  };
}

function started<T>(value: T | undefined, what: string): T {
  if (value === undefined) {
    throw new Error(`${what} is not started yet: read it in a test or hook, after beforeAll`);
  }
  return value;
}
