// The one terminal error handler: every error becomes the JSON error body, via the shared table.
import { type ErrorBody, KycError } from '@digilocker-kyc/shared';
import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';
import { sendJson } from './reply.js';

/** Maps body-parser's errors (which carry the raw body: never logged) and the rest to KycError. */
export function toKycError(error: unknown): KycError {
  if (error instanceof KycError) return error;
  const type = (error as { type?: string } | null)?.type;
  if (type === 'entity.too.large') {
    return new KycError('payload_too_large', 'Expected a JSON body of at most 2 KB.');
  }
  if (type === 'entity.parse.failed') {
    return new KycError(
      'invalid_request',
      'Expected a JSON object in the body; it could not be parsed.',
    );
  }
  if (type === 'charset.unsupported') {
    return new KycError('unsupported_media_type', 'Expected a UTF-8 JSON body.');
  }
  if (type === 'encoding.unsupported') {
    return new KycError(
      'unsupported_media_type',
      'Expected the body uncompressed, or with Content-Encoding gzip, deflate or br.',
    );
  }
  const code = (error as { code?: unknown } | null)?.code;
  // zlib's and brotli's stream errors (Z_DATA_ERROR, ERR__ERROR_FORMAT_PADDING_1, …) arrive
  // untyped from body-parser: the client's compressed body is garbage, not a server fault.
  if (typeof code === 'string' && /^(Z_|ERR_(_ERROR|BROTLI))/.test(code)) {
    return new KycError(
      'invalid_request',
      'Expected a body compressed as its Content-Encoding says; it could not be decompressed.',
    );
  }
  // Any other client error from body parsing or routing (an aborted or short body, a path that
  // does not decode): a fixed message, as theirs may quote the request.
  const status = (error as { status?: unknown } | null)?.status;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return new KycError('invalid_request', 'The request could not be read as sent.');
  }
  return new KycError(
    'internal_error',
    'An unexpected error occurred; the server log has the details.',
  );
}

export function errorHandler(logger: Logger) {
  return function digilockerKycErrorHandler(
    error: unknown,
    req: Request,
    res: Response,
    next: NextFunction,
  ): void {
    if (res.headersSent) {
      next(error);
      return;
    }
    const failure = toKycError(error);
    const requestId = String(req.id ?? '');
    const entry = {
      request_id: requestId,
      code: failure.code,
      status: failure.status,
      // The cause holds codes and Eko's status ids, never bodies or credentials.
      cause: failure === error ? failure.cause : undefined,
    };
    if (failure.status >= 500) {
      logger.error(
        failure.code === 'internal_error'
          ? {
              ...entry,
              err: { message: (error as Error)?.message, stack: (error as Error)?.stack },
            }
          : entry,
        'request failed',
      );
    } else {
      logger.warn(entry, 'request refused');
    }
    const retryAfter = (failure.cause as { retryAfterSeconds?: number } | undefined)
      ?.retryAfterSeconds;
    if (retryAfter !== undefined) res.set('Retry-After', String(retryAfter));
    const body: ErrorBody = {
      error: {
        code: failure.code,
        message: failure.message,
        retryable: failure.retryable,
        request_id: requestId,
      },
    };
    sendJson(res, failure.status, body);
  };
}

export function notFound(req: Request, _res: Response, next: NextFunction): void {
  next(new KycError('not_found', `No route for ${req.method} ${req.baseUrl}${req.path}.`));
}
