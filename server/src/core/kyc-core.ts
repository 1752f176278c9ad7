// The framework-neutral core: every route of the HTTP contract and every edge check, written once.
//
// Adapters (adapters/express.ts, node.ts, fetch.ts) turn their request into a
// CoreRequest, call `handle`, and write the CoreResponse back; nothing here knows which server
// is underneath. The order of the checks is the contract: each refusal happens before any work
// the next step would do (no body is read for a foreign origin, no Eko call without a limit).
import { KycError } from '@digilocker-kyc/shared';
import { createUpstreamBreaker } from '../limits/circuit-breaker.js';
import { memoryOnceStore, redisOnceStore } from '../limits/once-store.js';
import { createLimiters, type Limiter, statusLimiters } from '../limits/rate-limits.js';
import { sharedRedis } from '../limits/redis-store.js';
import { errorFields, storeOutage } from '../limits/store-outage.js';
import type { KycMetrics } from '../observability/metric-hooks.js';
import { openApiDocument } from '../openapi/document.js';
import {
  type AssetInfo,
  assetManifest,
  builtAsset,
  HASH_LENGTH,
  LANGUAGE_FILE,
  languageFiles,
  publicJsonHeaders,
} from '../pages/built-asset.js';
import { type AccessLogEntry, accessLogger, redactPath } from './access-log.js';
import { type Completions, completions as createCompletions } from './completion.js';
import {
  checkCsrfHeader,
  checkJsonOnly,
  corsHeaders,
  methodNotAllowed,
  originChecker,
  preflight,
} from './edge-checks.js';
import { errorReply, toKycError } from './error-reply.js';
import { type CoreRequest, type CoreResponse, HeaderBag } from './exchange.js';
import type { ResolvedOptions } from './options.js';
import { readJsonBody } from './request-body.js';
import { returnRoutes } from './return-routes.js';
import {
  applyHeaders,
  jsonHeaders,
  PAGE_SECURITY_HEADERS,
  SECURITY_HEADERS,
} from './security-headers.js';
import { sessionHandlers } from './sessions.js';
import { unreturnedConsent } from './unreturned-consent.js';

/** Clock skew against Eko beyond this makes the server not ready: Eko would refuse signatures. */
export const MAX_CLOCK_SKEW_MS = 30_000;

export interface KycCore {
  handle(req: CoreRequest): Promise<CoreResponse>;
  /** The 404 of a request outside the mount (`url` as requested), for adapters without `next`. */
  notFound(req: CoreRequest, url: string): Promise<CoreResponse>;
  /** Writes the access-log line of a request; the adapter calls it once the reply is out. */
  logAccess(entry: AccessLogEntry): void;
  /** Logs a reply the adapter could not write (its headers were already sent), at error. */
  logWriteFailure(id: string, method: string, url: string, error: unknown): void;
  /**
   * Readiness: false while the circuit is open, the clock is badly skewed against Eko, or the
   * return store (Redis, when configured) cannot answer (`return_store_unavailable`: no receipt
   * can be given). A rate-limit store that is down is named too (`redis_unavailable`,
   * `rate_limit_store_unavailable`) but alone leaves the instance ready: each instance then
   * holds the limits in its own memory.
   */
  health(): { ready: boolean; reasons: string[] };
  /** The widget bundle's hashed URL and `integrity` value; undefined when it is not built. */
  widgetAsset(): AssetInfo | undefined;
  close(): Promise<void>;
}

type Route =
  | { name: 'sessions' }
  | { name: 'status'; referenceId: string }
  | { name: 'return'; state: string; secret: string }
  | { name: 'confirm'; state: string }
  | { name: 'go' }
  | { name: 'foreign-return' }
  | { name: 'asset'; asset: 'widget' | 'return'; hash: string | undefined }
  | { name: 'language'; code: string; hash: string }
  | { name: 'widget.json' }
  | { name: 'openapi.json' }
  | { name: 'none' };

/** `widget.js`, `return.js`, or either with its content hash: `widget.3f9a0c1b2d.js`. */
const ASSET = new RegExp(`^(widget|return)(?:\\.([0-9a-f]{${HASH_LENGTH}}))?\\.js$`);

/**
 * Matches as Express's router did: names in any case, one optional trailing slash, parameters
 * percent-decoded (a parameter that does not decode is a 400).
 */
function matchRoute(path: string): Route {
  const trimmed = path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
  const parts = trimmed.split('/');
  if (parts[0] !== '' || parts.length > 4) return { name: 'none' };
  const first = (parts[1] ?? '').toLowerCase();
  const param = parts[2];
  if (parts.length === 4) {
    // `/return/<state>/<secret>`: the only route with two parameters; both as sent (base64url).
    const secret = parts[3]!;
    return first === 'return' && param && secret
      ? { name: 'return', state: param, secret }
      : { name: 'none' };
  }
  if (param === undefined) {
    if (first === 'sessions') return { name: 'sessions' };
    if (first === 'go') return { name: 'go' };
    if (first === 'foreign-return') return { name: 'foreign-return' };
    if (first === 'widget.json') return { name: 'widget.json' };
    if (first === 'openapi.json') return { name: 'openapi.json' };
    const asset = ASSET.exec(first);
    if (asset) return { name: 'asset', asset: asset[1] as 'widget' | 'return', hash: asset[2] };
    return { name: 'none' };
  }
  if (param === '') return { name: 'none' };
  if (first === 'sessions') return { name: 'status', referenceId: decodeParam(param) };
  if (first === 'confirm') return { name: 'confirm', state: decodeParam(param) };
  const language = first === 'lang' ? LANGUAGE_FILE.exec(param) : null;
  if (language) return { name: 'language', code: language[1]!, hash: language[2]! };
  return { name: 'none' };
}

/** A status reply's outcome for the metrics: a completion token, or a final refusal. */
function countStatus(metrics: KycMetrics, reply: unknown): void {
  const { status, completion_token } = reply as { status?: unknown; completion_token?: unknown };
  if (typeof completion_token === 'string') metrics.completed();
  else if (status === 'denied' || status === 'expired') metrics.cancelled(status);
}

function decodeParam(value: string): string {
  if (!value.includes('%')) return value;
  try {
    return decodeURIComponent(value);
  } catch {
    throw new KycError('invalid_request', 'The request could not be read as sent.');
  }
}

export function createKycCore(options: ResolvedOptions): KycCore {
  const { logger, allowedOrigins, hooks, metrics } = options;
  const breaker = createUpstreamBreaker({ ...options.breaker, now: options.now });
  metrics.watchBreaker(() => breaker.isOpen);
  let completions: Completions | undefined;
  let unreturned: ReturnType<typeof unreturnedConsent> | undefined;
  const { createSession, sessionStatus, isSafeDigilockerUrl, fetchStatus } = sessionHandlers({
    options,
    breaker,
    completions: () => completions!,
    onConsentWithoutReceipt: (claims) => void unreturned?.consentedWithoutReceipt(claims),
  });
  const checkOrigin = originChecker(allowedOrigins, logger);
  const outage = storeOutage(logger, options.redis ? 'Redis' : 'rate-limit store');
  const redis = options.redis ? sharedRedis(options.redis, outage, logger) : undefined;
  const store = redis?.store ?? options.rateLimitStore;
  // Decides security (a receipt, onComplete once): shared in Redis when configured, and then it
  // fails closed while Redis is down.
  const onceStore = redis ? redisOnceStore(redis) : memoryOnceStore(options.now);
  unreturned = unreturnedConsent({
    store: onceStore,
    logger,
    publicBaseUrl: options.publicBaseUrl,
    now: options.now,
    ttlMs: options.sessionTtlMs,
  });
  completions = createCompletions({
    store: onceStore,
    onComplete: options.onComplete,
    status: fetchStatus,
    logger,
    ttlMs: options.sessionTtlMs,
  });
  const returns = returnRoutes({
    options,
    store: onceStore,
    completions,
    logger,
    isSafeDigilockerUrl,
    onForeignReturn: () => metrics.foreignReturn(),
    onReturnSeen: (state) => unreturned!.returned(state),
  });
  const createLimits = createLimiters({
    perMinute: options.rateLimitPerMinute,
    merchantKey: hooks.rateLimitKey,
    store,
    logger,
    outage,
  });
  const statusLimits = statusLimiters(options.statusLimits, store, logger, outage);
  const base = options.publicBaseUrl;
  const assets = {
    widget: builtAsset(options.widgetAssets.bundle, 'widget', 'The widget bundle', base),
    return: builtAsset(options.widgetAssets.returnScript, 'return', 'The return script', base),
  };
  const languages = languageFiles(options.widgetAssets.bundle, base);
  const logAccess = accessLogger(logger);
  let openApiText: string | undefined;

  async function limit(limiters: readonly Limiter[], req: CoreRequest, headers: HeaderBag) {
    for (const limiter of limiters) await limiter.hit(req, headers);
  }

  /**
   * The merchant's authorize hook, when given: anything but `true` is a 403. A throw is a 403 too
   * (the request is refused either way), logged at warn so a broken hook is not a silent refusal.
   */
  async function authorize(req: CoreRequest): Promise<void> {
    if (!hooks.authorize) return;
    let allowed = false;
    try {
      allowed = await hooks.authorize(req);
    } catch (error) {
      if (error instanceof KycError) throw error;
      logger.warn(
        { request_id: req.id, err: errorFields(error) },
        'the authorize hook threw: the request is refused',
      );
    }
    if (allowed !== true) {
      throw new KycError('forbidden', 'The merchant did not authorize this request.');
    }
  }

  async function handle(req: CoreRequest): Promise<CoreResponse> {
    const requestId = req.id;
    const headers = new HeaderBag();
    headers.set('X-Request-Id', requestId);
    const out: CoreResponse = { status: 200, headers, removed: [], body: null, requestId };
    let secured = false;
    const secure = (set = SECURITY_HEADERS) => {
      applyHeaders(headers, set);
      out.removed = set.removed;
      secured = true;
    };
    const json = (status: number, body: unknown): CoreResponse => {
      jsonHeaders(headers);
      out.status = status;
      out.body = JSON.stringify(body);
      return out;
    };
    const { method } = req;
    const get = method === 'GET' || method === 'HEAD';
    try {
      const route = matchRoute(req.path);
      switch (route.name) {
        case 'sessions':
        case 'status': {
          if (method === 'OPTIONS' && preflight(allowedOrigins, req, headers)) {
            out.status = 204;
            return out;
          }
          const create = route.name === 'sessions';
          secure();
          // A browser preflights every call from a page: one from an origin outside the list is
          // that page being refused, so it is named as such (403, a warning naming the origin).
          if (method === 'OPTIONS' && req.header('origin') !== undefined) {
            checkOrigin(req.header('origin'), true);
          }
          if (create ? method !== 'POST' : !get) {
            methodNotAllowed(create ? 'POST' : 'GET', method, headers);
          }
          const origin = req.header('origin');
          corsHeaders(allowedOrigins, origin, headers);
          checkOrigin(origin, create);
          if (route.name === 'status') {
            await limit(statusLimits, req, headers);
            const { status, reply } = await sessionStatus(req, route.referenceId);
            countStatus(metrics, reply);
            return json(status, reply);
          }
          checkCsrfHeader(req);
          checkJsonOnly(req);
          const body = await readJsonBody(req);
          req.onBody?.(body);
          await authorize(req);
          await limit(createLimits, req, headers);
          const { status, reply, claims, logFields } = await createSession(req, body);
          if (status === 201) metrics.sessionCreated();
          // Binds the attempt to this browser: first-party when the page shares the mount's
          // site; otherwise the widget's `/go` hop sets it.
          headers.append('Set-Cookie', returns.bindingCookie(req, claims));
          out.logFields = logFields;
          return json(status, reply);
        }
        case 'return':
        case 'confirm':
        case 'foreign-return': {
          if (!get) break;
          secure(PAGE_SECURITY_HEADERS);
          const page =
            route.name === 'return'
              ? await returns.returned(req, route.state, route.secret, headers)
              : route.name === 'confirm'
                ? returns.confirm(req, route.state, headers)
                : returns.foreign(req, headers);
          out.status = page.status;
          out.body = page.body;
          return out;
        }
        case 'go': {
          if (method !== 'POST') methodNotAllowed('POST', method, headers);
          secure(PAGE_SECURITY_HEADERS);
          const page = await returns.go(req, headers);
          out.status = page.status;
          out.body = page.body;
          return out;
        }
        case 'asset': {
          if (!get) break;
          // The return script is part of the return page: the same headers (no COOP).
          if (route.asset === 'return') secure(PAGE_SECURITY_HEADERS);
          const file = await assets[route.asset].serve(req, headers, route.hash);
          out.status = file.status;
          out.body = file.body;
          return out;
        }
        case 'language': {
          if (!get) break;
          const file = await languages.serve(req, headers, route.code, route.hash);
          out.status = file.status;
          out.body = file.body;
          return out;
        }
        case 'openapi.json': {
          if (!get) break;
          secure();
          // Built on first use (the schema conversion is not free), then the same text.
          openApiText ??= JSON.stringify(openApiDocument(options.publicBaseUrl));
          jsonHeaders(headers);
          publicJsonHeaders(headers);
          out.body = openApiText;
          return out;
        }
        case 'widget.json': {
          if (!get) break;
          secure();
          json(200, assetManifest(assets.widget, assets.return, languages));
          publicJsonHeaders(headers);
          return out;
        }
        case 'none':
          break;
      }
      secure();
      throw new KycError('not_found', `No route for ${method} ${req.mount}${req.path}.`);
    } catch (error) {
      const { code } = toKycError(error);
      metrics.error(code);
      if (code === 'rate_limited') {
        metrics.rateLimited(matchRoute(req.path).name === 'status' ? 'status' : 'create');
      }
      // A path that does not decode, a missing built file: refused before any route's headers.
      if (!secured) secure();
      const { status, body } = errorReply(error, requestId, headers, logger, {
        method,
        route: redactPath(`${req.mount}${req.path}`),
      });
      out.status = status;
      out.body = body;
      return out;
    }
  }

  return {
    handle,
    async notFound(req, url) {
      const requestId = req.id;
      const headers = new HeaderBag();
      headers.set('X-Request-Id', requestId);
      applyHeaders(headers, SECURITY_HEADERS);
      const path = url.split('?')[0];
      const error = new KycError('not_found', `No route for ${req.method} ${path}.`);
      const { status, body } = errorReply(error, requestId, headers, logger);
      return { status, headers, removed: SECURITY_HEADERS.removed, body, requestId };
    },
    logAccess,
    widgetAsset: () => assets.widget.info(),
    logWriteFailure(id, method, url, error) {
      const code = (error as { code?: unknown } | null)?.code;
      logger.error(
        {
          request_id: id,
          method,
          route: redactPath(url),
          ...(typeof code === 'string' ? { code } : {}),
        },
        `could not write the reply on ${method} ${redactPath(url)}: ${String((error as Error)?.message).slice(0, 200)}`,
      );
    },
    health() {
      const reasons: string[] = [];
      if (breaker.isOpen) reasons.push('circuit_open');
      const skew = options.eko.clockSkewMs;
      if (skew !== undefined && Math.abs(skew) > MAX_CLOCK_SKEW_MS) reasons.push('clock_skew');
      // The once-store decides receipts: without it no return can complete, so not ready.
      if (!onceStore.available()) reasons.push('return_store_unavailable');
      const ready = reasons.length === 0;
      if (redis ? outage.down || !redis.available() : outage.down) {
        reasons.push(redis ? 'redis_unavailable' : 'rate_limit_store_unavailable');
      }
      return { ready, reasons };
    },
    async close() {
      breaker.shutdown();
      completions?.close();
      for (const limiter of [...createLimits, ...statusLimits]) await limiter.close();
      await redis?.close();
      if (options.ownsEko) await options.eko.close();
    },
  };
}
