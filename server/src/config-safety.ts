// Configurations that parse but are unsafe, refused at start: each names the variable, never its value.
import { EKO_UAT_CREDENTIALS, SANDBOX_SESSION_SECRET } from './defaults.js';

/** A configuration problem, named by variable; the value is never part of the message. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** The variables that point the server at a real Eko account. */
const EKO_ACCOUNT_VARIABLES = [
  'EKO_BASE_URL',
  'EKO_DEVELOPER_KEY',
  'EKO_ACCESS_KEY',
  'EKO_INITIATOR_ID',
  'EKO_USER_CODE',
] as const;

export interface SafetyInput {
  mode: 'sandbox' | 'uat' | 'production';
  EKO_BASE_URL?: string | undefined;
  EKO_DEVELOPER_KEY?: string | undefined;
  EKO_ACCESS_KEY?: string | undefined;
  EKO_INITIATOR_ID?: string | undefined;
  EKO_USER_CODE?: string | undefined;
  SESSION_SECRET?: string | undefined;
  PUBLIC_BASE_URL?: string | undefined;
  ALLOWED_ORIGINS: readonly string[];
  RETURN_URLS: readonly string[];
}

/** Throws ConfigError for the first unsafe combination found. */
export function refuseUnsafeConfig(e: SafetyInput): void {
  if (e.mode === 'sandbox') {
    refuseRealEkoInSandbox(e);
    return;
  }
  if (e.EKO_BASE_URL !== undefined && !isSecureOrLoopback(e.EKO_BASE_URL)) {
    throw new ConfigError(
      `EKO_BASE_URL is unsafe when EKO_ENV=${e.mode}: Expected an https: URL (plain http: only on loopback, for a local sandbox); the request signatures would cross the network in clear.`,
    );
  }
  const secrets = (e.SESSION_SECRET ?? '').split(',').map((s) => s.trim());
  if (secrets.includes(SANDBOX_SESSION_SECRET)) {
    throw new ConfigError(
      `SESSION_SECRET is unsafe when EKO_ENV=${e.mode}: it is the sandbox's secret, published in the source, so anyone could forge session tokens. Expected a random secret of your own (e.g. \`openssl rand -base64 48\`).`,
    );
  }
  if (e.mode !== 'production') return;
  if (e.EKO_DEVELOPER_KEY === EKO_UAT_CREDENTIALS.developerKey) {
    throw new ConfigError(
      "EKO_DEVELOPER_KEY is unsafe when EKO_ENV=production: it is Eko's public UAT key. Expected your own production key, or EKO_ENV=uat.",
    );
  }
  if (e.EKO_ACCESS_KEY === EKO_UAT_CREDENTIALS.accessKey) {
    throw new ConfigError(
      "EKO_ACCESS_KEY is unsafe when EKO_ENV=production: it is Eko's public UAT key. Expected your own production key, or EKO_ENV=uat.",
    );
  }
  // In production the browser-facing URLs must be https: a session token, the state and the
  // DigiLocker URL travel through them.
  const plain: [string, readonly string[]][] = [
    ['PUBLIC_BASE_URL', e.PUBLIC_BASE_URL === undefined ? [] : [e.PUBLIC_BASE_URL]],
    ['ALLOWED_ORIGINS', e.ALLOWED_ORIGINS],
    ['RETURN_URLS', e.RETURN_URLS],
  ];
  for (const [name, values] of plain) {
    if (values.some((value) => !isSecureOrLoopback(value))) {
      throw new ConfigError(
        `${name} is unsafe when EKO_ENV=production: Expected https: URLs (plain http: only on loopback).`,
      );
    }
  }
}

/**
 * Sandbox mode signs tokens with the published secret and prints that no Eko keys are set: it
 * must never talk to a real Eko account. An external sandbox on this machine (EKO_BASE_URL on
 * loopback) is allowed, with the sandbox's own public test keys.
 */
function refuseRealEkoInSandbox(e: SafetyInput): void {
  for (const name of EKO_ACCOUNT_VARIABLES) {
    const value = e[name];
    if (value === undefined) continue;
    if (name === 'EKO_BASE_URL' && isLoopback(value)) continue;
    throw new ConfigError(
      `${name} is set but EKO_ENV is sandbox (the default when no Eko keys are set): the sandbox never calls Eko${name === 'EKO_BASE_URL' ? ' (an external sandbox must be on loopback)' : ''}. Expected EKO_ENV=uat or EKO_ENV=production with SESSION_SECRET, or unset ${name}.`,
    );
  }
}

function isSecureOrLoopback(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || (url.protocol === 'http:' && isLoopback(value));
  } catch {
    return false;
  }
}

function isLoopback(value: string): boolean {
  try {
    const { hostname } = new URL(value);
    return hostname === 'localhost' || hostname === '[::1]' || /^127(\.\d{1,3}){3}$/.test(hostname);
  } catch {
    return false;
  }
}
