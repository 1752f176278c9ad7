// Sandbox options: Eko's public UAT credentials as defaults, validated once at creation.
import { randomBytes } from 'node:crypto';
import { EKO_UAT_CREDENTIALS } from '../defaults.js';
import type { RandomSource } from './attempts.js';
import { SIGNATURE_TOLERANCE_MS } from './auth.js';
import { type FaultSet, parseFaults } from './faults.js';

/** Cashfree's DigiLocker links, which Eko wraps, expire 10 minutes after creation. */
export const DEFAULT_LINK_LIFETIME_MS = 10 * 60_000;
export const DEFAULT_MAX_ATTEMPTS = 10_000;
const DEFAULT_SLOW_BODY_MS = 5_000;

export interface SandboxOptions {
  developerKey?: string;
  accessKey?: string;
  initiatorId?: string;
  userCode?: string;
  /** How long a consent link can be used (ms). Default 10 minutes. */
  linkLifetimeMs?: number;
  /** Faults on every response: SANDBOX_FAULTS syntax, e.g. `latency=200,error=503`. */
  faults?: string;
  /** The clock, Unix ms. Used for signature windows and link expiry. */
  now?: () => number;
  /** Randomness for tokens and ids. */
  random?: RandomSource;
  /** The origin consent links use, when the sandbox is reached through another address. */
  publicOrigin?: string;
  /** Attempts kept in memory; the oldest is forgotten first. Default 10,000. */
  maxAttempts?: number;
  /** Signature timestamp tolerance either way (ms). Default SIGNATURE_TOLERANCE_MS. */
  signatureToleranceMs?: number;
  /** How long the `slow-body` fault takes to deliver a body (ms). Default 5 s. */
  slowBodyMs?: number;
  /** Serve the loopback-only /__sandbox control API. Default true. */
  controlApi?: boolean;
}

export interface SandboxConfig {
  developerKey: string;
  accessKey: string;
  initiatorId: string;
  userCode: string;
  linkLifetimeMs: number;
  faults: FaultSet;
  now: () => number;
  random: RandomSource;
  publicOrigin: string | undefined;
  maxAttempts: number;
  signatureToleranceMs: number;
  slowBodyMs: number;
  controlApi: boolean;
}

function text(name: string, value: string | undefined, fallback: string): string {
  if (value === undefined) return fallback;
  if (typeof value !== 'string' || value.trim() === '') {
    throw new TypeError(`Expected the sandbox option "${name}" to be a non-empty string.`);
  }
  return value;
}

function count(name: string, value: number | undefined, fallback: number, min: number): number {
  if (value === undefined) return fallback;
  if (!Number.isSafeInteger(value) || value < min) {
    throw new TypeError(
      `Expected the sandbox option "${name}" to be an integer ≥ ${min}, received ${value}.`,
    );
  }
  return value;
}

function origin(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const url = URL.canParse(value) ? new URL(value) : undefined;
  if (
    !url ||
    (url.protocol !== 'http:' && url.protocol !== 'https:') ||
    url.origin !== value.replace(/\/$/, '')
  ) {
    throw new TypeError(
      'Expected the sandbox option "publicOrigin" to be an origin like http://127.0.0.1:8081.',
    );
  }
  return url.origin;
}

/** Fills in defaults and fails fast, naming the option (never echoing a key). */
export function resolveSandboxOptions(options: SandboxOptions = {}): SandboxConfig {
  let faults: FaultSet;
  try {
    faults = parseFaults(options.faults ?? '');
  } catch (error) {
    throw new TypeError(`Invalid sandbox faults (SANDBOX_FAULTS). ${(error as Error).message}`);
  }
  return {
    developerKey: text('developerKey', options.developerKey, EKO_UAT_CREDENTIALS.developerKey),
    accessKey: text('accessKey', options.accessKey, EKO_UAT_CREDENTIALS.accessKey),
    initiatorId: text('initiatorId', options.initiatorId, EKO_UAT_CREDENTIALS.initiatorId),
    userCode: text('userCode', options.userCode, EKO_UAT_CREDENTIALS.userCode),
    linkLifetimeMs: count('linkLifetimeMs', options.linkLifetimeMs, DEFAULT_LINK_LIFETIME_MS, 1),
    faults,
    now: options.now ?? Date.now,
    random: options.random ?? randomBytes,
    publicOrigin: origin(options.publicOrigin),
    maxAttempts: count('maxAttempts', options.maxAttempts, DEFAULT_MAX_ATTEMPTS, 1),
    signatureToleranceMs: count(
      'signatureToleranceMs',
      options.signatureToleranceMs,
      SIGNATURE_TOLERANCE_MS,
      0,
    ),
    slowBodyMs: count('slowBodyMs', options.slowBodyMs, DEFAULT_SLOW_BODY_MS, 1),
    controlApi: options.controlApi ?? true,
  };
}
