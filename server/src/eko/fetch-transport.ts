// The Eko client's transport over the runtime's own fetch: Bun, Deno and Workers, where undici is not the client to use.
import { KycError } from '@digilocker-kyc/shared';
import type { EkoReply, EkoRequest, EkoTransport } from './transport.js';

/** A timeout as the undici transport reports it, so both map onto `upstream_timeout`. */
function timeout(code: string): Error {
  return Object.assign(new Error(`Eko did not answer in time (${code}).`), {
    name: 'TimeoutError',
    code,
  });
}

/**
 * Sends each request with `fetchImpl` (the runtime's global `fetch` by default). Redirects are
 * not followed: Eko's API does not redirect, and a 3xx is refused like any other non-200.
 */
export function fetchTransport(fetchImpl: typeof fetch = globalThis.fetch): EkoTransport {
  if (typeof fetchImpl !== 'function') {
    throw new TypeError('Expected a fetch function for the Eko client; this runtime has none.');
  }
  return {
    async send(request: EkoRequest): Promise<EkoReply> {
      const controller = new AbortController();
      const onDeadline = () => controller.abort(request.signal.reason);
      if (request.signal.aborted) onDeadline();
      request.signal.addEventListener('abort', onDeadline, { once: true });
      const release = () => request.signal.removeEventListener('abort', onDeadline);
      const headersTimer = setTimeout(
        () => controller.abort(timeout('UND_ERR_HEADERS_TIMEOUT')),
        request.headersTimeoutMs,
      );
      let response: Response;
      try {
        response = await fetchImpl(`${request.origin}${request.path}`, {
          method: request.method,
          headers: request.headers,
          ...(request.body === undefined ? {} : { body: request.body }),
          redirect: 'manual',
          signal: controller.signal,
        });
      } catch (error) {
        release();
        // The abort's reason says which deadline passed; fetch itself reports a bare AbortError.
        throw controller.signal.aborted ? controller.signal.reason : error;
      } finally {
        clearTimeout(headersTimer);
      }
      return {
        status: response.status,
        header: (name) => response.headers.get(name) ?? undefined,
        text: (limit) =>
          readCapped(response, limit, controller, request.bodyTimeoutMs).finally(release),
      };
    },
    async close() {},
  };
}

/** Reads the body as UTF-8, at most `limit` bytes, each chunk within `idleMs` of the last. */
async function readCapped(
  response: Response,
  limit: number,
  controller: AbortController,
  idleMs: number,
): Promise<string> {
  if (response.body === null) return '';
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  let size = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const arm = () => {
    clearTimeout(timer);
    timer = setTimeout(() => controller.abort(timeout('UND_ERR_BODY_TIMEOUT')), idleMs);
  };
  try {
    for (;;) {
      arm();
      let chunk: Awaited<ReturnType<typeof reader.read>>;
      try {
        chunk = await reader.read();
      } catch (error) {
        throw controller.signal.aborted ? controller.signal.reason : error;
      }
      if (chunk.done) break;
      size += chunk.value.byteLength;
      if (size > limit) {
        await reader.cancel().catch(() => {});
        throw new KycError('upstream_malformed', `Eko's reply exceeded ${limit} bytes.`);
      }
      text += decoder.decode(chunk.value, { stream: true });
    }
    return text + decoder.decode();
  } finally {
    clearTimeout(timer);
  }
}
