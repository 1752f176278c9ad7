// createApp: the standalone server — the core at /kyc through the node adapter, health probes and
// the optional static site — as one node:http request listener, with injected parts.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import { KycError } from '@digilocker-kyc/shared';
import helmet from 'helmet';
import type { Logger } from 'pino';
import type { Dispatcher } from 'undici';
import {
  createKycHandler,
  type KycHandler,
  type KycHandlerOptions,
} from '../adapters/kyc-handler.js';
import { headerOf } from '../adapters/node-io.js';
import { redactPath, requestIdOf } from '../core/access-log.js';
import { errorReply } from '../core/error-reply.js';
import { HeaderBag } from '../core/exchange.js';
import { sendJson } from '../core/security-headers.js';
import { createLogger } from '../observability/logger.js';
import type { ServerConfig } from './config.js';
import { hostChecker, warnIfPathIsNotMount } from './public-base-check.js';
import { precomputedHeaders } from './recorded-headers.js';
import { sendRootPage, wantsHtml } from './root-page.js';

/** The fixed mount point of the standalone server. */
export const MOUNT_PATH = '/kyc';

export interface AppDeps {
  config: ServerConfig;
  dispatcher?: Dispatcher;
  /** Unix milliseconds. */
  clock?: () => number;
  logger?: Logger;
  /** Extra handler options a test or an embedding program needs (hooks, breaker timings, …). */
  router?: Partial<KycHandlerOptions>;
}

type RequestListener = (req: IncomingMessage, res: ServerResponse) => void;

export interface KycApp {
  /** The request listener: `http.createServer(app)` (or supertest, or a Connect stack). */
  app: RequestListener;
  /** The core behind `/kyc`, with its readiness. */
  handler: KycHandler;
  /** Readiness turns false at once, so a load balancer stops sending traffic while we drain. */
  startDraining(): void;
  close(): Promise<void>;
}

const securityHeaders = precomputedHeaders(helmet());
/** The demo site's pages load the widget from /kyc and may open popups: no CSP, no COOP. */
const siteHeaders = precomputedHeaders(
  helmet({ contentSecurityPolicy: false, crossOriginOpenerPolicy: false }),
);

export function createApp({ config, dispatcher, clock, logger, router = {} }: AppDeps): KycApp {
  // `limits` and `testing` merge with the app's own; every other extra option replaces.
  const { limits: extraLimits, testing: extraTesting, ...extra } = router;
  const log = logger ?? createLogger(config.logLevel);
  const sandbox = config.env === 'sandbox';
  let draining = false;
  const handler = createKycHandler({
    basePath: MOUNT_PATH,
    eko: config.eko,
    allowedOrigins: config.allowedOrigins,
    publicBaseUrl: config.publicBaseUrl,
    returnUrls: config.returnUrls,
    digilockerUrlHosts: config.digilockerUrlHosts,
    sessionSecrets: config.sessionSecrets,
    limits: {
      rateLimit: { perMinute: config.rateLimitPerMinute, status: config.statusRateLimit },
      ...extraLimits,
    },
    ...(config.redisUrl ? { redis: config.redisUrl } : {}),
    // A hop count, never "trust everything": otherwise any client picks its own address.
    clientAddress: { trustProxyHops: config.trustProxyHops },
    logger: log,
    testing: {
      // In sandbox mode the consent page is the sandbox's own http origin.
      insecureUrlOrigins: sandbox ? [new URL(config.eko.baseUrl).origin] : [],
      // A tester who opened the site at `localhost` rather than the printed `127.0.0.1` gets a
      // return page on `localhost` too (same origin as the page, the cookie where Continue looks).
      followLoopbackAlias: sandbox,
      ...(dispatcher ? { dispatcher } : {}),
      ...(clock ? { now: clock } : {}),
      ...extraTesting,
    },
    ...extra,
  });
  warnIfPathIsNotMount(config.publicBaseUrl, MOUNT_PATH, log);
  const checkHost = hostChecker(
    config.publicBaseUrl,
    { trustProxyHops: config.trustProxyHops, loopbackAlias: sandbox },
    log,
  );
  const files = config.staticDir ? siteFiles(config.staticDir) : undefined;

  const probes: Record<string, (res: ServerResponse) => void> = {
    '/livez': (res) => sendJson(res, 200, { status: 'ok' }),
    '/readyz': (res) => {
      const health = handler.health();
      const reasons = draining ? ['draining', ...health.reasons] : health.reasons;
      const ready = health.ready && !draining;
      // Ready with reasons (a custom rate-limit store down: limits held per instance) is 200
      // "degraded"; a configured Redis that is down is not ready (the return store fails closed).
      sendJson(res, ready ? 200 : 503, {
        status: ready ? (reasons.length === 0 ? 'ready' : 'degraded') : 'not_ready',
        reasons,
      });
    },
  };

  /** Off the hot path: what is neither the API nor a probe is a file of the site, or a 404. */
  function fallback(req: IncomingMessage, res: ServerResponse): void {
    const notFound = (error?: unknown) => {
      securityHeaders(req, res, () => {});
      if (error === undefined && wantsHtml(req)) {
        sendRootPage(req, res, pathOf(req.url), MOUNT_PATH);
        return;
      }
      // The same error reply as the API's: one body shape, logged by code, with a request id.
      const id = requestIdOf(headerOf(req, 'x-request-id'));
      const method = req.method ?? 'GET';
      const headers = new HeaderBag();
      const { status, body } = errorReply(
        error ?? new KycError('not_found', `No route for ${method} ${pathOf(req.url)}.`),
        id,
        headers,
        log,
        { method, route: redactPath(req.url ?? '/') },
      );
      res.statusCode = status;
      for (const [name, value] of headers.entries()) res.setHeader(name, value);
      res.setHeader('X-Request-Id', id);
      res.end(body);
    };
    if (files) siteHeaders(req, res, () => files(req, res, notFound));
    else notFound();
  }

  const app: RequestListener = (req, res) => {
    if (req.method === 'GET' || req.method === 'HEAD') {
      const probe = probes[probePath(req.url)];
      if (probe) {
        securityHeaders(req, res, () => probe(res));
        return;
      }
    }
    if (isUnderMount(req.url)) checkHost(req);
    handler.node(req, res, () => fallback(req, res));
  };

  return {
    app,
    handler,
    startDraining() {
      draining = true;
    },
    close: () => handler.close(),
  };
}

function pathOf(url = '/'): string {
  const query = url.indexOf('?');
  return query === -1 ? url : url.slice(0, query);
}

/** Requests to the API and its pages: browsers reach them through PUBLIC_BASE_URL's host. */
function isUnderMount(url = '/'): boolean {
  return (
    url.length >= MOUNT_PATH.length &&
    url.slice(0, MOUNT_PATH.length).toLowerCase() === MOUNT_PATH &&
    (url.length === MOUNT_PATH.length || '/?'.includes(url[MOUNT_PATH.length]!))
  );
}

/** `/readyz`, `/READYZ/` and `/readyz?x` are the probe, as Express's routing matched them. */
function probePath(url: string | undefined): string {
  const path = pathOf(url).toLowerCase();
  return path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
}

/**
 * The demo site's static files. serve-static (with send and the MIME database) is loaded only
 * when STATIC_DIR is set: a production start never serves a site and does not pay for it.
 */
function siteFiles(dir: string): ReturnType<typeof import('serve-static')> {
  const serveStatic = createRequire(import.meta.url)(
    'serve-static',
  ) as typeof import('serve-static');
  return serveStatic(dir, { index: 'index.html', dotfiles: 'ignore' });
}
