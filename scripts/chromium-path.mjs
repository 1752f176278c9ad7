// Where the Chromium for headless test runs is: $CHROMIUM_PATH when set, else the first of the
// usual system locations that exists. Shared by every runner that launches a browser.
import { existsSync } from 'node:fs';

export const CHROMIUM_CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
];

/**
 * $CHROMIUM_PATH if set (even when nothing is there, so a wrong setting fails loudly rather than
 * silently testing another browser), else the first candidate that exists, else undefined.
 */
export function chromiumPath(env = process.env) {
  if (env.CHROMIUM_PATH) return env.CHROMIUM_PATH;
  return CHROMIUM_CANDIDATES.find((path) => existsSync(path));
}
