// Firefox for the widget's unit tests: Debian's firefox-esr driven over WebDriver BiDi by the
// puppeteer-core that @web/test-runner-chrome already carries (no downloaded browser), and the
// WTR_BROWSERS switch that picks the engines of a run.
import { existsSync } from 'node:fs';
import { chromeLauncher, puppeteerCore } from '@web/test-runner-chrome';

export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

/** Launcher names (as web-test-runner reports them) by the engine names WTR_BROWSERS takes. */
const ENGINES = { chromium: 'Chrome', firefox: 'Firefox' };

/** The engines to run, from WTR_BROWSERS (e.g. `firefox`, `chromium,firefox`); all by default. */
function engines() {
  const raw = process.env.WTR_BROWSERS;
  const wanted = (raw ?? Object.keys(ENGINES).join(','))
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  if (wanted.length === 0 || wanted.some((name) => !(name in ENGINES))) {
    throw new Error(
      `WTR_BROWSERS=${raw}: expected a comma-separated list of ${Object.keys(ENGINES).join(', ')}`,
    );
  }
  return wanted;
}

/** For `browsers.filter`: keeps the launchers of the engines WTR_BROWSERS asks for. */
export function wantedEngine(launcher) {
  return engines().some((engine) => ENGINES[engine] === launcher.name);
}

/** Firefox's launcher, or none when WTR_BROWSERS leaves Firefox out. */
export function firefoxLaunchers() {
  if (!engines().includes('firefox')) return [];
  // Fail with the fix in the message rather than a spawn error deep inside a test session.
  if (!existsSync(FIREFOX)) {
    throw new Error(
      `Firefox not found at ${FIREFOX} (apt-get install firefox-esr, or FIREFOX_PATH; WTR_BROWSERS=chromium leaves it out).`,
    );
  }
  return [
    chromeLauncher({
      puppeteer: puppeteerCore,
      launchOptions: { browser: 'firefox', executablePath: FIREFOX, headless: true },
    }),
  ];
}
