// The server's own knowledge of a completion: `onComplete` once per attempt, page open or not.
//
// A completion is a bound return (DigiLocker's return reached the browser holding the attempt's
// binding cookie) plus Eko's `consented`. The return handler calls `returned`, which watches
// Eko's status for a while; the status route calls `confirmed` when it mints a completion token.
// Either way the hook fires once: the once-store claims the attempt first (across instances
// when it is Redis), and a store that cannot answer fires nothing.
import type { DocumentType, SessionStatus } from '@digilocker-kyc/shared';
import type { Logger } from 'pino';
import type { OnceStore } from '../limits/once-store.js';
import { errorFields } from '../limits/store-outage.js';
import { referenceHash } from '../observability/logger.js';
import type { SessionClaims } from './session-token.js';

/** What `onComplete` receives: ids and status only, never personal data. */
export interface KycCompletion {
  reference_id: string;
  /** The merchant's user the attempt was started for (`resolveSubject`), when one was given. */
  subject?: string;
  documents: DocumentType[];
  /** When DigiLocker's return reached the browser that started the attempt (ISO 8601). */
  returned_at: string;
}

export type OnComplete = (completion: KycCompletion) => void | Promise<void>;

/** How long the watcher started by a bound return keeps asking Eko: waits between checks, ms. */
const WATCH_DELAYS_MS: readonly number[] = [0, 1_000, 2_000, 4_000, 8_000, 15_000, 30_000];

interface Deps {
  store: OnceStore;
  onComplete: OnComplete | undefined;
  status: (referenceId: string) => Promise<SessionStatus>;
  logger: Logger;
  /** How long a claim is kept: the token lifetime, after which the attempt cannot complete. */
  ttlMs: number;
}

export interface Completions {
  /** A bound return was seen: watch Eko until it says how the attempt ended. */
  returned(claims: SessionClaims, returnedAt: number): void;
  /** Eko says consented and the return is proven: fire once. */
  confirmed(claims: SessionClaims, returnedAt: number): Promise<void>;
  close(): void;
}

export function completions({ store, onComplete, status, logger, ttlMs }: Deps): Completions {
  const timers = new Set<NodeJS.Timeout>();
  let closed = false;

  async function confirmed(claims: SessionClaims, returnedAt: number): Promise<void> {
    const ref = referenceHash(claims.reference_id);
    let first: boolean;
    try {
      first = await store.claim(`done:${claims.reference_id}`, ttlMs);
    } catch (error) {
      // Fails closed: a completion nobody can record as fired is not fired (the next status
      // request that mints a completion token tries again).
      logger.warn(
        { ref, err: errorFields(error) },
        'completion store unavailable; onComplete not fired',
      );
      return;
    }
    if (!first) return;
    logger.info(
      { ref, event: 'kyc_complete' },
      'kyc complete: the bound return was seen and Eko confirmed the consent',
    );
    if (!onComplete) return;
    const completion: KycCompletion = {
      reference_id: claims.reference_id,
      ...(claims.subject !== undefined ? { subject: claims.subject } : {}),
      documents: claims.documents,
      returned_at: new Date(returnedAt * 1000).toISOString(),
    };
    try {
      await onComplete(completion);
    } catch (error) {
      logger.warn({ ref, err: errorFields(error) }, 'the onComplete hook threw');
    }
  }

  function returned(claims: SessionClaims, returnedAt: number): void {
    const check = async (step: number): Promise<void> => {
      if (closed) return;
      let verdict: SessionStatus | undefined;
      try {
        verdict = await status(claims.reference_id);
      } catch {
        // Eko unreachable for now: the next step asks again.
      }
      if (verdict === 'consented') return confirmed(claims, returnedAt);
      if (verdict === 'denied' || verdict === 'expired') return;
      const delay = WATCH_DELAYS_MS[step + 1];
      if (delay === undefined || closed) return;
      const timer = setTimeout(() => {
        timers.delete(timer);
        void check(step + 1);
      }, delay);
      timer.unref();
      timers.add(timer);
    };
    void check(0);
  }

  return {
    returned,
    confirmed,
    close() {
      closed = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
    },
  };
}
