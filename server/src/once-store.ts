// "Once" across instances: the store that records a bound return and a fired completion.
//
// In memory by default (one instance); in Redis (`SET key 1 NX PX ttl`) when Redis is configured,
// so several instances agree. Unlike the rate limits, this store decides security: when it is
// configured and down, `claim` throws, and the caller refuses (no receipt, no onComplete).
import type { SharedRedis } from './redis-store.js';

export interface OnceStore {
  /**
   * Records `key` for `ttlMs` and resolves true when this call recorded it first, false when it
   * was already there. Rejects when the store cannot answer.
   */
  claim(key: string, ttlMs: number): Promise<boolean>;
  /** False while a configured shared store cannot answer (readiness reports it). */
  available(): boolean;
}

export const ONCE_KEY_PREFIX = 'digilocker-kyc:once:';
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
    available: () => true,
  };
}

export function redisOnceStore(redis: SharedRedis): OnceStore {
  return {
    async claim(key, ttlMs) {
      const reply = await redis.command([
        'SET',
        ONCE_KEY_PREFIX + key,
        '1',
        'NX',
        'PX',
        String(Math.max(1, Math.ceil(ttlMs))),
      ]);
      return reply === 'OK';
    },
    available: () => redis.available(),
  };
}
