// The standalone server's answer to a browser at a path outside the API: what this server is.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { PAGE_STYLE, PAGE_STYLE_SRC } from '../pages/page-style.js';

const CSP = `default-src 'none'; style-src ${PAGE_STYLE_SRC}; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`;

/** True when the client asks for HTML first (a browser's address bar), not JSON. */
export function wantsHtml(req: IncomingMessage): boolean {
  const accept = req.headers.accept ?? '';
  return /(^|,)\s*text\/html/i.test(accept);
}

/** First path segments of the API: such a path outside the mount is a base URL missing it. */
const API_SEGMENT = /^\/(return|confirm|sessions|go|widget(\.[0-9a-f]+)?\.js|openapi\.json)(\/|$)/i;

/**
 * A small page instead of raw JSON: someone who opens the server's address (or lands here from a
 * PUBLIC_BASE_URL without the mount) learns that this is the KYC signing server and where its
 * API, widget and health check are. `/` is 200; any other path is 404 with the same page. The
 * path is never echoed: a return link carries a per-attempt secret in it.
 */
export function sendRootPage(
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  mount: string,
): void {
  const root = path === '/';
  const missingMount = API_SEGMENT.test(path)
    ? `<p>This address looks like part of the API without <code>${mount}</code> in front: the link that led here was probably built from a PUBLIC_BASE_URL that does not end in <code>${mount}</code>. Please go back to the page you came from.</p>`
    : '';
  const body = [
    '<!doctype html><html lang="en"><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width,initial-scale=1">',
    `<title>DigiLocker KYC signing server</title>${PAGE_STYLE}</head><body><main>`,
    '<h1>DigiLocker KYC signing server</h1>',
    root ? '' : '<p>There is no page at this address.</p>',
    missingMount,
    `<p>This server signs requests to Eko's DigiLocker API. Its API is under <a href="${mount}/openapi.json"><code>${mount}</code></a>;`,
    ` pages load the widget from <code>${mount}/widget.js</code>. Health: <a href="/readyz"><code>/readyz</code></a>.</p>`,
    '</main></body></html>',
  ].join('');
  res.statusCode = root ? 200 : 404;
  res.setHeader('Content-Type', 'text/html; charset=utf-8');
  res.setHeader('Content-Security-Policy', CSP);
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('Content-Length', Buffer.byteLength(body));
  res.end(req.method === 'HEAD' ? undefined : body);
}
