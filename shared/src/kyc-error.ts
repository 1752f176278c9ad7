// KycError: the single error type of the project, carrying a stable code from the shared table.
import { ERROR_CODES, type KycErrorCode } from './protocol/error-codes.js';

/** Marks every KycError, whichever copy of this module made it (see `Symbol.hasInstance`). */
const KYC_ERROR = Symbol.for('@digilocker-kyc/shared:KycError');

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
  static {
    Object.defineProperty(KycError.prototype, KYC_ERROR, { value: true });
  }

  /**
   * `error instanceof KycError` holds for a KycError made by any copy of this module: the
   * server's published entries bundle their own, and an app may have two versions installed.
   * It checks a brand every KycError carries rather than this class's prototype. A subclass
   * keeps the ordinary prototype check.
   */
  static override [Symbol.hasInstance](value: unknown): boolean {
    // biome-ignore lint/complexity/noThisInStatic: `this` is the class `instanceof` was asked about, a subclass included.
    if (this !== KycError) return Function.prototype[Symbol.hasInstance].call(this, value);
    return (
      typeof value === 'object' &&
      value !== null &&
      (value as { [KYC_ERROR]?: unknown })[KYC_ERROR] === true
    );
  }

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
