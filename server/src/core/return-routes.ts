// The routes of the return leg: DigiLocker's return, the Continue confirmation, the binding hop.
//
// GET  {base}/return/<state>/<secret>  where Eko sends the customer back (return-proof.ts)
// GET  {base}/confirm/<state>          Continue: the receipt again, for the browser that saw it
// POST {base}/go                       sets the binding first-party, then on to DigiLocker
// GET  {base}/foreign-return           the warning shown when the return reached another browser
import {
  KycError,
  RECEIPT_QUERY_PARAM,
  STATE_PATTERN,
  STATE_QUERY_PARAM,
  VERIFICATION_QUERY_PARAM,
} from '@digilocker-kyc/shared';
import type { Logger } from 'pino';
import type { OnceStore } from '../limits/once-store.js';
import { errorFields } from '../limits/store-outage.js';
import { referenceHash } from '../observability/logger.js';
import { pageLang } from '../pages/page-text.js';
import {
  RETURN_PAGE_CSP,
  renderConfirmRefusedPage,
  renderForeignReturnPage,
  renderForwardPage,
  renderRetryPage,
  renderReturnPage,
} from '../pages/return-page.js';
import type { Completions } from './completion.js';
import type { CoreRequest, HeaderBag } from './exchange.js';
import type { ResolvedOptions } from './options.js';
import {
  isReturnSecret,
  mintReceipt,
  proofCookie,
  readProofCookie,
  readReceipt,
} from './return-proof.js';
import {
  readBinding,
  type SessionClaims,
  signBinding,
  verifySessionToken,
} from './session-token.js';

/** Largest `/go` form body: a session token and a DigiLocker URL. */
const GO_BODY_LIMIT = 8 * 1024;
/** Longest `verification_id` passed on from Eko's query. */
const MAX_VERIFICATION_ID = 128;

export interface PageReply {
  status: number;
  body: string | null;
}

interface Deps {
  options: ResolvedOptions;
  store: OnceStore;
  completions: Completions;
  logger: Logger;
  /** True when a browser may be sent to `url` for DigiLocker (https on an allowed host, or the sandbox). */
  isSafeDigilockerUrl: (url: string) => boolean;
  /** Counts returns that reached a browser without the binding. */
  onForeignReturn?: () => void;
  /** Told of every return with the right secret, bound or not (the PUBLIC_BASE_URL warning). */
  onReturnSeen?: (state: string) => Promise<void>;
}

function pageHeaders(headers: HeaderBag): void {
  headers.set('Content-Security-Policy', RETURN_PAGE_CSP);
  headers.set('Cache-Control', 'no-store');
  headers.set('Content-Type', 'text/html; charset=utf-8');
}

function notFound(): never {
  throw new KycError('not_found', 'This return link is not valid.');
}

export function returnRoutes({
  options,
  store,
  completions,
  logger,
  isSafeDigilockerUrl,
  onForeignReturn,
  onReturnSeen,
}: Deps) {
  const secrets = options.sessionSecrets;
  const httpsBase = options.publicBaseUrl.startsWith('https:');
  const isSecure = (req: CoreRequest) => httpsBase || req.secure;
  const nowSeconds = () => Math.floor(options.now() / 1000);

  /** The binding cookie for `state` in this request, verified, or undefined. */
  function binding(req: CoreRequest, state: string): SessionClaims | undefined {
    const value = readProofCookie('b', state, req.header('cookie'), isSecure(req));
    return value === undefined ? undefined : readBinding(value, state, secrets, options.now());
  }

  /** The Set-Cookie line that binds `claims`' attempt to the browser this reply goes to. */
  function bindingCookie(req: CoreRequest, claims: SessionClaims): string {
    return proofCookie('b', claims.state, signBinding(claims, secrets), {
      secure: isSecure(req),
      mount: req.mount,
      maxAgeSeconds: claims.expires_at - nowSeconds(),
    });
  }

  /** `GET {base}/return/<state>/<secret>`. */
  async function returned(
    req: CoreRequest,
    state: string,
    secret: string,
    headers: HeaderBag,
  ): Promise<PageReply> {
    if (!STATE_PATTERN.test(state) || !isReturnSecret(state, secret, secrets)) notFound();
    await onReturnSeen?.(state);
    const lang = pageLang(req.header('accept-language'));
    const claims = binding(req, state);
    if (!claims) {
      // The right secret in a browser that did not start the attempt: a forwarded link. The
      // warning page is reached by a redirect, so the secret leaves the address bar and history.
      logger.warn(
        { event: 'foreign_return', state_hash: referenceHash(state) },
        'foreign_return: DigiLocker returned to a browser that did not start this attempt; no receipt given',
      );
      onForeignReturn?.();
      headers.set('Location', `${req.mount}/foreign-return`);
      headers.set('Cache-Control', 'no-store');
      headers.set('Referrer-Policy', 'no-referrer');
      return { status: 303, body: null };
    }
    pageHeaders(headers);
    let first: boolean;
    try {
      first = await store.claim(`ret:${claims.reference_id}`, options.sessionTtlMs);
    } catch (error) {
      logger.warn(
        { ref: referenceHash(claims.reference_id), err: errorFields(error) },
        'return store unavailable: no receipt given; the customer is asked to reload',
      );
      return { status: 503, body: renderRetryPage(lang) };
    }
    const seenAt = nowSeconds();
    if (first) completions.returned(claims, seenAt);
    const receipt = mintReceipt(state, seenAt, secrets);
    headers.append(
      'Set-Cookie',
      proofCookie('r', state, receipt, {
        secure: isSecure(req),
        mount: req.mount,
        maxAgeSeconds: claims.expires_at - seenAt,
      }),
    );
    const verificationId = new URLSearchParams(req.query).get(VERIFICATION_QUERY_PARAM);
    const verification =
      verificationId && verificationId.length <= MAX_VERIFICATION_ID ? verificationId : undefined;
    if (claims.return_to !== undefined && options.returnUrls.has(claims.return_to)) {
      // The merchant's own return page, told by the server: state and receipt in its query. A
      // page that moves on, not a 303: browsers check a form post's whole redirect chain against
      // the posting page's `form-action`, and DigiLocker's consent form may allow only the
      // return URL it was given (this server), not the merchant page behind it.
      const to = new URL(claims.return_to);
      to.searchParams.set(STATE_QUERY_PARAM, state);
      to.searchParams.set(RECEIPT_QUERY_PARAM, receipt);
      if (verification) to.searchParams.set(VERIFICATION_QUERY_PARAM, verification);
      return { status: 200, body: renderForwardPage(to.href, lang) };
    }
    return {
      status: 200,
      body: renderReturnPage({
        state,
        receipt,
        ...(verification ? { verificationId: verification } : {}),
        scriptPath: `${req.mount}/return.js`,
        origins: claims.origin ? [claims.origin] : [...options.allowedOrigins],
        lang,
      }),
    };
  }

  /**
   * `GET {base}/confirm/<state>`, opened by the widget's Continue: with this attempt's binding and
   * the receipt its bound return left, the return page again (its script posts the receipt to
   * the opener); otherwise a refusal that posts nothing.
   */
  function confirm(req: CoreRequest, state: string, headers: HeaderBag): PageReply {
    pageHeaders(headers);
    const claims = STATE_PATTERN.test(state) ? binding(req, state) : undefined;
    const receipt = claims && readProofCookie('r', state, req.header('cookie'), isSecure(req));
    if (!claims || !receipt || readReceipt(receipt, state, secrets) === undefined) {
      return { status: 403, body: renderConfirmRefusedPage() };
    }
    return {
      status: 200,
      body: renderReturnPage({
        state,
        receipt,
        scriptPath: `${req.mount}/return.js`,
        origins: claims.origin ? [claims.origin] : [...options.allowedOrigins],
      }),
    };
  }

  /**
   * `POST {base}/go`: a top-level form post from the widget's page when the server is on another
   * site, where the create reply's cookie would be a third-party cookie (blocked or partitioned).
   * Here it is first-party. Only an allowed page may post (never `null`), so no other site can
   * bind its attempt to a victim's browser. The page's `form-action` must allow this server.
   */
  async function go(req: CoreRequest, headers: HeaderBag): Promise<PageReply> {
    const origin = req.header('origin');
    if (origin === undefined || !options.allowedOrigins.has(origin)) {
      throw new KycError(
        'forbidden_origin',
        'Expected the binding hop to be posted by a page on ALLOWED_ORIGINS.',
      );
    }
    const type = (req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
    if (type !== 'application/x-www-form-urlencoded') {
      throw new KycError(
        'unsupported_media_type',
        'Expected the binding hop as a form post (application/x-www-form-urlencoded).',
      );
    }
    const bytes = req.hasBody ? await req.readBody(GO_BODY_LIMIT) : new Uint8Array();
    const form = new URLSearchParams(new TextDecoder().decode(bytes));
    const claims = verifySessionToken(form.get('session_token'), {
      secrets,
      now: options.now(),
      origin,
      allowUnreturned: true,
    });
    const url = form.get('url') ?? '';
    // The browser hands back the link of its create reply; only a DigiLocker link is followed,
    // so the hop is no open redirect.
    if (!isSafeDigilockerUrl(url)) {
      throw new KycError(
        'invalid_request',
        'Expected url to be the DigiLocker link of the create reply (https on DIGILOCKER_URL_HOSTS).',
      );
    }
    headers.append('Set-Cookie', bindingCookie(req, claims));
    pageHeaders(headers);
    // On to DigiLocker by a page, not a 303: a form post's redirect chain is checked against the
    // posting page's `form-action`, which then would have to list DigiLocker's hosts too.
    return {
      status: 200,
      body: renderForwardPage(url, pageLang(req.header('accept-language'))),
    };
  }

  /** `GET {base}/foreign-return`: static words, no script, nothing to post. */
  function foreign(req: CoreRequest, headers: HeaderBag): PageReply {
    pageHeaders(headers);
    return { status: 200, body: renderForeignReturnPage(pageLang(req.header('accept-language'))) };
  }

  return { returned, confirm, go, foreign, bindingCookie };
}
