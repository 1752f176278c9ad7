// Before `npm test`: finds the Chromium the browser suites need (widget, e2e, consumer test) and
// the fonts that draw the widget's eleven languages (fonts-noto-core); installs Debian's package
// when it can (root with apt-get, as .ci/run does), or stops with one message naming what to
// install, instead of a wall of "Browser was not found" or missing-glyph failures.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CHROMIUM_CANDIDATES, chromiumPath } from './chromium-path.mjs';

export { chromiumPath };

const INSTALL_HINT =
  'Install Chromium (Debian/Ubuntu: `sudo apt-get install chromium`) or set CHROMIUM_PATH to a Chromium or Chrome binary.';

const hasAptGet = () =>
  spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;

function aptInstall(pkg = 'chromium') {
  console.log(`preflight: installing Debian's ${pkg} package (apt-get)…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [
    ['update', '-qq'],
    ['install', '-y', '-qq', pkg],
  ]) {
    const run = spawnSync('apt-get', args, { stdio: 'inherit', env, timeout: 600_000 });
    if (run.status !== 0) return false;
  }
  return true;
}

/**
 * The Chromium binary the suites will use, after installing one if needed and possible.
 * Returns { path } or { error } with a message that says what to do.
 */
export function ensureChromium({ env = process.env, install = true } = {}) {
  if (env.CHROMIUM_PATH) {
    return existsSync(env.CHROMIUM_PATH)
      ? { path: env.CHROMIUM_PATH }
      : {
          error: `CHROMIUM_PATH is set to ${env.CHROMIUM_PATH}, but nothing is there. ${INSTALL_HINT}`,
        };
  }
  const found = chromiumPath(env);
  if (found) return { path: found };
  const isRoot = process.getuid?.() === 0;
  if (install && isRoot && hasAptGet() && aptInstall('chromium')) {
    const installed = chromiumPath(env);
    if (installed) return { path: installed };
  }
  return {
    error: `The browser tests need Chromium, and none was found (looked at ${CHROMIUM_CANDIDATES.join(', ')}). ${INSTALL_HINT}`,
  };
}

/** Whether fontconfig knows a font for each script the widget speaks (Tamil stands for them). */
const hasIndicFonts = () =>
  spawnSync('fc-list', [':lang=ta', 'family'], { encoding: 'utf8' }).stdout?.trim().length > 0;

/** The widget's languages drawn by system fonts (test/e2e/languages.test.ts fails on tofu). */
export function ensureFonts({ install = true } = {}) {
  if (hasIndicFonts()) return {};
  if (install && process.getuid?.() === 0 && hasAptGet() && aptInstall('fonts-noto-core')) {
    if (hasIndicFonts()) return {};
  }
  return {
    error:
      'No font draws Tamil (and the other Indian scripts): install Noto (Debian/Ubuntu: `sudo apt-get install fonts-noto-core`).',
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const result = ensureChromium();
  if (result.error) {
    console.error(`preflight: ${result.error}`);
    process.exit(1);
  }
  console.log(`preflight: Chromium at ${result.path}`);
  const fonts = ensureFonts();
  if (fonts.error) {
    console.error(`preflight: ${fonts.error}`);
    process.exit(1);
  }
}
