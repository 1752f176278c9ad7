// digilockerKyc(options): the Express adapter, a router a merchant mounts, e.g. app.use('/kyc', …).
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import { requestIdOf } from '../core/access-log.js';
import type { CoreRequest, CoreResponse } from '../core/exchange.js';
import { hookRequests } from '../core/hook-request.js';
import { createKycCore, MAX_CLOCK_SKEW_MS } from '../core/kyc-core.js';
import { type KycOptions, resolveOptions } from '../core/options.js';
import type { AssetInfo } from '../pages/built-asset.js';
import { headerOf, logWhenClosed, nodeCoreRequest } from './node-io.js';

export { MAX_CLOCK_SKEW_MS };

/** digilockerKyc()'s options: the hooks receive Express's own request. */
export type DigilockerKycOptions<Req = Request> = KycOptions<Req>;

export interface KycRouter extends Router {
  /**
   * Readiness: false while the circuit is open or the clock is badly skewed against Eko;
   * `redis_unavailable` in `reasons` leaves it ready (each instance holds the rate limits in its own memory).
   */
  health(): { ready: boolean; reasons: string[] };
  /**
   * The widget bundle's content-hashed URL (under `publicBaseUrl`) and its `integrity` value,
   * for a `<script type="module" src integrity crossorigin>` tag; undefined when not built.
   */
  widgetAsset(): AssetInfo | undefined;
  close(): Promise<void>;
}

/**
 * The core behind Express: the merchant's app decides the client address (`trust proxy`) and
 * the mount; hooks receive Express's own request, with `req.body` parsed as express.json()
 * would have. Every path under the mount is answered here, 404s included.
 */
export function digilockerKyc(input: DigilockerKycOptions): KycRouter {
  // The hooks receive Express's own request: each core request is linked to the one it came from.
  const hookTable = hookRequests<Request>();
  const options = resolveOptions(input, hookTable.of);
  const core = createKycCore(options);
  const router = express.Router() as KycRouter;
  router.use(function digilockerKyc(req: Request, res: Response, next: NextFunction) {
    const started = performance.now();
    const id = requestIdOf(headerOf(req, 'x-request-id'));
    req.id = id;
    const recordFields = logWhenClosed(res, core.logAccess, {
      id,
      method: req.method,
      url: req.originalUrl,
      started,
    });
    // Express 4 does not look at a returned promise: every failure goes to `next` here, or it
    // would be an unhandled rejection that ends the merchant's process. The core answers every
    // error itself; what is left is a failure to write the reply (headers already sent).
    const request = expressRequest(req, id);
    hookTable.link(request, () => req);
    core
      .handle(request)
      .then((reply) => {
        recordFields(reply.logFields);
        send(res, req.method, reply);
      })
      .catch((error: unknown) => {
        core.logWriteFailure(id, req.method, req.originalUrl, error);
        next(error);
      });
  });
  router.health = () => core.health();
  router.widgetAsset = () => core.widgetAsset();
  router.close = () => core.close();
  return router;
}

function expressRequest(req: Request, id: string): CoreRequest {
  const url = req.url;
  const query = url.indexOf('?');
  // A body the merchant's own express.json() already read: the stream is spent.
  const parsed = (req as { _body?: boolean })._body === true;
  return {
    ...nodeCoreRequest(req, {
      id,
      path: query === -1 ? url : url.slice(0, query),
      query: query === -1 ? '' : url.slice(query + 1),
      mount: req.baseUrl,
      ip: req.ip ?? '',
      secure: req.secure,
    }),
    ...(parsed ? { parsedBody: { value: req.body } } : {}),
    onBody(value) {
      req.body = value;
    },
  };
}

/** Writes a core reply on an Express response, keeping headers the app set before (Vary). */
function send(res: Response, method: string, reply: CoreResponse): void {
  for (const [name, value] of reply.headers.entries()) {
    if (name === 'Vary') res.vary(Array.isArray(value) ? value.join(', ') : value);
    else res.setHeader(name, value);
  }
  for (const name of reply.removed) res.removeHeader(name);
  res.statusCode = reply.status;
  const body = reply.body;
  if (body === null) {
    // A 204 (a CORS preflight) says its length, 0; a 304 repeats none.
    if (reply.status !== 304) res.setHeader('Content-Length', 0);
    res.end();
    return;
  }
  res.setHeader('Content-Length', typeof body === 'string' ? Buffer.byteLength(body) : body.length);
  res.end(method === 'HEAD' ? undefined : body);
}
