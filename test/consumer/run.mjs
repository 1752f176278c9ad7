// The consumer test: packs shared, server and widget as they would be published, installs the
// tarballs into fresh apps (Vite + TypeScript, React 19, Vue 3, Svelte 5, Express 5, Express 4,
// a node:http app with no Express, the CLI through npx), then type-checks (skipLibCheck false),
// builds and exercises each.
// Third-party packages come from the npm registry at pinned versions, cached in the system's
// temp folder across runs (DLKYC_NPM_CACHE to move it). Run after `npm run build`.
// Writes its counts to `${DLKYC_TEST_REPORT}-consumer.json` when that variable is set.
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { attw, inspectTarball, packPackages, publint } from '../../scripts/check-packages.mjs';
import { browserApps, expressApps, loadRecipes, nodeHttpApp } from './support/apps.mjs';
import { checkBuiltApp, launchBrowser } from './support/browser.mjs';
import { checkCli, checkExpressApp, checkNodeHttpApp } from './support/server-checks.mjs';
import { assert, Steps, sh } from './support/steps.mjs';

const steps = new Steps();
const work = mkdtempSync(join(tmpdir(), 'dlkyc-consumer-'));
const cache = process.env.DLKYC_NPM_CACHE ?? join(tmpdir(), 'dlkyc-consumer-npm-cache');
const npmEnv = {
  npm_config_cache: cache,
  npm_config_audit: 'false',
  npm_config_fund: 'false',
  npm_config_update_notifier: 'false',
  npm_config_loglevel: 'error',
};
const started = Date.now();
// DLKYC_CONSUMER_ONLY=svelte-5,express-4 runs just those apps (after packing), for quick checks.
const only = process.env.DLKYC_CONSUMER_ONLY?.split(',').map((name) => name.trim());
const wanted = (app) => !only || only.includes(app.name);

/** Writes an app's package.json and files, then `npm install`s the tarballs and its pins. */
function install(app, tarballs) {
  const dir = join(work, app.name);
  const manifest = {
    name: `consumer-${app.name}`,
    private: true,
    type: 'module',
    dependencies: {
      ...Object.fromEntries(
        app.tarballs.map((p) => [`@digilocker-kyc/${p}`, `file:${tarballs[p]}`]),
      ),
      ...app.dependencies,
    },
    devDependencies: app.devDependencies,
  };
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  for (const [path, text] of Object.entries(app.files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  sh('npm', ['install', '--prefer-offline', '--no-package-lock', ...(app.npmFlags ?? [])], {
    cwd: dir,
    env: npmEnv,
  });
  for (const name of app.absent ?? []) {
    assert(
      !existsSync(join(dir, 'node_modules', name)),
      `${name} was installed, but nothing here needs it.`,
    );
  }
  return dir;
}

const bin = (dir, name) => join(dir, 'node_modules', '.bin', name);

const packing = { name: 'packages' };
const tarballs = await steps.run(packing, 'pnpm pack shared, server and widget', () =>
  packPackages(join(work, 'tarballs')),
);
if (tarballs && !only) {
  for (const [folder, tarball] of Object.entries(tarballs)) {
    const group = { name: `package ${folder}` };
    await steps.run(group, 'tarball: README, LICENSE, types, metadata, no workspace: range', () => {
      const { problems } = inspectTarball(tarball);
      assert(problems.length === 0, problems.join('\n'));
    });
    await steps.run({ name: group.name }, 'publint --strict', () => {
      const { ok, output } = publint(tarball);
      assert(ok, output);
    });
    await steps.run({ name: group.name }, 'Are the Types Wrong (esm-only)', () => {
      const { ok, output } = attw(tarball);
      assert(ok, output);
    });
  }
}

const recipes = loadRecipes();
let browser;
const browserGroup = { name: 'chromium' };

for (const app of browserApps(recipes).filter(wanted)) {
  const group = { name: app.name };
  if (!tarballs) {
    steps.skip(group, ['install', 'type-check', 'build', 'browser'], 'no tarballs');
    continue;
  }
  const dir = await steps.run(group, 'npm install the tarballs', () => install(app, tarballs));
  await steps.run(group, 'type-check (strict, skipLibCheck false)', () =>
    sh(bin(dir, app.typecheck[0]), app.typecheck[1], { cwd: dir, timeoutMs: 180_000 }),
  );
  await steps.run(group, 'vite build', () =>
    sh(bin(dir, 'vite'), ['build', '--logLevel', 'warn'], { cwd: dir, timeoutMs: 180_000 }),
  );
  if (!group.failed && !browser && !browserGroup.failed) {
    browser = await steps.run(browserGroup, 'launch', () => launchBrowser());
  }
  if (!browser) {
    steps.skip(group, ['the built page in Chromium'], 'no browser');
    continue;
  }
  await steps.run(group, 'the built page in Chromium: element rendered, complete handled', () =>
    checkBuiltApp(browser, join(dir, 'dist')),
  );
}
await browser?.close();

for (const app of expressApps(recipes).filter(wanted)) {
  const group = { name: app.name };
  if (!tarballs) {
    steps.skip(group, ['install', 'type-check', 'run'], 'no tarballs');
    continue;
  }
  const dir = await steps.run(group, `npm install the tarballs and express@${app.express}`, () =>
    install(app, tarballs),
  );
  await steps.run(group, "one copy of express: the app's own", () => {
    const nested = join(
      dir,
      'node_modules',
      '@digilocker-kyc',
      'server',
      'node_modules',
      'express',
    );
    assert(!existsSync(nested), `The server brought its own express (${nested}).`);
  });
  await steps.run(group, 'type-check every published .d.ts (skipLibCheck false)', () =>
    sh(bin(dir, 'tsc'), ['-p', 'tsconfig.types.json'], { cwd: dir, timeoutMs: 180_000 }),
  );
  await steps.run(group, 'tsc build of the recipe', () =>
    sh(bin(dir, 'tsc'), ['-p', '.'], { cwd: dir, timeoutMs: 180_000 }),
  );
  await steps.run(group, 'router + sandbox: create a session, errors as JSON, widget.js', () =>
    checkExpressApp(dir),
  );
  if (app.name === 'express-5') {
    await steps.run({ name: 'cli' }, 'npx digilocker-kyc-server: ready, creates a session', () =>
      checkCli(dir, npmEnv),
    );
  }
}

for (const app of [nodeHttpApp()].filter(wanted)) {
  const group = { name: app.name };
  if (!tarballs) {
    steps.skip(group, ['install', 'type-check', 'run'], 'no tarballs');
    continue;
  }
  const dir = await steps.run(group, 'npm install the tarballs, and no express', () =>
    install(app, tarballs),
  );
  await steps.run(group, 'tsc build (no @types/express)', () =>
    sh(bin(dir, 'tsc'), ['-p', '.'], { cwd: dir, timeoutMs: 180_000 }),
  );
  await steps.run(group, 'createKycHandler().node + sandbox: create a session, widget.js', () =>
    checkNodeHttpApp(dir),
  );
}

if (process.env.DLKYC_KEEP_CONSUMER) console.log(`consumer apps kept in ${work}`);
else rmSync(work, { recursive: true, force: true });

const seconds = Math.round((Date.now() - started) / 1000);
console.log(
  `\nconsumer: ${steps.passed} passed, ${steps.failed} failed, ${steps.skipped} skipped (${seconds} s)`,
);
const prefix = process.env.DLKYC_TEST_REPORT;
if (prefix) {
  writeFileSync(
    `${prefix}-consumer.json`,
    JSON.stringify({
      numPassedTests: steps.passed,
      numFailedTests: steps.failed,
      numPendingTests: steps.skipped,
    }),
  );
}
process.exit(steps.failed > 0 ? 1 : 0);
