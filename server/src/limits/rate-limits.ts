// Rate limits on creation (per client, per merchant key) and on status (per token, per client).
//
// Counters live in an express-rate-limit `Store` (memory by default; `rate-limit-redis` or any
// other store shares them between instances), called directly: the core is not Express, and
// the reply headers are the ones express-rate-limit sends (RateLimit and RateLimit-Policy,
// IETF draft 8, and Retry-After on a refusal). The keys are the ones express-rate-limit used
// here before, so counters in a shared store carry over.
//
// A shared store that fails or does not answer within STORE_TIMEOUT_MS is replaced, for that
// request, by the limiter's own in-memory counter: each instance then holds the limit by itself
// (a Redis outage neither loses a creation nor lifts the limit), and store-outage.ts logs it at
// a bounded rate and reports it in readiness. The next request that the shared store counts
// uses it again.
import { createHash } from 'node:crypto';
import { KycError } from '@digilocker-kyc/shared';
import { ipKeyGenerator, MemoryStore, type Options, type Store } from 'express-rate-limit';
import type { Logger } from 'pino';
import type { CoreRequest, HeaderBag } from '../core/exchange.js';
import type { StoreOutage } from './store-outage.js';

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

const WINDOW_MS = 60_000;

/**
 * How long a shared store may take to count a request before the limiter gives up on it and
 * lets the request through. Redis answers in about a millisecond; a second covers a busy
 * machine, and bounds what a hung Redis adds to each request.
 */
export const STORE_TIMEOUT_MS = 1_000;

export interface Limiter {
  /** Counts this request; throws `rate_limited` past the limit. Headers go on `headers`. */
  hit(req: CoreRequest, headers: HeaderBag): Promise<void>;
  close(): Promise<void>;
}

interface LimiterSpec {
  identifier: string;
  limit: number;
  /** The counter's key, or undefined to skip this limit for the request. */
  key(req: CoreRequest): string | undefined;
  message: string;
}

/** One limiter per spec, each with a store of its own (one store must not count two limits). */
function limiter(
  spec: LimiterSpec,
  makeStore: (() => Store) | undefined,
  logger: Logger,
  outage: StoreOutage | undefined,
): Limiter {
  const initFailed = (error: unknown) =>
    logger.error(
      { limiter: spec.identifier, err: { message: (error as Error)?.message } },
      'rate-limit store failed to initialise',
    );
  const ownStore = makeStore === undefined;
  const store: Store = makeStore ? makeStore() : new MemoryStore();
  const options = { windowMs: WINDOW_MS, limit: spec.limit, identifier: spec.identifier };
  /** This instance's own counters, used while the shared store fails. */
  const fallback = ownStore ? undefined : new MemoryStore();
  fallback?.init(options as Options);
  // As express-rate-limit does: init once, at creation, without waiting for it.
  try {
    const started = store.init?.(options as Options);
    if (started instanceof Promise) started.catch(initFailed);
  } catch (error) {
    initFailed(error);
  }
  /** A shared store's count, or this instance's own count when the shared store failed or hung. */
  async function shared(store: Store, key: string) {
    let timer: NodeJS.Timeout | undefined;
    try {
      const counted = await Promise.race([
        store.increment(key),
        new Promise<never>((_, reject) => {
          timer = setTimeout(
            () => reject(new Error(`no answer within ${STORE_TIMEOUT_MS} ms`)),
            STORE_TIMEOUT_MS,
          );
        }),
      ]);
      outage?.recovered();
      return counted;
    } catch (error) {
      if (!outage || !fallback) throw error;
      outage.countedLocally(error, spec.identifier);
      return fallback.increment(key);
    } finally {
      clearTimeout(timer);
    }
  }
  return {
    async hit(req, headers) {
      const key = spec.key(req);
      if (key === undefined) return;
      const counted = ownStore ? await store.increment(key) : await shared(store, key);
      const { totalHits, resetTime } = counted;
      const remaining = Math.max(spec.limit - totalHits, 0);
      const reset = resetTime
        ? Math.max(0, Math.ceil((resetTime.getTime() - Date.now()) / 1000))
        : WINDOW_MS / 1000;
      headers.append('RateLimit', `"${spec.identifier}"; r=${remaining}; t=${reset}`);
      headers.append(
        'RateLimit-Policy',
        `"${spec.identifier}"; q=${spec.limit}; w=${WINDOW_MS / 1000}; pk=:${partitionKey(key)}:`,
      );
      if (totalHits > spec.limit) {
        headers.set('Retry-After', String(reset));
        throw new KycError('rate_limited', spec.message);
      }
    },
    async close() {
      if (ownStore) await store.shutdown?.();
      fallback?.shutdown();
    },
  };
}

/** Names the counter in the policy header without revealing the key (as express-rate-limit). */
function partitionKey(key: string): string {
  const hex = createHash('sha256').update(key).digest('hex').slice(0, 12);
  return Buffer.from(hex).toString('base64');
}

export interface CreateLimitOptions {
  perMinute: number;
  /** A second limit per merchant key (e.g. the logged-in user id); undefined skips it. */
  merchantKey?: ((req: CoreRequest) => string | undefined) | undefined;
  store?: (() => Store) | undefined;
  logger: Logger;
  /** Where a shared store's failures go; without it, they are thrown. */
  outage?: StoreOutage | undefined;
}

/** Per client IP, and per merchant key when the merchant gives one. */
export function createLimiters({
  perMinute,
  merchantKey,
  store,
  logger,
  outage,
}: CreateLimitOptions): Limiter[] {
  if (perMinute === 0) return [];
  const message = 'Too many KYC attempts from this client; wait and retry.';
  const limiters = [
    limiter(
      { identifier: 'ip', limit: perMinute, key: (req) => ipKeyGenerator(req.ip), message },
      store,
      logger,
      outage,
    ),
  ];
  if (merchantKey) {
    limiters.push(
      limiter(
        {
          identifier: 'merchant',
          limit: perMinute,
          key: (req) => {
            const key = merchantKey(req);
            return key === undefined ? undefined : `merchant:${key}`;
          },
          message,
        },
        store,
        logger,
        outage,
      ),
    );
  }
  return limiters;
}

export function statusLimiters(
  limits: StatusLimits,
  store: (() => Store) | undefined,
  logger: Logger,
  outage?: StoreOutage,
): Limiter[] {
  const message =
    'Too many status requests for this attempt or from this client; wait for Retry-After.';
  const limiters: Limiter[] = [];
  if (limits.perClient > 0) {
    limiters.push(
      limiter(
        {
          identifier: 'status-client',
          limit: limits.perClient,
          key: (req) => `status-ip:${ipKeyGenerator(req.ip)}`,
          message,
        },
        store,
        logger,
        outage,
      ),
    );
  }
  if (limits.perToken > 0) {
    limiters.push(
      limiter(
        {
          identifier: 'status-token',
          limit: limits.perToken,
          // Requests without a token are refused (401) right after; the client limit covers them.
          // Hashed: a shared store (Redis) never holds a bearer token.
          key: (req) => {
            const authorization = req.header('authorization');
            return authorization === undefined
              ? undefined
              : `status-token:${createHash('sha256').update(authorization).digest('base64url')}`;
          },
          message,
        },
        store,
        logger,
        outage,
      ),
    );
  }
  return limiters;
}
