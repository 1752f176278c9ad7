// Bounds what Eko sends before any of it reaches an error message (the browser) or a log line.
//
// Eko's reply is untrusted input: a status id, a content type or an id could be kilobytes long,
// carry control characters that forge log lines, or echo personal data. Only short values of a
// narrow charset pass; anything else is named, not quoted.

const STATUS_ID = /^-?[A-Za-z0-9_]{1,12}$/;
const MEDIA_TYPE = /^[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,40}\/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,60}$/;
const UPSTREAM_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** Eko's `response_status_id` as a short code, or `unrecognised`; `none` when absent. */
export function boundedStatusId(value: unknown): string {
  if (value === undefined || value === null) return 'none';
  const text = typeof value === 'number' && Number.isSafeInteger(value) ? String(value) : value;
  return typeof text === 'string' && STATUS_ID.test(text) ? text : 'unrecognised';
}

/** The media type of a Content-Type header without its parameters, or `unrecognised`. */
export function boundedMediaType(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  if (value === undefined || value.trim() === '') return 'none';
  const type = value.split(';')[0]!.trim();
  return MEDIA_TYPE.test(type) ? type.toLowerCase() : 'unrecognised';
}

/** True for an id Eko may give us that we pass on (reference_id, verification_id). */
export function isSafeUpstreamId(value: string): boolean {
  return UPSTREAM_ID.test(value);
}

/** A host or scheme from Eko's url, for a log line: URL-parsed already, so only the length. */
export function boundedUrlPart(value: string | undefined, max: number): string | undefined {
  if (value === undefined) return undefined;
  return value.length <= max ? value : `${value.slice(0, max)}…(${value.length} chars)`;
}

/** A transport error code (ECONNRESET, UND_ERR_SOCKET, …), or `unrecognised`. */
export function boundedErrorCode(value: string): string {
  return /^[A-Za-z0-9_]{1,40}$/.test(value) ? value : value === '' ? '' : 'unrecognised';
}
