// The contract table: requests every adapter must answer alike (status, headers that matter, body).
import { createHash } from 'node:crypto';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { signSessionToken } from '../session-token.js';

export const PAGE_ORIGIN = 'https://shop.example';
export const SESSION_SECRET = 'contract-suite-session-secret-32-bytes!!';
export const NOW = 1_800_000_000_000;
export const STATE = 'S'.repeat(43);
export const RETURN_URL = 'https://shop.example/account/kyc';

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
  /** A check of the body text beyond the code. */
  body?: RegExp;
  /**
   * Sent this many times to a fresh instance with low limits (2 creations, 3 polls per token a
   * minute); the last reply is checked.
   */
  repeat?: number;
}

/** A valid session token for reference 1001, bound to PAGE_ORIGIN, at NOW. */
export function tokenFor(referenceId = '1001', origin = PAGE_ORIGIN): string {
  const issued = Math.floor(NOW / 1000);
  return signSessionToken(
    {
      reference_id: referenceId,
      state: STATE,
      origin,
      documents: ['AADHAAR'],
      issued_at: issued,
      expires_at: issued + 1800,
    },
    [SESSION_SECRET],
  );
}

/** The cookie a browser sends back after the return page for `state` (see return-cookie.ts). */
function returnCookie(state: string): string {
  const digest = createHash('sha256').update(`dlkyc-return:${state}`).digest('base64url');
  return `dlkyc_ret_${digest.slice(0, 16)}=${digest}`;
}

const API = { Origin: PAGE_ORIGIN, 'X-DigiLocker-KYC': '1', 'Content-Type': 'application/json' };
const create = (body: string | Buffer, headers: Record<string, string> = {}): ContractRequest => ({
  method: 'POST',
  path: '/sessions',
  headers: { ...API, ...headers },
  body,
});
const status = (headers: Record<string, string>, ref = '1001'): ContractRequest => ({
  method: 'GET',
  path: `/sessions/${ref}`,
  headers,
});

/** What every JSON API reply carries (helmet's set, no-store, JSON). */
const SAFE = {
  'content-type': 'application/json; charset=utf-8',
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
  'cross-origin-opener-policy': 'same-origin',
  'x-powered-by': null,
  'x-request-id': /^[A-Za-z0-9._-]{1,64}$/,
} as const;
const ALLOWED_CORS = {
  'access-control-allow-origin': PAGE_ORIGIN,
  'access-control-allow-credentials': 'true',
  vary: /Origin/,
} as const;
const PAGE = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-store',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': null,
  'content-security-policy': /^default-src 'none'; script-src 'self'/,
} as const;

export const CASES: ContractCase[] = [
  {
    name: 'create: 201 with the contract fields',
    request: create('{"documents":["AADHAAR"],"client_ref_id":"order-1"}'),
    status: 201,
    headers: { ...SAFE, ...ALLOWED_CORS },
    body: /"reference_id":"7483920","url":"https:\/\/digilocker\.gov\.in\/auth\?session_id=abc"/,
  },
  {
    name: 'create: an allowlisted redirect_url carries the state',
    request: create(JSON.stringify({ redirect_url: RETURN_URL })),
    status: 201,
    body: /"redirect_url":"https:\/\/shop\.example\/account\/kyc\?dlkyc_state=[A-Za-z0-9_-]{43}"/,
  },
  {
    name: 'create: an empty body is {}',
    request: create(''),
    status: 201,
  },
  {
    name: 'create: a well-formed brotli body',
    request: create(brotliCompressSync(Buffer.from('{"documents":["AADHAAR"]}')), {
      'Content-Encoding': 'br',
    }),
    status: 201,
  },
  {
    name: 'create: an Origin not on the allowlist is 403',
    request: create('{}', { Origin: 'https://evil.example' }),
    status: 403,
    code: 'forbidden_origin',
    headers: { ...SAFE, 'access-control-allow-origin': null, vary: /Origin/ },
  },
  {
    name: 'create: no Origin is 403',
    request: {
      method: 'POST',
      path: '/sessions',
      headers: { 'X-DigiLocker-KYC': '1', 'Content-Type': 'application/json' },
      body: '{}',
    },
    status: 403,
    code: 'forbidden_origin',
  },
  {
    name: 'create: without the CSRF header is 403',
    request: {
      method: 'POST',
      path: '/sessions',
      headers: { Origin: PAGE_ORIGIN, 'Content-Type': 'application/json' },
      body: '{}',
    },
    status: 403,
    code: 'forbidden',
    body: /X-DigiLocker-KYC: 1/,
  },
  {
    name: 'create: a form body is 415',
    request: create('documents=AADHAAR', { 'Content-Type': 'application/x-www-form-urlencoded' }),
    status: 415,
    code: 'unsupported_media_type',
    headers: SAFE,
  },
  {
    name: 'create: text/plain is 415',
    request: create('{}', { 'Content-Type': 'text/plain' }),
    status: 415,
    code: 'unsupported_media_type',
  },
  {
    name: 'create: a charset other than UTF-8 is 415',
    request: create('{}', { 'Content-Type': 'application/json; charset=latin1' }),
    status: 415,
    code: 'unsupported_media_type',
  },
  {
    name: 'create: a body over 2 KB is 413',
    request: create(JSON.stringify({ client_ref_id: 'x'.repeat(3000) })),
    status: 413,
    code: 'payload_too_large',
  },
  {
    name: 'create: broken JSON is 400',
    request: create('{"documents":'),
    status: 400,
    code: 'invalid_request',
    body: /could not be parsed/,
  },
  {
    name: 'create: a JSON number (not an object) is 400',
    request: create('1'),
    status: 400,
    code: 'invalid_request',
  },
  {
    name: 'create: an unknown field is 400',
    request: create('{"admin":true}'),
    status: 400,
    code: 'invalid_request',
  },
  {
    name: 'create: a document outside the list is 400',
    request: create('{"documents":["PASSPORT"]}'),
    status: 400,
    code: 'invalid_request',
    body: /documents/,
  },
  {
    name: 'create: a redirect_url off the allowlist is 400',
    request: create('{"redirect_url":"https://evil.example/return"}'),
    status: 400,
    code: 'invalid_request',
    body: /RETURN_URLS/,
  },
  {
    name: 'create: garbage under gzip is 400',
    request: create(Buffer.from('not compressed at all'), { 'Content-Encoding': 'gzip' }),
    status: 400,
    code: 'invalid_request',
    body: /decompressed/,
  },
  {
    name: 'create: an unknown Content-Encoding is 415',
    request: create(Buffer.from('{}'), { 'Content-Encoding': 'zstd' }),
    status: 415,
    code: 'unsupported_media_type',
    body: /gzip, deflate or br/,
  },
  {
    name: 'create: a decompression bomb is 413',
    request: create(gzipSync(Buffer.from(JSON.stringify({ pad: 'x'.repeat(200_000) }))), {
      'Content-Encoding': 'gzip',
    }),
    status: 413,
    code: 'payload_too_large',
  },
  {
    name: 'create: the caller’s well-formed X-Request-Id is kept',
    request: create('{}', { 'X-Request-Id': 'trace-42' }),
    status: 201,
    headers: { 'x-request-id': 'trace-42' },
  },
  {
    name: 'create: a malformed X-Request-Id is replaced',
    request: create('{}', { 'X-Request-Id': 'bad id<>' }),
    status: 201,
    headers: { 'x-request-id': /^[0-9a-f-]{36}$/ },
  },
  {
    name: 'create: the route matches any case and a trailing slash',
    request: { ...create('{}'), path: '/SESSIONS/' },
    status: 201,
  },
  {
    name: 'create: the merchant’s authorize hook refusing is 403',
    request: create('{}', { 'X-Deny': '1' }),
    status: 403,
    code: 'forbidden',
    body: /did not authorize/,
  },
  {
    name: 'create: resolveSubject answering out of bounds is 500, before Eko is called',
    request: create('{}', { 'X-User': 'u'.repeat(129) }),
    status: 500,
    code: 'config_error',
  },
  {
    name: 'preflight from an allowed origin: 204 with the CORS policy',
    request: {
      method: 'OPTIONS',
      path: '/sessions',
      headers: {
        Origin: PAGE_ORIGIN,
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'content-type,x-digilocker-kyc',
      },
    },
    status: 204,
    headers: {
      ...ALLOWED_CORS,
      'access-control-allow-methods': 'GET,POST',
      'access-control-allow-headers': 'Content-Type,X-DigiLocker-KYC,Authorization',
      'access-control-max-age': '600',
    },
  },
  {
    name: 'preflight of the status route from an allowed origin: 204',
    request: {
      method: 'OPTIONS',
      path: '/sessions/1001',
      headers: { Origin: PAGE_ORIGIN, 'Access-Control-Request-Method': 'GET' },
    },
    status: 204,
    headers: ALLOWED_CORS,
  },
  {
    name: 'preflight from another origin: refused, no CORS headers',
    request: {
      method: 'OPTIONS',
      path: '/sessions',
      headers: { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'POST' },
    },
    status: 405,
    code: 'method_not_allowed',
    headers: { 'access-control-allow-origin': null, allow: 'POST' },
  },
  {
    name: 'GET on the create route is 405 with Allow: POST',
    request: { method: 'GET', path: '/sessions' },
    status: 405,
    code: 'method_not_allowed',
    headers: { ...SAFE, allow: 'POST' },
  },
  {
    name: 'DELETE on the status route is 405 with Allow: GET',
    request: { method: 'DELETE', path: '/sessions/1001' },
    status: 405,
    code: 'method_not_allowed',
    headers: { allow: 'GET' },
  },
  {
    name: 'an unknown path under the mount is 404',
    request: { method: 'GET', path: '/nothing-here' },
    status: 404,
    code: 'not_found',
    headers: SAFE,
    body: /No route for GET \/kyc\/nothing-here\./,
  },
  {
    name: 'status: 200 with the attempt’s status',
    request: status({ Origin: PAGE_ORIGIN, Authorization: `Bearer ${tokenFor()}` }),
    status: 200,
    headers: { ...SAFE, ...ALLOWED_CORS },
    body: /^\{"reference_id":"1001","status":"pending","documents":\["AADHAAR"\]\}$/,
  },
  {
    name: 'status: same-origin (no Origin) with a token bound to no origin',
    request: status({ Authorization: `Bearer ${tokenFor('1001', '')}` }),
    status: 200,
  },
  {
    name: 'status: HEAD answers the headers without a body',
    request: {
      ...status({ Origin: PAGE_ORIGIN, Authorization: `Bearer ${tokenFor()}` }),
      method: 'HEAD',
    },
    status: 200,
    headers: { 'content-type': 'application/json; charset=utf-8' },
    body: /^$/,
  },
  {
    name: 'status: a reference_id that does not percent-decode is 400',
    request: status({ Origin: PAGE_ORIGIN }, '%E0%A4%A'),
    status: 400,
    code: 'invalid_request',
  },
  {
    name: 'status: no token is 401',
    request: status({ Origin: PAGE_ORIGIN }),
    status: 401,
    code: 'unauthorized',
  },
  {
    name: 'status: a forged token is 401',
    request: status({ Origin: PAGE_ORIGIN, Authorization: `Bearer ${tokenFor()}x` }),
    status: 401,
    code: 'unauthorized',
  },
  {
    name: 'status: a token for another attempt is 401',
    request: status({ Origin: PAGE_ORIGIN, Authorization: `Bearer ${tokenFor('2002')}` }),
    status: 401,
    code: 'unauthorized',
  },
  {
    name: 'status: a reference_id outside the pattern is 400',
    request: status({ Origin: PAGE_ORIGIN, Authorization: `Bearer ${tokenFor()}` }, 'a.b'),
    status: 400,
    code: 'invalid_request',
  },
  {
    name: 'status: an Origin not on the allowlist is 403',
    request: status({ Origin: 'https://evil.example', Authorization: `Bearer ${tokenFor()}` }),
    status: 403,
    code: 'forbidden_origin',
  },
  {
    name: 'return page: no COOP, no-referrer, strict CSP, the same-origin script',
    request: { method: 'GET', path: '/return?verification_id=v1' },
    status: 200,
    headers: { ...PAGE, 'set-cookie': null },
    body: /<script type="module" src="\/kyc\/return\.js"><\/script>/,
  },
  {
    name: 'return page with the state in the path: sets the return cookie',
    request: { method: 'GET', path: `/return/${STATE}?verification_id=v1` },
    status: 200,
    headers: {
      ...PAGE,
      'set-cookie':
        /^dlkyc_ret_[A-Za-z0-9_-]{16}=[A-Za-z0-9_-]{43}; Max-Age=600; Path=\/kyc; Expires=.+; HttpOnly; Secure; SameSite=Lax$/,
    },
    body: /<meta name="dlkyc-state" content="S{43}">/,
  },
  {
    name: 'return page with the state in the query: sets the cookie, no state meta',
    request: { method: 'GET', path: `/return?dlkyc_state=${STATE}` },
    status: 200,
    headers: { 'set-cookie': /^dlkyc_ret_/ },
    body: /^(?![\s\S]*dlkyc-state")/,
  },
  {
    name: 'return page in Hindi when the browser prefers it',
    request: {
      method: 'GET',
      path: '/return',
      headers: { 'Accept-Language': 'hi-IN,hi;q=0.9,en;q=0.8' },
    },
    status: 200,
    body: /<html lang="hi">/,
  },
  {
    name: 'return page with a malformed state is 404',
    request: { method: 'GET', path: '/return/short' },
    status: 404,
    code: 'not_found',
  },
  {
    name: 'confirm page with the return cookie: the return page',
    request: {
      method: 'GET',
      path: `/confirm/${STATE}`,
      headers: { Cookie: `other=1; ${returnCookie(STATE)}` },
    },
    status: 200,
    headers: PAGE,
    body: /<meta name="dlkyc-state" content="S{43}">/,
  },
  {
    name: 'confirm page without the cookie: 403, no script',
    request: { method: 'GET', path: `/confirm/${STATE}` },
    status: 403,
    headers: PAGE,
    body: /^(?![\s\S]*<script)[\s\S]*not finished in this browser/,
  },
  {
    name: 'return.js: the built script, no COOP',
    request: { method: 'GET', path: '/return.js' },
    status: 200,
    headers: {
      'content-type': 'text/javascript; charset=utf-8',
      'cross-origin-opener-policy': null,
      'referrer-policy': 'no-referrer',
    },
    body: /^\/\/ return script/,
  },
  {
    name: 'widget.js: the built bundle, readable from any origin',
    request: { method: 'GET', path: '/widget.js' },
    status: 200,
    headers: {
      'content-type': 'text/javascript; charset=utf-8',
      'access-control-allow-origin': '*',
      'cross-origin-resource-policy': 'cross-origin',
      'cache-control': 'public, max-age=300',
    },
    body: /^\/\/ widget bundle/,
  },
  {
    name: 'create: the (limit+1)th creation from one client is 429',
    request: create('{}'),
    repeat: 3,
    status: 429,
    code: 'rate_limited',
    headers: {
      ratelimit: /"ip"; r=0; t=\d+/,
      'ratelimit-policy': /q=2; w=60/,
      'retry-after': /^\d+$/,
    },
  },
  {
    name: 'status: the (limit+1)th poll of one token is 429',
    request: status({ Origin: PAGE_ORIGIN, Authorization: `Bearer ${tokenFor()}` }),
    repeat: 4,
    status: 429,
    code: 'rate_limited',
    headers: { 'retry-after': /^\d+$/ },
  },
];
