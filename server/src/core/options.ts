// Options of digilockerKyc() and createKycHandler(): what a merchant passes, resolved and checked
// once, into the one object every part of the core reads.

import { DEFAULT_DOCUMENTS, type DocumentType, documentListSchema } from '@digilocker-kyc/shared';
import type { Store } from 'express-rate-limit';
import type { Logger } from 'pino';
import type { Dispatcher } from 'undici';
import { DEFAULT_DIGILOCKER_URL_HOSTS } from '../defaults.js';
import { createEkoClient } from '../eko/client.js';
import type { EkoClient, EkoClientOptions } from '../eko/types.js';
import type { BreakerOptions } from '../limits/circuit-breaker.js';
import { DEFAULT_STATUS_LIMITS, type StatusLimits } from '../limits/rate-limits.js';
import { type RedisOption, redisUrlProblem } from '../limits/redis-store.js';
import { defaultLibraryLogger } from '../observability/logger.js';
import type { KycMetrics } from '../observability/metric-hooks.js';
import { type MetricsOption, measuredEko, resolveMetrics } from '../observability/metrics.js';
import { locateWidgetAssets, type WidgetAssets } from '../pages/widget-files.js';
import { randomBytes } from '../random-bytes.js';
import { HTTP_URL_EXPECTED, isExactOrigin, isHttpUrl, ORIGIN_EXPECTED } from '../url-rules.js';
import type { OnComplete } from './completion.js';
import { ConfigError, ekoTarget, OPTION_NAMES, unsafeSettings } from './config-safety.js';
import type { CoreRequest } from './exchange.js';
import { isStrongSecret, MIN_SECRET_BYTES } from './session-token.js';

/**
 * The merchant's hooks. `Req` is what they receive: the Express request for `digilockerKyc`, a
 * `KycHookRequest` for `createKycHandler` (it has `get(name)` too, so one hook serves both).
 */
export interface KycHooks<Req> {
  /** Require the merchant's own login: return false (or throw) to refuse with 403. */
  authorize?: (req: Req) => boolean | Promise<boolean>;
  /**
   * The merchant's user this attempt is for (e.g. the logged-in user id), carried in the session
   * token as `subject` so the backend can check the completing user started the attempt:
   * `verifySessionToken(token, { …, subject: req.session.userId })`. At most 128 characters;
   * readable in the token, so an opaque id rather than an email. Undefined: no subject.
   */
  resolveSubject?: (req: Req) => string | undefined | Promise<string | undefined>;
  /** Pick the Eko user_code (retailer/agent) for this request; default: the configured one. */
  resolveUserCode?: (req: Req) => string | undefined | Promise<string | undefined>;
  /**
   * Called once per attempt, on the server, when DigiLocker's return reached the browser that
   * started it and Eko confirms the consent: even if the customer closes the merchant tab right
   * after DigiLocker. With `redis`, once across every instance; while a configured Redis is
   * down, never (it fires on a later status request instead). A throw is logged at warn.
   */
  onComplete?: OnComplete;
}

/**
 * Seams for tests and the built-in sandbox, never needed in production: a fake clock, seeded
 * randomness, an undici dispatcher (MockAgent, or the sandbox's loopback), and the sandbox's
 * switches.
 */
export interface KycTestingOptions {
  /** Routes the Eko client's requests (an undici MockAgent in tests). */
  dispatcher?: Dispatcher;
  /** The clock, Unix milliseconds. */
  now?: () => number;
  /** Randomness for states, secrets and tokens. */
  random?: (size: number) => Uint8Array;
  /** Exact origins whose `http:` URLs are allowed too: the sandbox's, and nothing in production. */
  insecureUrlOrigins?: readonly string[];
  /**
   * Sandbox and local development only (the standalone server turns it on in sandbox mode): when
   * `publicBaseUrl` is on loopback and a creation arrives through its other loopback name on the
   * same port (`localhost` for `127.0.0.1`), the return URL uses that name, so the return page
   * shares the page's origin. Default false: `publicBaseUrl` is authoritative.
   */
  followLoopbackAlias?: boolean;
}

/** How attempts are created. */
export interface KycSessionOptions {
  /** Lifetime of a session token; default 30 minutes (DigiLocker links live about 10). */
  ttlMs?: number;
  /** Documents asked for when the widget names none. */
  defaultDocuments?: readonly DocumentType[];
  /** Accept `user_code` from the browser's request body; off by default. */
  allowBrowserUserCode?: boolean;
}

/** Limits on what a client may ask and on how hard the server leans on Eko. */
export interface KycLimitOptions<Req> {
  rateLimit?: {
    /** Session creations per client per minute; 0 turns the limiter off. Default 10. */
    perMinute?: number;
    /** A second limit per merchant key (e.g. the logged-in user id); undefined skips it. */
    key?: (req: Req) => string | undefined;
    /** A shared store when several instances run; memory by default. One store per limiter. */
    store?: () => Store;
    /**
     * Limits of the status route, which the widget polls: per session token (default 120 a
     * minute) and per client IP (default 600 a minute); 0 turns one off.
     */
    status?: Partial<StatusLimits>;
  };
  /** The circuit breaker in front of Eko: opens after repeated upstream failures. */
  breaker?: BreakerOptions;
  /** How long a status reply is reused: pending briefly, final statuses longer. */
  statusCacheMs?: { pending?: number; final?: number };
}

/** Options of every adapter; `Req` is what the merchant's hooks receive (see `KycHooks`). */
export interface KycOptions<Req> {
  /** An Eko client, or the options to create one (`testing.dispatcher` and `testing.now` are passed on). */
  eko: EkoClient | Omit<EkoClientOptions, 'dispatcher' | 'now'>;
  /** Exact origins of the pages that embed the widget (CORS and the server-side Origin check). */
  allowedOrigins: readonly string[];
  /** Externally visible URL of this router's mount, e.g. `https://shop.example/kyc`. */
  publicBaseUrl: string;
  /** Extra `redirect_url` values a widget may ask for; compared as exact strings. */
  returnUrls?: readonly string[];
  /** Hosts the DigiLocker `url` from Eko may point to (https only). */
  digilockerUrlHosts?: readonly string[];
  /** Secrets for session tokens, at least 32 bytes each; the first signs, all verify. */
  sessionSecrets: string | readonly string[];
  /** How attempts are created: token lifetime, default documents, the browser's user_code. */
  sessions?: KycSessionOptions;
  /** The merchant's hooks: `authorize`, `resolveSubject`, `resolveUserCode`, `onComplete`. */
  hooks?: KycHooks<Req>;
  /** Rate limits, the circuit breaker in front of Eko, and the status reply cache. */
  limits?: KycLimitOptions<Req>;
  /**
   * Every rate-limit counter in this Redis, shared by all instances: a `redis://` or `rediss://`
   * URL (connected and closed by the core), or a connected node-redis client (yours to close).
   * Redis down: each instance holds the limits in its own memory, logged, and `health()`
   * reports `redis_unavailable`.
   */
  redis?: RedisOption;
  /**
   * Prometheus metrics in your prom-client registry (`metrics: { registry: register }`), named
   * `digilocker_kyc_*`; see docs/operations.md. prom-client is not loaded without this option.
   */
  metrics?: MetricsOption;
  /** Built widget files to serve at `/widget.js` and `/return.js`; false turns that off. */
  widgetAssets?: { bundle?: string; returnScript?: string } | false;
  /**
   * Your pino logger (or a child: `logger.child({ module: 'kyc' })`). Every 5xx is logged at
   * error level with its code, request id and route; refused origins and unsafe DigiLocker URLs
   * at warn; each request's access line at info. No key, token or Aadhaar field is ever logged.
   * Default: warn and above to stderr.
   */
  logger?: Logger;
  /** Test and sandbox seams (clock, randomness, dispatcher, sandbox switches); not for production. */
  testing?: KycTestingOptions;
}

/**
 * The hooks as the core calls them: each adapter wraps the merchant's hooks at construction, so
 * they take the core's request and the core needs no knowledge of the adapter's request type.
 */
interface CoreHooks {
  authorize?: (req: CoreRequest) => boolean | Promise<boolean>;
  resolveSubject?: (req: CoreRequest) => string | undefined | Promise<string | undefined>;
  resolveUserCode?: (req: CoreRequest) => string | undefined | Promise<string | undefined>;
  rateLimitKey?: (req: CoreRequest) => string | undefined;
}

/** Every option, checked and with its default: what the core and the adapters read. */
export interface ResolvedOptions {
  eko: EkoClient;
  ownsEko: boolean;
  allowedOrigins: ReadonlySet<string>;
  publicBaseUrl: string;
  returnUrls: ReadonlySet<string>;
  digilockerUrlHosts: ReadonlySet<string>;
  insecureUrlOrigins: ReadonlySet<string>;
  followLoopbackAlias: boolean;
  sessionSecrets: readonly string[];
  sessionTtlMs: number;
  defaultDocuments: DocumentType[];
  allowBrowserUserCode: boolean;
  rateLimitPerMinute: number;
  statusLimits: StatusLimits;
  rateLimitStore: (() => Store) | undefined;
  redis: RedisOption | undefined;
  hooks: CoreHooks;
  onComplete: OnComplete | undefined;
  breaker: BreakerOptions;
  /** The metric hooks the core calls (no-ops without the `metrics` option). */
  metrics: KycMetrics;
  statusCacheMs: { pending: number; final: number };
  widgetAssets: WidgetAssets;
  logger: Logger;
  now: () => number;
  random: (size: number) => Uint8Array;
}

/**
 * Wraps the merchant's hooks so the core calls them with its own request: `hookRequest` gives
 * the adapter's request (`Req`) for a core request, which only the adapter knows how to build.
 */
function wrapHooks<Req>(
  options: KycOptions<Req>,
  hookRequest: (req: CoreRequest) => Req,
): CoreHooks {
  const hooks = options.hooks ?? {};
  const authorize = checkHook(hooks.authorize, 'hooks.authorize');
  const resolveSubject = checkHook(hooks.resolveSubject, 'hooks.resolveSubject');
  const resolveUserCode = checkHook(hooks.resolveUserCode, 'hooks.resolveUserCode');
  const key = checkHook(options.limits?.rateLimit?.key, 'limits.rateLimit.key');
  return {
    ...(authorize ? { authorize: (req: CoreRequest) => authorize(hookRequest(req)) } : {}),
    ...(resolveSubject
      ? { resolveSubject: (req: CoreRequest) => resolveSubject(hookRequest(req)) }
      : {}),
    ...(resolveUserCode
      ? { resolveUserCode: (req: CoreRequest) => resolveUserCode(hookRequest(req)) }
      : {}),
    ...(key ? { rateLimitKey: (req: CoreRequest) => key(hookRequest(req)) } : {}),
  };
}

/**
 * Checks and resolves `options` once. `hookRequest` is the adapter's: it turns a core request
 * into the request the merchant's hooks receive.
 */
export function resolveOptions<Req>(
  options: KycOptions<Req>,
  hookRequest: (req: CoreRequest) => Req,
): ResolvedOptions {
  if (options === null || typeof options !== 'object' || 'socket' in options) {
    throw new TypeError(
      'digilockerKyc(options) expects an options object. It looks like you wrote app.use(digilockerKyc) instead of app.use(digilockerKyc({ ... })).',
    );
  }
  const publicBaseUrl = requireUrl(options.publicBaseUrl, 'publicBaseUrl').replace(/\/+$/, '');
  const allowedOrigins = new Set(options.allowedOrigins ?? []);
  for (const origin of allowedOrigins) requireOrigin(origin, 'allowedOrigins');
  if (allowedOrigins.size === 0) {
    throw new TypeError('digilockerKyc: expected at least one exact origin in allowedOrigins.');
  }
  const secrets =
    typeof options.sessionSecrets === 'string'
      ? [options.sessionSecrets]
      : [...(options.sessionSecrets ?? [])];
  if (secrets.length === 0 || !secrets.every(isStrongSecret)) {
    throw new TypeError(
      `digilockerKyc: expected sessionSecrets to be one or more strings of at least ${MIN_SECRET_BYTES} bytes.`,
    );
  }
  for (const url of options.returnUrls ?? []) requireUrl(url, 'returnUrls');
  const documents = documentListSchema.safeParse([
    ...(options.sessions?.defaultDocuments ?? DEFAULT_DOCUMENTS),
  ]);
  if (!documents.success) {
    throw new TypeError(
      'digilockerKyc: expected sessions.defaultDocuments to list AADHAAR, PAN or DRIVING_LICENSE, each once.',
    );
  }
  const rateLimit = options.limits?.rateLimit;
  const perMinute = rateLimit?.perMinute ?? 10;
  if (!Number.isInteger(perMinute) || perMinute < 0) {
    throw new TypeError(
      'digilockerKyc: expected limits.rateLimit.perMinute to be a whole number, 0 to turn it off.',
    );
  }
  const statusLimits = { ...DEFAULT_STATUS_LIMITS, ...rateLimit?.status };
  for (const [name, value] of Object.entries(statusLimits)) {
    if (!Number.isInteger(value) || value < 0) {
      throw new TypeError(
        `digilockerKyc: expected limits.rateLimit.status.${name} to be a whole number, 0 to turn it off.`,
      );
    }
  }
  const redis = checkRedis(options.redis, rateLimit?.store !== undefined);
  refuseUnsafeOptions(options, secrets);
  const testing = options.testing ?? {};
  const ownsEko = !('createDigilockerUrl' in options.eko);
  const eko = ownsEko
    ? createEkoClient({
        ...(options.eko as EkoClientOptions),
        ...(testing.dispatcher ? { dispatcher: testing.dispatcher } : {}),
        ...(testing.now ? { now: testing.now } : {}),
      })
    : (options.eko as EkoClient);
  const metrics = resolveMetrics(options.metrics);
  return {
    eko: measuredEko(eko, metrics),
    metrics,
    ownsEko,
    allowedOrigins,
    publicBaseUrl,
    returnUrls: new Set([`${publicBaseUrl}/return`, ...(options.returnUrls ?? [])]),
    digilockerUrlHosts: new Set(
      (options.digilockerUrlHosts ?? DEFAULT_DIGILOCKER_URL_HOSTS).map((h) => h.toLowerCase()),
    ),
    insecureUrlOrigins: new Set(testing.insecureUrlOrigins ?? []),
    followLoopbackAlias: testing.followLoopbackAlias === true,
    sessionSecrets: secrets,
    sessionTtlMs: options.sessions?.ttlMs ?? 30 * 60_000,
    defaultDocuments: documents.data,
    allowBrowserUserCode: options.sessions?.allowBrowserUserCode ?? false,
    rateLimitPerMinute: perMinute,
    statusLimits,
    rateLimitStore: rateLimit?.store,
    redis,
    hooks: wrapHooks(options, hookRequest),
    onComplete: checkHook(options.hooks?.onComplete, 'hooks.onComplete'),
    breaker: options.limits?.breaker ?? {},
    statusCacheMs: { pending: 1_000, final: 60_000, ...options.limits?.statusCacheMs },
    widgetAssets:
      options.widgetAssets === false ? {} : (options.widgetAssets ?? locateWidgetAssets()),
    logger: options.logger ?? defaultLibraryLogger(),
    now: testing.now ?? Date.now,
    random: testing.random ?? randomBytes,
  };
}

function checkHook<T>(value: T | undefined, name: string): T | undefined {
  if (value !== undefined && typeof value !== 'function') {
    throw new TypeError(`digilockerKyc: expected ${name} to be a function.`);
  }
  return value;
}

/**
 * The standalone server's refusals, in the same words (one rule each in config-safety.ts), so an
 * Express or fetch deployment is held to the same line: Eko's UAT keys or http: URLs against
 * Eko's production API, the sandbox's published secret outside a sandbox. A base whose http:
 * origin is in `testing.insecureUrlOrigins` is the caller's declared sandbox.
 */
function refuseUnsafeOptions<Req>(options: KycOptions<Req>, secrets: string[]): void {
  const eko = 'createDigilockerUrl' in options.eko ? undefined : options.eko;
  const base = eko?.baseUrl;
  const declaredSandbox =
    base?.startsWith('http:') === true &&
    (options.testing?.insecureUrlOrigins ?? []).some((origin) => base.startsWith(`${origin}/`));
  const problems = unsafeSettings(
    {
      target: declaredSandbox ? 'sandbox' : ekoTarget(base),
      ekoBaseUrl: base,
      developerKey: eko?.developerKey,
      accessKey: eko?.accessKey,
      sessionSecrets: secrets,
      publicBaseUrl: options.publicBaseUrl,
      allowedOrigins: [...options.allowedOrigins],
      returnUrls: options.returnUrls ?? [],
      redisUrl: typeof options.redis === 'string' ? options.redis : undefined,
    },
    OPTION_NAMES,
  );
  if (problems.length > 0) throw new ConfigError(problems);
}

/** A Redis URL or client, never echoed (a URL may carry a password). */
function checkRedis(value: unknown, hasStore: boolean): RedisOption | undefined {
  if (value === undefined) return undefined;
  if (hasStore) {
    throw new TypeError(
      'digilockerKyc: expected either redis or limits.rateLimit.store, not both (redis builds the store).',
    );
  }
  if (typeof value === 'string') {
    const problem = redisUrlProblem(value);
    if (problem) throw new TypeError(`digilockerKyc: redis is invalid: ${problem}.`);
    return value;
  }
  if (typeof (value as { sendCommand?: unknown } | null)?.sendCommand !== 'function') {
    throw new TypeError(
      'digilockerKyc: expected redis to be a redis:// or rediss:// URL or a connected node-redis client (with sendCommand).',
    );
  }
  return value as RedisOption;
}

function requireUrl(value: unknown, name: string): string {
  if (isHttpUrl(String(value))) return String(value);
  throw new TypeError(`digilockerKyc: expected each of ${name} to be ${HTTP_URL_EXPECTED}.`);
}

function requireOrigin(value: string, name: string): void {
  if (!isExactOrigin(value)) {
    throw new TypeError(`digilockerKyc: expected each of ${name} to be ${ORIGIN_EXPECTED}.`);
  }
}
