// digilockerKyc(options): the Express router a merchant mounts, e.g. app.use('/kyc', digilockerKyc(…)).
import { randomBytes } from 'node:crypto';
import { KycError } from '@digilocker-kyc/shared';
import express, { type Request, type Router } from 'express';
import rateLimit, { ipKeyGenerator } from 'express-rate-limit';
import pino from 'pino';
import { accessLog } from './access-log.js';
import {
  builtFile,
  confirmPage,
  locateWidgetAssets,
  returnPage,
  returnPageHeaders,
} from './assets.js';
import { createUpstreamBreaker } from './circuit-breaker.js';
import {
  corsHeaders,
  corsPreflight,
  csrfHeaderCheck,
  jsonOnly,
  methodNotAllowed,
  originCheck,
} from './edge.js';
import { errorHandler, notFound } from './error-handler.js';
import { statusLimiters } from './rate-limits.js';
import { securityHeaders } from './reply.js';
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
  router.use(accessLog(logger));

  const preflight = corsPreflight(options.allowedOrigins);
  const cors = corsHeaders(options.allowedOrigins);
  const limiters = rateLimiters(input, options.rateLimitPerMinute);
  const authorize = input.authorize;
  /** The merchant's authorize hook, when given: anything but `true` (or a throw) is a 403. */
  const authorized = authorize
    ? [
        async (req: Request, _res: unknown, next: () => void) => {
          let allowed = false;
          try {
            allowed = await authorize(req);
          } catch (error) {
            if (error instanceof KycError) throw error;
          }
          if (allowed !== true) {
            throw new KycError('forbidden', 'The merchant did not authorize this request.');
          }
          next();
        },
      ]
    : [];

  router.options(['/sessions', '/sessions/:reference_id'], preflight);
  router.post(
    '/sessions',
    securityHeaders,
    cors,
    originCheck(options.allowedOrigins, true, logger),
    csrfHeaderCheck,
    jsonOnly,
    express.json({ limit: '2kb', strict: true, type: 'application/json' }),
    ...authorized,
    ...limiters,
    createSession,
  );
  router.all('/sessions', securityHeaders, methodNotAllowed('POST'));
  router.get(
    '/sessions/:reference_id',
    securityHeaders,
    cors,
    originCheck(options.allowedOrigins, false, logger),
    ...statusLimiters(options.statusLimits, input.rateLimit?.store),
    sessionStatus,
  );
  router.all('/sessions/:reference_id', securityHeaders, methodNotAllowed('GET'));
  const https = options.publicBaseUrl.startsWith('https:');
  router.get(
    ['/return', '/return/:state'],
    returnPageHeaders,
    returnPage(options.allowedOrigins, https),
  );
  router.get('/confirm/:state', returnPageHeaders, confirmPage(options.allowedOrigins));
  router.get('/return.js', returnPageHeaders, builtFile(assets.returnScript, 'The return script'));
  router.get('/widget.js', builtFile(assets.bundle, 'The widget bundle'));
  router.use(securityHeaders, notFound);
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
