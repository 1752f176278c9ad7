// A short-lived, bounded cache of attempt statuses, so polling widgets do not multiply Eko calls.
import type { SessionStatus } from '@digilocker-kyc/shared';

const MAX_ENTRIES = 10_000;

export class StatusCache {
  readonly #entries = new Map<string, { status: SessionStatus; until: number }>();
  readonly #inflight = new Map<string, Promise<SessionStatus>>();

  constructor(
    private readonly now: () => number,
    private readonly ttl: { pending: number; final: number },
  ) {}

  /** Concurrent lookups of one attempt share a single upstream call. */
  async get(key: string, load: () => Promise<SessionStatus>): Promise<SessionStatus> {
    const hit = this.#entries.get(key);
    if (hit && hit.until > this.now()) return hit.status;
    const pending = this.#inflight.get(key);
    if (pending) return pending;
    const call = load()
      .then((status) => {
        this.#remember(key, status);
        return status;
      })
      .finally(() => this.#inflight.delete(key));
    this.#inflight.set(key, call);
    return call;
  }

  #remember(key: string, status: SessionStatus): void {
    const ttl = status === 'pending' ? this.ttl.pending : this.ttl.final;
    if (ttl <= 0) return;
    this.#entries.delete(key);
    this.#entries.set(key, { status, until: this.now() + ttl });
    if (this.#entries.size > MAX_ENTRIES) {
      const oldest = this.#entries.keys().next().value;
      if (oldest !== undefined) this.#entries.delete(oldest);
    }
  }
}
