// Firefox for the widget's unit tests: Debian's firefox-esr driven over WebDriver BiDi by the
// puppeteer-core that @web/test-runner-chrome already carries (no downloaded browser).
import { existsSync } from 'node:fs';
import { chromeLauncher, puppeteerCore } from '@web/test-runner-chrome';

export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const ENGINES = ['chromium', 'firefox'];

/** The engines to run, from WTR_BROWSERS (e.g. `firefox`, `chromium,firefox`); both by default. */
export function wtrEngines() {
  const wanted = (process.env.WTR_BROWSERS ?? ENGINES.join(','))
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  const unknown = wanted.filter((name) => !ENGINES.includes(name));
  if (unknown.length > 0 || wanted.length === 0) {
    throw new Error(
      `WTR_BROWSERS=${process.env.WTR_BROWSERS}: expected a comma-separated list of ${ENGINES.join(', ')}`,
    );
  }
  return wanted;
}

export function firefoxLauncher() {
  // Fail with the fix in the message rather than a puppeteer spawn error deep in a session.
  if (!existsSync(FIREFOX)) {
    throw new Error(
      `Firefox not found at ${FIREFOX} (apt-get install firefox-esr, or FIREFOX_PATH; WTR_BROWSERS=chromium skips it).`,
    );
  }
  return chromeLauncher({
    puppeteer: puppeteerCore,
    launchOptions: { browser: 'firefox', executablePath: FIREFOX, headless: true },
  });
}
