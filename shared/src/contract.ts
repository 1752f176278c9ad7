// Our own HTTP contract between the widget and the signing server (design §4), as zod/mini schemas.
import * as z from 'zod/mini';
import { DOCUMENT_TYPES } from './documents.js';
import { ERROR_CODES, type KycErrorCode } from './error-codes.js';

/** Header every `POST {base}/sessions` must carry: a custom header forces a CORS preflight. */
export const CSRF_HEADER = 'X-DigiLocker-KYC';
export const CSRF_HEADER_VALUE = '1';

/** Eko's `client_ref_id`: at most 20 characters (eps.eko.in); we also restrict the alphabet. */
export const CLIENT_REF_ID_PATTERN = /^[A-Za-z0-9-]{1,20}$/;

export const documentTypeSchema = z.enum(DOCUMENT_TYPES);

export const documentListSchema = z.array(documentTypeSchema).check(
  z.minLength(1),
  z.maxLength(DOCUMENT_TYPES.length),
  z.refine(
    (list) => new Set(list).size === list.length,
    'Expected each document type at most once',
  ),
);

/** Body of `POST {base}/sessions`. Every field is optional; unknown fields are refused. */
export const createSessionRequestSchema = z.strictObject({
  documents: z.optional(documentListSchema),
  redirect_url: z.optional(z.string().check(z.minLength(1), z.maxLength(2048))),
  client_ref_id: z.optional(
    z
      .string()
      .check(z.regex(CLIENT_REF_ID_PATTERN, 'Expected 1-20 characters of A-Z, a-z, 0-9 or -')),
  ),
  user_code: z.optional(
    z.string().check(z.regex(/^[A-Za-z0-9]{1,20}$/, 'Expected 1-20 letters or digits')),
  ),
});
export type CreateSessionRequest = z.output<typeof createSessionRequestSchema>;

/** The per-attempt state: 128+ bits from a CSPRNG, base64url. */
export const STATE_PATTERN = /^[A-Za-z0-9_-]{22,64}$/;
export const stateSchema = z.string().check(z.regex(STATE_PATTERN));

/** Our reference ids are Eko's numeric ids as strings; the sandbox uses the same form. */
export const REFERENCE_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
export const referenceIdSchema = z.string().check(z.regex(REFERENCE_ID_PATTERN));

/** `201` reply of `POST {base}/sessions`. */
export const createSessionResponseSchema = z.object({
  reference_id: referenceIdSchema,
  url: z.string().check(z.minLength(1), z.maxLength(4096)),
  documents: documentListSchema,
  redirect_url: z.string(),
  state: stateSchema,
  session_token: z.string().check(z.minLength(1), z.maxLength(2048)),
  expires_at: z.string(),
});
export type CreateSessionResponse = z.output<typeof createSessionResponseSchema>;

export const SESSION_STATUSES = ['pending', 'consented', 'denied', 'expired'] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];

/** `200` reply of `GET {base}/sessions/{reference_id}`: ids and status only, never personal data. */
export const sessionStatusResponseSchema = z.object({
  reference_id: referenceIdSchema,
  status: z.enum(SESSION_STATUSES),
  documents: documentListSchema,
});
export type SessionStatusResponse = z.output<typeof sessionStatusResponseSchema>;

const errorCodeSchema = z.enum(Object.keys(ERROR_CODES) as [KycErrorCode, ...KycErrorCode[]]);

/** Body of every non-2xx reply. */
export const errorBodySchema = z.object({
  error: z.object({
    code: errorCodeSchema,
    message: z.string(),
    retryable: z.boolean(),
    request_id: z.string(),
  }),
});
export type ErrorBody = z.output<typeof errorBodySchema>;

/** The query parameter that carries the attempt's state on a merchant-chosen `redirect_url`. */
export const STATE_QUERY_PARAM = 'dlkyc_state';

/**
 * What the return page hands back to the waiting widget, over BroadcastChannel, postMessage and
 * the `storage` event. Hints only: the widget confirms with the server before it emits anything.
 */
export const returnMessageSchema = z.strictObject({
  v: z.literal(1),
  type: z.literal('dlkyc:result'),
  state: stateSchema,
  verification_id: z.optional(z.string().check(z.maxLength(128))),
});
export type ReturnMessage = z.output<typeof returnMessageSchema>;

/** BroadcastChannel name and storage key for one attempt: both carry the state. */
export const RETURN_CHANNEL_PREFIX = 'dlkyc-';
export const RETURN_STORAGE_PREFIX = 'dlkyc:result:';
