// The contract table, part one: the create route, from the happy path to every refusal.
import { brotliCompressSync, gzipSync } from 'node:zlib';
import {
  ALLOWED_CORS,
  type ContractCase,
  create,
  PAGE_ORIGIN,
  RETURN_URL,
  SAFE,
} from './requests.js';

export const CREATE_CASES: ContractCase[] = [
  {
    name: 'create: 201 with the contract fields and the binding cookie',
    request: create('{"documents":["AADHAAR"],"client_ref_id":"order-1"}'),
    status: 201,
    headers: {
      ...SAFE,
      ...ALLOWED_CORS,
      'set-cookie':
        /^__Host-dlkyc_b_[A-Za-z0-9_-]{16}=b1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}; Max-Age=1800; Path=\/; HttpOnly; Secure; SameSite=Lax$/,
    },
    body: /^\{"reference_id":"7483920","url":"https:\/\/digilocker\.gov\.in\/auth\?session_id=abc","documents":\["AADHAAR"\],"state":"[A-Za-z0-9_-]{43}","session_token":"v1\.[A-Za-z0-9_.-]+","expires_at":"[^"]+"\}$/,
  },
  {
    name: 'create: an allowlisted redirect_url is kept in the token, never echoed',
    request: create(JSON.stringify({ redirect_url: RETURN_URL })),
    status: 201,
    body: /^(?![\s\S]*redirect_url)(?![\s\S]*account\/kyc)/,
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
];
