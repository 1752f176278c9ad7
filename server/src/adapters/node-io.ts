// Reading a node:http request (headers, body) the same way in the Express and node:http adapters.
import type { IncomingMessage } from 'node:http';
import getRawBody from 'raw-body';

/** A header as one string: repeated ones joined, as Express's `req.get()` gives them. */
export function headerOf(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}

/**
 * The body as raw-body reads it for express.json(): the declared length checked first (a 413
 * without reading), at most `limit` bytes, and an unread rest is drained, not reset.
 */
export function readNodeBody(req: IncomingMessage, limit: number): Promise<Uint8Array> {
  const encoded = (req.headers['content-encoding'] ?? 'identity').toLowerCase() !== 'identity';
  const length = encoded ? undefined : req.headers['content-length'];
  return getRawBody(req, { limit, ...(length !== undefined ? { length } : {}) });
}
