// The status route's limits: per session token and per client, generous enough for polling.
import { createHash } from 'node:crypto';
import { KycError } from '@digilocker-kyc/shared';
import type { Request, RequestHandler } from 'express';
import rateLimit, { ipKeyGenerator, type Store } from 'express-rate-limit';

/**
 * The widget polls the status of one attempt about once a second at most, so 120 a minute per
 * token leaves room for two tabs; 600 a minute per client IP leaves room for several customers
 * behind one NAT while a client cycling forged tokens is still stopped.
 */
export const DEFAULT_STATUS_LIMITS = { perToken: 120, perClient: 600 } as const;

export interface StatusLimits {
  /** Status requests per session token per minute; 0 turns this limit off. */
  perToken: number;
  /** Status requests per client IP per minute; 0 turns this limit off. */
  perClient: number;
}

export function statusLimiters(limits: StatusLimits, store?: () => Store): RequestHandler[] {
  const common = {
    windowMs: 60_000,
    standardHeaders: 'draft-8' as const,
    legacyHeaders: false,
    handler: (_req: Request, _res: unknown, next: (error: unknown) => void) => {
      next(
        new KycError(
          'rate_limited',
          'Too many status requests for this attempt or from this client; wait for Retry-After.',
        ),
      );
    },
  };
  const limiters: RequestHandler[] = [];
  if (limits.perClient > 0) {
    limiters.push(
      rateLimit({
        ...common,
        // A fresh store per limiter: one store must not count two limiters' keys.
        ...(store ? { store: store() } : {}),
        limit: limits.perClient,
        identifier: 'status-client',
        keyGenerator: (req) => `status-ip:${ipKeyGenerator(req.ip ?? '')}`,
      }),
    );
  }
  if (limits.perToken > 0) {
    limiters.push(
      rateLimit({
        ...common,
        ...(store ? { store: store() } : {}),
        limit: limits.perToken,
        identifier: 'status-token',
        // Requests without a token are refused (401) right after; the client limit covers them.
        skip: (req) => req.get('authorization') === undefined,
        // Hashed: a shared store (Redis) never holds a bearer token.
        keyGenerator: (req) =>
          `status-token:${createHash('sha256')
            .update(req.get('authorization') ?? '')
            .digest('base64url')}`,
      }),
    );
  }
  return limiters;
}
