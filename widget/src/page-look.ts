// The return page's language and end state, set by its script around runReturnPage.
import { rememberedLocale } from './page-locale.js';
import type { ReturnOutcome } from './return-page.js';
import { PAGE_WORDS } from './return-text.js';

/**
 * Speaks the journey's language when the placeholder window remembered one that differs from
 * the server's guess (Accept-Language). Runs before runReturnPage, which words its last line in
 * the page's `lang`.
 */
export function localiseReturnPage(win: Window): void {
  const lang = rememberedLocale(win);
  const doc = win.document;
  if (!lang || doc.documentElement.lang === lang) return;
  doc.documentElement.lang = lang;
  doc.title = PAGE_WORDS[lang].title;
  const status = doc.getElementById('dlkyc-return-status');
  if (status) status.textContent = PAGE_WORDS[lang].finishing;
}

/** Stops the page's spinner (its CSS keys on data-done) unless the page is leaving anyway. */
export function markReturnPageDone(win: Window, outcome: ReturnOutcome): void {
  if (outcome !== 'returned') win.document.documentElement.dataset.done = '';
}
