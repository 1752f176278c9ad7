// Tiny runtime guards for the JSON replies the browser receives from the signing server.
//
// Why not the zod schemas in ../schemas.ts: zod/mini costs ~6 KB gzipped, half the widget's
// bundle budget, for four shapes. guards.test.ts runs every guard against the accepted and
// rejected examples of the matching zod schema, so these stay exactly as strict as the contract.
import {
  type CreateSessionResponse,
  type ErrorBody,
  SESSION_STATUSES,
  type SessionStatusResponse,
} from './bodies.js';
import {
  MAX_SESSION_TOKEN_CHARS,
  MAX_URL_CHARS,
  REFERENCE_ID_PATTERN,
  STATE_PATTERN,
} from './constants.js';
import { DOCUMENT_TYPES, type DocumentType } from './documents.js';

type Json = Record<string, unknown>;

export const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export const isString = (
  value: unknown,
  min = 0,
  max = Number.POSITIVE_INFINITY,
): value is string => typeof value === 'string' && value.length >= min && value.length <= max;

export const matches = (value: unknown, pattern: RegExp): value is string =>
  typeof value === 'string' && pattern.test(value);

/** One to three known document types, each at most once (known and distinct caps the length). */
export function isDocumentList(value: unknown): value is DocumentType[] {
  return (
    Array.isArray(value) &&
    value.length > 0 &&
    value.every((item) => (DOCUMENT_TYPES as readonly unknown[]).includes(item)) &&
    new Set(value).size === value.length
  );
}

export function isCreateSessionResponse(value: unknown): value is CreateSessionResponse {
  return (
    isObject(value) &&
    matches(value.reference_id, REFERENCE_ID_PATTERN) &&
    isString(value.url, 1, MAX_URL_CHARS) &&
    isDocumentList(value.documents) &&
    matches(value.state, STATE_PATTERN) &&
    isString(value.session_token, 1, MAX_SESSION_TOKEN_CHARS) &&
    isString(value.expires_at)
  );
}

export function isSessionStatusResponse(value: unknown): value is SessionStatusResponse {
  return (
    isObject(value) &&
    matches(value.reference_id, REFERENCE_ID_PATTERN) &&
    (SESSION_STATUSES as readonly unknown[]).includes(value.status) &&
    isDocumentList(value.documents) &&
    (value.completion_token === undefined ||
      isString(value.completion_token, 1, MAX_SESSION_TOKEN_CHARS))
  );
}

/**
 * The `error` member of a non-2xx body, or null when the body is not our error shape.
 * One deliberate difference from the zod `errorBodySchema`: any snake_case code is accepted,
 * not only today's table, so a newer server's code reaches the merchant intact instead of
 * turning into `invalid_response`. The body itself is returned (no copy: bundle bytes).
 */
export function readErrorBody(value: unknown): ErrorBody['error'] | null {
  if (!isObject(value) || !isObject(value.error)) return null;
  const { code, message, retryable, request_id } = value.error;
  if (!matches(code, /^[a-z][a-z0-9_]{0,63}$/) || !isString(message) || !isString(request_id)) {
    return null;
  }
  return typeof retryable === 'boolean' ? (value.error as ErrorBody['error']) : null;
}
