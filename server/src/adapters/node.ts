// The node:http adapter: (req, res, next?) for plain node:http servers, Connect-style stacks and the CLI.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { requestIdOf } from '../core/access-log.js';
import type { CoreRequest, CoreResponse } from '../core/exchange.js';
import type { KycHookRequest } from '../core/hook-request.js';
import type { KycCore } from '../core/kyc-core.js';
import { splitMount } from '../core/mount.js';
import { headerOf, logWhenClosed, nodeCoreRequest } from './node-io.js';

export type NodeHandler = (
  req: IncomingMessage,
  res: ServerResponse,
  next?: (error?: unknown) => void,
) => void;

/** A request outside the mount goes to `next` when given; otherwise it is the core's 404. */
export function nodeAdapter(
  core: KycCore,
  basePath: string,
  client: (req: IncomingMessage) => { ip: string; secure: boolean },
  /** Tells the handler's hook table how to build the hooks' request for a core request. */
  linkHookRequest: (req: CoreRequest, make: () => KycHookRequest) => void,
): NodeHandler {
  return function digilockerKycNode(req, res, next) {
    const started = performance.now();
    const url = req.url ?? '/';
    const place = splitMount(url, basePath);
    if (place === undefined && next) {
      next();
      return;
    }
    const { ip, secure } = client(req);
    const id = requestIdOf(headerOf(req, 'x-request-id'));
    req.id = id;
    const recordFields = logWhenClosed(res, core.logAccess, {
      id,
      method: req.method ?? 'GET',
      url,
      started,
    });
    const path = place?.below ?? url.split('?')[0] ?? '/';
    const request = nodeCoreRequest(req, {
      id,
      path,
      query: place?.query ?? '',
      mount: basePath,
      ip,
      secure,
    });
    linkHookRequest(request, () => ({
      method: req.method ?? 'GET',
      path,
      ip,
      get: (name) => headerOf(req, name.toLowerCase()),
      raw: req,
    }));
    const replied = place === undefined ? core.notFound(request, url) : core.handle(request);
    replied
      .then((reply) => {
        recordFields(reply.logFields);
        writeReply(res, reply);
      })
      .catch((error: unknown) => {
        // The core answers every error itself; this is a failure to write the reply (headers
        // already sent): never an unhandled rejection, which would end the process.
        core.logWriteFailure(id, request.method, url, error);
        if (next) next(error);
        else res.destroy(error as Error);
      });
  };
}

/** Writes a core reply in one `writeHead` + `end` (Node drops the body of a HEAD reply). */
function writeReply(res: ServerResponse, reply: CoreResponse): void {
  const headers: Record<string, string | string[] | number> = {};
  for (const [name, value] of reply.headers.entries()) headers[name] = value;
  const body = reply.body;
  if (reply.status !== 304) {
    headers['Content-Length'] =
      body === null ? 0 : typeof body === 'string' ? Buffer.byteLength(body) : body.length;
  }
  // Headers set earlier (a Connect stack's X-Powered-By) may be dropped, as helmet does.
  for (const name of reply.removed) res.removeHeader(name);
  res.writeHead(reply.status, headers);
  res.end(body ?? undefined);
}
