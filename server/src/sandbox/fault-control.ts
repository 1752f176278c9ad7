// Which faults a request gets: per-request header, else faults armed by the control API, else the process's.
import {
  type FaultSet,
  type FaultTarget,
  faultsApplyTo,
  formatFaults,
  parseFaults,
} from './faults.js';

/** The request header a test sets to inject faults into one sandbox request. */
export const FAULT_HEADER = 'x-sandbox-fault';

/** Which requests armed faults are meant for. `all` lets the faults' own kind decide. */
export type FaultScope = FaultTarget | 'all';

export interface ArmedFaults {
  faults: FaultSet;
  /** Requests left; `null` = until cleared. */
  remaining: number | null;
  scope: FaultScope;
}

export interface FaultSnapshot {
  process: string;
  armed: { faults: string; remaining: number | null; scope: FaultScope } | null;
}

/**
 * Holds the process faults and the faults armed at run time. The most specific source wins
 * whole, never merged: a request's own header (even an empty one, which means "no faults"),
 * then armed faults, then the process faults. Merging would let two sources combine into a body
 * fault pair that parseFaults refuses, with no single meaning.
 */
export class FaultControl {
  #armed: ArmedFaults | null = null;

  constructor(readonly processFaults: FaultSet) {}

  arm(spec: string, times: number | null, scope: FaultScope): void {
    this.#armed = { faults: parseFaults(spec), remaining: times, scope };
  }

  clear(): void {
    this.#armed = null;
  }

  snapshot(): FaultSnapshot {
    const armed = this.#armed;
    return {
      process: formatFaults(this.processFaults),
      armed: armed && {
        faults: formatFaults(armed.faults),
        remaining: armed.remaining,
        scope: armed.scope,
      },
    };
  }

  /**
   * The faults for one request. Armed faults are used up only by requests they can affect, so
   * `error=503` armed once is not wasted on a consent-page load, nor `coop` on an API call.
   * Throws parseFaults' TypeError for a malformed header.
   */
  select(target: FaultTarget, header: string | undefined): FaultSet {
    if (header !== undefined) return parseFaults(header);
    const armed = this.#armed;
    if (armed && (armed.scope === 'all' || armed.scope === target)) {
      if (faultsApplyTo(armed.faults, target)) {
        if (armed.remaining !== null) {
          armed.remaining -= 1;
          if (armed.remaining <= 0) this.#armed = null;
        }
        return armed.faults;
      }
    }
    return this.processFaults;
  }
}
