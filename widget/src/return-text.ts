// The return page's lines in every language, for dist/return.js (the element never imports this).
//
// Each language's lines live in its file under locales/, beside the element's; this module takes
// only their `page` export, so the return script carries three short lines per language and none
// of the element's.
import { page as bn } from './locales/bn.js';
import { page as gu } from './locales/gu.js';
import { page as hi } from './locales/hi.js';
import { page as kn } from './locales/kn.js';
import { page as ml } from './locales/ml.js';
import { page as mr } from './locales/mr.js';
import { page as or } from './locales/or.js';
import { page as pa } from './locales/pa.js';
import { page as ta } from './locales/ta.js';
import { page as te } from './locales/te.js';
import type { KycLocale, PageWords } from './strings.js';

export const PAGE_WORDS: Readonly<Record<KycLocale, PageWords>> = {
  en: {
    title: 'Returning from DigiLocker',
    finishing: 'Finishing your DigiLocker verification…',
    close: 'You can close this window.',
  },
  hi,
  bn,
  gu,
  kn,
  ml,
  mr,
  or,
  pa,
  ta,
  te,
};

/** The language of a `lang` attribute (`ta`, `ta-IN`) when there are words for it; else English. */
export function pageLocale(tag: string | null | undefined): KycLocale {
  const primary = (tag ?? '').toLowerCase().split('-')[0] as KycLocale;
  return Object.hasOwn(PAGE_WORDS, primary) ? primary : 'en';
}
