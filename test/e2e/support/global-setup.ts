// Before any journey: the built server, widget and Chromium must exist; the demo is rebuilt from
// the current widget build (about a second), so a page never runs a stale copy of the widget.
// The build goes to a folder of its own and then replaces demo/dist in two renames, so a demo
// another run is serving from the same checkout (scripts/stress-e2e.mjs) never sees it half-built.
import { spawnSync } from 'node:child_process';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import {
  CHROMIUM,
  DEMO_DIR,
  DEMO_DIST,
  RETURN_SCRIPT,
  SERVER_CLI,
  WIDGET_BUNDLE,
} from './paths.js';

export default function setup(): void {
  const missing = [SERVER_CLI, WIDGET_BUNDLE, RETURN_SCRIPT].filter((file) => !existsSync(file));
  if (missing.length > 0) {
    throw new Error(
      `Build first (pnpm build at the repository root); missing: ${missing.join(', ')}`,
    );
  }
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM} (apt-get install chromium, or CHROMIUM_PATH).`,
    );
  }
  const vite = join(DEMO_DIR, 'node_modules/vite/bin/vite.js');
  // Under node_modules: ignored by git, and on the same file system as dist (rename needs that).
  const fresh = join(DEMO_DIR, 'node_modules', `.e2e-dist-${process.pid}`);
  const old = `${fresh}-old`;
  try {
    const build = spawnSync(
      process.execPath,
      [vite, 'build', '--logLevel', 'warn', '--outDir', fresh, '--emptyOutDir'],
      { cwd: DEMO_DIR, encoding: 'utf8', timeout: 120_000 },
    );
    if (build.status !== 0) {
      throw new Error(`The demo build failed:\n${build.stdout}\n${build.stderr}`);
    }
    if (existsSync(DEMO_DIST)) renameSync(DEMO_DIST, old);
    renameSync(fresh, DEMO_DIST);
  } finally {
    rmSync(fresh, { recursive: true, force: true });
    rmSync(old, { recursive: true, force: true });
  }
}
