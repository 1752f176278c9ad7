// The status-polling backoff: check soon, then less and less often, never slower than the cap.

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
export function nextPollDelay(timings: PollTimings, previous: number): number {
  if (previous <= 0) return timings.pollInitialMs;
  return Math.min(previous * timings.pollFactor, timings.pollMaxMs);
}
