// The return page's work: hand the result to the waiting widget, tidy the URL, then close or go back.
//
// Runs on the page DigiLocker sends the customer back to (dist/return.js, served by the signing
// server), and inside the element when DigiLocker came back to a merchant page in the popup.
// It never navigates to a URL taken from its own query: the only navigation is to the
// same-origin `return_to` that this tab's own widget stored before it left (redirect mode).
import {
  RETURN_CHANNEL_PREFIX,
  RETURN_STORAGE_PREFIX,
  type ReturnMessage,
  returnMessage,
  STATE_PATTERN,
  STATE_QUERY_PARAM,
  VERIFICATION_QUERY_PARAM,
} from '@digilocker-kyc/shared/protocol';
import { readPending, savePending } from './pending-attempt.js';
import { CLOSE_WINDOW } from './strings.js';

/** How long the storage key lives: long enough for every same-origin document to see it. */

export type ReturnOutcome = 'closed' | 'returned' | 'shown' | 'invalid';

const meta = (doc: Document, name: string): string | null =>
  doc.querySelector<HTMLMetaElement>(`meta[name="${name}"]`)?.content ?? null;

/** Sends the message over BroadcastChannel, `opener.postMessage` (exact origins) and storage. */
export function deliverResult(win: Window, message: ReturnMessage, origins: string[]): void {
  try {
    // Older Safari has no BroadcastChannel: `new undefined` throws, and the other channels remain.
    const channel = new (win as typeof window).BroadcastChannel(
      RETURN_CHANNEL_PREFIX + message.state,
    );
    channel.postMessage(message);
    channel.close();
  } catch {
    // Another channel will carry it.
  }
  const opener = win.opener as Window | null;
  // A post to an origin the opener does not have is dropped by the browser, so trying each
  // allowed origin reaches the right one and no other. Only an exact origin such as
  // `https://shop.example` is used (never `*`, never a path); a value that is not a URL throws.
  if (opener) {
    for (const origin of new Set([win.location.origin, ...origins])) {
      try {
        if (new URL(origin).origin === origin) opener.postMessage(message, origin);
      } catch {
        // Not an origin, or the opener went away.
      }
    }
  }
  try {
    const key = RETURN_STORAGE_PREFIX + message.state;
    // Other documents get a storage event for the write (with the value) and one for the
    // removal; removing at once leaves nothing behind even if this window closes right away.
    win.localStorage.setItem(key, JSON.stringify(message));
    win.localStorage.removeItem(key);
  } catch {
    // Storage disabled: the other channels and status polling remain.
  }
}

export function runReturnPage(win: Window): ReturnOutcome {
  const doc = win.document;
  const url = new URL(win.location.href);
  const status = doc.getElementById('dlkyc-return-status');
  const lang = doc.documentElement.lang.startsWith('hi') ? 'hi' : 'en';
  const show = (outcome: ReturnOutcome): ReturnOutcome => {
    if (status) status.textContent = CLOSE_WINDOW[lang];
    return outcome;
  };
  const state =
    meta(doc, 'dlkyc-state') ??
    url.searchParams.get(STATE_QUERY_PARAM) ??
    url.pathname.match(/\/return\/([^/]+)\/?$/)?.[1] ??
    '';
  const verificationId = url.searchParams.get(VERIFICATION_QUERY_PARAM);
  // The query (verification_id, state) must not linger in history or a Referer.
  win.history.replaceState(win.history.state, '', url.pathname + url.hash);
  if (!STATE_PATTERN.test(state)) return show('invalid');

  const origins = (meta(doc, 'dlkyc-origins') ?? '').split(/\s+/).filter(Boolean);
  deliverResult(win, returnMessage(state, verificationId), origins);

  if (win.opener) {
    win.close();
    return show('closed');
  }
  let pending = null;
  try {
    pending = readPending(win.sessionStorage, state);
  } catch {
    // Storage disabled.
  }
  if (pending) {
    const target = new URL(pending.return_to, win.location.href);
    if (target.origin === win.location.origin && /^https?:$/.test(target.protocol)) {
      const { verification_id } = returnMessage(state, verificationId);
      savePending(win.sessionStorage, { ...pending, returned: true, verification_id });
      // This page unloads now, before the delayed removal could run.
      win.localStorage.removeItem(RETURN_STORAGE_PREFIX + state);
      win.location.replace(target.href);
      return 'returned';
    }
  }
  return show('shown');
}
