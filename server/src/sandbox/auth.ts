// Eko's request authentication, checked the way Eko does: developer_key, then the timed HMAC signature.
import { timingSafeEqual } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { computeSecretKey } from '../eko/signing.js';
import { protocolError } from './envelope.js';
import { sendEkoReply } from './respond.js';

/**
 * How far `secret-key-timestamp` may be from the sandbox clock, in either direction. Eko
 * publishes no number ("a short window", "must match server time"). ±120 s accepts any
 * NTP-synced host, a CI container and a slow request, yet still refuses the real clock bugs
 * (seconds instead of milliseconds, a time-zone offset, a cached timestamp reused minutes later)
 * so they show up in the sandbox before they show up at Eko. Both directions, because a
 * timestamp from the future is the same bug as one from the past.
 */
export const SIGNATURE_TOLERANCE_MS = 120_000;

export interface EkoCredentials {
  developerKey: string;
  accessKey: string;
}

export type AuthResult =
  | { ok: true }
  | {
      ok: false;
      reason: 'missing_headers' | 'developer_key' | 'timestamp_format' | 'clock_skew' | 'signature';
    };

/** The three auth headers as received; absent ones are undefined. */
export interface PresentedAuth {
  developerKey: string | undefined;
  secretKey: string | undefined;
  timestamp: string | undefined;
}

/**
 * Pure check of one request's auth headers against the keys and the clock. Secrets are compared
 * in constant time (after the length check timingSafeEqual requires), so the answer time says
 * nothing about how much of a key was right.
 */
export function verifyEkoAuth(
  presented: PresentedAuth,
  credentials: EkoCredentials,
  nowMs: number,
  toleranceMs: number = SIGNATURE_TOLERANCE_MS,
): AuthResult {
  const { developerKey, secretKey, timestamp } = presented;
  if (!developerKey || !secretKey || !timestamp) return { ok: false, reason: 'missing_headers' };
  if (!sameSecret(developerKey, credentials.developerKey))
    return { ok: false, reason: 'developer_key' };
  if (!/^\d{1,16}$/.test(timestamp)) return { ok: false, reason: 'timestamp_format' };
  if (Math.abs(nowMs - Number(timestamp)) > toleranceMs) return { ok: false, reason: 'clock_skew' };
  const expected = computeSecretKey(credentials.accessKey, timestamp);
  if (!sameSecret(secretKey, expected)) return { ok: false, reason: 'signature' };
  return { ok: true };
}

function sameSecret(presented: string, expected: string): boolean {
  const a = Buffer.from(presented, 'utf8');
  const b = Buffer.from(expected, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Why the sandbox refused, for the developer reading the 403. Real Eko only says "Forbidden"; the
 * sandbox names the check that failed but never echoes a presented key or signature.
 */
const REASONS: Record<Exclude<AuthResult, { ok: true }>['reason'], string> = {
  missing_headers:
    'Forbidden: expected the developer_key, secret-key and secret-key-timestamp headers.',
  developer_key: 'Forbidden: the developer_key header does not match the configured developer key.',
  timestamp_format:
    'Forbidden: expected secret-key-timestamp to be Unix time in milliseconds (digits only).',
  clock_skew: `Forbidden: secret-key-timestamp is too far from the server clock (allowed ±${SIGNATURE_TOLERANCE_MS / 1000} s by default). Check the clock and that the timestamp is in milliseconds.`,
  signature:
    'Forbidden: the secret-key does not match the timestamp. Sign base64(HMAC-SHA256(base64(access_key), timestamp)).',
};

/** Middleware: 403 in Eko's manner unless the request is signed with the configured keys. */
export function ekoAuth(credentials: EkoCredentials, now: () => number, toleranceMs: number) {
  return function verifyEkoSignature(req: Request, res: Response, next: NextFunction): void {
    const result = verifyEkoAuth(
      {
        developerKey: req.get('developer_key'),
        secretKey: req.get('secret-key'),
        timestamp: req.get('secret-key-timestamp'),
      },
      credentials,
      now(),
      toleranceMs,
    );
    if (result.ok) {
      next();
      return;
    }
    sendEkoReply(res, 403, protocolError(REASONS[result.reason]));
  };
}
