// The contract table, part two (preflight, 405 and 404, status, built files, limits), and all of it.
import { ASSET_CASES } from './asset-cases.js';
import { CREATE_CASES } from './create-cases.js';
import {
  ALLOWED_CORS,
  type ContractCase,
  create,
  PAGE_ORIGIN,
  SAFE,
  status,
  tokenFor,
} from './requests.js';
import { RETURN_CASES } from './return-cases.js';

export * from './requests.js';

const OTHER_CASES: ContractCase[] = [
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
      'access-control-allow-headers':
        'Content-Type,X-DigiLocker-KYC,Authorization,X-DigiLocker-KYC-Receipt',
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
    name: 'preflight from another origin: 403 forbidden_origin, no CORS headers',
    request: {
      method: 'OPTIONS',
      path: '/sessions',
      headers: { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'POST' },
    },
    status: 403,
    code: 'forbidden_origin',
    headers: { ...SAFE, 'access-control-allow-origin': null, allow: null },
  },
  {
    name: 'OPTIONS with no Origin is no preflight: 405 with Allow',
    request: { method: 'OPTIONS', path: '/sessions/1001' },
    status: 405,
    code: 'method_not_allowed',
    headers: { 'access-control-allow-origin': null, allow: 'GET' },
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

export const CASES: ContractCase[] = [
  ...CREATE_CASES,
  ...OTHER_CASES,
  ...RETURN_CASES,
  ...ASSET_CASES,
];
