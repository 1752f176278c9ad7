// How a journey reaches DigiLocker: a popup when it can work, else a full-page redirect, and why.
import {
  type FallbackReason,
  type KycMode,
  returnMessage,
  STATE_PATTERN,
  STATE_QUERY_PARAM,
  VERIFICATION_QUERY_PARAM,
} from '@digilocker-kyc/shared/protocol';
import { WidgetError } from './errors.js';
import { isCrossOriginFrame, isInAppBrowser } from './in-app-browser.js';
import { type PendingAttempt, readPending, savePending, takePending } from './pending-attempt.js';
import { openPopup } from './popup.js';
import { deliverResult } from './return-page.js';

export interface JourneyWindow {
  /** The popup, still blank, or null for a redirect. */
  handle: Window | null;
  /** Why a popup was not used, when the mode allowed one (the `fallback` event's reason). */
  reason: FallbackReason | null;
  /** Neither a popup nor a redirect can work here: the attempt ends in this error at once. */
  error?: WidgetError;
}

/**
 * Synchronous on purpose: `window.open` must run inside the click's user activation.
 *
 * In-app browsers go straight to a redirect (mode="auto"), and so does a top-level tab that
 * blocks the popup. A cross-origin iframe always uses the popup, even with mode="redirect" or in
 * an in-app browser: DigiLocker refuses to be framed, so redirecting the frame would strand the
 * customer on a broken page. Its
 * BroadcastChannel and storage are partitioned by top-level site (Chromium 115+), so there the
 * result arrives by `opener.postMessage` (the return page posts to every allowed origin) or
 * through Continue's confirm page (kyc-controller.ts). A popup blocked inside such a frame (a sandbox without `allow-popups`) leaves
 * nothing that works: `error`, and no redirect.
 */
export function openJourneyWindow(win: Window, mode: KycMode): JourneyWindow {
  // In a cross-origin frame only the popup can work, whatever the mode or the browser.
  const framed = isCrossOriginFrame(win);
  let reason: FallbackReason | null =
    mode === 'auto' && !framed && isInAppBrowser(win.navigator.userAgent) ? 'in_app_browser' : null;
  const handle = (mode === 'redirect' && !framed) || reason ? null : openPopup(win);
  if (!handle && !reason && (framed || mode !== 'redirect')) {
    if (framed) {
      const message = 'Popup blocked in a cross-origin frame';
      return { handle, reason, error: new WidgetError('popup_blocked', message, false) };
    }
    // A tab that blocks popups leaves only the redirect, even with mode="popup".
    reason = 'popup_blocked';
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
  const verificationId = url.searchParams.get(VERIFICATION_QUERY_PARAM);
  let pending: PendingAttempt | null;
  try {
    pending = takePending(win.sessionStorage, base, Date.now(), state);
    if (!pending && state && !readPending(win.sessionStorage, state)) {
      // DigiLocker came back to this page (the merchant's `redirect-url`) inside our own popup,
      // with nothing parked here. Hand the result to the opener the way the return page does
      // (its `closed` flip alone looks like a COOP-severed handle, which waits for the next
      // status poll), then tidy up and close.
      stripReturnParams(win, url);
      if (STATE_PATTERN.test(state)) deliverResult(win, returnMessage(state, verificationId), []);
      if (win.opener) win.close();
      return null;
    }
    if (pending && state) {
      stripReturnParams(win, url);
      // DigiLocker came back to `redirect-url`, without the query the page started with (say
      // ?locale=hi): reload the page as it was, the attempt marked returned; it resumes there.
      // `return_to` is this tab's own same-origin URL, written by the widget before it left.
      const back = new URL(pending.return_to, url);
      if (back.origin === url.origin && back.pathname + back.search !== url.pathname + url.search) {
        const { verification_id } = returnMessage(state, verificationId);
        savePending(win.sessionStorage, { ...pending, returned: true, verification_id });
        win.location.replace(back.href);
        return null;
      }
    }
  } catch {
    return null; // Storage is disabled: nothing was parked.
  }
  if (!pending) return null;
  return {
    pending,
    returned: Boolean(state || pending.returned),
    verificationId: verificationId ?? pending.verification_id,
  };
}
