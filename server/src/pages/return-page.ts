// The HTML of the return page: where DigiLocker sends the customer back (GET {base}/return).
import escapeHtml from 'escape-html';
import { PAGE_STYLE, PAGE_STYLE_SRC } from './page-style.js';
import { type PageLang, RETURN_TEXT } from './page-text.js';

export interface ReturnPageInput {
  /** The attempt's state; validated by the caller. */
  state: string;
  /** The receipt of this bound return, for the widget to present with its status request. */
  receipt: string;
  /** Eko's `verification_id` from the return's query, when it sent one. */
  verificationId?: string;
  /** Absolute path of the same-origin return script. */
  scriptPath: string;
  /** Exact origins the script may post the result to: the page that started the attempt. */
  origins: readonly string[];
  /** Language of the page's words (default `en`). */
  lang?: PageLang;
}

/**
 * A static page with no inline script, so its CSP can be `script-src 'self'` with no exceptions;
 * its one inline style is allowed by hash (page-style.ts). Everything dynamic is in `<meta>` tags
 * the return script reads; nothing from the query string is ever written into the page.
 */
export function renderReturnPage({
  state,
  receipt,
  verificationId,
  scriptPath,
  origins,
  lang,
}: ReturnPageInput): string {
  const text = RETURN_TEXT[lang ?? 'en'];
  const meta = (name: string, value: string) =>
    `\n<meta name="${name}" content="${escapeHtml(value)}">`;
  const head =
    meta('dlkyc-state', state) +
    meta('dlkyc-receipt', receipt) +
    (verificationId ? meta('dlkyc-verification', verificationId) : '') +
    meta('dlkyc-origins', origins.join(' ')) +
    `\n<script type="module" src="${escapeHtml(scriptPath)}"></script>`;
  return page(
    lang ?? 'en',
    text.title,
    head,
    `<p id="dlkyc-return-status" role="status">${text.finishing}</p>
<noscript><p>${text.noscript}</p></noscript>`,
  );
}

/**
 * The page shell every server page shares: language, no referrer, the page's own style (allowed
 * by hash) unless `styled` is false. `title`, `head` and `main` are HTML, escaped by the caller.
 */
function page(lang: string, title: string, head: string, main: string, styled = true): string {
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${title}</title>${head}
${styled ? `${PAGE_STYLE}\n` : ''}</head>
<body>
<main>
${main}
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
  return page(
    'en',
    'Not confirmed',
    '',
    `<h1>DigiLocker was not finished in this browser</h1>
<p>The consent for this verification was not given in this browser. If you gave it on another device or browser, it cannot complete here: close this window and start the verification again on this page.</p>
<p lang="hi">इस सत्यापन की सहमति इस ब्राउज़र में नहीं दी गई। यह विंडो बंद करें और इसी पेज पर सत्यापन फिर से शुरू करें।</p>`,
    false,
  );
}

/** A static page of the server's own: words only, no script. */
function staticPage(lang: PageLang, title: string, heading: string, body: string): string {
  return page(
    lang,
    escapeHtml(title),
    '',
    `<h1>${escapeHtml(heading)}</h1>
<p>${escapeHtml(body)}</p>`,
  );
}

/**
 * Moves the customer on (to the merchant's return page, or from the binding hop to DigiLocker;
 * `href` is built or checked by the server) with a meta refresh: no script, and a link for a
 * browser that refreshes nothing.
 */
export function renderForwardPage(href: string, lang: PageLang = 'en'): string {
  const text = RETURN_TEXT[lang];
  const to = escapeHtml(href);
  return page(
    lang,
    escapeHtml(text.title),
    `\n<meta http-equiv="refresh" content="0;url=${to}">`,
    `<p role="status"><a href="${to}">${escapeHtml(text.finishing)}</a></p>`,
  );
}

/**
 * DigiLocker's return reached a browser without the attempt's binding: the link was opened by
 * someone other than whoever started the attempt. No script and no receipt; a warning.
 */
export function renderForeignReturnPage(lang: PageLang = 'en'): string {
  const text = RETURN_TEXT[lang];
  return staticPage(lang, text.foreignTitle, text.foreignHeading, text.foreignBody);
}

/** The return could not be recorded (the shared store is down): reload later; no receipt. */
export function renderRetryPage(lang: PageLang = 'en'): string {
  const text = RETURN_TEXT[lang];
  return staticPage(lang, text.retryTitle, text.retryTitle, text.retryBody);
}

/** The return page's own CSP: one same-origin script, its own style by hash, nothing else. */
export const RETURN_PAGE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  `style-src ${PAGE_STYLE_SRC}`,
  "connect-src 'self'",
  // The browser's own favicon request (Firefox reports it as a violation under 'none').
  "img-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
