// The failures the widget reports: a code from shared's table and whether Retry can help.
//
// Why not shared's KycError: it belongs to shared's main entry (the widget imports only the
// zod-free protocol entry), and its constructor reads the whole code→status table (~0.4 KB
// gzipped in the script-tag bundle) though the browser never needs HTTP statuses. The code
// *type* is the protocol's, so the error event stays typed against the one table.
import type { KycErrorCode } from '@digilocker-kyc/shared/protocol';

export class WidgetError extends Error {
  readonly code: KycErrorCode;
  readonly retryable: boolean;

  constructor(code: KycErrorCode, message: string, retryable: boolean) {
    super(message);
    this.code = code;
    this.retryable = retryable;
  }
}

/** Any thrown value as a WidgetError. */
export function asWidgetError(error: unknown): WidgetError {
  return error instanceof WidgetError
    ? error
    : new WidgetError('internal_error', 'Unexpected failure', true);
}
