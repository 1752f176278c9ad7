// What the core reports to metrics: the hook interface both the no-op default and prom-client implement.

export type EkoCall = 'create' | 'status' | 'document';

/**
 * What the core reports. The default does nothing; with `metrics: { registry }` each call lands
 * in a prom-client metric (metrics-prom.ts). Hooks never throw and never see personal data.
 */
export interface KycMetrics {
  /** A session was created (201). */
  sessionCreated(): void;
  /** One Eko call, retries included: `outcome` is `ok` or the KycError code it ended with. */
  ekoRequest(call: EkoCall, outcome: string, seconds: number): void;
  /** A status reply carried a completion token. */
  completed(): void;
  /** A status reply said the customer denied consent or the link expired. */
  cancelled(reason: 'denied' | 'expired'): void;
  /** An error reply, by its code. */
  error(code: string): void;
  /** A request refused by a rate limit (also counted by `error` as `rate_limited`). */
  rateLimited(route: 'create' | 'status'): void;
  /** A return with the right secret reached a browser without the attempt's binding. */
  foreignReturn(): void;
  /** Read at scrape time: whether the circuit breaker to Eko is open. */
  watchBreaker(isOpen: () => boolean): void;
}
