// Where the built pieces the journeys run against live.
import { fileURLToPath } from 'node:url';

const root = (path: string) => fileURLToPath(new URL(`../../../${path}`, import.meta.url));

export const REPO = root('');
export const DEMO_DIR = root('demo');
export const DEMO_DIST = root('demo/dist');
export const DEMO_START = root('demo/scripts/start.mjs');
export const SERVER_CLI = root('server/dist/cli.js');
export const WIDGET_BUNDLE = root('widget/dist/digilocker-kyc.bundle.js');
export const RETURN_SCRIPT = root('widget/dist/return.js');
export const SCREENSHOTS = root('docs/screenshots');
export const SHORT_LINK_SERVER = fileURLToPath(new URL('./short-link-server.mjs', import.meta.url));
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
