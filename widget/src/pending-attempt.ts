// A redirect-mode attempt parked in sessionStorage while the page is away at DigiLocker.
//
// sessionStorage is per tab and per origin, so only this tab of the merchant's site can read it
// back. The entry holds the session token, so it is taken (read and removed) the moment the
// element resumes, and never outlives the attempt.
import {
  type DocumentType,
  isDocumentList,
  PENDING_STORAGE_PREFIX,
  STATE_PATTERN,
} from '@digilocker-kyc/shared/protocol';

export interface PendingAttempt {
  state: string;
  reference_id: string;
  session_token: string;
  documents: DocumentType[];
  expires_at: string;
  /** The page to come back to: the merchant page that started the attempt. */
  return_to: string;
  /** The element's resolved endpoint, so two widgets on one page never take each other's entry. */
  endpoint: string;
  /** Set by the return page when the customer came back through it. */
  returned?: boolean;
  verification_id?: string;
}

const keyOf = (state: string) => PENDING_STORAGE_PREFIX + state;

export function isPendingAttempt(value: unknown): value is PendingAttempt {
  const v = (value ?? {}) as Record<string, unknown>;
  return (
    ['state', 'reference_id', 'session_token', 'expires_at', 'return_to', 'endpoint'].every(
      (key) => typeof v[key] === 'string',
    ) &&
    STATE_PATTERN.test(v.state as string) &&
    isDocumentList(v.documents)
  );
}

export function savePending(storage: Storage, attempt: PendingAttempt): void {
  storage.setItem(keyOf(attempt.state), JSON.stringify(attempt));
}

/** The entry for `state`, or null when absent or not ours. Does not remove it. */
export function readPending(storage: Storage, state: string): PendingAttempt | null {
  let value: unknown;
  try {
    value = JSON.parse(storage.getItem(keyOf(state)) ?? 'null');
  } catch {
    return null;
  }
  return isPendingAttempt(value) && value.state === state ? value : null;
}

/**
 * Removes and returns this endpoint's pending attempt (the one for `state` when given).
 * Expired and malformed `dlkyc:pending:*` entries found on the way are removed too.
 */
export function takePending(
  storage: Storage,
  endpoint: string,
  now: number,
  state?: string | null,
): PendingAttempt | null {
  let found: PendingAttempt | null = null;
  for (const key of pendingKeys(storage)) {
    const attempt = readPending(storage, key.slice(PENDING_STORAGE_PREFIX.length));
    const expired = !attempt || Date.parse(attempt.expires_at) <= now;
    if (expired) {
      storage.removeItem(key);
      continue;
    }
    if (found || attempt.endpoint !== endpoint || (state && attempt.state !== state)) continue;
    storage.removeItem(key);
    found = attempt;
  }
  return found;
}

export function removePending(storage: Storage, state: string): void {
  storage.removeItem(keyOf(state));
}

/** A Storage's own enumerable keys are its stored keys. */
const pendingKeys = (storage: Storage): string[] =>
  Object.keys(storage).filter((key) => key.startsWith(PENDING_STORAGE_PREFIX));
