// Tiny runtime guards for the few JSON shapes the browser receives (server replies, return messages).
//
// Why not shared's zod schemas: zod/mini costs ~6 KB gzipped, half the bundle budget, for four
// shapes. guards.test.ts runs every guard against the accepted and rejected examples of the
// matching zod schema in shared, so these stay exactly as strict as the contract.
import { DOCUMENT_TYPES, type DocumentType, type KycErrorCode } from '@digilocker-kyc/shared';
import {
  MAX_VERIFICATION_ID,
  REFERENCE_ID_PATTERN,
  type ReturnMessage,
  STATE_PATTERN,
} from './protocol.js';

type Json = Record<string, unknown>;

export interface CreatedSession {
  reference_id: string;
  url: string;
  documents: DocumentType[];
  redirect_url: string;
  state: string;
  session_token: string;
  expires_at: string;
}

export interface SessionStatusReply {
  reference_id: string;
  status: 'pending' | 'consented' | 'denied' | 'expired';
  documents: DocumentType[];
}

export interface ErrorReply {
  code: KycErrorCode;
  message: string;
  retryable: boolean;
}

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isString = (value: unknown, min = 0, max = Number.POSITIVE_INFINITY): value is string =>
  typeof value === 'string' && value.length >= min && value.length <= max;

const matches = (value: unknown, pattern: RegExp): value is string =>
  typeof value === 'string' && pattern.test(value);

export function isDocumentList(value: unknown): value is DocumentType[] {
  return (
    Array.isArray(value) &&
    value.length >= 1 &&
    value.length <= DOCUMENT_TYPES.length &&
    value.every((item) => (DOCUMENT_TYPES as readonly unknown[]).includes(item)) &&
    new Set(value).size === value.length
  );
}

export function isCreatedSession(value: unknown): value is CreatedSession {
  return (
    isObject(value) &&
    matches(value.reference_id, REFERENCE_ID_PATTERN) &&
    isString(value.url, 1, 4096) &&
    isDocumentList(value.documents) &&
    isString(value.redirect_url) &&
    matches(value.state, STATE_PATTERN) &&
    isString(value.session_token, 1, 2048) &&
    isString(value.expires_at)
  );
}

const STATUSES: readonly unknown[] = ['pending', 'consented', 'denied', 'expired'];

export function isSessionStatusReply(value: unknown): value is SessionStatusReply {
  return (
    isObject(value) &&
    matches(value.reference_id, REFERENCE_ID_PATTERN) &&
    STATUSES.includes(value.status) &&
    isDocumentList(value.documents)
  );
}

/**
 * The `error` member of a non-2xx body, or null when the body is not our error shape.
 * One deliberate difference from shared's `errorBodySchema`: any snake_case code is accepted,
 * not only today's table, so a newer server's code reaches the merchant intact instead of
 * turning into `invalid_response`.
 */
export function errorReply(value: unknown): ErrorReply | null {
  if (!isObject(value) || !isObject(value.error)) return null;
  const { code, message, retryable, request_id } = value.error;
  if (!matches(code, /^[a-z][a-z0-9_]{0,63}$/) || !isString(message) || !isString(request_id)) {
    return null;
  }
  return typeof retryable === 'boolean' ? { code: code as KycErrorCode, message, retryable } : null;
}

const RETURN_KEYS = ['v', 'type', 'state', 'verification_id'];

/** Strict, like shared's `returnMessageSchema` (a `z.strictObject`): no unknown keys. */
export function isReturnMessage(value: unknown): value is ReturnMessage {
  return (
    isObject(value) &&
    Object.keys(value).every((key) => RETURN_KEYS.includes(key)) &&
    value.v === 1 &&
    value.type === 'dlkyc:result' &&
    matches(value.state, STATE_PATTERN) &&
    (value.verification_id === undefined || isString(value.verification_id, 0, MAX_VERIFICATION_ID))
  );
}
