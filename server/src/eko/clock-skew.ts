// The clock skew against Eko, judged over several recent replies so one odd Date header cannot
// make the server not ready, and forgotten with age so a stale judgement does not latch.

/** Replies considered: the most recent ones only. */
const WINDOW = 5;
/** Fewer recent replies than this say nothing: one outlier alone never counts. */
const MIN_SAMPLES = 3;
/** A sample older than this is forgotten, so readiness recovers without a new Eko call. */
const MAX_AGE_MS = 10 * 60_000;

export class SkewWindow {
  readonly #samples: { skewMs: number; at: number }[] = [];

  record(skewMs: number, at: number): void {
    this.#samples.push({ skewMs, at });
    if (this.#samples.length > WINDOW) this.#samples.shift();
  }

  /** The median skew of the recent replies, or undefined while there are too few of them. */
  median(now: number): number | undefined {
    const fresh = this.#samples
      .filter((sample) => now - sample.at <= MAX_AGE_MS)
      .map((sample) => sample.skewMs)
      .sort((a, b) => a - b);
    if (fresh.length < MIN_SAMPLES) return undefined;
    const middle = fresh.length >> 1;
    return fresh.length % 2 === 1 ? fresh[middle]! : (fresh[middle - 1]! + fresh[middle]!) / 2;
  }
}
