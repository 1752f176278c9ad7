// The router's edge checks: exact-origin CORS, the Origin allowlist, the CSRF header, JSON only.
import { CSRF_HEADER, CSRF_HEADER_VALUE, KycError } from '@digilocker-kyc/shared';
import cors from 'cors';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { Logger } from 'pino';

/**
 * CORS only decides whether a browser may read the reply; it is no defence by itself. The
 * allowlist is exact strings (no regex, never reflection), and `originCheck` refuses the
 * request before any work is done.
 */
export function corsPreflight(allowedOrigins: ReadonlySet<string>): RequestHandler {
  return cors({
    origin: (origin, callback) =>
      callback(null, origin !== undefined && allowedOrigins.has(origin)),
    methods: ['GET', 'POST'],
    allowedHeaders: ['Content-Type', CSRF_HEADER, 'Authorization'],
    credentials: true,
    maxAge: 600,
  });
}

/**
 * The CORS headers of an actual (non-preflight) request: exactly what `cors` sends with the
 * options above, set directly because this runs on every API request and the policy is a
 * single exact-match lookup. `Vary: Origin` always, so no cache reuses one origin's reply for
 * another.
 */
export function corsHeaders(allowedOrigins: ReadonlySet<string>): RequestHandler {
  return function digilockerKycCors(req: Request, res: Response, next: NextFunction) {
    const origin = req.headers.origin;
    res.vary('Origin');
    if (origin !== undefined && allowedOrigins.has(origin)) {
      res.setHeader('Access-Control-Allow-Origin', origin);
      res.setHeader('Access-Control-Allow-Credentials', 'true');
    }
    next();
  };
}

/**
 * `required`: the request must carry an allowlisted Origin (browsers always send one on POST).
 * Otherwise an Origin, when present, must be allowlisted; same-origin GETs carry none.
 */
export function originCheck(
  allowedOrigins: ReadonlySet<string>,
  required: boolean,
  logger?: Logger,
): RequestHandler {
  const warn = logger ? refusedOriginWarning(logger, allowedOrigins) : undefined;
  return function digilockerKycOriginCheck(req: Request, _res: Response, next: NextFunction) {
    const origin = req.get('origin');
    if (origin === undefined) {
      if (!required) return next();
      return next(
        new KycError(
          'forbidden_origin',
          'Expected an Origin header from an allowed page, received none.',
        ),
      );
    }
    if (!allowedOrigins.has(origin)) {
      warn?.(origin);
      return next(
        new KycError(
          'forbidden_origin',
          'This page is not allowed to start DigiLocker KYC: add its exact origin to ALLOWED_ORIGINS.',
        ),
      );
    }
    next();
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
export function csrfHeaderCheck(req: Request, _res: Response, next: NextFunction) {
  if (req.get(CSRF_HEADER) !== CSRF_HEADER_VALUE) {
    return next(
      new KycError(
        'forbidden',
        `Expected the header ${CSRF_HEADER}: ${CSRF_HEADER_VALUE} on this request.`,
      ),
    );
  }
  next();
}

/** Form and text bodies skip the CORS preflight, so only application/json is accepted. */
export function jsonOnly(req: Request, _res: Response, next: NextFunction) {
  if (!req.is('application/json')) {
    const received = req.get('content-type') ?? 'none';
    return next(
      new KycError(
        'unsupported_media_type',
        `Expected Content-Type: application/json, received ${received.slice(0, 60)}.`,
      ),
    );
  }
  next();
}

export function methodNotAllowed(allow: string): RequestHandler {
  return function digilockerKycMethodNotAllowed(req, res, next) {
    res.set('Allow', allow);
    next(
      new KycError(
        'method_not_allowed',
        `Expected ${allow} on this route, received ${req.method}.`,
      ),
    );
  };
}
