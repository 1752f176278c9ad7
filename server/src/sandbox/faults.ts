// The SANDBOX_FAULTS / X-Sandbox-Fault mini-language: parsing and what each fault applies to.

/** The effect a fault list has on one response. Empty object = behave normally. */
export interface FaultSet {
  /** Wait this long before answering. */
  latencyMs?: number;
  /** Answer this HTTP status (400–599) with an error page instead of running the handler. */
  errorStatus?: number;
  /** Answer 200 with a truncated, non-JSON body. */
  malformed?: boolean;
  /** Send headers and half the body, then destroy the socket. */
  reset?: boolean;
  /** Send headers, then dribble the body over several seconds. */
  slowBody?: boolean;
  /** Add `Cross-Origin-Opener-Policy: same-origin` to the consent page. */
  coop?: boolean;
  /**
   * Create DigiLocker URL answers a link that embeds the whole `redirect_url` (percent-encoded,
   * as an OAuth `redirect_uri` would be): the kind of link that would hand the return secret to
   * whoever holds the link. The signing server must refuse it.
   */
  leakyLink?: boolean;
}

const FAULT_NAMES = [
  'latency',
  'error',
  'malformed',
  'reset',
  'slow-body',
  'coop',
  'leaky-link',
] as const;

/** Upper bound for `latency`, so a typo cannot park a request for hours. */
const MAX_LATENCY_MS = 120_000;

const EXPECTED =
  'Expected a comma-separated list of latency=<ms>, error=<status>, malformed, reset, slow-body, coop, leaky-link';

/**
 * Parses `latency=<ms>,error=<status>,malformed,reset,slow-body,coop` (any subset, any order).
 * An empty string means "no faults". Throws a TypeError that names what was expected; the
 * message quotes only the offending item, which is harmless test configuration.
 *
 * `error`, `malformed`, `reset` and `slow-body` each decide the whole response body, so at most
 * one of them may be given: a combination would have no single meaning.
 */
export function parseFaults(spec: string): FaultSet {
  const faults: FaultSet = {};
  const seen = new Set<string>();
  const items = spec.split(',').map((item) => item.trim());
  if (items.length === 1 && items[0] === '') return faults;
  for (const item of items) {
    const [name = '', value, ...rest] = item.split('=');
    if (item === '') throw new TypeError(`${EXPECTED}; received an empty item in "${clip(spec)}".`);
    if (seen.has(name)) throw new TypeError(`${EXPECTED}, each at most once; "${name}" repeats.`);
    seen.add(name);
    if (rest.length > 0) throw new TypeError(`${EXPECTED}; received "${clip(item)}".`);
    switch (name) {
      case 'latency':
        faults.latencyMs = integer(item, value, 0, MAX_LATENCY_MS);
        break;
      case 'error':
        faults.errorStatus = integer(item, value, 400, 599);
        break;
      case 'malformed':
      case 'reset':
      case 'slow-body':
      case 'coop':
      case 'leaky-link':
        if (value !== undefined) {
          throw new TypeError(
            `Expected the fault "${name}" without a value; received "${clip(item)}".`,
          );
        }
        if (name === 'malformed') faults.malformed = true;
        else if (name === 'reset') faults.reset = true;
        else if (name === 'slow-body') faults.slowBody = true;
        else if (name === 'leaky-link') faults.leakyLink = true;
        else faults.coop = true;
        break;
      default:
        throw new TypeError(
          `${EXPECTED}; received the unknown fault "${clip(name)}" (known: ${FAULT_NAMES.join(', ')}).`,
        );
    }
  }
  const bodyFaults = ['error', 'malformed', 'reset', 'slow-body'].filter((name) => seen.has(name));
  if (bodyFaults.length > 1) {
    throw new TypeError(
      `Expected at most one of error, malformed, reset, slow-body; received ${bodyFaults.join(' and ')}.`,
    );
  }
  return faults;
}

function integer(item: string, value: string | undefined, min: number, max: number): number {
  if (value === undefined || !/^\d{1,9}$/.test(value)) {
    throw new TypeError(`Expected "${item.split('=')[0]}=<integer>"; received "${clip(item)}".`);
  }
  const number = Number(value);
  if (number < min || number > max) {
    throw new TypeError(
      `Expected "${item.split('=')[0]}" between ${min} and ${max}; received ${number}.`,
    );
  }
  return number;
}

function clip(text: string): string {
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}

/** The canonical text of a fault set (the inverse of parseFaults), for logs and the control API. */
export function formatFaults(faults: FaultSet): string {
  const parts: string[] = [];
  if (faults.latencyMs !== undefined) parts.push(`latency=${faults.latencyMs}`);
  if (faults.errorStatus !== undefined) parts.push(`error=${faults.errorStatus}`);
  if (faults.malformed) parts.push('malformed');
  if (faults.reset) parts.push('reset');
  if (faults.slowBody) parts.push('slow-body');
  if (faults.coop) parts.push('coop');
  if (faults.leakyLink) parts.push('leaky-link');
  return parts.join(',');
}

/** The two kinds of sandbox page a fault may touch. */
export type FaultTarget = 'api' | 'consent';

/** Whether any fault in the set has an effect on this kind of request (coop is consent-only). */
export function faultsApplyTo(faults: FaultSet, target: FaultTarget): boolean {
  if (faults.latencyMs !== undefined) return true;
  if (target === 'consent') return faults.coop === true;
  return (
    faults.errorStatus !== undefined ||
    faults.malformed === true ||
    faults.reset === true ||
    faults.slowBody === true ||
    faults.leakyLink === true
  );
}
