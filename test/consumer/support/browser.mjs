// Loads a consumer app's production build in Chromium and checks what a merchant's customer
// would get: <digilocker-kyc> defined and rendered, and the app's own handler receiving the
// element's complete event (the recipe's listener syntax really listens).
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_FLAGS } from '../../../scripts/chromium-flags.mjs';
import { chromiumPath } from '../../../scripts/preflight.mjs';
import { assert } from './steps.mjs';

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };

/** Serves `dir` on 127.0.0.1 (any free port); resolves to its origin and a close(). */
export function serveStatic(dir) {
  const server = createServer((req, res) => {
    const path = normalize(new URL(req.url ?? '/', 'http://x').pathname).replace(
      /^(\.\.[/\\])+/,
      '',
    );
    let file = join(dir, path);
    if (!existsSync(file) || statSync(file).isDirectory()) file = join(dir, 'index.html');
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      resolve({
        origin: `http://127.0.0.1:${server.address().port}`,
        close: () => new Promise((done) => server.close(done)),
      });
    });
  });
}

export async function launchBrowser() {
  return chromium.launch({ executablePath: chromiumPath(), headless: true, args: CHROMIUM_FLAGS });
}

const REFERENCE = 'ref-consumer-test';

/** Opens the built app and checks the element and the app's complete handler. */
export async function checkBuiltApp(browser, distDir) {
  const site = await serveStatic(distDir);
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  try {
    await page.goto(site.origin, { waitUntil: 'load', timeout: 15_000 });
    await page.waitForFunction(
      () => document.querySelector('digilocker-kyc')?.shadowRoot?.querySelector('button'),
      undefined,
      { timeout: 10_000 },
    );
    const defined = await page.evaluate(() => Boolean(customElements.get('digilocker-kyc')));
    assert(defined, '<digilocker-kyc> is not defined in the built app.');
    await page.evaluate((reference) => {
      const element = document.querySelector('digilocker-kyc');
      element?.dispatchEvent(
        new CustomEvent('digilocker-kyc-complete', {
          bubbles: true,
          composed: true,
          detail: { reference_id: reference, documents: ['AADHAAR'], session_token: 't' },
        }),
      );
    }, REFERENCE);
    await page
      .waitForFunction(
        (reference) => (document.body.textContent ?? '').includes(`Verified: ${reference}`),
        REFERENCE,
        { timeout: 5_000 },
      )
      .catch(() => {
        throw new Error(
          `The app did not show "Verified: ${REFERENCE}" after the element's complete event: its listener did not run.`,
        );
      });
    assert(errors.length === 0, `The page threw: ${errors.join('; ')}`);
  } finally {
    await page.close();
    await site.close();
  }
}
