// The HTML of the return page: where DigiLocker sends the customer back (design §4, GET /return).
import escapeHtml from 'escape-html';

export interface ReturnPageInput {
  /** The attempt's state when it is in the path; validated by the caller. */
  state?: string;
  /** Absolute path of the same-origin return script. */
  scriptPath: string;
  /** Exact origins the script may post the result to (the widget's pages). */
  origins: readonly string[];
}

/**
 * A static page with no inline script or style, so its CSP can be `script-src 'self'` with no
 * exceptions. Everything dynamic is in `<meta>` tags the return script reads; nothing from the
 * query string is ever written into the page.
 */
export function renderReturnPage({ state, scriptPath, origins }: ReturnPageInput): string {
  const stateMeta = state ? `\n<meta name="dlkyc-state" content="${escapeHtml(state)}">` : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>Returning from DigiLocker</title>${stateMeta}
<meta name="dlkyc-origins" content="${escapeHtml(origins.join(' '))}">
<script type="module" src="${escapeHtml(scriptPath)}"></script>
</head>
<body>
<main>
<p id="dlkyc-return-status" role="status">Finishing your DigiLocker verification…</p>
<noscript><p>JavaScript is off: close this window and return to the page you came from.</p></noscript>
</main>
</body>
</html>
`;
}

/**
 * What `{base}/confirm/<state>` shows when this browser never saw the return for that state:
 * static text and no script, so nothing is posted to the widget (no proof, no `complete`).
 */
export function renderConfirmRefusedPage(): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>Not confirmed</title>
</head>
<body>
<main>
<h1>DigiLocker was not finished in this browser</h1>
<p>The consent for this verification was not given in this browser. If you gave it on another device or browser, it cannot complete here: close this window and start the verification again on this page.</p>
<p lang="hi">इस सत्यापन की सहमति इस ब्राउज़र में नहीं दी गई। यह विंडो बंद करें और इसी पेज पर सत्यापन फिर से शुरू करें।</p>
</main>
</body>
</html>
`;
}

/** The return page's own CSP: it loads one same-origin script and nothing else. */
export const RETURN_PAGE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
