// How a language's file is imported: a dynamic import per language, which bundlers split out.
//
// The script-tag bundle replaces this module at build time (vite.config.ts, `languageTable`) with
// a table of the content-hashed files the `lang` build wrote to dist/lang/, imported from beside
// the bundle's own URL: that bundle cannot be split by the bundler itself (its property mangling
// needs a single chunk).
import type { KycLocale, Translation } from './strings.js';

type LanguageFile = () => Promise<{ default: Translation }>;

// Spelled out, one import() each: a bundler makes each a chunk of its own.
const FILES: Readonly<Record<Exclude<KycLocale, 'en'>, LanguageFile>> = {
  hi: () => import('./locales/hi.js'),
  bn: () => import('./locales/bn.js'),
  gu: () => import('./locales/gu.js'),
  kn: () => import('./locales/kn.js'),
  ml: () => import('./locales/ml.js'),
  mr: () => import('./locales/mr.js'),
  or: () => import('./locales/or.js'),
  pa: () => import('./locales/pa.js'),
  ta: () => import('./locales/ta.js'),
  te: () => import('./locales/te.js'),
};

/** Imports the file of a language other than English. */
export function languageFile(locale: Exclude<KycLocale, 'en'>): Promise<{ default: Translation }> {
  return FILES[locale]();
}
