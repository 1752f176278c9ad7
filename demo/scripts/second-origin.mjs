// The demo's "other origin": a static server for xo/cross-origin.html and xo/strict-csp.html that
// fills in the origins and a per-response CSP nonce, and collects CSP violation reports.
import { randomBytes } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

/** The strict page's policy: nonces only, Trusted Types required, violations reported here. */
function strictCsp(nonce, kycOrigin) {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    `style-src 'self' 'nonce-${nonce}'`,
    `connect-src 'self' ${kycOrigin}`,
    "img-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    // The widget's binding hop posts to the signing server on another origin (`{mount}/go`).
    `form-action 'self' ${kycOrigin}`,
    "frame-ancestors 'none'",
    "require-trusted-types-for 'script'",
    "trusted-types 'none'",
    'report-uri /__csp-report',
  ].join('; ');
}

/** A request handler serving `distDir` as the page origin `pageOrigin`, talking to `kycOrigin`. */
export function secondOrigin({ distDir, kycOrigin, pageOrigin }) {
  const cspReports = [];
  return async function serveSecondOrigin(req, res) {
    const url = new URL(req.url ?? '/', pageOrigin);
    const common = {
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'strict-origin-when-cross-origin',
      'Cache-Control': 'no-store',
    };
    if (url.pathname === '/__csp-report') {
      if (req.method === 'POST') {
        let size = 0;
        const chunks = [];
        for await (const chunk of req) {
          size += chunk.length;
          if (size > 16_384) break;
          chunks.push(chunk);
        }
        cspReports.push(Buffer.concat(chunks).toString('utf8'));
        res.writeHead(204, common).end();
        return;
      }
      // Loopback tools (the e2e tests) read the reports back.
      res.writeHead(200, { ...common, 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ count: cspReports.length, reports: cspReports }));
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { ...common, Allow: 'GET, HEAD' }).end();
      return;
    }
    const pathname =
      url.pathname === '/' ? '/xo/cross-origin.html' : decodeURIComponent(url.pathname);
    const file = normalize(join(distDir, pathname));
    if (!file.startsWith(distDir + sep) || !(await stat(file).catch(() => null))?.isFile()) {
      res
        .writeHead(404, { ...common, 'Content-Type': 'text/plain; charset=utf-8' })
        .end('Not found');
      return;
    }
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    let body = await readFile(file);
    const headers = { ...common, 'Content-Type': type };
    if (extname(file) === '.html') {
      const nonce = randomBytes(16).toString('base64');
      body = Buffer.from(
        body
          .toString('utf8')
          .replaceAll('{{KYC_ORIGIN}}', kycOrigin)
          .replaceAll('{{PAGE_ORIGIN}}', pageOrigin)
          .replaceAll('{{NONCE}}', nonce),
      );
      if (pathname === '/xo/strict-csp.html') {
        headers['Content-Security-Policy'] = strictCsp(nonce, kycOrigin);
      }
    }
    res.writeHead(200, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
  };
}
