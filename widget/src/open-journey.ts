// How a journey reaches DigiLocker: a popup when it can work, else a full-page redirect, and why.
import type { FallbackReason, KycMode } from '@digilocker-kyc/shared';
import { isCrossOriginFrame, isInAppBrowser } from './in-app-browser.js';
import { type PendingAttempt, readPending, takePending } from './pending-attempt.js';
import { openPlaceholder } from './popup.js';
import { STATE_QUERY_PARAM, VERIFICATION_QUERY_PARAM } from './protocol.js';

export interface JourneyWindow {
  /** The placeholder popup, or null for a redirect. */
  handle: Window | null;
  /** Why a popup was not used, when the mode allowed one (the `fallback` event's reason). */
  reason: FallbackReason | null;
}

/** Synchronous on purpose: `window.open` must run inside the click's user activation. */
export function openJourneyWindow(win: Window, mode: KycMode, text: string): JourneyWindow {
  let reason: FallbackReason | null = null;
  if (mode === 'auto') {
    if (isInAppBrowser(win.navigator.userAgent)) reason = 'in_app_browser';
    else if (isCrossOriginFrame(win)) reason = 'cross_origin_iframe';
  }
  let handle: Window | null = null;
  if (mode !== 'redirect' && !reason) {
    handle = openPlaceholder(win, text);
    // A tab that blocks popups leaves only the redirect, even with mode="popup".
    if (!handle) reason = 'popup_blocked';
  }
  return { handle, reason };
}

/** Removes the return hints from the address bar, keeping every other parameter and the hash. */
export function stripReturnParams(win: Window, url: URL): void {
  url.searchParams.delete(STATE_QUERY_PARAM);
  url.searchParams.delete(VERIFICATION_QUERY_PARAM);
  win.history.replaceState(win.history.state, '', url.pathname + url.search + url.hash);
}

export interface Arrival {
  /** The redirect-mode attempt this page parked before it left for DigiLocker. */
  pending: PendingAttempt;
  /** The customer came back through the return page, not with the back button. */
  returned: boolean;
  verificationId: string | undefined;
}

/**
 * What the address bar and sessionStorage say about a journey coming back to the element whose
 * endpoint is `base`. Takes (removes) the parked entry, and tidies the URL when it was ours.
 */
export function takeArrival(win: Window, base: string): Arrival | null {
  const url = new URL(win.location.href);
  const state = url.searchParams.get(STATE_QUERY_PARAM);
  let pending: PendingAttempt | null;
  try {
    pending = takePending(win.sessionStorage, base, Date.now(), state);
    if (!pending && state && !readPending(win.sessionStorage, state)) {
      // DigiLocker came back to this page (the merchant's `redirect-url`) inside our own popup,
      // with nothing parked here: tidy up and close. The opener sees `closed` and asks the
      // server at once, so no message needs to travel.
      stripReturnParams(win, url);
      if (win.opener) win.close();
      return null;
    }
  } catch {
    return null; // Storage is disabled: nothing was parked.
  }
  if (!pending) return null;
  const verificationId = url.searchParams.get(VERIFICATION_QUERY_PARAM) ?? pending.verification_id;
  if (state) stripReturnParams(win, url);
  return { pending, returned: Boolean(state || pending.returned), verificationId };
}
