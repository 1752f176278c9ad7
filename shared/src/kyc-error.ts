// KycError: the single error type of the project, carrying a stable code from the shared table.
import { ERROR_CODES, type KycErrorCode } from './protocol/error-codes.js';

export interface KycErrorOptions {
  cause?: unknown;
  /** The attempt the error belongs to, when there is one. */
  referenceId?: string;
  /** Overrides the table's retryable flag when the caller knows better. */
  retryable?: boolean;
  /** How long a client should wait before trying again; sent as `Retry-After`. */
  retryAfterSeconds?: number;
  /** The request provably never reached the upstream, so even a POST may be sent again. */
  neverSent?: boolean;
}

/**
 * An error with a stable snake_case `code`. Messages start with a capital letter and say what
 * was expected and what was received; they never contain keys, signatures or personal data,
 * because they may be shown to the customer and written to logs.
 */
export class KycError extends Error {
  override readonly name = 'KycError';
  readonly code: KycErrorCode;
  readonly status: number;
  readonly retryable: boolean;
  readonly referenceId: string | undefined;
  readonly retryAfterSeconds: number | undefined;
  readonly neverSent: boolean;

  constructor(code: KycErrorCode, message: string, options: KycErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.status = ERROR_CODES[code].status;
    this.retryable = options.retryable ?? ERROR_CODES[code].retryable;
    this.referenceId = options.referenceId;
    this.retryAfterSeconds = options.retryAfterSeconds;
    this.neverSent = options.neverSent ?? false;
  }

  toJSON(): { code: KycErrorCode; message: string; retryable: boolean } {
    return { code: this.code, message: this.message, retryable: this.retryable };
  }
}

export function isKycError(value: unknown): value is KycError {
  return value instanceof KycError;
}
