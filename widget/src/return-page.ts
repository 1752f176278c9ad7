// The return page's run: send the return message to the waiting widget, tidy the URL, then close or go back.
//
// Runs on the page DigiLocker sends the customer back to (dist/return.js, served by the signing
// server). It never navigates to a URL taken from its own query: the only navigation is the
// redirect resume's, to the same-origin `return_to` this tab's own widget parked.
import { RECEIPT_PATTERN, returnMessage, STATE_PATTERN } from '@digilocker-kyc/shared/protocol';
import { goBackToStart, readParked } from './redirect-resume.js';
import { sendReturn } from './return-channel.js';
import { PAGE_WORDS, pageLocale } from './return-text.js';

export type ReturnOutcome = 'closed' | 'returned' | 'shown' | 'invalid';

const meta = (doc: Document, name: string): string | null =>
  doc.querySelector<HTMLMetaElement>(`meta[name="${name}"]`)?.content ?? null;

export function runReturnPage(win: Window): ReturnOutcome {
  const doc = win.document;
  const url = new URL(win.location.href);
  const status = doc.getElementById('dlkyc-return-status');
  const lang = pageLocale(doc.documentElement.lang);
  const show = (outcome: ReturnOutcome): ReturnOutcome => {
    if (status) status.textContent = PAGE_WORDS[lang].close;
    return outcome;
  };
  // The server wrote what it checked into the page: the state, its receipt, Eko's verification id.
  const state = meta(doc, 'dlkyc-state') ?? '';
  const receipt = meta(doc, 'dlkyc-receipt') ?? '';
  const verificationId = meta(doc, 'dlkyc-verification');
  // The return secret (the path's last segment) and the query must not linger in the address
  // bar, history or a Referer: `/return/<state>/<secret>?…` becomes `/return/<state>`.
  const path = url.pathname.replace(/^(.*\/return\/[^/]+)\/[^/]+\/?$/, '$1');
  win.history.replaceState(win.history.state, '', path + url.hash);
  if (!STATE_PATTERN.test(state) || !RECEIPT_PATTERN.test(receipt)) return show('invalid');

  const origins = (meta(doc, 'dlkyc-origins') ?? '').split(/\s+/).filter(Boolean);
  sendReturn(win, returnMessage(state, receipt, verificationId), origins);

  if (win.opener) {
    win.close();
    return show('closed');
  }
  // Redirect mode: this tab parked the attempt before it left for DigiLocker.
  const parked = readParked(win, state);
  return parked && goBackToStart(win, parked, state, receipt, verificationId)
    ? 'returned'
    : show('shown');
}
