// The core's edge checks: exact-origin CORS, the Origin allowlist, the CSRF header, JSON only.
import { CSRF_HEADER, CSRF_HEADER_VALUE, KycError, RECEIPT_HEADER } from '@digilocker-kyc/shared';
import type { Logger } from 'pino';
import type { CoreRequest, HeaderBag } from './exchange.js';

/** What a CORS preflight may ask for; what the `cors` package sent with our options. */
const PREFLIGHT_HEADERS: readonly (readonly [string, string])[] = [
  ['Access-Control-Allow-Credentials', 'true'],
  ['Access-Control-Allow-Methods', 'GET,POST'],
  ['Access-Control-Allow-Headers', `Content-Type,${CSRF_HEADER},Authorization,${RECEIPT_HEADER}`],
  ['Access-Control-Max-Age', '600'],
];

/**
 * CORS only decides whether a browser may read the reply; it is no defence by itself. The
 * allowlist is exact strings (no regex, never reflection), and `checkOrigin` refuses the request
 * before any work is done. A preflight from an allowed origin is answered 204 here; from another
 * origin the caller refuses it through `checkOrigin` (403 `forbidden_origin`, a warning naming
 * the origin); an OPTIONS with no Origin is no preflight at all (405).
 */
export function preflight(
  allowedOrigins: ReadonlySet<string>,
  req: CoreRequest,
  headers: HeaderBag,
): boolean {
  const origin = req.header('origin');
  if (origin === undefined || !allowedOrigins.has(origin)) return false;
  headers.set('Access-Control-Allow-Origin', origin);
  headers.append('Vary', 'Origin');
  for (const [name, value] of PREFLIGHT_HEADERS) headers.set(name, value);
  return true;
}

/**
 * The CORS headers of an actual (non-preflight) request: a single exact-match lookup. `Vary:
 * Origin` always, so no cache reuses one origin's reply for another.
 */
export function corsHeaders(
  allowedOrigins: ReadonlySet<string>,
  origin: string | undefined,
  headers: HeaderBag,
): void {
  headers.append('Vary', 'Origin');
  if (origin !== undefined && allowedOrigins.has(origin)) {
    headers.set('Access-Control-Allow-Origin', origin);
    headers.set('Access-Control-Allow-Credentials', 'true');
  }
}

/**
 * `required`: the request must carry an allowlisted Origin (browsers always send one on POST).
 * Otherwise an Origin, when present, must be allowlisted; same-origin GETs carry none.
 */
export function originChecker(
  allowedOrigins: ReadonlySet<string>,
  logger?: Logger,
): (origin: string | undefined, required: boolean) => void {
  const warn = logger ? refusedOriginWarning(logger, allowedOrigins) : undefined;
  return (origin, required) => {
    if (origin === undefined) {
      if (!required) return;
      throw new KycError(
        'forbidden_origin',
        'Expected an Origin header from an allowed page, received none.',
      );
    }
    if (!allowedOrigins.has(origin)) {
      warn?.(origin);
      throw new KycError(
        'forbidden_origin',
        'This page is not allowed to start DigiLocker KYC: add its exact origin to ALLOWED_ORIGINS.',
      );
    }
  };
}

/** Distinct refused origins worth a warning; past this, the log says so once and stays quiet. */
export const MAX_WARNED_ORIGINS = 100;
const warnedOrigins = new WeakMap<ReadonlySet<string>, Set<string>>();

/**
 * One warning per refused origin, naming it and ALLOWED_ORIGINS, so a developer sees why their
 * page gets 403. Origins are not secret; the set is kept per allowlist (shared by both routes)
 * and bounded, so a flood of made-up origins cannot flood the log.
 */
function refusedOriginWarning(logger: Logger, allowedOrigins: ReadonlySet<string>) {
  const seen = warnedOrigins.get(allowedOrigins) ?? new Set<string>();
  warnedOrigins.set(allowedOrigins, seen);
  return (origin: string): void => {
    if (seen.has(origin) || seen.size > MAX_WARNED_ORIGINS) return;
    seen.add(origin);
    if (seen.size > MAX_WARNED_ORIGINS) {
      logger.warn(`Refused more than ${MAX_WARNED_ORIGINS} distinct origins; not logging more`);
      return;
    }
    logger.warn(
      { origin: origin.slice(0, 200), allowed_origins: [...allowedOrigins] },
      'Refused a request from an origin not in ALLOWED_ORIGINS; add it there if the page is yours',
    );
  };
}

/** A custom header turns every cross-site call into a preflighted one (CSRF defence). */
export function checkCsrfHeader(req: CoreRequest): void {
  if (req.header(CSRF_HEADER.toLowerCase()) !== CSRF_HEADER_VALUE) {
    throw new KycError(
      'forbidden',
      `Expected the header ${CSRF_HEADER}: ${CSRF_HEADER_VALUE} on this request.`,
    );
  }
}

/**
 * Form and text bodies skip the CORS preflight, so only application/json is accepted. As with
 * Express's `req.is()`, a request that declares no body has no media type at all.
 */
export function checkJsonOnly(req: CoreRequest): void {
  const received = req.header('content-type');
  if (!req.hasBody || mediaType(received) !== 'application/json') {
    throw new KycError(
      'unsupported_media_type',
      `Expected Content-Type: application/json, received ${(received ?? 'none').slice(0, 60)}.`,
    );
  }
}

/** `Application/JSON; charset=utf-8` → `application/json`. */
function mediaType(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const semicolon = value.indexOf(';');
  return (semicolon === -1 ? value : value.slice(0, semicolon)).trim().toLowerCase();
}

export function methodNotAllowed(allow: string, method: string, headers: HeaderBag): never {
  headers.set('Allow', allow);
  throw new KycError('method_not_allowed', `Expected ${allow} on this route, received ${method}.`);
}
