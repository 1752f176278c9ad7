// The fetch adapter: (Request) → Response, for Next.js route handlers, Hono, Bun, Deno, workers.
import { requestIdOf } from '../core/access-log.js';
import type { CoreRequest, CoreResponse } from '../core/exchange.js';
import type { KycHookRequest } from '../core/hook-request.js';
import type { KycCore } from '../core/kyc-core.js';
import { splitMount } from '../core/mount.js';
import { tooLarge } from '../core/request-body.js';

export function fetchAdapter(
  core: KycCore,
  basePath: string,
  client: (request: Request) => { ip: string; secure: boolean },
  /** Tells the handler's hook table how to build the hooks' request for a core request. */
  linkHookRequest: (req: CoreRequest, make: () => KycHookRequest) => void,
): (request: Request) => Promise<Response> {
  return async function digilockerKycFetch(request) {
    const started = performance.now();
    const { pathname, search } = new URL(request.url);
    const place = splitMount(pathname, basePath);
    const { ip, secure } = client(request);
    const path = place?.below ?? pathname;
    const header = (name: string) => request.headers.get(name) ?? undefined;
    const coreRequest: CoreRequest = {
      id: requestIdOf(header('x-request-id')),
      method: request.method,
      path,
      query: search.slice(1),
      mount: basePath,
      header,
      ip,
      secure,
      hostCompresses: true,
      hasBody:
        request.body !== null ||
        request.headers.has('content-length') ||
        request.headers.has('transfer-encoding'),
      readBody: (limit) => readFetchBody(request, limit),
    };
    linkHookRequest(coreRequest, () => ({
      method: request.method,
      path,
      ip,
      get: header,
      raw: request,
    }));
    const reply = await (place === undefined
      ? core.notFound(coreRequest, pathname)
      : core.handle(coreRequest));
    const response = toResponse(reply, request.method);
    core.logAccess({
      id: reply.requestId,
      method: request.method,
      url: `${pathname}${search}`,
      status: reply.status,
      started,
      finished: true,
      fields: reply.logFields,
    });
    return response;
  };
}

/** At most `limit` bytes of the body; past that the stream is cancelled and the reply is 413. */
async function readFetchBody(request: Request, limit: number): Promise<Uint8Array> {
  const declared = Number(request.headers.get('content-length') ?? Number.NaN);
  const encoded = (request.headers.get('content-encoding') ?? 'identity') !== 'identity';
  if (!encoded && declared > limit) throw tooLarge();
  if (request.body === null) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, size);
}

function toResponse(reply: CoreResponse, method: string): Response {
  const headers = new Headers();
  for (const [name, value] of reply.headers.entries()) {
    if (Array.isArray(value)) for (const item of value) headers.append(name, item);
    else headers.set(name, value);
  }
  const empty = method === 'HEAD' || reply.status === 204 || reply.status === 304;
  return new Response(empty ? null : reply.body, { status: reply.status, headers });
}
