// Status polling: ask the signing server about an attempt soon, then less and less often.
//
// Polling owns its timer and reports each answer as a verdict; what a verdict means for the
// attempt (a consent completes only with a seen return) is the controller's decision, which
// also says whether to keep polling. A check that cannot reach the server is a blip, retried at
// the first step so an outage is noticed soon, until the outage has lasted `offlineTimeoutMs`.
import type { SessionStatusResponse as SessionStatusReply } from '@digilocker-kyc/shared/protocol';
import { asWidgetError, type WidgetError } from './errors.js';

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

/**
 * What one check found: the server's reply (`pending`, `consented`, `denied` or `expired`), or
 * an error that ends the attempt (one a retry cannot fix, an expired session, or the server
 * unreachable for `offlineTimeoutMs`).
 */
export type Verdict = SessionStatusReply | { status: 'error'; error: WidgetError };

export interface StatusPollingOptions {
  /** The status request itself (the controller adds the return's receipt once it has one). */
  ask: () => Promise<SessionStatusReply>;
  waits: PollTimings & { offlineTimeoutMs: number };
  /** The attempt's signal: once aborted, nothing is scheduled and the timer is cleared. */
  signal: AbortSignal;
  /** Each scheduled check's verdict; returns whether to keep polling. */
  onVerdict: (verdict: Verdict) => boolean;
}

export interface StatusPolling {
  /**
   * Checks now; concurrent callers share one request. Resolves to the verdict, or to undefined
   * for a blip the next poll retries.
   */
  check(): Promise<Verdict | undefined>;
  /**
   * Checks after `delay`, then again after each backed-off wait (at the first step while the
   * server is unreachable), reporting each verdict, until `onVerdict` says stop or the signal
   * aborts. A new call replaces the schedule.
   */
  every(delay: number): void;
}

/** The wait after a poll that itself waited `previous` ms (0 = an immediate check). */
export const nextPollDelay = (timings: PollTimings, previous: number): number =>
  previous > 0 ? Math.min(previous * timings.pollFactor, timings.pollMaxMs) : timings.pollInitialMs;

export function createStatusPolling(options: StatusPollingOptions): StatusPolling {
  const { ask, waits, signal, onVerdict } = options;
  let inFlight: Promise<Verdict | undefined> | undefined;
  /** When the first of the checks failing at the network level in a row failed. */
  let offlineSince: number | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** Counts schedules: a check scheduled by a replaced one reports nothing. */
  let schedules = 0;
  signal.addEventListener('abort', () => clearTimeout(timer), { once: true });

  async function judge(): Promise<Verdict | undefined> {
    try {
      const reply = await ask();
      offlineSince = undefined;
      return reply;
    } catch (thrown) {
      const error = asWidgetError(thrown);
      // Unreachable (the server gone, the customer offline): a blip, until it lasts too long.
      // Any reply, even an error, shows the server is there.
      const since = error.code === 'network_error' ? (offlineSince ?? Date.now()) : 0;
      offlineSince = since || undefined;
      const final =
        !error.retryable ||
        error.code === 'session_expired' ||
        (since && Date.now() - since >= waits.offlineTimeoutMs);
      return final ? { status: 'error', error } : undefined;
    }
  }

  const polling: StatusPolling = {
    check() {
      inFlight ??= judge().finally(() => {
        inFlight = undefined;
      });
      return inFlight;
    },
    every(delay) {
      clearTimeout(timer);
      const schedule = ++schedules;
      if (signal.aborted) return;
      timer = setTimeout(async () => {
        const verdict = await polling.check();
        if (signal.aborted || schedule !== schedules) return;
        if (verdict && !onVerdict(verdict)) return;
        polling.every(nextPollDelay(waits, offlineSince ? 0 : delay));
      }, delay);
    },
  };
  return polling;
}
