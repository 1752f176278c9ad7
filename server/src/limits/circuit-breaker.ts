// A circuit breaker around Eko calls: after repeated upstream failures, fail fast with 503.
import { KycError, type KycErrorCode } from '@digilocker-kyc/shared';
import CircuitBreaker from 'opossum';

/**
 * Only failures of Eko itself count; a business refusal or a bad request is a healthy Eko, and
 * so is a 429 (upstream_unavailable, from the client): Eko rate-limiting us is not Eko failing.
 */
const COUNTED: ReadonlySet<KycErrorCode> = new Set([
  'upstream_error',
  'upstream_malformed',
  'upstream_timeout',
]);

export interface BreakerOptions {
  /** Failure percentage over the rolling window that opens the circuit. */
  errorThresholdPercentage?: number;
  /** How long the circuit stays open before one probe is let through (half-open). */
  resetTimeoutMs?: number;
  rollingWindowMs?: number;
  /** Calls in the window before the percentage counts, so two early failures cannot trip it. */
  volumeThreshold?: number;
  now?: () => number;
}

export interface UpstreamBreaker {
  run<T>(call: () => Promise<T>): Promise<T>;
  readonly isOpen: boolean;
  shutdown(): void;
}

export function createUpstreamBreaker(options: BreakerOptions = {}): UpstreamBreaker {
  const resetTimeout = options.resetTimeoutMs ?? 30_000;
  const now = options.now ?? Date.now;
  const breaker = new CircuitBreaker(async (call: () => Promise<unknown>) => call(), {
    // The Eko client enforces its own deadline; a second timer here would only race it.
    timeout: false,
    errorThresholdPercentage: options.errorThresholdPercentage ?? 50,
    resetTimeout,
    rollingCountTimeout: options.rollingWindowMs ?? 10_000,
    volumeThreshold: options.volumeThreshold ?? 10,
    errorFilter: (error: unknown) => !(error instanceof KycError && COUNTED.has(error.code)),
  });
  let openedAt = 0;
  breaker.on('open', () => {
    openedAt = now();
  });

  return {
    async run<T>(call: () => Promise<T>): Promise<T> {
      try {
        return (await breaker.fire(call)) as T;
      } catch (error) {
        if ((error as { code?: string }).code === 'EOPENBREAKER') {
          const waitMs = Math.max(1_000, openedAt + resetTimeout - now());
          throw new KycError(
            'upstream_unavailable',
            `Eko is failing repeatedly, so calls are paused; retry after ${Math.ceil(waitMs / 1000)} s.`,
            { retryAfterSeconds: Math.ceil(waitMs / 1000) },
          );
        }
        throw error;
      }
    },
    get isOpen() {
      return breaker.opened;
    },
    shutdown() {
      breaker.shutdown();
    },
  };
}
