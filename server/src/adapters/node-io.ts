// A node:http exchange (the core request, headers, body, the access log line) handled the same way in the Express and node:http adapters.
import type { IncomingMessage, ServerResponse } from 'node:http';
import getRawBody from 'raw-body';
import type { AccessLogEntry } from '../core/access-log.js';
import type { AccessLogFields, CoreRequest } from '../core/exchange.js';

/** A header as one string: repeated ones joined, as Express's `req.get()` gives them. */
export function headerOf(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}

/**
 * The body as raw-body reads it for express.json(): the declared length checked first (a 413
 * without reading), at most `limit` bytes, and an unread rest is drained, not reset.
 */
function readNodeBody(req: IncomingMessage, limit: number): Promise<Uint8Array> {
  const encoded = (req.headers['content-encoding'] ?? 'identity').toLowerCase() !== 'identity';
  const length = encoded ? undefined : req.headers['content-length'];
  return getRawBody(req, { limit, ...(length !== undefined ? { length } : {}) });
}

/**
 * Logs the exchange once, when `res` closes: after the reply, or when the client went away
 * first. The returned function records the reply's log fields once the core has answered.
 */
export function logWhenClosed(
  res: ServerResponse,
  logAccess: (entry: AccessLogEntry) => void,
  request: { id: string; method: string; url: string; started: number },
): (fields: AccessLogFields | undefined) => void {
  let fields: AccessLogFields | undefined;
  res.once('close', () =>
    logAccess({ ...request, status: res.statusCode, finished: res.writableFinished, fields }),
  );
  return (replyFields) => {
    fields = replyFields;
  };
}

/**
 * The core's view of a node:http request (Express's included): where it sits under the mount
 * and who sent it come from the adapter; method, headers and body are read here.
 */
export function nodeCoreRequest(
  req: IncomingMessage,
  at: Pick<CoreRequest, 'id' | 'path' | 'query' | 'mount' | 'ip' | 'secure'>,
): CoreRequest {
  return {
    ...at,
    method: req.method ?? 'GET',
    header: (name) => headerOf(req, name),
    hasBody:
      req.headers['transfer-encoding'] !== undefined || req.headers['content-length'] !== undefined,
    readBody: (limit) => readNodeBody(req, limit),
  };
}
