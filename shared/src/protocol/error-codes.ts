// The one table of error codes: every failure the server answers or the widget emits has a row here.

/**
 * `status` is the HTTP status the server answers with. Codes that only the widget raises (the
 * browser could not reach the server, or the journey ran out of time) have status 0: they never
 * travel over HTTP. `retryable` tells the widget whether a Retry button can help.
 */
export const ERROR_CODES = {
  invalid_request: { status: 400, retryable: false },
  unauthorized: { status: 401, retryable: false },
  forbidden: { status: 403, retryable: false },
  forbidden_origin: { status: 403, retryable: false },
  not_found: { status: 404, retryable: false },
  method_not_allowed: { status: 405, retryable: false },
  consent_pending: { status: 409, retryable: true },
  session_expired: { status: 410, retryable: true },
  payload_too_large: { status: 413, retryable: false },
  unsupported_media_type: { status: 415, retryable: false },
  rate_limited: { status: 429, retryable: true },
  internal_error: { status: 500, retryable: true },
  config_error: { status: 500, retryable: false },
  upstream_rejected: { status: 502, retryable: false },
  upstream_auth_failed: { status: 502, retryable: false },
  upstream_error: { status: 502, retryable: true },
  upstream_malformed: { status: 502, retryable: true },
  upstream_unsafe_url: { status: 502, retryable: false },
  upstream_unavailable: { status: 503, retryable: true },
  upstream_timeout: { status: 504, retryable: true },
  network_error: { status: 0, retryable: true },
  popup_blocked: { status: 0, retryable: false },
  invalid_response: { status: 0, retryable: true },
  journey_timeout: { status: 0, retryable: true },
  consent_unconfirmed: { status: 0, retryable: true },
} as const satisfies Record<string, { status: number; retryable: boolean }>;

export type KycErrorCode = keyof typeof ERROR_CODES;

/** What each code means, for people: docs/errors.md's table is generated from this. */
export const ERROR_DESCRIPTIONS: Record<KycErrorCode, string> = {
  invalid_request: 'The request body, a parameter or a header did not match the contract.',
  unauthorized: 'The session token is missing, tampered with, expired, or for another attempt.',
  forbidden: "The merchant's authorize hook refused the request, or the CSRF header is missing.",
  forbidden_origin: 'The Origin is not on the allowlist (ALLOWED_ORIGINS).',
  not_found: 'No such route or DigiLocker attempt.',
  method_not_allowed: 'The route exists but not for this HTTP method.',
  consent_pending: 'The customer has not finished consenting on DigiLocker yet.',
  session_expired: 'The DigiLocker link or the attempt expired; a retry starts a new attempt.',
  payload_too_large: 'The request body is larger than the server accepts.',
  unsupported_media_type:
    'The request body is not the expected type (application/json; a form post for the /go hop).',
  rate_limited: 'Too many attempts from this client; wait for Retry-After.',
  internal_error: 'An unexpected server fault; the request id is in the server log.',
  config_error: 'The server is misconfigured; its log names the setting.',
  upstream_rejected: 'Eko refused the request (a business error such as an invalid redirect URL).',
  upstream_auth_failed:
    "Eko refused the signature: wrong keys, or the server's clock is off. Not retried.",
  upstream_error: 'Eko answered with a server error or the connection failed.',
  upstream_malformed: 'Eko answered with something that is not its documented JSON envelope.',
  upstream_unsafe_url:
    'Eko returned a DigiLocker URL that is not https, not on the host allowlist, or that embeds the return URL and its secret.',
  upstream_unavailable:
    'Eko is failing repeatedly, so calls are paused (circuit open), or Eko is rate-limiting this server (HTTP 429); wait for Retry-After.',
  upstream_timeout: 'Eko did not answer within the deadline.',
  network_error: 'The browser could not reach the signing server.',
  popup_blocked:
    'A popup is needed (the widget is in a cross-origin frame, where a redirect cannot work) and the browser blocked it; allow popups for the frame (sandbox allow-popups) or embed the widget top-level.',
  invalid_response: 'The signing server answered with something the widget does not understand.',
  journey_timeout: 'The customer did not finish on DigiLocker within the time allowed.',
  consent_unconfirmed:
    'DigiLocker reports consent, but its return for this attempt never reached the browser that started it (a reload or the back button instead of the return, or consent given in another browser), so there is no complete.',
};

export function isKycErrorCode(value: unknown): value is KycErrorCode {
  return typeof value === 'string' && Object.hasOwn(ERROR_CODES, value);
}
