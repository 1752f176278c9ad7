// How a journey reaches DigiLocker: a popup when it can work, else a full-page redirect, and why.
import type { FallbackReason, KycMode } from '@digilocker-kyc/shared/protocol';
import { WidgetError } from './errors.js';
import { isCrossOriginFrame, isInAppBrowser } from './in-app-browser.js';
import { openPopup } from './popup.js';

interface JourneyWindow {
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
