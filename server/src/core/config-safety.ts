// Settings that parse but are unsafe: one rule each, shared by the CLI and the library options.
import { EKO_BASE_URLS, EKO_UAT_CREDENTIALS, SANDBOX_SESSION_SECRET } from '../defaults.js';

/**
 * A configuration problem, named by setting; the value is never part of the message. `problems`
 * lists every problem found, so one start (or one construction) names them all.
 */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  readonly problems: readonly string[];
  constructor(problems: string | readonly string[]) {
    const list = typeof problems === 'string' ? [problems] : problems;
    super(
      list.length === 1
        ? list[0]!
        : `${list.length} configuration problems:\n${list.map((p) => `  - ${p}`).join('\n')}`,
    );
    this.problems = list;
  }
}

/** The variables that point the server at a real Eko account. */
const EKO_ACCOUNT_VARIABLES = [
  'EKO_BASE_URL',
  'EKO_DEVELOPER_KEY',
  'EKO_ACCESS_KEY',
  'EKO_INITIATOR_ID',
  'EKO_USER_CODE',
] as const;

/**
 * Which Eko the server talks to: the simulator on this machine, Eko's UAT (or any other
 * non-production base), or Eko's production API.
 */
export type EkoTarget = 'sandbox' | 'uat' | 'production';

/** What the rules read, as the CLI and the library options both have it. */
export interface SafetySettings {
  target: EkoTarget;
  ekoBaseUrl?: string | undefined;
  developerKey?: string | undefined;
  accessKey?: string | undefined;
  sessionSecrets: readonly string[];
  publicBaseUrl?: string | undefined;
  allowedOrigins: readonly string[];
  returnUrls: readonly string[];
  /** A Redis URL; a connected client is the merchant's business. */
  redisUrl?: string | undefined;
}

/** How the operator spells each setting: environment variables or option names. */
export type SettingNames = Record<Exclude<keyof SafetySettings, 'target'>, string>;

export const ENV_NAMES: SettingNames = {
  ekoBaseUrl: 'EKO_BASE_URL',
  developerKey: 'EKO_DEVELOPER_KEY',
  accessKey: 'EKO_ACCESS_KEY',
  sessionSecrets: 'SESSION_SECRET',
  publicBaseUrl: 'PUBLIC_BASE_URL',
  allowedOrigins: 'ALLOWED_ORIGINS',
  returnUrls: 'RETURN_URLS',
  redisUrl: 'REDIS_URL',
};

export const OPTION_NAMES: SettingNames = {
  ekoBaseUrl: 'eko.baseUrl',
  developerKey: 'eko.developerKey',
  accessKey: 'eko.accessKey',
  sessionSecrets: 'sessionSecrets',
  publicBaseUrl: 'publicBaseUrl',
  allowedOrigins: 'allowedOrigins',
  returnUrls: 'returnUrls',
  redisUrl: 'redis',
};

/**
 * The library's view of where an Eko base points: loopback is a sandbox on this machine, Eko's
 * production host is production, anything else (UAT, a staging proxy) is UAT. Unknown (a
 * ready-made client): UAT, so only the rules that hold everywhere outside the sandbox apply.
 */
export function ekoTarget(baseUrl: string | undefined): EkoTarget {
  if (baseUrl === undefined) return 'uat';
  if (isLoopback(baseUrl)) return 'sandbox';
  try {
    return new URL(baseUrl).hostname === new URL(EKO_BASE_URLS.production).hostname
      ? 'production'
      : 'uat';
  } catch {
    return 'uat';
  }
}

/**
 * Every unsafe combination found, as messages naming the setting (in `names`) and never its
 * value. The CLI and the library options call this one function, so a rule and its words have
 * one home.
 */
export function unsafeSettings(s: SafetySettings, names: SettingNames): string[] {
  const problems: string[] = [];
  if (s.target === 'sandbox') return problems;
  if (s.ekoBaseUrl !== undefined && !isSecureOrLoopback(s.ekoBaseUrl)) {
    problems.push(
      `${names.ekoBaseUrl} is unsafe outside the sandbox: Expected an https: URL (plain http: only on loopback, for a local sandbox); the request signatures would cross the network in clear.`,
    );
  }
  if (s.sessionSecrets.some((secret) => secret.trim() === SANDBOX_SESSION_SECRET)) {
    problems.push(
      `${names.sessionSecrets} is unsafe outside the sandbox: it is the sandbox's secret, published in the source, so anyone could forge session tokens. Expected a random secret of your own (e.g. \`openssl rand -base64 48\`).`,
    );
  }
  if (s.target !== 'production') return problems;
  const uatKeys = [
    ['developerKey', EKO_UAT_CREDENTIALS.developerKey],
    ['accessKey', EKO_UAT_CREDENTIALS.accessKey],
  ] as const;
  for (const [key, uatValue] of uatKeys) {
    if (s[key] === uatValue) {
      problems.push(
        `${names[key]} is unsafe against Eko's production API: it is Eko's public UAT key. Expected your own production key from Eko, or Eko's UAT API for testing.`,
      );
    }
  }
  // The browser-facing URLs must be https: a session token, the state and the DigiLocker URL
  // travel through them. A local smoke test may serve the API on loopback.
  const urls = [
    ['publicBaseUrl', s.publicBaseUrl === undefined ? [] : [s.publicBaseUrl]],
    ['returnUrls', s.returnUrls],
  ] as const;
  for (const [key, values] of urls) {
    if (values.some((value) => !isSecureOrLoopback(value))) {
      problems.push(
        `${names[key]} is unsafe against Eko's production API: Expected https: URLs (plain http: only on loopback).`,
      );
    }
  }
  // A production page is never served over http, localhost included: such an entry is a
  // developer's page left in the list, and any page on that port of any customer's machine
  // could then start attempts.
  if (s.allowedOrigins.some((origin) => !origin.startsWith('https:'))) {
    problems.push(
      `${names.allowedOrigins} is unsafe against Eko's production API: Expected https: origins only (an http: origin, localhost included, is a development page).`,
    );
  }
  if (s.redisUrl !== undefined && /^redis:/i.test(s.redisUrl) && !isLoopback(s.redisUrl)) {
    problems.push(
      `${names.redisUrl} is unsafe against Eko's production API: Expected rediss:// (TLS) for a Redis on another host; redis:// sends its password and the counters in clear (plain redis:// only on loopback).`,
    );
  }
  return problems;
}

/**
 * The CLI's sandbox mode signs tokens with the published secret and prints that no Eko keys are
 * set: it must never talk to a real Eko account. An external sandbox on this machine
 * (EKO_BASE_URL on loopback) is allowed, with the sandbox's own public test keys.
 */
export function realEkoInSandbox(
  env: Partial<Record<(typeof EKO_ACCOUNT_VARIABLES)[number], string | undefined>>,
): string[] {
  const problems: string[] = [];
  for (const name of EKO_ACCOUNT_VARIABLES) {
    const value = env[name];
    if (value === undefined) continue;
    if (name === 'EKO_BASE_URL' && isLoopback(value)) continue;
    problems.push(
      `${name} is set but EKO_ENV is sandbox (the default when no Eko keys are set): the sandbox never calls Eko${name === 'EKO_BASE_URL' ? ' (an external sandbox must be on loopback)' : ''}. Expected EKO_ENV=uat or EKO_ENV=production with SESSION_SECRET, or unset ${name}.`,
    );
  }
  return problems;
}

function isSecureOrLoopback(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || (url.protocol === 'http:' && isLoopback(value));
  } catch {
    return false;
  }
}

/** localhost, 127.0.0.0/8 or [::1]; for any URL scheme (http:, redis:). */
function isLoopback(value: string): boolean {
  try {
    const { hostname } = new URL(value);
    return hostname === 'localhost' || hostname === '[::1]' || /^127(\.\d{1,3}){3}$/.test(hostname);
  } catch {
    return false;
  }
}
