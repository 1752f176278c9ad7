// zod/mini schemas of our own HTTP contract, for the server to validate with and generate its
// OpenAPI document from. Every constant and type comes from ./protocol, the one source of truth.
import * as z from 'zod/mini';
import { SESSION_STATUSES } from './protocol/bodies.js';
import {
  CLIENT_REF_ID_PATTERN,
  MAX_REDIRECT_URL_CHARS,
  MAX_SESSION_TOKEN_CHARS,
  MAX_URL_CHARS,
  MAX_VERIFICATION_ID,
  RECEIPT_PATTERN,
  REFERENCE_ID_PATTERN,
  STATE_PATTERN,
  USER_CODE_PATTERN,
} from './protocol/constants.js';
import { DOCUMENT_TYPES } from './protocol/documents.js';
import { ERROR_CODES, type KycErrorCode } from './protocol/error-codes.js';

export const documentTypeSchema = z.enum(DOCUMENT_TYPES);

export const documentListSchema = z.array(documentTypeSchema).check(
  z.minLength(1),
  z.maxLength(DOCUMENT_TYPES.length),
  z.refine(
    (list) => new Set(list).size === list.length,
    'Expected each document type at most once',
  ),
);

export const createSessionRequestSchema = z.strictObject({
  documents: z.optional(documentListSchema),
  redirect_url: z.optional(z.string().check(z.minLength(1), z.maxLength(MAX_REDIRECT_URL_CHARS))),
  client_ref_id: z.optional(
    z
      .string()
      .check(z.regex(CLIENT_REF_ID_PATTERN, 'Expected 1-20 characters of A-Z, a-z, 0-9 or -')),
  ),
  user_code: z.optional(
    z.string().check(z.regex(USER_CODE_PATTERN, 'Expected 1-20 letters or digits')),
  ),
});

export const stateSchema = z.string().check(z.regex(STATE_PATTERN));
export const referenceIdSchema = z.string().check(z.regex(REFERENCE_ID_PATTERN));

export const createSessionResponseSchema = z.object({
  reference_id: referenceIdSchema,
  url: z.string().check(z.minLength(1), z.maxLength(MAX_URL_CHARS)),
  documents: documentListSchema,
  state: stateSchema,
  session_token: z.string().check(z.minLength(1), z.maxLength(MAX_SESSION_TOKEN_CHARS)),
  expires_at: z.string(),
});

export const sessionStatusResponseSchema = z.object({
  reference_id: referenceIdSchema,
  status: z.enum(SESSION_STATUSES),
  documents: documentListSchema,
  completion_token: z.optional(
    z.string().check(z.minLength(1), z.maxLength(MAX_SESSION_TOKEN_CHARS)),
  ),
});

const errorCodeSchema = z.enum(Object.keys(ERROR_CODES) as [KycErrorCode, ...KycErrorCode[]]);

export const errorBodySchema = z.object({
  error: z.object({
    code: errorCodeSchema,
    message: z.string(),
    retryable: z.boolean(),
    request_id: z.string(),
  }),
});

export const returnMessageSchema = z.strictObject({
  v: z.literal(1),
  type: z.literal('dlkyc:result'),
  state: stateSchema,
  receipt: z.string().check(z.regex(RECEIPT_PATTERN)),
  verification_id: z.optional(z.string().check(z.maxLength(MAX_VERIFICATION_ID))),
});
