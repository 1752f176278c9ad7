// The return page and the widget's built files, served by the router (design §4).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { KycError, STATE_PATTERN, STATE_QUERY_PARAM } from '@digilocker-kyc/shared';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import helmet from 'helmet';
import { pageLang } from './page-text.js';
import { precomputedHeaders } from './reply.js';
import { hasReturnCookie, setReturnCookie } from './return-cookie.js';
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
    // The file itself: in Node, `/bundle` resolves to the ES module entry (for SSR imports).
    bundle: resolveFile('@digilocker-kyc/widget/digilocker-kyc.bundle.js'),
    returnScript: resolveFile('@digilocker-kyc/widget/return.js'),
  };
}

function resolveFile(specifier: string): string | undefined {
  try {
    const path = fileURLToPath(import.meta.resolve(specifier));
    return existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The return page must not send Cross-Origin-Opener-Policy (it would sever the popup from the
 * widget), must not leak its query through Referer, and must not be cached.
 */
export const returnPageHeaders: RequestHandler = precomputedHeaders(
  helmet({
    contentSecurityPolicy: false,
    crossOriginOpenerPolicy: false,
    referrerPolicy: { policy: 'no-referrer' },
  }),
);

const PAGE_HEADERS = {
  'Content-Security-Policy': RETURN_PAGE_CSP,
  'Cache-Control': 'no-store',
  'Content-Type': 'text/html; charset=utf-8',
};

/** The state named by the path (`/return/<state>`), or by `?dlkyc_state=` on the plain route. */
function stateOf(req: Request): string | undefined {
  if (typeof req.params.state === 'string') {
    if (!STATE_PATTERN.test(req.params.state)) {
      throw new KycError('not_found', 'This return link is not valid.');
    }
    return req.params.state;
  }
  const query = req.query[STATE_QUERY_PARAM];
  return typeof query === 'string' && STATE_PATTERN.test(query) ? query : undefined;
}

/**
 * `GET {base}/return[/<state>]`. It also leaves a cookie for the state: proof, should the widget
 * ask through `{base}/confirm/<state>`, that the return reached this browser. `https` marks the
 * cookie Secure (the mount's public URL is https).
 */
export function returnPage(allowedOrigins: ReadonlySet<string>, https = false) {
  return function digilockerKycReturnPage(req: Request, res: Response): void {
    const state = stateOf(req);
    if (state) setReturnCookie(req, res, state, https);
    const html = renderReturnPage({
      ...(typeof req.params.state === 'string' ? { state } : {}),
      scriptPath: `${req.baseUrl}/return.js`,
      origins: [...allowedOrigins],
      lang: pageLang(req),
    });
    res.status(200).set(PAGE_HEADERS).send(html);
  };
}

/**
 * `GET {base}/confirm/<state>`, opened by the widget's Continue. With this state's return cookie
 * it is the return page again (its script posts the result to the opener at the exact allowed
 * origins, then closes); without it, a 403 page that says the consent happened elsewhere.
 */
export function confirmPage(allowedOrigins: ReadonlySet<string>) {
  return function digilockerKycConfirmPage(req: Request, res: Response): void {
    const state = stateOf(req);
    if (!state || !hasReturnCookie(req, state)) {
      res.status(403).set(PAGE_HEADERS).send(renderConfirmRefusedPage());
      return;
    }
    const html = renderReturnPage({
      state,
      scriptPath: `${req.baseUrl}/return.js`,
      origins: [...allowedOrigins],
    });
    res.status(200).set(PAGE_HEADERS).send(html);
  };
}

/**
 * Serves one built file. The bundle may be loaded by pages on other origins (the cross-origin
 * deployment), so it is marked cross-origin readable; it holds no secret.
 */
export function builtFile(path: string | undefined, name: string) {
  return function digilockerKycBuiltFile(_req: Request, res: Response, next: NextFunction) {
    if (path === undefined) {
      return next(
        new KycError(
          'not_found',
          `${name} is not available: install and build @digilocker-kyc/widget beside the server.`,
        ),
      );
    }
    res.sendFile(path, {
      headers: {
        'Content-Type': 'text/javascript; charset=utf-8',
        'Cross-Origin-Resource-Policy': 'cross-origin',
        'Access-Control-Allow-Origin': '*',
        'Cache-Control': 'public, max-age=300',
      },
    });
  };
}
