// "Once" across instances: the store that records a bound return and a fired completion.
//
// In memory by default (one instance); in Redis (`SET key 1 NX PX ttl`) when Redis is configured,
// so several instances agree. Unlike the rate limits, this store decides security: when it is
// configured and down, `claim` throws, and the caller refuses (no receipt, no onComplete).
import { STORE_TIMEOUT_MS } from './rate-limits.js';
import type { SharedRedis } from './redis-store.js';

export interface OnceStore {
  /**
   * Records `key` for `ttlMs` and resolves true when this call recorded it first, false when it
   * was already there. Rejects when the store cannot answer.
   */
  claim(key: string, ttlMs: number): Promise<boolean>;
  /** Whether `key` is recorded (and unexpired). Rejects when the store cannot answer. */
  has(key: string): Promise<boolean>;
  /** False while a configured shared store cannot answer (readiness reports it). */
  available(): boolean;
}

const ONCE_KEY_PREFIX = 'digilocker-kyc:once:';
/** Enough for every attempt alive at once on one instance; the oldest are dropped first. */
const MAX_MEMORY_KEYS = 100_000;

export function memoryOnceStore(now: () => number): OnceStore {
  const keys = new Map<string, number>();
  return {
    async claim(key, ttlMs) {
      const at = now();
      const until = keys.get(key);
      if (until !== undefined && until > at) return false;
      keys.delete(key);
      keys.set(key, at + ttlMs);
      // Insertion order is expiry order for one TTL: drop expired (and, past the cap, oldest).
      for (const [old, expires] of keys) {
        if (expires > at && keys.size <= MAX_MEMORY_KEYS) break;
        keys.delete(old);
      }
      return true;
    },
    async has(key) {
      return (keys.get(key) ?? 0) > now();
    },
    available: () => true,
  };
}

/**
 * A hung Redis (connected, not answering) must not hang the return: after `timeoutMs` the claim
 * rejects and the caller refuses, as for a Redis that is down. (A SET that lands after the
 * timeout only means a later claim of the same key answers false: a reload still gets its
 * receipt, and onComplete fires from the status route instead of the watcher.)
 */
export function redisOnceStore(redis: SharedRedis, timeoutMs = STORE_TIMEOUT_MS): OnceStore {
  async function command(args: string[]): Promise<unknown> {
    let timer: NodeJS.Timeout | undefined;
    try {
      return await Promise.race([
        redis.command(args),
        new Promise<never>((_, reject) => {
          timer = setTimeout(
            () => reject(new Error(`no answer within ${timeoutMs} ms`)),
            timeoutMs,
          );
        }),
      ]);
    } finally {
      clearTimeout(timer);
    }
  }
  return {
    async claim(key, ttlMs) {
      const ttl = String(Math.max(1, Math.ceil(ttlMs)));
      return (await command(['SET', ONCE_KEY_PREFIX + key, '1', 'NX', 'PX', ttl])) === 'OK';
    },
    async has(key) {
      return Number(await command(['EXISTS', ONCE_KEY_PREFIX + key])) === 1;
    },
    available: () => redis.available(),
  };
}
