// Fast, uniform JSON replies and the security headers every reply carries, for the core and the app.
import type { ServerResponse } from 'node:http';
import type { HeaderBag } from './exchange.js';

/**
 * Writes a JSON reply with `Cache-Control: no-store` (a DigiLocker URL is a one-time
 * credential) on a node:http response. No ETag: hashing every body costs CPU on the hot path,
 * and these replies are never cached or revalidated anyway. A string body also lets Node send
 * the headers and the body in one write.
 */
export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.statusCode = status;
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Content-Length', Buffer.byteLength(text));
  res.end(text);
}

/** Sets the JSON reply headers on a core reply's headers; the body is the caller's. */
export function jsonHeaders(headers: HeaderBag): void {
  headers.set('Cache-Control', 'no-store');
  headers.set('Content-Type', 'application/json; charset=utf-8');
}

/** What a header-setting middleware sets and removes, recorded once. */
export interface HeaderSet {
  set: readonly (readonly [string, string])[];
  removed: readonly string[];
}

/** Puts a recorded header set on a core reply. */
export function applyHeaders(headers: HeaderBag, recorded: HeaderSet): void {
  for (const [name, value] of recorded.set) headers.set(name, value);
}

/** Headers helmet 8 sets with any of the options used here, and the one it removes. */
const HELMET_COMMON: readonly (readonly [string, string])[] = [
  ['Cross-Origin-Resource-Policy', 'same-origin'],
  ['Origin-Agent-Cluster', '?1'],
  ['Referrer-Policy', 'no-referrer'],
  ['Strict-Transport-Security', 'max-age=31536000; includeSubDomains'],
  ['X-Content-Type-Options', 'nosniff'],
  ['X-DNS-Prefetch-Control', 'off'],
  ['X-Download-Options', 'noopen'],
  ['X-Frame-Options', 'SAMEORIGIN'],
  ['X-Permitted-Cross-Domain-Policies', 'none'],
  ['X-XSS-Protection', '0'],
];

/**
 * helmet()'s default headers, for every API reply, health probe and 404. Written out rather than
 * recorded from helmet at import, so the library loads no helmet; security-headers.test.ts
 * compares both tables with what the installed helmet sets.
 */
export const SECURITY_HEADERS: HeaderSet = {
  set: [
    [
      'Content-Security-Policy',
      "default-src 'self';base-uri 'self';font-src 'self' https: data:;form-action 'self';frame-ancestors 'self';img-src 'self' data:;object-src 'none';script-src 'self';script-src-attr 'none';style-src 'self' https: 'unsafe-inline';upgrade-insecure-requests",
    ],
    ['Cross-Origin-Opener-Policy', 'same-origin'],
    ...HELMET_COMMON,
  ],
  removed: ['X-Powered-By'],
};

/**
 * The return page and the files it loads must not send Cross-Origin-Opener-Policy (it would
 * sever the popup from the widget), must not leak their query through Referer, and carry their
 * own CSP: helmet({ contentSecurityPolicy: false, crossOriginOpenerPolicy: false,
 * referrerPolicy: { policy: 'no-referrer' } }).
 */
export const PAGE_SECURITY_HEADERS: HeaderSet = {
  set: HELMET_COMMON,
  removed: ['X-Powered-By'],
};
