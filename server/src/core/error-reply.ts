// The one error reply: every error becomes the JSON error body, via the shared table.
import { type ErrorBody, KycError } from '@digilocker-kyc/shared';
import type { Logger } from 'pino';
import type { HeaderBag } from './exchange.js';
import { jsonHeaders } from './security-headers.js';

/** Maps body-reading errors (which may carry the raw body: never logged) and the rest to KycError. */
export function toKycError(error: unknown): KycError {
  if (error instanceof KycError) return error;
  const type = (error as { type?: string } | null)?.type;
  if (type === 'entity.too.large') {
    return new KycError('payload_too_large', 'Expected a JSON body of at most 2 KB.');
  }
  // Any other client error from reading the body or the path (an aborted or short body, a path
  // that does not decode): a fixed message, as theirs may quote the request.
  const status = (error as { status?: unknown } | null)?.status;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return new KycError('invalid_request', 'The request could not be read as sent.');
  }
  return new KycError(
    'internal_error',
    'An unexpected error occurred; the server log has the details.',
  );
}

/** Where a failed request was going: its method and its path with ids removed (redactPath). */
export interface FailedRoute {
  method: string;
  route: string;
}

/**
 * Logs the reply of an error by request id and code, and returns its status and body, with its
 * headers set on `headers`. Every 5xx is an error-level line that names the code, the status,
 * the route (`POST /kyc/sessions`) and the hint the browser's error event carries, so the merchant's log shows it at any level down to `error`;
 * a refusal (4xx) is the client's business and logged at info, the access log has it too.
 * Nothing from the request's body or headers goes in: no keys, tokens or Aadhaar data.
 */
export function errorReply(
  error: unknown,
  requestId: string,
  headers: HeaderBag,
  logger: Logger,
  where?: FailedRoute,
): { status: number; body: string } {
  const failure = toKycError(error);
  const entry = {
    request_id: requestId,
    code: failure.code,
    status: failure.status,
    ...(where ? { method: where.method, route: where.route } : {}),
    // The cause holds codes and Eko's status ids, never bodies or credentials.
    cause: failure === error ? failure.cause : undefined,
  };
  if (failure.status >= 500) {
    const on = where ? ` on ${where.method} ${where.route}` : '';
    // The message the browser's error event carries (which keys to check, Eko's status id) is
    // built from bounded values only, so the operator reads the same hint in the log.
    const hint = failure.code === 'internal_error' ? '' : `: ${failure.message}`;
    logger.error(
      failure.code === 'internal_error'
        ? { ...entry, err: { message: (error as Error)?.message, stack: (error as Error)?.stack } }
        : { ...entry, hint: failure.message },
      `request failed: ${failure.status} ${failure.code}${on}${hint}`,
    );
  } else {
    logger.info(entry, 'request refused');
  }
  const retryAfter = failure.retryAfterSeconds;
  if (retryAfter !== undefined) headers.set('Retry-After', String(retryAfter));
  jsonHeaders(headers);
  const body: ErrorBody = {
    error: {
      code: failure.code,
      message: failure.message,
      retryable: failure.retryable,
      request_id: requestId,
    },
  };
  return { status: failure.status, body: JSON.stringify(body) };
}
