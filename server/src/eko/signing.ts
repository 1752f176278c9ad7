// Eko's request signature: secret-key = base64(HMAC-SHA256(key = base64(access_key), msg = timestamp)).
import { createHmac } from 'node:crypto';

/**
 * Computes Eko's `secret-key` header for one request. Pure: the caller supplies the timestamp
 * (Unix milliseconds) and sends the same value as `secret-key-timestamp`.
 *
 * Eko keys the HMAC with the base64 *text* of the access key (its bytes as ASCII), not with the
 * decoded key: that is what Eko's PHP sample does and what the published vectors confirm.
 */
export function computeSecretKey(accessKey: string, timestampMs: number | string): string {
  const timestamp = typeof timestampMs === 'number' ? formatTimestamp(timestampMs) : timestampMs;
  if (!/^\d{1,16}$/.test(timestamp)) {
    throw new TypeError(
      `Expected the timestamp to be whole Unix milliseconds (digits only), received ${JSON.stringify(timestamp).slice(0, 40)}.`,
    );
  }
  if (accessKey.length === 0) {
    throw new TypeError('Expected a non-empty Eko access key, received an empty string.');
  }
  const encodedKey = Buffer.from(accessKey, 'utf8').toString('base64');
  return createHmac('sha256', encodedKey).update(timestamp).digest('base64');
}

/** Milliseconds only: Eko's docs warn against sending finer precision. */
function formatTimestamp(timestampMs: number): string {
  if (!Number.isSafeInteger(timestampMs) || timestampMs < 0) {
    throw new TypeError(
      `Expected the timestamp to be a non-negative whole number of milliseconds, received ${timestampMs}.`,
    );
  }
  return String(timestampMs);
}

/** The three headers that authenticate one request to Eko. */
export interface EkoAuthHeaders {
  developer_key: string;
  'secret-key': string;
  'secret-key-timestamp': string;
}

export function signEkoRequest(
  developerKey: string,
  accessKey: string,
  timestampMs: number,
): EkoAuthHeaders {
  const timestamp = formatTimestamp(timestampMs);
  return {
    developer_key: developerKey,
    'secret-key': computeSecretKey(accessKey, timestamp),
    'secret-key-timestamp': timestamp,
  };
}
