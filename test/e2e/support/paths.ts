// Where the built pieces the journeys run against live.
import { fileURLToPath } from 'node:url';
import { chromiumPath } from '../../../scripts/chromium-path.mjs';

const root = (path: string) => fileURLToPath(new URL(`../../../${path}`, import.meta.url));

export const REPO = root('');
export const DEMO_DIR = root('demo');
export const DEMO_DIST = root('demo/dist');
export const DEMO_START = root('demo/scripts/start.mjs');
export const SERVER_CLI = root('server/dist/cli.js');
export const WIDGET_BUNDLE = root('widget/dist/digilocker-kyc.bundle.js');
export const RETURN_SCRIPT = root('widget/dist/return.js');
export const SCREENSHOTS = root('docs/screenshots');
export const GROUP_GUARD = fileURLToPath(new URL('./group-guard.mjs', import.meta.url));
export const SHORT_LINK_SERVER = fileURLToPath(new URL('./short-link-server.mjs', import.meta.url));
/** $CHROMIUM_PATH, else the first system Chromium found (scripts/chromium-path.mjs). */
export const CHROMIUM = chromiumPath() ?? '/usr/bin/chromium';
