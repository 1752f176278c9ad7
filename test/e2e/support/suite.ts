// One journey file's lifecycle, registered as vitest hooks: the demo and Chromium started once for
// the file, the sandbox reset before each test, every context closed after each, all stopped last.
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { type BrowserOptions, closeContexts, launch } from './browser.js';
import {
  type DemoOptions,
  type DemoUrls,
  type Running,
  startDemo,
  startTogether,
  teardown,
} from './processes.js';
import { SandboxControl } from './sandbox.js';

export interface JourneySuiteOptions {
  /** How Chromium is launched (e.g. with its popup blocker and bfcache kept on). */
  browser?: BrowserOptions;
  /** How the demo is started (sandbox faults, extra environment). */
  demo?: DemoOptions;
  /** Reset the sandbox (faults, attempts) before each test; on unless `false`. */
  resetSandbox?: boolean;
}

/** What the hooks started, read through getters (they exist once `beforeAll` has run). */
export interface JourneySuite {
  readonly demo: Running & { urls: DemoUrls };
  readonly urls: DemoUrls;
  readonly browser: Browser;
  readonly sandbox: SandboxControl;
}

/** Call once at the top of a test file, outside any `describe`. */
export function useJourneySuite(options: JourneySuiteOptions = {}): JourneySuite {
  let demo: (Running & { urls: DemoUrls }) | undefined;
  let browser: Browser | undefined;
  let sandbox: SandboxControl | undefined;

  beforeAll(async () => {
    await startTogether<[Running & { urls: DemoUrls }, Browser]>([
      [() => startDemo(options.demo), (value) => (demo = value)],
      [() => launch(options.browser), (value) => (browser = value)],
    ]);
    sandbox = new SandboxControl(started(demo, 'the demo').urls.sandbox);
  });

  afterAll(async () => {
    // Contexts before their browser, the browser before the demo (whose stop checks its logs);
    // each step runs even if one before it failed.
    await teardown([
      ['the browser contexts', closeContexts],
      ['Chromium', () => browser?.close()],
      ['the demo', () => demo?.stop()],
    ]);
  });

  if (options.resetSandbox !== false) {
    beforeEach(async () => {
      await started(sandbox, 'the sandbox').reset();
    });
  }

  afterEach(async () => {
    await closeContexts();
  });

  return {
    get demo() {
      return started(demo, 'the demo');
    },
    get urls() {
      return started(demo, 'the demo').urls;
    },
    get browser() {
      return started(browser, 'Chromium');
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
