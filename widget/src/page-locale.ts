// The journey's language, handed from the placeholder window to the return page in that window.
//
// DigiLocker holds the redirect URL, so the return page cannot be told its language in the URL.
// The placeholder window is about:blank of the widget page's origin: what it writes into its own
// sessionStorage is still there when DigiLocker sends that window back to a return page on the
// same origin (the signing server mounted on the merchant's app, the usual setup), and leaves
// with the window. A return page on another origin, or one reached in redirect mode (it sends the
// customer straight back to the merchant's page), keeps the server's language, which follows
// Accept-Language. Only `en` or `hi` is stored: never anything about the customer.

export const LOCALE_KEY = 'dlkyc:locale';

/** The language the placeholder remembered for this window, or null. */
export function rememberedLocale(win: Window): 'en' | 'hi' | null {
  try {
    const value = win.sessionStorage.getItem(LOCALE_KEY);
    return value === 'hi' || value === 'en' ? value : null;
  } catch {
    return null;
  }
}
