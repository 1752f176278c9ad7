// How the Eko client sends one request (node:http, an undici dispatcher or fetch), failures mapped onto KycError codes.
import { KycError } from '@digilocker-kyc/shared';
import type { Dispatcher } from 'undici';
import { boundedErrorCode, boundedMediaType } from './upstream-text.js';

/** One signed request to Eko, whatever client carries it. */
export interface EkoRequest {
  origin: string;
  /** Path and query below the origin. */
  path: string;
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  body: string | undefined;
  headersTimeoutMs: number;
  bodyTimeoutMs: number;
  /** The call's deadline: aborts the request and every retry. */
  signal: AbortSignal;
}

/** Eko's reply: the status, a header by lower-case name, and the body read with a size cap. */
export interface EkoReply {
  status: number;
  header(name: string): string | undefined;
  text(limit: number): Promise<string>;
}

/**
 * The client under the Eko calls: node:http on Node (node-http-transport.ts), an undici
 * dispatcher when one is passed (the `MockAgent` tests pass), the runtime's own `fetch` on Bun,
 * Deno and Workers (fetch-transport.ts).
 */
export interface EkoTransport {
  send(request: EkoRequest): Promise<EkoReply>;
  close(): Promise<void>;
}

/** Sends through an undici dispatcher; closes it only when it is ours. */
export function undiciTransport(dispatcher: Dispatcher, owned: boolean): EkoTransport {
  return {
    async send(request) {
      const response = await dispatcher.request({
        origin: request.origin,
        path: request.path,
        method: request.method,
        headers: request.headers,
        body: request.body,
        headersTimeout: request.headersTimeoutMs,
        bodyTimeout: request.bodyTimeoutMs,
        signal: request.signal,
      });
      return {
        status: response.statusCode,
        header(name) {
          const value = response.headers[name];
          return Array.isArray(value) ? value[0] : value;
        },
        text: (limit) => readCappedText(response.body, limit),
      };
    },
    async close() {
      if (owned) await dispatcher.close();
    },
  };
}

/**
 * A call's deadline: `signal` aborts with a `TimeoutError` after `ms`, as `AbortSignal.timeout()`
 * does, and `done()` clears the timer once the call has settled. `AbortSignal.timeout()` keeps
 * its timer tracked for the signal's whole life (~9 µs a call); this costs a third of that.
 */
export function callDeadline(ms: number): { signal: AbortSignal; done: () => void } {
  const controller = new AbortController();
  const timer = setTimeout(
    () => controller.abort(new DOMException('The operation timed out.', 'TimeoutError')),
    ms,
  );
  // Never what keeps a process alive (Workers and Deno give a number: nothing to unref).
  (timer as { unref?: () => void }).unref?.();
  return { signal: controller.signal, done: () => clearTimeout(timer) };
}

/** Connection errors that prove the request never reached Eko, so even a POST may be retried. */
const NEVER_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'UND_ERR_CONNECT_TIMEOUT']);
const TIMEOUTS = new Set([
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'UND_ERR_CONNECT_TIMEOUT',
]);

export function classifyTransportError(error: unknown, deadline: AbortSignal): KycError {
  if (error instanceof KycError) return error;
  const code = errorCode(error);
  const name = (error as { name?: string } | undefined)?.name;
  if (deadline.aborted || name === 'TimeoutError' || name === 'AbortError' || TIMEOUTS.has(code)) {
    return new KycError('upstream_timeout', 'Eko did not answer within the deadline.', {
      cause: { code: code || name },
      neverSent: code === 'UND_ERR_CONNECT_TIMEOUT',
    });
  }
  return new KycError(
    'upstream_error',
    `The connection to Eko failed (${code || 'unknown error'}).`,
    { cause: { code }, neverSent: NEVER_SENT.has(code) },
  );
}

function errorCode(error: unknown): string {
  let current: unknown = error;
  for (let depth = 0; current && depth < 4; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return boundedErrorCode(code);
    current = (current as { cause?: unknown }).cause;
  }
  return '';
}

/** Reads the body as UTF-8, refusing more than `limit` bytes: Eko's replies are small. */
async function readCappedText(
  body: Dispatcher.ResponseData['body'],
  limit: number,
): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += (chunk as Buffer).length;
    if (size > limit) {
      body.destroy();
      throw new KycError('upstream_malformed', `Eko's reply exceeded ${limit} bytes.`);
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Says what kind of body Eko sent instead of JSON, without quoting it or its headers. */
export function describeBody(text: string, contentType: string | string[] | undefined): string {
  const type = boundedMediaType(contentType);
  if (text.trim() === '') return 'empty';
  if (/^\s*</.test(text)) return `HTML, content-type ${type}`;
  return `content-type ${type}`;
}

/** Eko's Retry-After (seconds or an HTTP date), kept within 1-300 s; 5 s when absent or odd. */
export function readRetryAfter(header: string | string[] | undefined, now: number): number {
  const value = (Array.isArray(header) ? header[0] : header)?.trim() ?? '';
  const seconds = /^\d{1,6}$/.test(value)
    ? Number(value)
    : Math.ceil((Date.parse(value) - now) / 1000);
  return Number.isFinite(seconds) && seconds >= 1 ? Math.min(seconds, 300) : 5;
}
