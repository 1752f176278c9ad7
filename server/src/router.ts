// digilockerKyc(options): the Express router a merchant mounts, e.g. app.use('/kyc', digilockerKyc(…)).
import { randomBytes, randomUUID } from 'node:crypto';
import { KycError } from '@digilocker-kyc/shared';
import express, { type Request, type Router } from 'express';
import rateLimit, { ipKeyGenerator } from 'express-rate-limit';
import helmet from 'helmet';
import pino from 'pino';
import { pinoHttp } from 'pino-http';
import { builtFile, locateWidgetAssets, returnPage, returnPageHeaders } from './assets.js';
import { createUpstreamBreaker } from './circuit-breaker.js';
import { corsFor, csrfHeaderCheck, jsonOnly, methodNotAllowed, originCheck } from './edge.js';
import { errorHandler, notFound } from './error-handler.js';
import { type DigilockerKycOptions, resolveOptions } from './router-options.js';
import { sessionHandlers } from './sessions.js';

/** Clock skew against Eko beyond this makes the server not ready: Eko would refuse signatures. */
export const MAX_CLOCK_SKEW_MS = 30_000;

export interface KycRouter extends Router {
  /** Readiness: false while the circuit is open or the clock is badly skewed against Eko. */
  health(): { ready: boolean; reasons: string[] };
  close(): Promise<void>;
}

export function digilockerKyc(input: DigilockerKycOptions): KycRouter {
  const options = resolveOptions(input);
  const logger = input.logger ?? pino({ level: 'silent' });
  const now = input.now ?? Date.now;
  const random = input.random ?? ((size: number) => randomBytes(size));
  const breaker = createUpstreamBreaker({ ...input.breaker, now });
  const assets = input.widgetAssets === false ? {} : (input.widgetAssets ?? locateWidgetAssets());
  const { createSession, sessionStatus } = sessionHandlers({
    options,
    hooks: input,
    breaker,
    logger,
    now,
    random,
    statusCacheMs: { pending: 1_000, final: 60_000, ...input.statusCacheMs },
  });

  const router = express.Router() as KycRouter;
  router.use(
    pinoHttp({
      logger,
      genReqId: (req, res) => {
        const incoming = req.headers['x-request-id'];
        const id =
          typeof incoming === 'string' && /^[A-Za-z0-9._-]{1,64}$/.test(incoming)
            ? incoming
            : randomUUID();
        res.setHeader('X-Request-Id', id);
        return id;
      },
      // Method, path and status only: no headers, no query (the return page's query is private).
      serializers: {
        req: (req) => ({ id: req.id, method: req.method, path: redactPath(String(req.url)) }),
        res: (res) => ({ statusCode: res.statusCode }),
      },
      customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? 'error' : 'info'),
      // The error handler has already logged the error's code; a synthetic stack adds nothing.
      customErrorObject: (_req, _res, _error, fields) => ({
        res: fields.res,
        responseTime: fields.responseTime,
      }),
      customErrorMessage: () => 'request completed',
    }),
  );

  const apiHeaders = helmet();
  const cors = corsFor(options.allowedOrigins);
  const limiters = rateLimiters(input, options.rateLimitPerMinute);
  const authorize = async (req: Request) => {
    if (!input.authorize) return;
    let allowed = false;
    try {
      allowed = await input.authorize(req);
    } catch (error) {
      if (error instanceof KycError) throw error;
    }
    if (allowed !== true)
      throw new KycError('forbidden', 'The merchant did not authorize this request.');
  };

  router.options(['/sessions', '/sessions/:reference_id'], cors);
  router.post(
    '/sessions',
    apiHeaders,
    cors,
    originCheck(options.allowedOrigins, true),
    csrfHeaderCheck,
    jsonOnly,
    express.json({ limit: '2kb', strict: true, type: 'application/json' }),
    async (req, _res, next) => {
      await authorize(req);
      next();
    },
    ...limiters,
    createSession,
  );
  router.all('/sessions', apiHeaders, methodNotAllowed('POST'));
  router.get(
    '/sessions/:reference_id',
    apiHeaders,
    cors,
    originCheck(options.allowedOrigins, false),
    sessionStatus,
  );
  router.all('/sessions/:reference_id', apiHeaders, methodNotAllowed('GET'));
  router.get(['/return', '/return/:state'], returnPageHeaders, returnPage(options.allowedOrigins));
  router.get('/return.js', returnPageHeaders, builtFile(assets.returnScript, 'The return script'));
  router.get('/widget.js', builtFile(assets.bundle, 'The widget bundle'));
  router.use(apiHeaders, notFound);
  router.use(errorHandler(logger));

  router.health = () => {
    const reasons: string[] = [];
    if (breaker.isOpen) reasons.push('circuit_open');
    const skew = options.eko.clockSkewMs;
    if (skew !== undefined && Math.abs(skew) > MAX_CLOCK_SKEW_MS) reasons.push('clock_skew');
    return { ready: reasons.length === 0, reasons };
  };
  router.close = async () => {
    breaker.shutdown();
    if (options.ownsEko) await options.eko.close();
  };
  return router;
}

/** Per client IP, and per merchant key when the merchant gives one; 429 with RateLimit headers. */
function rateLimiters(input: DigilockerKycOptions, perMinute: number) {
  if (perMinute === 0) return [];
  const refuse = () => {
    throw new KycError('rate_limited', 'Too many KYC attempts from this client; wait and retry.');
  };
  const common = {
    windowMs: 60_000,
    limit: perMinute,
    standardHeaders: 'draft-8' as const,
    legacyHeaders: false,
    handler: (_req: Request, _res: unknown, next: (error: unknown) => void) => {
      try {
        refuse();
      } catch (error) {
        next(error);
      }
    },
  };
  const limiters = [
    rateLimit({
      ...common,
      identifier: 'ip',
      keyGenerator: (req) => ipKeyGenerator(req.ip ?? ''),
      ...(input.rateLimit?.store ? { store: input.rateLimit.store() } : {}),
    }),
  ];
  const merchantKey = input.rateLimit?.key;
  if (merchantKey) {
    limiters.push(
      rateLimit({
        ...common,
        identifier: 'merchant',
        skip: (req) => merchantKey(req) === undefined,
        keyGenerator: (req) => `merchant:${merchantKey(req)}`,
        ...(input.rateLimit?.store ? { store: input.rateLimit.store() } : {}),
      }),
    );
  }
  return limiters;
}

/** Ids stay out of the logs: `/return/<state>` → `/return/:state`, no query string ever. */
function redactPath(url: string): string {
  const path = url.split('?')[0] ?? '';
  return path
    .replace(/\/return\/[^/]+$/, '/return/:state')
    .replace(/\/sessions\/[^/]+$/, '/sessions/:reference_id');
}
