// The contract table's vocabulary: its request and case types, fixtures and the header sets checked.
import { createHash } from 'node:crypto';
import { mintReceipt, proofCookieName, returnSecret } from '../../src/core/return-proof.js';
import { type SessionClaims, signBinding, signSessionToken } from '../../src/core/session-token.js';

export const PAGE_ORIGIN = 'https://shop.example';
export const SESSION_SECRET = 'contract-suite-session-secret-32-bytes!!';
export const NOW = 1_800_000_000_000;
export const STATE = 'S'.repeat(43);
export const RETURN_URL = 'https://shop.example/account/kyc';

/** The built files every target serves, and what their hashed URLs and integrity must be. */
export const WIDGET_BODY = '// widget bundle\nexport {};\n';
export const RETURN_BODY = '// return script\nexport {};\n';
const sha = (algorithm: string, text: string, encoding: 'hex' | 'base64') =>
  createHash(algorithm).update(text).digest(encoding);
export const WIDGET_HASH = sha('sha256', WIDGET_BODY, 'hex').slice(0, 10);
export const RETURN_HASH = sha('sha256', RETURN_BODY, 'hex').slice(0, 10);
export const LANGUAGE_BODY = 'export default { start: "…" };\n';
export const LANGUAGE_HASH = sha('sha256', LANGUAGE_BODY, 'hex').slice(0, 10);
export const WIDGET_INTEGRITY = `sha384-${sha('sha384', WIDGET_BODY, 'base64')}`;
export const RETURN_INTEGRITY = `sha384-${sha('sha384', RETURN_BODY, 'base64')}`;

export interface ContractRequest {
  method: string;
  /** Path and query, under the mount (`/kyc`). */
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

export interface ContractCase {
  name: string;
  request: ContractRequest;
  status: number;
  /** Headers that must have exactly these values; `null` means absent. */
  headers?: Record<string, string | RegExp | null>;
  /** The error code of a non-2xx JSON reply. */
  code?: string;
  /** A check of the body text beyond the code (decoded first when `encoding` is set). */
  body?: RegExp;
  /** The reply must be in this Content-Encoding; `body` is checked on the decoded bytes. */
  encoding?: 'br' | 'gzip';
  /**
   * Sent this many times to a fresh instance with low limits (2 creations, 3 polls per token a
   * minute); the last reply is checked.
   */
  repeat?: number;
}

const ISSUED = Math.floor(NOW / 1000);

/** The attempt every return-leg case is about: reference 1001, started by PAGE_ORIGIN, at NOW. */
export function claimsFor(
  referenceId = '1001',
  origin = PAGE_ORIGIN,
  extra: Partial<SessionClaims> = {},
): SessionClaims {
  return {
    reference_id: referenceId,
    state: STATE,
    origin,
    documents: ['AADHAAR'],
    issued_at: ISSUED,
    expires_at: ISSUED + 1800,
    ...extra,
  };
}

/** A valid create-time session token for reference 1001, bound to PAGE_ORIGIN, at NOW. */
export function tokenFor(referenceId = '1001', origin = PAGE_ORIGIN): string {
  return signSessionToken(claimsFor(referenceId, origin), [SESSION_SECRET]);
}

/** The return URL's path Eko was given for `state` (what DigiLocker sends the customer to). */
export function returnPath(state = STATE): string {
  return `/return/${state}/${returnSecret(state, [SESSION_SECRET])}`;
}

/** The binding cookie the create reply set in the starting browser (the mount is on https). */
export function bindingCookie(claims: SessionClaims = claimsFor()): string {
  return `${proofCookieName('b', claims.state, true)}=${signBinding(claims, [SESSION_SECRET])}`;
}

/** The receipt cookie a bound return left for `state`, seen at NOW. */
export function receiptCookie(state = STATE): string {
  return `${proofCookieName('r', state, true)}=${mintReceipt(state, ISSUED, [SESSION_SECRET])}`;
}

/** A `/go` form post from `origin` (the widget's top-level hop when the server is on another site). */
export function go(
  form: Record<string, string>,
  headers: Record<string, string> = { Origin: PAGE_ORIGIN },
): ContractRequest {
  return {
    method: 'POST',
    path: '/go',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(form).toString(),
  };
}

export const API = {
  Origin: PAGE_ORIGIN,
  'X-DigiLocker-KYC': '1',
  'Content-Type': 'application/json',
};
export const create = (
  body: string | Buffer,
  headers: Record<string, string> = {},
): ContractRequest => ({
  method: 'POST',
  path: '/sessions',
  headers: { ...API, ...headers },
  body,
});
export const status = (headers: Record<string, string>, ref = '1001'): ContractRequest => ({
  method: 'GET',
  path: `/sessions/${ref}`,
  headers,
});

/** What every JSON API reply carries (helmet's set, no-store, JSON). */
export const SAFE = {
  'content-type': 'application/json; charset=utf-8',
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
  'cross-origin-opener-policy': 'same-origin',
  'x-powered-by': null,
  'x-request-id': /^[A-Za-z0-9._-]{1,64}$/,
} as const;
export const ALLOWED_CORS = {
  'access-control-allow-origin': PAGE_ORIGIN,
  'access-control-allow-credentials': 'true',
  vary: /Origin/,
} as const;
export const PAGE = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-store',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': null,
  'content-security-policy': /^default-src 'none'; script-src 'self'/,
} as const;
