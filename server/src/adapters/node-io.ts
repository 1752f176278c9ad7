// A node:http exchange (the core request, headers, body, the access log line) handled the same way in the Express and node:http adapters.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AccessLogEntry } from '../core/access-log.js';
import type { AccessLogFields, CoreRequest } from '../core/exchange.js';
import { tooLarge } from '../core/request-body.js';

/** A header as one string: repeated ones joined, as Express's `req.get()` gives them. */
export function headerOf(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}

/** A body that could not be read as sent: toKycError answers any such 4xx with a fixed message. */
function unreadable(type: 'request.aborted' | 'request.size.invalid'): Error {
  return Object.assign(new Error(`The request body could not be read (${type}).`), {
    status: 400,
    type,
  });
}

/**
 * The body as express.json()'s reader (raw-body) takes it: the declared length checked first (a
 * 413 without reading), at most `limit` bytes, a body shorter or longer than declared is a 400,
 * and an aborted one a 400. On a refusal the rest is left unread: node:http discards it once the
 * reply is sent, so the connection is not reset under the 413.
 *
 * Written here rather than taken from raw-body: raw-body's one addition is charset decoding
 * through iconv-lite (its tables are about half of everything the library would otherwise load
 * at start), and the core decodes only UTF-8, itself.
 */
function readNodeBody(req: IncomingMessage, limit: number): Promise<Uint8Array> {
  const encoded = (req.headers['content-encoding'] ?? 'identity').toLowerCase() !== 'identity';
  const declaredHeader = encoded ? undefined : req.headers['content-length'];
  const declared = declaredHeader === undefined ? undefined : Number(declaredHeader);
  if (declared !== undefined && declared > limit) return Promise.reject(tooLarge());
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const settle = (error: Error | undefined) => {
      req.off('data', onData).off('end', onEnd).off('error', onError).off('close', onClose);
      if (error) {
        req.pause();
        reject(error);
        return;
      }
      resolve(Buffer.concat(chunks, size));
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) settle(tooLarge());
      else chunks.push(chunk);
    };
    const onEnd = () =>
      settle(
        declared !== undefined && size !== declared
          ? unreadable('request.size.invalid')
          : undefined,
      );
    const onError = () => settle(unreadable('request.aborted'));
    const onClose = () => {
      if (!req.complete) settle(unreadable('request.aborted'));
    };
    req.on('data', onData).on('end', onEnd).on('error', onError).on('close', onClose);
  });
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
