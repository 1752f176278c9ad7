// The journey's language, handed from the widget's page to the return page DigiLocker sends back to.
//
// DigiLocker holds the redirect URL, so the return page cannot be told its language in the URL.
// In a popup journey the placeholder window is about:blank of the widget page's origin: what it
// writes into its own sessionStorage is still there when DigiLocker sends that window back to a
// return page on the same origin (the signing server mounted on the merchant's app, the usual
// setup), and leaves with the window. In a redirect journey the widget's own tab writes it just
// before it leaves, and the return page reads and removes it. A return page on another origin
// keeps the server's language, which follows Accept-Language. Only a language code is stored:
// never anything about the customer.
import { type KycLocale, LOCALES } from './strings.js';

export const LOCALE_KEY = 'dlkyc:locale';

/** Remembers the journey's language for the return page of this window (or tab). */
export function rememberLocale(win: Window, locale: string): void {
  try {
    win.sessionStorage.setItem(LOCALE_KEY, locale);
  } catch {
    // Storage refused (a privacy mode): the return page keeps the server's language.
  }
}

/**
 * The language remembered for this window, or null. Read once: the key goes (also what the
 * widget's page calls when it is back from a redirect journey, to leave no key behind).
 */
export function rememberedLocale(win: Window): KycLocale | null {
  try {
    const value = win.sessionStorage.getItem(LOCALE_KEY) as KycLocale;
    win.sessionStorage.removeItem(LOCALE_KEY);
    return LOCALES.includes(value) ? value : null;
  } catch {
    return null;
  }
}
