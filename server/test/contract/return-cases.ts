// The contract table, part three: the return leg (DigiLocker's return, the warning page, Continue,
// the /go binding hop). The secret, binding and receipt are minted as the server mints them.
import {
  bindingCookie,
  type ContractCase,
  claimsFor,
  go,
  PAGE,
  PAGE_ORIGIN,
  RETURN_URL,
  receiptCookie,
  returnPath,
  SAFE,
  STATE,
  tokenFor,
} from './requests.js';

/** A second attempt, asked to end on the merchant's own return page. */
const RETURN_TO_STATE = 'R'.repeat(43);
const DIGILOCKER_LINK = 'https://digilocker.gov.in/auth?session_id=abc';
const NO_PAGE_SCRIPT = /^(?![\s\S]*<script)(?![\s\S]*dlkyc-receipt)/;

export const RETURN_CASES: ContractCase[] = [
  {
    name: 'return with the secret and the binding: the return page with a receipt',
    request: {
      method: 'GET',
      path: `${returnPath()}?verification_id=v1`,
      headers: { Cookie: `other=1; ${bindingCookie()}` },
    },
    status: 200,
    headers: {
      ...PAGE,
      'set-cookie':
        /^__Host-dlkyc_r_[A-Za-z0-9_-]{16}=\d+\.[A-Za-z0-9_-]{43}; Max-Age=\d+; Path=\/; HttpOnly; Secure; SameSite=Lax$/,
    },
    body: /<meta name="dlkyc-state" content="S{43}">\n<meta name="dlkyc-receipt" content="\d+\.[A-Za-z0-9_-]{43}">\n<meta name="dlkyc-verification" content="v1">[\s\S]*<meta name="dlkyc-origins" content="https:\/\/shop\.example">\n<script type="module" src="\/kyc\/return\.js"><\/script>/,
  },
  {
    name: 'return page in Hindi when the browser prefers it',
    request: {
      method: 'GET',
      path: returnPath(),
      headers: { Cookie: bindingCookie(), 'Accept-Language': 'hi-IN,hi;q=0.9,en;q=0.8' },
    },
    status: 200,
    body: /<html lang="hi">/,
  },
  {
    name: 'return to a merchant return_to page: a page that moves on there with the state and a receipt',
    request: {
      method: 'GET',
      path: `${returnPath(RETURN_TO_STATE)}?verification_id=v1`,
      headers: {
        Cookie: bindingCookie(
          claimsFor('1002', PAGE_ORIGIN, { state: RETURN_TO_STATE, return_to: RETURN_URL }),
        ),
      },
    },
    status: 200,
    headers: {
      location: null,
      'referrer-policy': 'no-referrer',
      'set-cookie': /^__Host-dlkyc_r_/,
    },
    body: /<meta http-equiv="refresh" content="0;url=https:\/\/shop\.example\/account\/kyc\?dlkyc_state=R{43}&amp;dlkyc_receipt=\d+\.[A-Za-z0-9_-]{43}&amp;verification_id=v1">/,
  },
  {
    name: 'return without the binding (another browser): 303 to the warning page, no cookie',
    request: { method: 'GET', path: returnPath() },
    status: 303,
    headers: {
      location: '/kyc/foreign-return',
      'set-cookie': null,
      'referrer-policy': 'no-referrer',
      'cache-control': 'no-store',
    },
    body: /^$/,
  },
  {
    name: 'return with a wrong secret: 404, no cookie',
    request: {
      method: 'GET',
      path: `/return/${STATE}/${'x'.repeat(43)}`,
      headers: { Cookie: bindingCookie() },
    },
    status: 404,
    code: 'not_found',
    headers: { 'set-cookie': null },
    body: NO_PAGE_SCRIPT,
  },
  {
    name: 'return without a secret: 404, no cookie',
    request: { method: 'GET', path: `/return/${STATE}`, headers: { Cookie: bindingCookie() } },
    status: 404,
    code: 'not_found',
    headers: { 'set-cookie': null },
  },
  {
    name: 'the plain return path: 404',
    request: { method: 'GET', path: `/return?dlkyc_state=${STATE}` },
    status: 404,
    code: 'not_found',
  },
  {
    name: 'return with a malformed state: 404',
    request: { method: 'GET', path: `/return/short/${'x'.repeat(43)}` },
    status: 404,
    code: 'not_found',
  },
  {
    name: 'the warning page: static, no script',
    request: { method: 'GET', path: '/foreign-return' },
    status: 200,
    headers: PAGE,
    body: /^(?![\s\S]*<script)[\s\S]*started on another device/,
  },
  {
    name: 'confirm with the binding and the receipt: the return page with the receipt',
    request: {
      method: 'GET',
      path: `/confirm/${STATE}`,
      headers: { Cookie: `${bindingCookie()}; other=1; ${receiptCookie()}` },
    },
    status: 200,
    headers: { ...PAGE, 'set-cookie': null },
    body: /<meta name="dlkyc-receipt" content="\d+\.[A-Za-z0-9_-]{43}">/,
  },
  {
    name: 'confirm with the binding but no receipt: 403, no script',
    request: { method: 'GET', path: `/confirm/${STATE}`, headers: { Cookie: bindingCookie() } },
    status: 403,
    headers: PAGE,
    body: /^(?![\s\S]*<script)[\s\S]*not finished in this browser/,
  },
  {
    name: 'confirm without the cookies: 403, no script',
    request: { method: 'GET', path: `/confirm/${STATE}` },
    status: 403,
    headers: PAGE,
    body: /^(?![\s\S]*<script)[\s\S]*not finished in this browser/,
  },
  {
    name: 'go from an allowed page: the binding cookie, then a page that moves on to DigiLocker',
    request: go({ session_token: tokenFor(), url: DIGILOCKER_LINK }),
    status: 200,
    body: /<meta http-equiv="refresh" content="0;url=[^"]+">/,
    headers: {
      location: null,
      'set-cookie':
        /^__Host-dlkyc_b_[A-Za-z0-9_-]{16}=b1\.[^;]+; Max-Age=1800; Path=\/; HttpOnly; Secure; SameSite=Lax$/,
      'referrer-policy': 'no-referrer',
      'cache-control': 'no-store',
    },
  },
  {
    name: 'go from a null Origin: 403',
    request: go({ session_token: tokenFor(), url: DIGILOCKER_LINK }, { Origin: 'null' }),
    status: 403,
    code: 'forbidden_origin',
    headers: { 'set-cookie': null, location: null },
  },
  {
    name: 'go without an Origin: 403',
    request: go({ session_token: tokenFor(), url: DIGILOCKER_LINK }, {}),
    status: 403,
    code: 'forbidden_origin',
  },
  {
    name: 'go from another site: 403',
    request: go(
      { session_token: tokenFor(), url: DIGILOCKER_LINK },
      { Origin: 'https://evil.example' },
    ),
    status: 403,
    code: 'forbidden_origin',
  },
  {
    name: 'go as JSON: 415',
    request: {
      ...go({}),
      headers: { Origin: PAGE_ORIGIN, 'Content-Type': 'application/json' },
      body: JSON.stringify({ session_token: tokenFor(), url: DIGILOCKER_LINK }),
    },
    status: 415,
    code: 'unsupported_media_type',
  },
  {
    name: 'go with a forged token: 401, no cookie',
    request: go({ session_token: `${tokenFor()}x`, url: DIGILOCKER_LINK }),
    status: 401,
    code: 'unauthorized',
    headers: { 'set-cookie': null },
  },
  {
    name: 'go to a link off DIGILOCKER_URL_HOSTS: 400, no cookie, no redirect',
    request: go({ session_token: tokenFor(), url: 'https://evil.example/phish' }),
    status: 400,
    code: 'invalid_request',
    headers: { 'set-cookie': null, location: null },
  },
  {
    name: 'GET on go is 405 with Allow: POST',
    request: { method: 'GET', path: '/go' },
    status: 405,
    code: 'method_not_allowed',
    headers: { ...SAFE, allow: 'POST' },
  },
];
