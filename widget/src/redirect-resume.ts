// Redirect resume: the attempt parked while the page is away at DigiLocker, and taking it back.
//
// A redirect-mode attempt is parked in sessionStorage before the page leaves. sessionStorage is
// per tab and per origin, so only this tab of the merchant's site can read it back. The entry
// holds the session token, so it is taken (read and removed) the moment the element resumes, and
// never outlives the attempt. Nothing here navigates to a URL taken from the address bar: the
// only navigation is to the same-origin `return_to` this tab's own widget parked.
import {
  PENDING_STORAGE_PREFIX as PARKED_PREFIX,
  RECEIPT_PATTERN,
  RECEIPT_QUERY_PARAM,
  returnMessage,
  STATE_PATTERN,
  STATE_QUERY_PARAM,
  VERIFICATION_QUERY_PARAM,
} from '@digilocker-kyc/shared/protocol';
import { sendReturn } from './return-channel.js';

export interface ParkedAttempt {
  state: string;
  reference_id: string;
  session_token: string;
  expires_at: string;
  /** The page to come back to: the merchant page that started the attempt. */
  return_to: string;
  /** The element's resolved endpoint, so two widgets on one page never take each other's entry. */
  endpoint: string;
  /**
   * The server's receipt for DigiLocker's return to this browser (the return page, or
   * `redirect-url` sent on by the server): absent after the back button or a reload.
   */
  receipt?: string;
  verification_id?: string;
}

/**
 * `use(sessionStorage)`, or null where storage is disabled (the getter itself throws there):
 * then nothing was parked and nothing can be.
 */
function inSession<T>(win: Window, use: (storage: Storage) => T): T | null {
  try {
    return use(win.sessionStorage);
  } catch {
    return null;
  }
}

/** Parks `attempt`; without storage the customer can still consent, the page just cannot resume. */
export const park = (win: Window, attempt: ParkedAttempt): void =>
  void inSession(win, (storage) =>
    storage.setItem(PARKED_PREFIX + attempt.state, JSON.stringify(attempt)),
  );

/** Removes the entry for `state`, if any. */
export const unpark = (win: Window, state: string): void =>
  void inSession(win, (storage) => storage.removeItem(PARKED_PREFIX + state));

/** The entry for `state`, or null when absent, malformed or disabled. Does not remove it. */
export const readParked = (win: Window, state: string): ParkedAttempt | null =>
  inSession(win, (storage) => {
    const v = JSON.parse(storage.getItem(PARKED_PREFIX + state) ?? '0');
    return ['reference_id', 'session_token', 'expires_at', 'return_to', 'endpoint'].every(
      (key) => typeof v[key] === 'string',
    ) && v.state === state
      ? (v as ParkedAttempt)
      : null;
  });

/**
 * Removes and returns the attempt `endpoint` parked (the one for `state` when given). Expired
 * and malformed entries found on the way are removed too.
 */
export function takeParked(
  win: Window,
  endpoint: string,
  state?: string | null,
): ParkedAttempt | null {
  let found: ParkedAttempt | null = null;
  // A Storage's own enumerable keys are its stored keys.
  for (const key of inSession(win, Object.keys) ?? []) {
    if (!key.startsWith(PARKED_PREFIX)) continue;
    const parked = readParked(win, key.slice(PARKED_PREFIX.length));
    const gone = !parked || Date.parse(parked.expires_at) <= Date.now();
    if (gone || (!found && parked.endpoint === endpoint && (!state || parked.state === state))) {
      unpark(win, key.slice(PARKED_PREFIX.length));
      if (!gone) found = parked;
    }
  }
  return found;
}

/** Removes the return hints from the address bar, keeping every other parameter and the hash. */
function stripReturnParams(win: Window, url: URL): void {
  url.searchParams.delete(STATE_QUERY_PARAM);
  url.searchParams.delete(RECEIPT_QUERY_PARAM);
  url.searchParams.delete(VERIFICATION_QUERY_PARAM);
  win.history.replaceState(win.history.state, '', url.pathname + url.search + url.hash);
}

/** The return hints in a URL's query: state, the server's receipt, Eko's verification id. */
function returnHints(url: URL) {
  const receipt = url.searchParams.get(RECEIPT_QUERY_PARAM);
  return {
    state: url.searchParams.get(STATE_QUERY_PARAM),
    receipt: receipt && RECEIPT_PATTERN.test(receipt) ? receipt : null,
    verificationId: url.searchParams.get(VERIFICATION_QUERY_PARAM),
  };
}

/**
 * The customer is back from DigiLocker at a URL other than the page the attempt started on (the
 * return page, or `redirect-url` without the query the page started with, say ?locale=hi):
 * parks the attempt again with the server's receipt, and reloads `return_to`, where it resumes.
 * Only a same-origin `return_to` (the page's own origin, so an `https:` or `http:` URL) that
 * differs from this URL; returns whether it navigated.
 */
export function goBackToStart(
  win: Window,
  parked: ParkedAttempt,
  state: string,
  receipt: string,
  verificationId: string | null,
): boolean {
  const here = new URL(win.location.href);
  const back = new URL(parked.return_to, here);
  if (back.origin !== here.origin || back.pathname + back.search === here.pathname + here.search) {
    return false;
  }
  const { verification_id } = returnMessage(state, receipt, verificationId);
  park(win, { ...parked, receipt, verification_id });
  win.location.replace(back.href);
  return true;
}

/**
 * On page load: takes the attempt this tab parked for the element whose endpoint is `base`, with
 * what the address bar says about its return, and tidies the address bar when DigiLocker's
 * return hints are in it. Null when nothing is parked, or when the page is reloading
 * `return_to` to resume there.
 */
export function takeResumable(win: Window, base: string): ParkedAttempt | null {
  const url = new URL(win.location.href);
  const { state, receipt, verificationId } = returnHints(url);
  const parked = takeParked(win, base, state);
  if (!parked) return null;
  if (state) {
    stripReturnParams(win, url);
    // A state in the address bar without the server's receipt proves nothing: anyone can type it.
    if (receipt && goBackToStart(win, parked, state, receipt, verificationId)) return null;
  }
  const proof = (state && receipt) || parked.receipt;
  return {
    ...parked,
    ...(proof ? { receipt: proof } : {}),
    verification_id: verificationId ?? parked.verification_id,
  };
}

/**
 * DigiLocker came back to this page (the merchant's `redirect-url`, sent on by the server with
 * its receipt) inside the widget's own popup: the return hints are in the address bar but nothing is parked for their state in this
 * tab. Hands the return message to the opener the way the return page does (the popup's `closed`
 * flip alone looks like a COOP-severed handle, which waits for the next status poll), tidies the
 * address bar and closes the window. Returns whether this page was such a popup.
 */
export function relayPopupReturn(win: Window): boolean {
  const url = new URL(win.location.href);
  const { state, receipt, verificationId } = returnHints(url);
  if (!state || readParked(win, state)) return false;
  stripReturnParams(win, url);
  if (STATE_PATTERN.test(state) && receipt) {
    sendReturn(win, returnMessage(state, receipt, verificationId), []);
  }
  if (win.opener) win.close();
  return true;
}
