// Protocol-level refusals on the Eko API routes (404, 405, 415, 400, 413), answered as Eko's gateway would.
import type { NextFunction, Request, Response } from 'express';
import { protocolError } from './envelope.js';
import { sendEkoReply } from './respond.js';

/**
 * The largest request body accepted. The biggest honest DigiLocker call (all three document
 * types, a 2 KB redirect URL) is under 2.5 KB; anything larger is a bug or abuse.
 */
export const MAX_BODY_BYTES = 4096;

/** 415 unless the body is declared `application/json` (a charset parameter is fine). */
export function requireJson(req: Request, res: Response, next: NextFunction): void {
  const type = (req.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase();
  if (type === 'application/json') {
    next();
    return;
  }
  sendEkoReply(
    res,
    415,
    protocolError('Unsupported Media Type: expected Content-Type: application/json.'),
  );
}

/** 400 unless the parsed JSON body is an object (express.json leaves an empty body undefined). */
export function requireObjectBody(req: Request, res: Response, next: NextFunction): void {
  const body: unknown = req.body;
  if (typeof body === 'object' && body !== null && !Array.isArray(body)) {
    next();
    return;
  }
  sendEkoReply(res, 400, protocolError('Bad Request: expected a JSON object body.'));
}

export function ekoMethodNotAllowed(allowed: string) {
  return function refuseMethod(_req: Request, res: Response): void {
    res.set('Allow', allowed);
    sendEkoReply(res, 405, protocolError(`Method Not Allowed: this path accepts ${allowed} only.`));
  };
}

export function ekoNotFound(_req: Request, res: Response): void {
  sendEkoReply(res, 404, protocolError('Not Found: No mapping rule matched.'));
}

/** body-parser's error types, mapped to the status and a message without the body's content. */
const BODY_ERRORS: Record<string, [number, string]> = {
  'entity.too.large': [413, `Payload Too Large: the body must be at most ${MAX_BODY_BYTES} bytes.`],
  'entity.parse.failed': [400, 'Bad Request: the body is not valid JSON.'],
  'encoding.unsupported': [415, 'Unsupported Media Type: the body encoding is not supported.'],
  'charset.unsupported': [415, 'Unsupported Media Type: expected a UTF-8 JSON body.'],
  'request.aborted': [400, 'Bad Request: the request was aborted.'],
  'request.size.invalid': [400, 'Bad Request: the body length does not match Content-Length.'],
};

/** Terminal error handler of the API router: Express 5 sends async errors here by itself. */
export function apiErrorHandler(
  error: unknown,
  _req: Request,
  res: Response,
  next: NextFunction,
): void {
  if (res.headersSent) {
    next(error);
    return;
  }
  const type = (error as { type?: unknown }).type;
  const known = typeof type === 'string' ? BODY_ERRORS[type] : undefined;
  if (known) {
    sendEkoReply(res, known[0], protocolError(known[1]));
    return;
  }
  sendEkoReply(res, 500, protocolError('Internal Server Error.'));
}
