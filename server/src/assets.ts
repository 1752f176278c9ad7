// The return and confirm pages, and where the widget's built files are, for the core (GET /return).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { KycError, STATE_PATTERN, STATE_QUERY_PARAM } from '@digilocker-kyc/shared';
import type { CoreRequest, HeaderBag } from './core-types.js';
import { pageLang } from './page-text.js';
import { hasReturnCookie, returnCookie } from './return-cookie.js';
import { RETURN_PAGE_CSP, renderConfirmRefusedPage, renderReturnPage } from './return-page.js';

export interface WidgetAssets {
  bundle?: string;
  returnScript?: string;
}

/**
 * Finds the installed widget package's built files. The server never imports the widget's
 * source; it only serves what the widget's build produced, when that package is installed.
 */
export function locateWidgetAssets(): WidgetAssets {
  return {
    bundle: browserFile('./bundle'),
    returnScript: browserFile('./return.js'),
  };
}

const WIDGET_PACKAGE = '@digilocker-kyc/widget';

type ExportTarget = string | { [condition: string]: ExportTarget } | undefined;

/**
 * The file a browser gets for one of the widget's exports: its `default` condition. Resolving
 * the specifier from Node would pick the `node` condition instead (the SSR-safe module, which
 * imports other chunks), so the package's own export map is read.
 */
function browserFile(subpath: string): string | undefined {
  try {
    // Resolved at run time, out of bundlers' sight: a bundler that inlines this module (Next.js's
    // Turbopack does for a workspace package) drops import.meta.resolve and replaces a visible
    // require.resolve with a module id; it keeps import.meta.url, the file's real location.
    const { createRequire } = process.getBuiltinModule('node:module');
    const manifest = createRequire(import.meta.url).resolve(`${WIDGET_PACKAGE}/package.json`);
    const { exports } = JSON.parse(readFileSync(manifest, 'utf8')) as {
      exports?: Record<string, ExportTarget>;
    };
    let target = exports?.[subpath];
    while (target !== undefined && typeof target !== 'string') target = target.default;
    if (target === undefined) return undefined;
    const path = join(dirname(manifest), target);
    return existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

function pageHeaders(headers: HeaderBag): void {
  headers.set('Content-Security-Policy', RETURN_PAGE_CSP);
  headers.set('Cache-Control', 'no-store');
  headers.set('Content-Type', 'text/html; charset=utf-8');
}

/**
 * The state named by the path (`/return/<state>`), or by `?dlkyc_state=` on the plain route
 * (exactly once: a repeated parameter names no state).
 */
function stateOf(pathState: string | undefined, query: string): string | undefined {
  if (pathState !== undefined) {
    if (!STATE_PATTERN.test(pathState)) {
      throw new KycError('not_found', 'This return link is not valid.');
    }
    return pathState;
  }
  if (!query.includes(STATE_QUERY_PARAM)) return undefined;
  const values = new URLSearchParams(query).getAll(STATE_QUERY_PARAM);
  return values.length === 1 && STATE_PATTERN.test(values[0]!) ? values[0] : undefined;
}

/**
 * `GET {base}/return[/<state>]`. It also leaves a cookie for the state: proof, should the widget
 * ask through `{base}/confirm/<state>`, that the return reached this browser. `https` marks the
 * cookie Secure (the mount's public URL is https).
 */
export function returnPage(
  allowedOrigins: ReadonlySet<string>,
  https: boolean,
  req: CoreRequest,
  pathState: string | undefined,
  headers: HeaderBag,
): string {
  const state = stateOf(pathState, req.query);
  if (state)
    headers.set('Set-Cookie', returnCookie(state, https || req.secure, req.mount, Date.now()));
  pageHeaders(headers);
  return renderReturnPage({
    ...(pathState !== undefined ? { state } : {}),
    scriptPath: `${req.mount}/return.js`,
    origins: [...allowedOrigins],
    lang: pageLang(req.header('accept-language')),
  });
}

/**
 * `GET {base}/confirm/<state>`, opened by the widget's Continue. With this state's return cookie
 * it is the return page again (its script posts the result to the opener at the exact allowed
 * origins, then closes); without it, a 403 page that says the consent happened elsewhere.
 */
export function confirmPage(
  allowedOrigins: ReadonlySet<string>,
  req: CoreRequest,
  pathState: string,
  headers: HeaderBag,
): { status: number; body: string } {
  const state = stateOf(pathState, '');
  pageHeaders(headers);
  if (!state || !hasReturnCookie(req.header('cookie'), state)) {
    return { status: 403, body: renderConfirmRefusedPage() };
  }
  const body = renderReturnPage({
    state,
    scriptPath: `${req.mount}/return.js`,
    origins: [...allowedOrigins],
  });
  return { status: 200, body };
}
