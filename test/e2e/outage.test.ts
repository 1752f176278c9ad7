// The customer never waits on a stale or wrong sentence: the signing server stopped after the
// page loaded (cross-origin) is an outage, not a refused origin; a widget.js that never loads
// leaves the README's fallback line; a popup closed at once shows the closed prompt at once.
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { newContext } from './support/browser.js';
import { decide, ready, startInPopup, widget } from './support/journey.js';
import { REPO } from './support/paths.js';
import { freePort, startDemo } from './support/processes.js';
import { useJourneySuite } from './support/suite.js';

const suite = useJourneySuite();

describe('an outage is an outage', () => {
  it('cross-origin, the server stopped after the page loaded → retryable network_error, no origin advice', async () => {
    const demo = await startDemo();
    try {
      const { context, recorder, page } = await newContext(suite.browser);
      const consoleLines: string[] = [];
      page.on('console', (message) => consoleLines.push(message.text()));
      await page.goto(demo.urls.pages.crossOrigin);
      expect(new URL(page.url()).origin).not.toBe(demo.urls.server);
      await ready(page);
      // The page loaded widget.js from the server's origin: a copy is in the HTTP cache now.
      await demo.stop();
      const w = widget(page);
      await w.startButton.click();
      const error = await recorder.waitFor('digilocker-kyc-error', { timeout: 15_000 });
      expect(error.detail).toMatchObject({ code: 'network_error', retryable: true });
      expect(String(error.detail.message)).not.toContain('ALLOWED_ORIGINS');
      expect(consoleLines.filter((line) => line.includes('ALLOWED_ORIGINS'))).toEqual([]);
      const alert = w.host.locator('[role="alert"]');
      await expect
        .poll(() => alert.textContent())
        .toBe("Can't reach the verification service. Try again.");
      expect(await w.startButton.textContent()).toBe('Try again');
      expect(await w.startButton.isEnabled()).toBe(true);
      expect(await w.state()).toBe('error');
      await context.close();
    } finally {
      await demo.stop();
    }
  });
});

/** The README's `:not(:defined)` stylesheet, as a merchant would copy it. */
function readmeFallbackCss(): string {
  const readme = readFileSync(join(REPO, 'README.md'), 'utf8');
  const block = /```css\n([^`]*:not\(:defined\)[^`]*)```/.exec(readme)?.[1];
  if (!block) throw new Error('README.md has no css block with the :not(:defined) fallback');
  return block;
}

/** A loopback page server answering every path with `html`. */
async function servePage(html: string): Promise<{ server: Server; url: string }> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
    res.end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/` };
}

describe('a server down at page load', () => {
  it('the README fallback: nothing at first, then a line saying verification is unavailable', async () => {
    // Nothing listens on this port: widget.js never loads.
    const dead = await freePort();
    const { server, url } = await servePage(`<!doctype html><html lang="en"><head>
<meta charset="utf-8"><title>Checkout</title>
<style>${readmeFallbackCss()}</style>
<script type="module" src="http://127.0.0.1:${dead}/kyc/widget.js"></script>
</head><body><digilocker-kyc id="kyc" endpoint="http://127.0.0.1:${dead}/kyc"></digilocker-kyc></body></html>`);
    try {
      const { context, page } = await newContext(suite.browser);
      await page.goto(url);
      const before = () =>
        page.locator('#kyc').evaluate((el) => {
          const style = getComputedStyle(el, '::before');
          return { visibility: style.visibility, content: style.content, height: el.clientHeight };
        });
      const early = await before();
      expect(early.visibility).toBe('hidden');
      expect(early.height, 'room kept for the widget').toBeGreaterThan(30);
      expect(await page.evaluate(() => customElements.get('digilocker-kyc'))).toBeUndefined();
      await expect
        .poll(async () => (await before()).visibility, { timeout: 12_000 })
        .toBe('visible');
      expect((await before()).content).toContain('Identity verification is not available');
      await context.close();
    } finally {
      server.close();
    }
  });

  it('with widget.js loaded, the fallback never shows (the demo page carries the same CSS)', async () => {
    const { context, page } = await newContext(suite.browser);
    await page.goto(suite.urls.pages.scriptTag);
    await ready(page);
    const content = await page
      .locator('#kyc')
      .evaluate((el) => getComputedStyle(el, '::before').content);
    expect(content).toBe('none');
    await context.close();
  });
});

describe('a popup closed at once', () => {
  it('shows the closed prompt within a second, with the default timings, and never cancels on its own', async () => {
    const { context, recorder, page } = await newContext(suite.browser);
    await page.goto(`${suite.urls.pages.scriptTag}?mode=popup`);
    await ready(page);
    const w = widget(page);
    const popup = await startInPopup(page);
    await popup.waitForURL(/\/digilocker\/consent/, { timeout: 15_000 });
    const closedAt = Date.now();
    await popup.close();
    await w.status
      .getByText('Closed DigiLocker? Reopen it, or cancel.')
      .waitFor({ timeout: 1_000 });
    expect(Date.now() - closedAt).toBeLessThan(1_000);
    // Past the 3 s grace a close outside the severed window gets: the attempt still waits
    // (a COOP header could have cut the handle off a window still open).
    await page.waitForTimeout(4_000);
    expect(recorder.named('digilocker-kyc-cancel')).toHaveLength(0);
    expect(await w.state()).toBe('awaiting');
    expect(await w.status.textContent()).toBe('Closed DigiLocker? Reopen it, or cancel.');
    // The customer ends it.
    await w.cancelButton.click();
    const cancel = await recorder.waitFor('digilocker-kyc-cancel');
    expect(cancel.detail).toMatchObject({ reason: 'cancelled' });
    await context.close();
  });

  it('the closed prompt, then Reopen and Approve: one complete', async () => {
    const { context, recorder, page } = await newContext(suite.browser);
    await page.goto(`${suite.urls.pages.scriptTag}?mode=popup`);
    await ready(page);
    const w = widget(page);
    const first = await startInPopup(page);
    await first.waitForURL(/\/digilocker\/consent/, { timeout: 15_000 });
    await first.close();
    await w.status.getByText('Closed DigiLocker? Reopen it, or cancel.').waitFor();
    const reopened = page.waitForEvent('popup');
    await w.reopenButton.click();
    await decide(await reopened, 'Approve');
    await recorder.waitFor('digilocker-kyc-complete');
    await recorder.settle(500);
    expect(recorder.named('digilocker-kyc-complete')).toHaveLength(1);
    expect((await suite.sandbox.attempts()).create_requests).toBe(1);
    await context.close();
  });
});
