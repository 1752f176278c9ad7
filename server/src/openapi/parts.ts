// The OpenAPI document's shared parts: error replies per status from the shared error table,
// the reusable parameters and reply headers, and $ref helpers.
import {
  CSRF_HEADER,
  CSRF_HEADER_VALUE,
  ERROR_CODES,
  ERROR_DESCRIPTIONS,
  type KycErrorCode,
  RECEIPT_HEADER,
} from '@digilocker-kyc/shared';
import type { ComponentName, JsonSchema } from './schemas.js';

export type Json = Record<string, unknown>;
const ref = (kind: string, name: string) => ({ $ref: `#/components/${kind}/${name}` });
export const schema = (name: ComponentName) => ref('schemas', name);
export const header = (name: string) => ref('headers', name);
export const param = (name: string) => ref('parameters', name);

/** Codes every route under the mount may answer: an unknown path, an unexpected fault. */
export const ANY: KycErrorCode[] = ['not_found', 'internal_error'];
const UPSTREAM: KycErrorCode[] = [
  'upstream_rejected',
  'upstream_auth_failed',
  'upstream_error',
  'upstream_malformed',
  'upstream_unavailable',
  'upstream_timeout',
];
export const CREATE_CODES: KycErrorCode[] = [
  'invalid_request',
  'forbidden',
  'forbidden_origin',
  'method_not_allowed',
  'payload_too_large',
  'unsupported_media_type',
  'rate_limited',
  'internal_error',
  'config_error',
  ...UPSTREAM,
  'upstream_unsafe_url',
];
export const STATUS_CODES: KycErrorCode[] = [
  'invalid_request',
  'unauthorized',
  'forbidden_origin',
  'method_not_allowed',
  'rate_limited',
  'internal_error',
  ...UPSTREAM,
];

/** The error replies of a route, one per status, each naming (and allowing) only its codes. */
export function errorResponses(codes: readonly KycErrorCode[]): Record<string, Json> {
  const byStatus = new Map<number, KycErrorCode[]>();
  for (const code of new Set(codes)) {
    const { status } = ERROR_CODES[code];
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  const out: Record<string, Json> = {};
  for (const [status, list] of [...byStatus].sort(([a], [b]) => a - b)) {
    const waits = list.some((code) => code === 'rate_limited' || code === 'upstream_unavailable');
    out[String(status)] = {
      description: list.map((code) => `\`${code}\`: ${ERROR_DESCRIPTIONS[code]}`).join(' '),
      headers: {
        'X-Request-Id': header('X-Request-Id'),
        ...(waits ? { 'Retry-After': header('Retry-After') } : {}),
      },
      content: {
        'application/json': {
          schema: {
            ...schema('ErrorBody'),
            // Only this status's codes: the document says which code comes with which status.
            type: 'object',
            properties: {
              error: { type: 'object', properties: { code: { type: 'string', enum: list } } },
            },
          },
        },
      },
    };
  }
  return out;
}

export const PARAMETERS: Record<string, Json> = {
  Origin: {
    name: 'Origin',
    in: 'header',
    description:
      'Sent by the browser. When present it must be an exact entry of `allowedOrigins`; a same-origin GET carries none.',
    schema: { type: 'string' },
  },
  RequiredOrigin: {
    name: 'Origin',
    in: 'header',
    required: true,
    description:
      'The calling page: an exact entry of `allowedOrigins` (browsers always send it on POST).',
    schema: { type: 'string' },
  },
  [CSRF_HEADER]: {
    name: CSRF_HEADER,
    in: 'header',
    required: true,
    description:
      'Fixed value: the custom header makes every cross-site call a preflighted one (CSRF defence).',
    schema: { type: 'string', const: CSRF_HEADER_VALUE },
  },
  'X-Request-Id': {
    name: 'X-Request-Id',
    in: 'header',
    description:
      'Optional: 1-64 of A-Z a-z 0-9 . _ -, echoed back and used in the logs; anything else is replaced by a fresh UUID.',
    schema: { type: 'string', pattern: '^[A-Za-z0-9._-]{1,64}$' },
  },
  [RECEIPT_HEADER]: {
    name: RECEIPT_HEADER,
    in: 'header',
    description:
      "The receipt the return page handed the widget (`<seconds>.<mac>`): proof that DigiLocker's return for this attempt reached the browser that started it. With it, and Eko's `consented`, the reply carries `completion_token`; a receipt that is not this attempt's is 401 `unauthorized`.",
    schema: { type: 'string', pattern: '^[0-9]{1,12}\\.[A-Za-z0-9_-]{43}$' },
  },
  hash: {
    name: 'hash',
    in: 'path',
    required: true,
    description: "The first 10 hex digits of the file's SHA-256.",
    schema: { type: 'string', pattern: '^[0-9a-f]{10}$' },
  },
  code: {
    name: 'code',
    in: 'path',
    required: true,
    description: 'A language of the widget other than English: `hi bn gu kn ml mr or pa ta te`.',
    schema: { type: 'string', pattern: '^[a-z]{2}$' },
  },
  'Accept-Encoding': {
    name: 'Accept-Encoding',
    in: 'header',
    description: '`br` and `gzip` are offered, brotli first.',
    schema: { type: 'string' },
  },
  'If-None-Match': {
    name: 'If-None-Match',
    in: 'header',
    description: 'An ETag from an earlier reply: 304 when current.',
    schema: { type: 'string' },
  },
};

export const HEADERS: Record<string, JsonSchema> = {
  'X-Request-Id': {
    description: 'The request id, also in every error body and log line.',
    schema: { type: 'string' },
  },
  'Retry-After': {
    description: 'Seconds to wait before retrying.',
    schema: { type: 'string', pattern: '^\\d+$' },
  },
  RateLimit: {
    description: 'Remaining requests and seconds to reset, per limit (IETF draft syntax).',
    schema: { type: 'string' },
  },
  'RateLimit-Policy': {
    description: 'The limits: quota and window per limit.',
    schema: { type: 'string' },
  },
  'Access-Control-Allow-Origin': {
    description: "The calling page's origin when allowed; `*` on the public files.",
    schema: { type: 'string' },
  },
  'Cache-Control': {
    description:
      '`public, max-age=300` on stable URLs, `public, max-age=31536000, immutable` on hashed ones.',
    schema: { type: 'string' },
  },
  ETag: {
    description: 'Strong, from the content hash, one per encoding.',
    schema: { type: 'string' },
  },
  'Content-Encoding': {
    description: '`br` or `gzip` when negotiated; absent for the plain bytes.',
    schema: { type: 'string', enum: ['br', 'gzip'] },
  },
  Vary: { description: 'Includes `Accept-Encoding`.', schema: { type: 'string' } },
};
