// WebKit (WebKitGTK's MiniBrowser) through Debian's WebKitWebDriver under Xvfb, spoken to in plain
// WebDriver classic over HTTP: enough for a journey (navigate, run script, click, switch window).
import { existsSync } from 'node:fs';
import type { RecordedEvent } from './browser.js';
import { freePort, spawnGroup } from './processes.js';

export const WEBKIT_DRIVER = process.env.WEBKIT_DRIVER_PATH ?? '/usr/bin/WebKitWebDriver';
const XVFB_RUN = '/usr/bin/xvfb-run';

interface Reply {
  value: unknown;
}

/** One WebDriver session: every command names what failed and how. */
export class WebDriverSession {
  constructor(
    readonly base: string,
    readonly id: string,
    readonly version: string,
  ) {}

  async command<T = unknown>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${this.base}/session/${this.id}${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      signal: AbortSignal.timeout(30_000),
    });
    const reply = (await response.json()) as Reply;
    if (!response.ok) {
      throw new Error(`WebDriver ${method} ${path}: ${JSON.stringify(reply.value)}`);
    }
    return reply.value as T;
  }

  goto(url: string): Promise<unknown> {
    return this.command('POST', '/url', { url });
  }

  url(): Promise<string> {
    return this.command('GET', '/url');
  }

  /** Runs `script` (a function body; `arguments` holds args) in the current window. */
  execute<T>(script: string, args: unknown[] = []): Promise<T> {
    return this.command('POST', '/execute/sync', { script, args });
  }

  windows(): Promise<string[]> {
    return this.command('GET', '/window/handles');
  }

  window(): Promise<string> {
    return this.command('GET', '/window');
  }

  switchTo(handle: string): Promise<unknown> {
    return this.command('POST', '/window', { handle });
  }

  /** A real pointer click at viewport coordinates (a user gesture, so a popup may open). */
  async clickAt(x: number, y: number): Promise<void> {
    await this.command('POST', '/actions', {
      actions: [
        {
          type: 'pointer',
          id: 'mouse',
          parameters: { pointerType: 'mouse' },
          actions: [
            { type: 'pointerMove', x: Math.round(x), y: Math.round(y), duration: 0 },
            { type: 'pointerDown', button: 0 },
            { type: 'pointerUp', button: 0 },
          ],
        },
      ],
    });
  }

  close(): Promise<unknown> {
    return fetch(`${this.base}/session/${this.id}`, {
      method: 'DELETE',
      signal: AbortSignal.timeout(10_000),
    });
  }
}

export interface WebKit {
  /** A new browser (MiniBrowser) with no state from an earlier session; close it when done. */
  newSession(): Promise<WebDriverSession>;
  version: string;
  stop(): Promise<void>;
}

/**
 * WebKitWebDriver on a free port inside its own Xvfb (xvfb-run -a). Each test asks for its own
 * session, so a journey that failed (a popup left open, a page mid-attempt) cannot leave the next
 * one, or its retry, a browser in that state.
 */
export async function launchWebKit(): Promise<WebKit> {
  for (const tool of [WEBKIT_DRIVER, XVFB_RUN]) {
    if (!existsSync(tool)) {
      throw new Error(`${tool} not found (apt-get install webkit2gtk-driver xvfb)`);
    }
  }
  const port = await freePort();
  const { child, stop: stopGroup } = spawnGroup(
    XVFB_RUN,
    ['-a', '-s', '-screen 0 1280x800x24 -nolisten tcp', WEBKIT_DRIVER, `--port=${port}`],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk));
  const base = `http://127.0.0.1:${port}`;
  // The whole group at once (xvfb-run, Xvfb, the driver, MiniBrowser): xvfb-run itself only
  // exits once the driver has, so there is no point waiting for it alone.
  const stop = () => stopGroup(0);
  const newSession = async () => {
    try {
      const created = await createSession(base);
      return new WebDriverSession(base, created.id, created.version);
    } catch (error) {
      throw new Error(`WebKitWebDriver did not start a session: ${String(error)}\n${output}`);
    }
  };
  try {
    // The first session proves the driver and the browser start, and names the version.
    const first = await newSession();
    await first.close();
    return { newSession, version: first.version, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function createSession(base: string): Promise<{ id: string; version: string }> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    try {
      const response = await fetch(`${base}/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          capabilities: { alwaysMatch: { 'webkitgtk:browserOptions': { args: ['--automation'] } } },
        }),
        signal: AbortSignal.timeout(30_000),
      });
      const reply = (await response.json()) as {
        value: { sessionId: string; capabilities: { browserVersion: string } };
      };
      return { id: reply.value.sessionId, version: reply.value.capabilities.browserVersion };
    } catch (error) {
      // The driver is not listening yet.
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

/** What the page's own log holds for each widget event. */
export type LoggedEvent = Pick<RecordedEvent, 'name' | 'detail'>;

/**
 * WebDriver classic has no init script: the widget's events are logged by a listener added once
 * the page has loaded, before the journey starts (so a redirect journey cannot be followed).
 */
export function installEventLog(session: WebDriverSession, names: readonly string[]) {
  return session.execute(
    `const log = (window.__e2eLog = []);
     for (const name of arguments[0]) {
       addEventListener(name, (event) => log.push({ name, detail: event.detail ?? {} }), true);
     }`,
    [names],
  );
}

export function readEventLog(session: WebDriverSession): Promise<LoggedEvent[]> {
  return session.execute('return window.__e2eLog ?? []');
}

/**
 * The centre of the first element `script` returns (a function body), or null until the document
 * has loaded its stylesheets and fonts and that centre really hits the element. Geometry read
 * earlier is where the element was before a late stylesheet or font moved it: a click there misses
 * (the consent page's decision buttons are laid out again once its font arrives), the journey
 * then waits in vain for its final event.
 */
export function centreOf(
  session: WebDriverSession,
  script: string,
): Promise<{ x: number; y: number } | null> {
  return session.execute(
    `if (document.readyState !== 'complete' || document.fonts.status !== 'loaded') return null;
     const el = (() => { ${script} })();
     if (!el) return null;
     const rect = el.getBoundingClientRect();
     if (!rect.width || !rect.height) return null;
     const point = { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 };
     const root = el.getRootNode();
     const hit = (root.elementFromPoint ? root : document).elementFromPoint(point.x, point.y);
     return hit && (hit === el || el.contains(hit)) ? point : null;`,
  );
}

/**
 * What each of the session's windows shows: its address, load state, visibility and, where the
 * widget is on it, the widget's status and text. Added to a journey's failure, so a stall says
 * where it stopped.
 */
export async function describeWindows(session: WebDriverSession): Promise<string> {
  const lines: string[] = [];
  let handles: string[] = [];
  try {
    handles = await session.windows();
  } catch (error) {
    return `the window list could not be read: ${String(error)}`;
  }
  for (const handle of handles) {
    try {
      await session.switchTo(handle);
      const seen = await session.execute<Record<string, unknown>>(
        `const host = document.querySelector('digilocker-kyc');
         return {
           url: location.href,
           readyState: document.readyState,
           visibility: document.visibilityState,
           focus: document.hasFocus(),
           widget: host ? { status: host.status, text: host.shadowRoot?.textContent?.replace(/\\s+/g, ' ').trim() } : null,
           text: host ? undefined : document.body?.innerText?.slice(0, 200),
         };`,
      );
      lines.push(`window ${handle}: ${JSON.stringify(seen)}`);
    } catch (error) {
      lines.push(`window ${handle}: could not be read (${String(error)})`);
    }
  }
  return lines.join('\n');
}
