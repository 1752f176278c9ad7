// Before any journey: the built server, widget and Chromium must exist; the demo is rebuilt from
// the current widget build (about a second), so a page never runs a stale copy of the widget.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { CHROMIUM, DEMO_DIR, RETURN_SCRIPT, SERVER_CLI, WIDGET_BUNDLE } from './paths.js';

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
  const build = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], {
    cwd: DEMO_DIR,
    encoding: 'utf8',
    timeout: 120_000,
  });
  if (build.status !== 0) {
    throw new Error(`The demo build failed:\n${build.stdout}\n${build.stderr}`);
  }
}
