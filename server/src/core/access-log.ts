// One access-log line per request: id, method, redacted path, status and time, nothing else.
//
// Written by hand rather than with pino-http: under load, pino-http's per-request child logger,
// serializers and listeners were the largest single cost of a session creation in the CPU
// profile (see the README's Benchmarks section). The adapters call this once per request, when
// the reply has gone out (or the client went away first).
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { AccessLogFields } from './exchange.js';

declare module 'node:http' {
  interface IncomingMessage {
    /** The request id: the caller's X-Request-Id when well-formed, else a fresh UUID. */
    id?: string;
  }
}

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** The caller's X-Request-Id when well-formed (so traces join up), else a fresh UUID. */
export function requestIdOf(incoming: string | undefined): string {
  return incoming !== undefined && REQUEST_ID.test(incoming) ? incoming : randomUUID();
}

export interface AccessLogEntry {
  id: string;
  method: string;
  /** The path as requested, mount and query included; redacted here. */
  url: string;
  status: number;
  /** `performance.now()` when the request arrived. */
  started: number;
  /** False when the client went away before the reply was complete. */
  finished: boolean;
  fields?: AccessLogFields | undefined;
}

export function accessLogger(logger: Logger): (entry: AccessLogEntry) => void {
  // The line is built here from scalars only (a validated id, the method, a path with ids and
  // query removed, numbers, and handler fields such as a salted hash), so there is nothing for
  // redaction to find, and skipping it saves about 30 µs per request. Every other log line
  // still passes through the logger's redaction.
  const log = logger.child({}, { redact: { paths: [] } });
  return ({ id, method, url, status, started, finished, fields }) => {
    const line = {
      req: { id, method, path: redactPath(url) },
      res: { statusCode: status },
      responseTime: Math.round(performance.now() - started),
      ...fields,
    };
    if (!finished) log.warn(line, 'request aborted');
    else if (status >= 500) log.error(line, 'request completed');
    else log.info(line, 'request completed');
  };
}

/**
 * Ids and secrets stay out of the logs: `/return/<state>/<secret>` → `/return/:state` (and
 * `/confirm/`), no query string ever.
 * Everything after the prefix goes, not just one segment: the routes match `/sessions/<ref>/` (a
 * trailing slash) and `/SESSIONS/<ref>` (any case) too, and a 404 under the prefix may carry an
 * id as well.
 */
export function redactPath(url: string): string {
  const query = url.indexOf('?');
  const path = query === -1 ? url : url.slice(0, query);
  return path
    .replace(/\/return\/.*$/is, '/return/:state')
    .replace(/\/confirm\/.*$/is, '/confirm/:state')
    .replace(/\/sessions\/.*$/is, '/sessions/:reference_id');
}
