// The return page's run: send the return message to the waiting widget, tidy the URL, then close or go back.
//
// Runs on the page DigiLocker sends the customer back to (dist/return.js, served by the signing
// server). It never navigates to a URL taken from its own query: the only navigation is the
// redirect resume's, to the same-origin `return_to` this tab's own widget parked.
import {
  returnMessage,
  STATE_PATTERN,
  STATE_QUERY_PARAM,
  VERIFICATION_QUERY_PARAM,
} from '@digilocker-kyc/shared/protocol';
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
  sendReturn(win, returnMessage(state, verificationId), origins);

  if (win.opener) {
    win.close();
    return show('closed');
  }
  // Redirect mode: this tab parked the attempt before it left for DigiLocker.
  const parked = readParked(win, state);
  return parked && goBackToStart(win, parked, state, verificationId) ? 'returned' : show('shown');
}
