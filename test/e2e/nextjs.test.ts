// The signing server inside a real host: the Next.js (App Router) demo, whose /kyc route handler
// is createKycHandler's fetch handler, built with `next build` (Turbopack), served by
// `next start`, and driven in Chromium through a complete sandbox journey.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { closeContexts, launch, newContext } from './support/browser.js';
import {
  decide,
  expectCleanEvents,
  expectCleanStorage,
  expectNoLeaks,
  ready,
  startInPopup,
  tokensOf,
  widget,
} from './support/journey.js';
import { freePort, type Group, spawnGroup } from './support/processes.js';

const NEXT_APP = fileURLToPath(new URL('../../demo/next/', import.meta.url));
const NEXT_BIN = `${NEXT_APP}node_modules/next/dist/bin/next`;

interface RunningSandbox {
  apiBaseUrl: string;
  origin: string;
  close(): Promise<void>;
}

/**
 * The sandbox through the server package's sandbox entry, or its main entry where the entry is
 * not split out yet. The specifier is a variable so the type checker does not require the entry.
 */
async function startSandbox(): Promise<RunningSandbox> {
  const entries = ['@digilocker-kyc/server/sandbox', '@digilocker-kyc/server'];
  for (const entry of entries) {
    const module = (await import(entry).catch(() => undefined)) as
      | { createSandbox?: () => { listen(port: number, host: string): Promise<RunningSandbox> } }
      | undefined;
    if (module?.createSandbox) return module.createSandbox().listen(0, '127.0.0.1');
  }
  throw new Error('Expected createSandbox from @digilocker-kyc/server: build the server first.');
}

let sandbox: RunningSandbox;
let next: Group;
let output = '';
let origin: string;
let browser: Browser;

beforeAll(async () => {
  // `pnpm build` at the root builds the demo with the rest; a checkout that skipped it builds here.
  if (!existsSync(`${NEXT_APP}.next/BUILD_ID`)) {
    const build = spawnSync(process.execPath, [NEXT_BIN, 'build'], {
      cwd: NEXT_APP,
      encoding: 'utf8',
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
      timeout: 240_000,
    });
    if (build.status !== 0) throw new Error(`next build failed:\n${build.stdout}${build.stderr}`);
  }
  sandbox = await startSandbox();
  const port = await freePort();
  origin = `http://127.0.0.1:${port}`;
  next = spawnGroup(
    process.execPath,
    [NEXT_BIN, 'start', '--port', String(port), '--hostname', '127.0.0.1'],
    {
      cwd: NEXT_APP,
      env: {
        PATH: process.env.PATH ?? '',
        NEXT_TELEMETRY_DISABLED: '1',
        EKO_BASE_URL: sandbox.apiBaseUrl,
        DEMO_ORIGIN: origin,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const collect = (chunk: Buffer) => {
    output += String(chunk);
  };
  next.child.stdout?.on('data', collect);
  next.child.stderr?.on('data', collect);
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`next start did not get ready:\n${output}`)),
      30_000,
    );
    const check = () => {
      if (/Ready in/.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    };
    next.child.stdout?.on('data', check);
    next.child.once('exit', () => reject(new Error(`next start exited:\n${output}`)));
  });
  browser = await launch();
}, 300_000);

afterEach(async () => {
  await closeContexts();
});

afterAll(async () => {
  await browser?.close();
  // The whole group: whatever `next start` started goes with it, on failure too.
  await next?.stop();
  await sandbox?.close();
  // Nothing secret or personal in what Next logged (the sandbox keys, the personas' data).
  expectNoLeaks(output, 'next start output');
});

describe('Next.js route handler (createKycHandler().fetch at app/kyc/[...path])', () => {
  it('serves the widget bundle and the API with the same edge checks', async () => {
    const bundle = await fetch(`${origin}/kyc/widget.js`);
    expect(bundle.status).toBe(200);
    expect(bundle.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    const foreign = await fetch(`${origin}/kyc/sessions`, {
      method: 'POST',
      headers: {
        origin: 'https://evil.example',
        'x-digilocker-kyc': '1',
        'content-type': 'application/json',
      },
      body: '{}',
    });
    expect(foreign.status).toBe(403);
    expect(((await foreign.json()) as { error: { code: string } }).error.code).toBe(
      'forbidden_origin',
    );
    const wrongMethod = await fetch(`${origin}/kyc/sessions`, { method: 'PUT' });
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get('allow')).toBe('POST');
  });

  it('approve in the popup → complete, confirmed by the server, the page shows the outcome', async () => {
    const { recorder, page } = await newContext(browser);
    await page.goto(origin);
    await ready(page);
    const popup = await startInPopup(page);
    await decide(popup, 'Approve');
    const complete = await recorder.waitFor('digilocker-kyc-complete');
    await recorder.settle();

    expect(recorder.names()).toEqual([
      'digilocker-kyc-start',
      'digilocker-kyc-open',
      'digilocker-kyc-complete',
    ]);
    const referenceId = String(complete.detail.reference_id);
    expect(complete.detail).toMatchObject({ documents: ['AADHAAR'] });
    expect(await widget(page).state()).toBe('complete');
    await expect
      .poll(() => page.locator('#outcome').textContent())
      .toBe(`Verified: attempt ${referenceId}`);
    // The token the merchant's backend receives is accepted by the route handler.
    const status = await fetch(`${origin}/kyc/sessions/${referenceId}`, {
      headers: { authorization: `Bearer ${complete.detail.session_token}`, origin },
    });
    expect(status.status).toBe(200);
    expect(((await status.json()) as { status: string }).status).toBe('consented');
    expectCleanEvents(recorder.events);
    await expectCleanStorage(page, tokensOf(recorder));
  });
});
