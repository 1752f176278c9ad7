// Which browsers cannot run a popup journey: in-app browsers and WebViews, told apart by user agent.
//
// These embed a browser that either drops `window.open` or opens the popup somewhere the return
// page cannot reach (another app, a sheet without an opener). Rules are data, tested by the
// fixtures table in in-app-browser.test.ts; add a fixture there with every rule added here.

/** One user-agent pattern per in-app browser or WebView family. */
export const IN_APP_RULES: readonly RegExp[] = [
  /\bFBAN\/|\bFBAV\/|\bFB_IAB\/|\bFBIOS\b/, // Facebook, and Messenger (FBAN/MessengerForiOS, FB_IAB/Orca-Android)
  /\bInstagram\b/,
  /\bWhatsApp\b/i,
  /\bLinkedInApp\b/,
  /\bSnapchat\b/,
  /\sLine\/\d/, // LINE
  /\bTwitter(Android)?\b/, // Twitter / X
  /\bTelegram\b/i,
  // Android System WebView marks itself with "; wv)" in the platform part.
  /;\s?wv\)/,
  // An iOS app's WKWebView keeps AppleWebKit and Mobile/ but drops the "Safari/" token that
  // Safari and every real iOS browser (CriOS, FxiOS, EdgiOS) send.
  /^(?!.*\bSafari\/).*\((iPhone|iPad|iPod);.*\bAppleWebKit\/.*\bMobile\//,
];

/** True for a browser that cannot run a popup journey. */
export function isInAppBrowser(userAgent: string): boolean {
  return IN_APP_RULES.some((rule) => rule.test(userAgent));
}

/**
 * True inside an iframe whose top-level document has another origin. There, BroadcastChannel
 * and storage are partitioned by top-level site (Chromium 115+): a popup's result arrives only
 * by `opener.postMessage` (or Continue's confirm page), and a redirect of the frame cannot load DigiLocker
 * (it refuses to be framed). See openJourneyWindow.
 */
export function isCrossOriginFrame(win: Window): boolean {
  try {
    const top = win.top;
    // Reading a cross-origin document's location throws a SecurityError.
    return Boolean(top && top !== win.self && !top.location.href);
  } catch {
    return true;
  }
}
