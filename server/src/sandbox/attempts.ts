// The sandbox's memory of DigiLocker attempts: bounded, oldest evicted, time read from an injected clock.
import type { DocumentType } from '@digilocker-kyc/shared';

export type AttemptStatus = 'pending' | 'consented' | 'denied' | 'expired';

export interface SandboxAttempt {
  /** Eko's id: an integer. */
  referenceId: number;
  verificationId: string;
  /** The one-time consent-link token (base64url, 256 bits). */
  token: string;
  documents: DocumentType[];
  redirectUrl: string;
  clientRefId: string | undefined;
  createdAt: number;
  expiresAt: number;
  decision?: { kind: 'consented'; personaId: string; at: number } | { kind: 'denied'; at: number };
}

export interface NewAttempt {
  documents: DocumentType[];
  redirectUrl: string;
  clientRefId: string | undefined;
}

/** Fills `size` bytes with randomness (crypto.randomBytes in production, a seeded one in tests). */
export type RandomSource = (size: number) => Uint8Array;

export type DecideOutcome =
  | { ok: true; attempt: SandboxAttempt }
  | { ok: false; reason: 'unknown' | 'expired' | 'used' };

/** A decision made while the link is unused and in time is final; an unused link past its time is expired. */
export function statusOf(attempt: SandboxAttempt, nowMs: number): AttemptStatus {
  if (attempt.decision) return attempt.decision.kind;
  return nowMs >= attempt.expiresAt ? 'expired' : 'pending';
}

export interface AttemptStoreOptions {
  now: () => number;
  random: RandomSource;
  linkLifetimeMs: number;
  maxAttempts: number;
}

/**
 * Attempts in insertion order, so the oldest is the first key. Reference ids grow by a random
 * step from a random start: they look like Eko's 7–8 digit ids, are never reused within one
 * sandbox (even after eviction), and are not simply sequential.
 */
export class AttemptStore {
  readonly #options: AttemptStoreOptions;
  readonly #byReference = new Map<number, SandboxAttempt>();
  readonly #byToken = new Map<string, SandboxAttempt>();
  #lastReferenceId: number;
  #created = 0;

  constructor(options: AttemptStoreOptions) {
    this.#options = options;
    this.#lastReferenceId = 1_000_000 + (this.#randomInt() % 9_000_000);
  }

  create(input: NewAttempt): SandboxAttempt {
    const now = this.#options.now();
    this.#lastReferenceId += 1 + (this.#randomInt() % 97);
    const attempt: SandboxAttempt = {
      referenceId: this.#lastReferenceId,
      verificationId: `vrf_sbx_${Buffer.from(this.#options.random(8)).toString('hex')}`,
      token: Buffer.from(this.#options.random(32)).toString('base64url'),
      documents: [...input.documents],
      redirectUrl: input.redirectUrl,
      clientRefId: input.clientRefId,
      createdAt: now,
      expiresAt: now + this.#options.linkLifetimeMs,
    };
    while (this.#byReference.size >= this.#options.maxAttempts) this.#evictOldest();
    this.#byReference.set(attempt.referenceId, attempt);
    this.#byToken.set(attempt.token, attempt);
    this.#created += 1;
    return attempt;
  }

  byReference(referenceId: number): SandboxAttempt | undefined {
    return this.#byReference.get(referenceId);
  }

  /** The attempt a consent link belongs to, and whether the link can still be used. */
  byToken(token: string): DecideOutcome {
    const attempt = this.#byToken.get(token);
    if (!attempt) return { ok: false, reason: 'unknown' };
    const status = statusOf(attempt, this.#options.now());
    if (status === 'expired') return { ok: false, reason: 'expired' };
    if (status !== 'pending') return { ok: false, reason: 'used' };
    return { ok: true, attempt };
  }

  /** Records the customer's choice once; a second use of the same link is refused. */
  decide(
    token: string,
    decision: { kind: 'consented'; personaId: string } | { kind: 'denied' },
  ): DecideOutcome {
    const found = this.byToken(token);
    if (!found.ok) return found;
    found.attempt.decision = { ...decision, at: this.#options.now() };
    return found;
  }

  /**
   * Ends an unused link's time now, as if its lifetime had run out: testing expiry takes
   * seconds instead of the link's full lifetime. A decided or already expired link is refused.
   */
  expire(token: string): DecideOutcome {
    const found = this.byToken(token);
    if (!found.ok) return found;
    found.attempt.expiresAt = this.#options.now();
    return found;
  }

  statusOf(attempt: SandboxAttempt): AttemptStatus {
    return statusOf(attempt, this.#options.now());
  }

  /** Attempts held now (≤ maxAttempts) and attempts ever created by this sandbox. */
  counts(): { held: number; created: number } {
    return { held: this.#byReference.size, created: this.#created };
  }

  list(): SandboxAttempt[] {
    return [...this.#byReference.values()];
  }

  clear(): void {
    this.#byReference.clear();
    this.#byToken.clear();
    this.#created = 0;
  }

  #evictOldest(): void {
    const oldest = this.#byReference.values().next().value;
    if (!oldest) return;
    this.#byReference.delete(oldest.referenceId);
    this.#byToken.delete(oldest.token);
  }

  #randomInt(): number {
    return Buffer.from(this.#options.random(4)).readUInt32BE(0);
  }
}
