// The standalone server's configuration: the environment, parsed once with zod.
import { existsSync } from 'node:fs';
import * as z from 'zod/mini';
import { ConfigError, ENV_NAMES, realEkoInSandbox, unsafeSettings } from '../core/config-safety.js';
import { isStrongSecret, MIN_SECRET_BYTES } from '../core/session-token.js';
import {
  DEFAULT_DIGILOCKER_URL_HOSTS,
  DEFAULT_HOST,
  DEFAULT_PORT,
  EKO_BASE_URLS,
  EKO_UAT_CREDENTIALS,
  httpOrigin,
  loopbackFor,
  SANDBOX_SESSION_SECRET,
} from '../defaults.js';
import { IN_ENGLISH } from '../issue-messages.js';
import { redisUrlProblem } from '../limits/redis-store.js';
import { HTTP_URL_EXPECTED, isExactOrigin, isHttpUrl, ORIGIN_EXPECTED } from '../url-rules.js';

export interface ServerConfig {
  port: number;
  host: string;
  env: 'sandbox' | 'uat' | 'production';
  eko: {
    baseUrl: string;
    developerKey: string;
    accessKey: string;
    initiatorId: string;
    userCode: string;
  };
  allowedOrigins: string[];
  /** Externally visible base of the mount, e.g. `https://shop.example/kyc`. */
  publicBaseUrl: string;
  returnUrls: string[];
  digilockerUrlHosts: string[];
  sessionSecrets: string[];
  sandboxPort: number;
  /** Sandbox mode with no EKO_BASE_URL: the CLI starts the sandbox in its own process. */
  startSandbox: boolean;
  sandboxFaults: string | undefined;
  rateLimitPerMinute: number;
  /** Status polls per session token and per client IP per minute; 0 turns one off. */
  statusRateLimit: { perToken: number; perClient: number };
  /** The HTTP server's limits against slow or piled-up clients (see http-server.ts). */
  http: {
    headersTimeoutMs: number;
    requestTimeoutMs: number;
    keepAliveTimeoutMs: number;
    maxConnections: number;
  };
  trustProxyHops: number;
  /** Rate-limit counters shared between instances in this Redis; undefined keeps them in memory. */
  redisUrl: string | undefined;
  /** Prometheus text at GET /metrics on this port (bound to HOST); undefined: nothing listens. */
  metricsPort: number | undefined;
  logLevel: string;
  /** A folder of static files served at `/` (the demo site); undefined serves none. */
  staticDir: string | undefined;
}

export { ConfigError };

const csv = z.pipe(
  z.optional(z.string()),
  z.transform((value) =>
    (value ?? '')
      .split(',')
      .map((item) => item.trim())
      .filter((item) => item !== ''),
  ),
);

const origin = z.string().check(z.refine(isExactOrigin, `Expected ${ORIGIN_EXPECTED}`));

const absoluteHttpUrl = z.string().check(z.refine(isHttpUrl, `Expected ${HTTP_URL_EXPECTED}`));

const hostName = z
  .string()
  .check(
    z.regex(/^[a-z0-9.-]+(:\d{1,5})?$/, 'Expected a lower-case host name, optionally with :port'),
  );

const port = z.coerce
  .number({ error: 'Expected a port number' })
  .check(
    z.int('Expected a whole port number'),
    z.minimum(0),
    z.maximum(65535, 'Expected a port between 0 and 65535'),
  );

const count = z.coerce
  .number({ error: 'Expected a number' })
  .check(z.int('Expected a whole number'), z.minimum(0, 'Expected 0 (off) or more'));

const milliseconds = z.coerce
  .number({ error: 'Expected a number of milliseconds' })
  .check(
    z.int('Expected a whole number of milliseconds'),
    z.minimum(100, 'Expected at least 100 ms'),
    z.maximum(600_000, 'Expected at most 600000 ms'),
  );

const optionalSecret = z.pipe(
  z.optional(z.string()),
  z.transform((value) => (value === undefined || value.trim() === '' ? undefined : value)),
);

/** REDIS_URL may carry a password: the message says what was expected, never what was given. */
const redisUrl = z.pipe(
  optionalSecret,
  z.optional(
    z.string().check(
      z.superRefine((value, ctx) => {
        const problem = redisUrlProblem(value);
        if (problem) ctx.addIssue({ code: 'custom', message: problem });
      }),
    ),
  ),
);

const envSchema = z.object({
  PORT: z._default(port, DEFAULT_PORT),
  HOST: z._default(z.string().check(z.minLength(1)), DEFAULT_HOST),
  EKO_ENV: z.optional(z.enum(['sandbox', 'uat', 'production'])),
  EKO_BASE_URL: z.optional(absoluteHttpUrl),
  EKO_DEVELOPER_KEY: optionalSecret,
  EKO_ACCESS_KEY: optionalSecret,
  EKO_INITIATOR_ID: z.optional(
    z.string().check(z.regex(/^\d{10}$/, 'Expected a 10-digit mobile number')),
  ),
  EKO_USER_CODE: z.optional(
    z.string().check(z.regex(/^[A-Za-z0-9]{1,20}$/, 'Expected 1-20 letters or digits')),
  ),
  ALLOWED_ORIGINS: z.pipe(csv, z.array(origin)),
  PUBLIC_BASE_URL: z.optional(absoluteHttpUrl),
  RETURN_URLS: z.pipe(csv, z.array(absoluteHttpUrl)),
  DIGILOCKER_URL_HOSTS: z.pipe(csv, z.array(hostName)),
  SESSION_SECRET: optionalSecret,
  SANDBOX_PORT: z.optional(port),
  SANDBOX_FAULTS: z.optional(z.string()),
  RATE_LIMIT_PER_MINUTE: z._default(count, 10),
  STATUS_RATE_LIMIT_PER_TOKEN: z._default(count, 120),
  STATUS_RATE_LIMIT_PER_CLIENT: z._default(count, 600),
  HEADERS_TIMEOUT_MS: z._default(milliseconds, 10_000),
  REQUEST_TIMEOUT_MS: z._default(milliseconds, 30_000),
  KEEP_ALIVE_TIMEOUT_MS: z._default(milliseconds, 5_000),
  MAX_CONNECTIONS: z._default(
    z.coerce
      .number({ error: 'Expected a number of connections' })
      .check(z.int('Expected a whole number'), z.minimum(1, 'Expected at least 1')),
    1_000,
  ),
  TRUST_PROXY_HOPS: z._default(
    z.coerce
      .number({ error: 'Expected a number of proxy hops' })
      .check(z.int('Expected a whole number of proxy hops'), z.minimum(0), z.maximum(10)),
    0,
  ),
  REDIS_URL: redisUrl,
  METRICS_PORT: z.optional(port),
  LOG_LEVEL: z._default(
    z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']),
    'info',
  ),
  STATIC_DIR: z.optional(
    z.string().check(z.refine((dir) => existsSync(dir), 'Expected an existing folder')),
  ),
});

/**
 * Reads the environment once. Throws one ConfigError listing every problem found, each naming
 * its variable (never its value), so an operator fixes them all from one start.
 */
export function loadConfig(given: Record<string, string | undefined>): ServerConfig {
  const problems: string[] = [];
  const invalid = new Set<string>();
  // `NAME=` in an env file means unset, as the blanks of .env.example are: "required", not
  // "invalid", and never a port 0 from an empty PORT.
  const env = Object.fromEntries(
    Object.entries(given).filter(([, value]) => value !== undefined && value.trim() !== ''),
  );
  let parsed = envSchema.safeParse(env, IN_ENGLISH);
  if (!parsed.success) {
    // One problem per variable (its first issue); the others are read as if unset, so the
    // checks below still run and name what else is wrong.
    for (const issue of parsed.error.issues) {
      const variable = String(issue.path[0] ?? 'environment');
      if (invalid.has(variable)) continue;
      invalid.add(variable);
      problems.push(`${variable} is invalid: ${issue.message}.`);
    }
    const rest = Object.fromEntries(Object.entries(env).filter(([name]) => !invalid.has(name)));
    parsed = envSchema.safeParse(rest, IN_ENGLISH);
    if (!parsed.success) throw new ConfigError(problems);
  }
  const e = parsed.data;
  const hasKeys = e.EKO_DEVELOPER_KEY !== undefined || e.EKO_ACCESS_KEY !== undefined;
  const mode = e.EKO_ENV ?? (hasKeys ? 'production' : 'sandbox');
  const sandboxPort = e.SANDBOX_PORT ?? (e.PORT === 0 ? 0 : e.PORT + 1);
  const ownOrigin = `http://${e.HOST.includes(':') ? `[${e.HOST}]` : e.HOST}:${e.PORT}`;
  const required = (name: keyof typeof e, why = '') => {
    if (e[name] === undefined && !invalid.has(name)) {
      problems.push(`${name} is required when EKO_ENV=${mode}${why}.`);
    }
  };

  // UAT may run on Eko's public UAT keys; production needs the merchant's own, and its own
  // user code (Eko's public test code would file every attempt under Eko's test retailer).
  if (mode === 'production') {
    required('EKO_DEVELOPER_KEY');
    required('EKO_ACCESS_KEY');
    required('EKO_INITIATOR_ID');
    required('EKO_USER_CODE', ': the retailer/agent code Eko gave your account');
    required('PUBLIC_BASE_URL', ': DigiLocker must send customers back to a public URL');
    if (e.ALLOWED_ORIGINS.length === 0 && !invalid.has('ALLOWED_ORIGINS')) {
      problems.push(
        `ALLOWED_ORIGINS is required when EKO_ENV=${mode}: the exact origins of the pages that embed the widget.`,
      );
    }
  }
  if (mode !== 'sandbox') required('SESSION_SECRET');
  const sessionSecrets = (e.SESSION_SECRET ?? SANDBOX_SESSION_SECRET)
    .split(',')
    .map((s) => s.trim());
  if (mode === 'sandbox') {
    problems.push(...realEkoInSandbox(e));
  } else {
    problems.push(
      ...unsafeSettings(
        {
          target: mode,
          ekoBaseUrl: e.EKO_BASE_URL,
          developerKey: e.EKO_DEVELOPER_KEY,
          accessKey: e.EKO_ACCESS_KEY,
          sessionSecrets: e.SESSION_SECRET === undefined ? [] : sessionSecrets,
          publicBaseUrl: e.PUBLIC_BASE_URL,
          allowedOrigins: e.ALLOWED_ORIGINS,
          returnUrls: e.RETURN_URLS,
          redisUrl: e.REDIS_URL,
        },
        ENV_NAMES,
      ),
    );
  }
  if (e.HEADERS_TIMEOUT_MS > e.REQUEST_TIMEOUT_MS) {
    problems.push(
      'HEADERS_TIMEOUT_MS is invalid: Expected it to be at most REQUEST_TIMEOUT_MS (the whole request includes its headers).',
    );
  }
  if (!sessionSecrets.every(isStrongSecret)) {
    problems.push(
      `SESSION_SECRET is invalid: Expected each comma-separated secret to be at least ${MIN_SECRET_BYTES} bytes.`,
    );
  }
  if (problems.length > 0) throw new ConfigError(problems);
  const publicBaseUrl = (e.PUBLIC_BASE_URL ?? `${ownOrigin}/kyc`).replace(/\/+$/, '');

  return {
    port: e.PORT,
    host: e.HOST,
    env: mode,
    eko: {
      baseUrl:
        e.EKO_BASE_URL ??
        (mode === 'sandbox'
          ? `${httpOrigin(loopbackFor(e.HOST), sandboxPort)}/ekoapi/v3`
          : EKO_BASE_URLS[mode]),
      developerKey: e.EKO_DEVELOPER_KEY ?? EKO_UAT_CREDENTIALS.developerKey,
      accessKey: e.EKO_ACCESS_KEY ?? EKO_UAT_CREDENTIALS.accessKey,
      initiatorId: e.EKO_INITIATOR_ID ?? EKO_UAT_CREDENTIALS.initiatorId,
      userCode: e.EKO_USER_CODE ?? EKO_UAT_CREDENTIALS.userCode,
    },
    allowedOrigins: allowedOrigins(e.ALLOWED_ORIGINS, mode, publicBaseUrl),
    publicBaseUrl,
    returnUrls: e.RETURN_URLS,
    digilockerUrlHosts:
      e.DIGILOCKER_URL_HOSTS.length > 0 ? e.DIGILOCKER_URL_HOSTS : DEFAULT_DIGILOCKER_URL_HOSTS,
    sessionSecrets,
    sandboxPort,
    startSandbox: mode === 'sandbox' && e.EKO_BASE_URL === undefined,
    sandboxFaults: e.SANDBOX_FAULTS,
    rateLimitPerMinute: e.RATE_LIMIT_PER_MINUTE,
    statusRateLimit: {
      perToken: e.STATUS_RATE_LIMIT_PER_TOKEN,
      perClient: e.STATUS_RATE_LIMIT_PER_CLIENT,
    },
    http: {
      headersTimeoutMs: e.HEADERS_TIMEOUT_MS,
      requestTimeoutMs: e.REQUEST_TIMEOUT_MS,
      keepAliveTimeoutMs: e.KEEP_ALIVE_TIMEOUT_MS,
      maxConnections: e.MAX_CONNECTIONS,
    },
    trustProxyHops: e.TRUST_PROXY_HOPS,
    redisUrl: e.REDIS_URL,
    metricsPort: e.METRICS_PORT,
    logLevel: e.LOG_LEVEL,
    staticDir: e.STATIC_DIR,
  };
}

/**
 * ALLOWED_ORIGINS as given; without it, the server's own origin. In sandbox mode the server's own
 * origin is always added, under both loopback names: a tester who opens the demo at `localhost`
 * rather than the printed `127.0.0.1` is not refused on the first click.
 */
function allowedOrigins(
  given: string[],
  mode: ServerConfig['env'],
  publicBaseUrl: string,
): string[] {
  if (given.length === 0) return defaultOrigins(new URL(publicBaseUrl));
  if (mode !== 'sandbox') return given;
  return [...new Set([...given, ...defaultOrigins(new URL(publicBaseUrl))])];
}

/** Without ALLOWED_ORIGINS, the page must be served by this server; loopback gets both names. */
function defaultOrigins(base: URL): string[] {
  const origins = [base.origin];
  const alias = { '127.0.0.1': 'localhost', localhost: '127.0.0.1' }[base.hostname];
  if (alias) origins.push(`${base.protocol}//${alias}${base.port ? `:${base.port}` : ''}`);
  return origins;
}
