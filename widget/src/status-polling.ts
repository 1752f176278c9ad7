// Status polling: ask the signing server about an attempt soon, then less and less often.
//
// Polling ends a denied or expired attempt and confirms a return, but never completes one on its
// own (the controller decides what a reply means). A check that cannot reach the server is a
// blip, retried at the first step so an outage is noticed soon, until the outage has lasted
// `offlineTimeoutMs`.
import type { SessionStatusResponse as SessionStatusReply } from '@digilocker-kyc/shared/protocol';
import type { Attempt } from './attempt.js';
import { asWidgetError, type WidgetError } from './errors.js';
import { getSessionStatus } from './session-client.js';

export interface PollTimings {
  /**
   * First poll after the DigiLocker window opens (and the step after an immediate check, or
   * after a check that failed at the network level). Default 2000.
   */
  pollInitialMs: number;
  /** The slowest polling gets. Default 10 000. */
  pollMaxMs: number;
  /** Each wait is the previous one times this. Default 1.5. */
  pollFactor: number;
}

/** The wait after a poll that itself waited `previous` ms (0 = an immediate check). */
export const nextPollDelay = (timings: PollTimings, previous: number): number =>
  previous > 0 ? Math.min(previous * timings.pollFactor, timings.pollMaxMs) : timings.pollInitialMs;

/**
 * One status check of `attempt`; concurrent callers share one request. Resolves to the reply;
 * to a final error (one a retry cannot fix, an expired session, or the server unreachable for
 * `offlineTimeoutMs`); or to undefined for a blip the next poll retries.
 */
export async function checkStatus(
  attempt: Attempt,
): Promise<SessionStatusReply | WidgetError | undefined> {
  const session = attempt.session;
  if (!session) return;
  try {
    attempt.checking ??= getSessionStatus(
      attempt.base,
      session.reference_id,
      session.session_token,
      attempt.waits.requestTimeoutMs,
      attempt.receipt,
    ).finally(() => {
      attempt.checking = undefined;
    });
    const reply = await attempt.checking;
    attempt.offlineSince = undefined;
    return reply;
  } catch (error) {
    const failure = asWidgetError(error);
    // Unreachable (the server gone, the customer offline): a blip, until it lasts too long. Any
    // reply, even an error, shows the server is there.
    const since = failure.code === 'network_error' ? (attempt.offlineSince ?? Date.now()) : 0;
    attempt.offlineSince = since || undefined;
    const final =
      !failure.retryable ||
      failure.code === 'session_expired' ||
      (since && Date.now() - since >= attempt.waits.offlineTimeoutMs);
    return final ? failure : undefined;
  }
}

/**
 * Runs `check` after `delay`, then again after each backed-off wait (at the first step while the
 * server is unreachable), until the attempt settles or holds a consent waiting for its proof (a
 * return or Continue picks up from there). A new call replaces the scheduled one.
 */
export function pollStatus(attempt: Attempt, delay: number, check: () => Promise<unknown>): void {
  clearTimeout(attempt.pollTimer);
  attempt.pollTimer = attempt.later(delay, () =>
    check().then(() => {
      if (!attempt.settled && (attempt.returned || !attempt.consented)) {
        pollStatus(attempt, nextPollDelay(attempt.waits, attempt.offlineSince ? 0 : delay), check);
      }
    }),
  );
}
