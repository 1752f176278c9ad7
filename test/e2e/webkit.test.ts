// The popup journey in WebKit (WebKitGTK's MiniBrowser, Debian's webkit2gtk-driver under Xvfb,
// WebDriver classic) against the real demo processes: approve and deny, one final event each.
import { KYC_EVENT_NAMES } from '@digilocker-kyc/shared';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { until } from './support/firefox-journey.js';
import { expectCleanEvents } from './support/journey.js';
import {
  type DemoUrls,
  type Running,
  startDemo,
  startTogether,
  teardown,
} from './support/processes.js';
import { SandboxControl } from './support/sandbox.js';
import {
  centreOf,
  describeWindows,
  installEventLog,
  type LoggedEvent,
  launchWebKit,
  readEventLog,
  type WebDriverSession,
  type WebKit,
} from './support/webkit.js';

let demo: Running & { urls: DemoUrls };
let webkit: WebKit;
/** This test's own browser: a retry starts from a fresh one, not from the failed try's windows. */
let session: WebDriverSession | undefined;

beforeAll(async () => {
  await startTogether<[Running & { urls: DemoUrls }, WebKit]>([
    [startDemo, (value) => (demo = value)],
    [launchWebKit, (value) => (webkit = value)],
  ]);
});
afterAll(async () => {
  await teardown([
    ['the WebDriver session', () => session?.close().catch(() => undefined)],
    ['WebKit and Xvfb', () => webkit?.stop()],
    ['the demo', () => demo?.stop()],
  ]);
});
beforeEach(async () => {
  await new SandboxControl(demo.urls.sandbox).reset();
  session = await webkit.newSession();
});
afterEach(async () => {
  await session?.close().catch(() => undefined);
  session = undefined;
});

/** Opens the script-tag page, clicks start, decides on DigiLocker in the popup, waits for the end. */
async function journey(decision: 'approve' | 'deny', final: string): Promise<LoggedEvent[]> {
  const s = session!;
  try {
    return await steps(s, decision, final);
  } catch (error) {
    // Where each window stopped, and what the page heard, to tell a product stall from a harness one.
    const events = await readEventLog(s).catch(() => []);
    throw new Error(
      [
        (error as Error).message,
        `events: ${JSON.stringify(events)}`,
        await describeWindows(s),
        await demoHealth(),
      ].join('\n'),
      { cause: error },
    );
  }
}

/** Whether the demo is still running and answering, and the end of what it printed. */
async function demoHealth(): Promise<string> {
  const alive = demo.child.exitCode === null && demo.child.signalCode === null;
  const answer = await fetch(demo.urls.pages.scriptTag, { signal: AbortSignal.timeout(3_000) })
    .then((response) => String(response.status))
    .catch((error: unknown) => String(error));
  return `demo: ${alive ? 'running' : `exited (${demo.child.exitCode ?? demo.child.signalCode})`}, the page: ${answer}\n${demo.output().slice(-2_000)}`;
}

async function steps(
  s: WebDriverSession,
  decision: 'approve' | 'deny',
  final: string,
): Promise<LoggedEvent[]> {
  await s.goto(demo.urls.pages.scriptTag);
  const page = await s.window();
  const start = await until(
    () =>
      centreOf(
        s,
        `return document.querySelector('#kyc')?.shadowRoot?.querySelector('[part="button"]')`,
      ),
    'the start button',
    // WebKitGTK under Xvfb on a loaded two-core machine once took longer than 15 s to lay the
    // page out (CI, the Node 24 lane); the wait is bounded, not the journey's own timings.
    30_000,
  );
  await installEventLog(s, KYC_EVENT_NAMES);
  await s.clickAt(start.x, start.y);
  const popup = await until(async () => (await s.windows()).find((h) => h !== page), 'the popup');
  await s.switchTo(popup);
  await until(async () => /\/digilocker\/consent/.test(await s.url()), 'the consent page');
  const button = await until(
    () => centreOf(s, `return document.querySelector('button[value="${decision}"]')`),
    `the ${decision} button`,
  );
  await s.clickAt(button.x, button.y);
  await s.switchTo(page);
  await until(async () => (await readEventLog(s)).some((e) => e.name === final), final, 20_000);
  await new Promise((resolve) => setTimeout(resolve, 1_000)); // late duplicates would show up
  return readEventLog(s);
}

// One retry, in a fresh browser (each test has its own session): a journey that stalled once in
// WebKitGTK under load is run again rather than failing the whole run, and its first failure
// reports where every window stopped and whether the demo still answered. A real regression
// fails both tries.
describe('WebKit: popup journey', { retry: 1 }, () => {
  it('approve → exactly one complete, the popup closed itself', async () => {
    const events = await journey('approve', 'digilocker-kyc-complete');
    expect(events.map((e) => e.name)).toEqual([
      'digilocker-kyc-start',
      'digilocker-kyc-open',
      'digilocker-kyc-complete',
    ]);
    expect(events[2]!.detail).toMatchObject({
      reference_id: events[1]!.detail.reference_id,
      documents: ['AADHAAR'],
    });
    expect(await session!.windows()).toHaveLength(1);
    expectCleanEvents(events);
  });

  it('deny → exactly one cancel {reason: denied}', async () => {
    const events = await journey('deny', 'digilocker-kyc-cancel');
    expect(events.map((e) => e.name)).toEqual([
      'digilocker-kyc-start',
      'digilocker-kyc-open',
      'digilocker-kyc-cancel',
    ]);
    expect(events[2]!.detail).toEqual({
      reference_id: events[1]!.detail.reference_id,
      reason: 'denied',
    });
  });
});
