// Outages of a shared rate-limit store (Redis): each instance's limiters count in their own memory
// meanwhile (rate-limits.ts), and this says so in the log at a bounded rate and in readiness, and
// says when the store is back.
import type { Logger } from 'pino';

/** While the store stays down, one reminder a minute at most, with the count since the last. */
export const OUTAGE_REMINDER_MS = 60_000;

export interface StoreOutage {
  /** The store failed, so this instance's own in-memory counter counted the request. */
  countedLocally(error: unknown, limiter: string): void;
  /** The store's connection failed (a Redis client's `error` event), with no request involved. */
  connectionFailed(error: unknown): void;
  /** A counter was read and written: the store works, limits are shared again. */
  recovered(): void;
  /** True from a failure until the next success. */
  readonly down: boolean;
}

/** An error as the log may show it: message and code, which name a host at most, no secret. */
export function errorFields(error: unknown): { message: string; code?: string } {
  const { message, code } = (error ?? {}) as { message?: unknown; code?: unknown };
  return {
    message: typeof message === 'string' ? message : String(error),
    ...(typeof code === 'string' ? { code } : {}),
  };
}

export function storeOutage(
  logger: Logger,
  store: string,
  now: () => number = Date.now,
): StoreOutage {
  let downSince: number | undefined;
  let lastWarning = 0;
  let localSinceWarning = 0;
  let localTotal = 0;

  /** The first failure warns at once; later ones only once OUTAGE_REMINDER_MS has passed. */
  function failed(error: unknown, fields: Record<string, unknown>): void {
    const at = now();
    if (downSince === undefined) {
      downSince = at;
      lastWarning = at;
      logger.warn(
        { store, err: errorFields(error), ...fields },
        `${store} unavailable: each instance holds the rate limits in its own memory until it is back`,
      );
      localSinceWarning = 0;
      localTotal = 0;
      return;
    }
    if (at - lastWarning >= OUTAGE_REMINDER_MS) {
      lastWarning = at;
      logger.warn(
        {
          store,
          err: errorFields(error),
          down_ms: at - downSince,
          counted_locally: localSinceWarning,
        },
        `${store} still unavailable: rate limits held per instance`,
      );
      localSinceWarning = 0;
    }
  }

  return {
    countedLocally(error, limiter) {
      failed(error, { limiter });
      localSinceWarning += 1;
      localTotal += 1;
    },
    connectionFailed(error) {
      failed(error, {});
    },
    recovered() {
      if (downSince === undefined) return;
      logger.info(
        { store, down_ms: now() - downSince, counted_locally: localTotal },
        `${store} is back: rate limits are shared again`,
      );
      downSince = undefined;
      localTotal = 0;
      localSinceWarning = 0;
    },
    get down() {
      return downSince !== undefined;
    },
  };
}
