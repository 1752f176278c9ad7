// Before `npm test`: makes sure every system tool the suites use is on the machine (Chromium,
// Firefox ESR, WebKitWebDriver with Xvfb, redis-server, the Noto fonts). As root with apt-get it
// installs what is missing with one `apt-get update` and one `apt-get install`, as .ci/run does;
// otherwise it stops before anything is built with one message listing exactly what to install.
// No suite then skips for a missing tool.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CHROMIUM_CANDIDATES, chromiumPath } from './chromium-path.mjs';

export { chromiumPath };

/**
 * What the suites need from the system. `env` names the variable that points a suite at another
 * binary; when it is set, that path must exist (a wrong setting fails rather than being
 * "fixed" by installing something else).
 * @type {ReadonlyArray<{ name: string, debian: string, env?: string, paths: string[], usedBy: string }>}
 */
export const REQUIREMENTS = [
  {
    name: 'Chromium',
    debian: 'chromium',
    env: 'CHROMIUM_PATH',
    paths: CHROMIUM_CANDIDATES,
    usedBy: 'widget unit tests, e2e journeys, consumer test',
  },
  {
    name: 'Firefox ESR',
    debian: 'firefox-esr',
    env: 'FIREFOX_PATH',
    paths: ['/usr/bin/firefox-esr'],
    usedBy: 'widget unit tests in Firefox, test/e2e/firefox.test.ts',
  },
  {
    name: 'WebKitWebDriver',
    debian: 'webkit2gtk-driver',
    env: 'WEBKIT_DRIVER_PATH',
    paths: ['/usr/bin/WebKitWebDriver'],
    usedBy: 'test/e2e/webkit.test.ts',
  },
  {
    name: 'Xvfb (xvfb-run)',
    debian: 'xvfb',
    paths: ['/usr/bin/xvfb-run'],
    usedBy: 'test/e2e/webkit.test.ts (WebKitGTK needs a display)',
  },
  {
    name: 'redis-server',
    debian: 'redis-server',
    env: 'REDIS_SERVER_PATH',
    paths: ['/usr/bin/redis-server'],
    usedBy: 'server/src/limits/redis-store.test.ts, test/scaleout',
  },
  {
    name: 'Noto fonts',
    debian: 'fonts-noto-core',
    paths: ['/usr/share/fonts/truetype/noto/NotoSansDevanagari-Regular.ttf'],
    usedBy: 'Devanagari (Hindi) text in the browsers',
  },
];

/** Where a requirement is, or undefined. A set override variable is the only place looked at. */
export function locate(requirement, env = process.env) {
  const override = requirement.env ? env[requirement.env] : undefined;
  if (override) return existsSync(override) ? override : undefined;
  return requirement.paths.find((path) => existsSync(path));
}

const hasAptGet = () =>
  spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;

/** One `apt-get update`, one `apt-get install` of every missing package; true when both pass. */
function aptInstall(packages) {
  console.log(`preflight: installing ${packages.join(' ')} from Debian (apt-get)…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  // Another apt-get on the machine holds the lock for a while: wait for it instead of failing.
  const lock = ['-o', 'DPkg::Lock::Timeout=600'];
  for (const args of [
    [...lock, 'update', '-qq'],
    [...lock, 'install', '-y', '-qq', '--no-install-recommends', ...packages],
  ]) {
    const run = spawnSync('apt-get', args, { stdio: 'inherit', env, timeout: 1_200_000 });
    if (run.status !== 0) return false;
  }
  return true;
}

function describeMissing(missing, env) {
  const lines = missing.map((requirement) => {
    const override = requirement.env && env[requirement.env];
    const where = override
      ? `${requirement.env} is set to ${override}, but nothing is there`
      : `looked at ${requirement.paths.join(', ')}${requirement.env ? `; or set ${requirement.env}` : ''}`;
    return `  - ${requirement.name} (Debian package ${requirement.debian}; ${where}): ${requirement.usedBy}`;
  });
  const packages = missing.map((requirement) => requirement.debian).join(' ');
  return [
    'The test suites need system tools that are not on this machine:',
    ...lines,
    `Install them (Debian/Ubuntu): sudo apt-get update && sudo apt-get install -y ${packages}`,
  ].join('\n');
}

/**
 * Every requirement found, after installing what is missing when that is possible (root, apt-get,
 * no override variable pointing elsewhere). Returns { paths } keyed by requirement name, or
 * { error } with one message listing what is still missing and how to install it.
 */
export function ensureSystemDeps({ env = process.env, install = true } = {}) {
  let missing = REQUIREMENTS.filter((requirement) => !locate(requirement, env));
  // An override that points nowhere is the user's to fix: installing would not change it.
  const installable = missing.filter((requirement) => !(requirement.env && env[requirement.env]));
  if (install && installable.length > 0 && process.getuid?.() === 0 && hasAptGet()) {
    aptInstall(installable.map((requirement) => requirement.debian));
    missing = REQUIREMENTS.filter((requirement) => !locate(requirement, env));
  }
  if (missing.length > 0) return { error: describeMissing(missing, env) };
  return {
    paths: Object.fromEntries(
      REQUIREMENTS.map((requirement) => [requirement.name, locate(requirement, env)]),
    ),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const result = ensureSystemDeps();
  if (result.error) {
    console.error(`preflight: ${result.error}\nNothing was built and no tests were run.`);
    process.exit(1);
  }
  for (const [name, path] of Object.entries(result.paths)) {
    console.log(`preflight: ${name} at ${path}`);
  }
}
