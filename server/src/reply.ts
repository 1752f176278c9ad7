// Fast, uniform JSON replies and response headers for the API routes.
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import helmet from 'helmet';

/**
 * Writes a JSON reply with `Cache-Control: no-store` (a DigiLocker URL is a one-time
 * credential). Unlike `res.json`, it skips Express's ETag: hashing every body costs CPU on the
 * hot path, and these replies are never cached or revalidated anyway. A string body also lets
 * Node send the headers and the body in one write.
 */
export function sendJson(res: Response, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.statusCode = status;
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Content-Length', Buffer.byteLength(text));
  res.end(text);
}

/**
 * Runs a header-setting middleware such as `helmet()` once, at start-up, and returns a
 * middleware that sets the same headers on each response. helmet's values depend only on its
 * options, so the result is identical, without running its chain of thirteen middlewares per
 * request. Throws if the middleware does anything but set and remove headers synchronously.
 */
export function precomputedHeaders(middleware: RequestHandler): RequestHandler {
  const set: [string, string][] = [];
  const removed: string[] = [];
  const recorder = {
    setHeader(name: string, value: string | number | readonly string[]) {
      set.push([name, String(value)]);
    },
    removeHeader(name: string) {
      removed.push(name);
    },
  };
  let completed = false;
  middleware({} as Request, recorder as unknown as Response, (error?: unknown) => {
    if (error) throw error;
    completed = true;
  });
  if (!completed) {
    throw new Error('Expected the header middleware to complete synchronously at start-up.');
  }
  return function digilockerKycSecurityHeaders(_req: Request, res: Response, next: NextFunction) {
    for (const [name, value] of set) res.setHeader(name, value);
    for (const name of removed) res.removeHeader(name);
    next();
  };
}

/** helmet's default headers (G4), for every API reply, health probe and 404. */
export const securityHeaders: RequestHandler = precomputedHeaders(helmet());
