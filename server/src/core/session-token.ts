// Signed, expiring tokens for one DigiLocker attempt: the session token the widget holds, the
// completion token it is exchanged for once the return is proven, and the binding cookie.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { DOCUMENT_TYPES, type DocumentType, KycError } from '@digilocker-kyc/shared';

/**
 * Format: `v1.<base64url(JSON claims)>.<base64url(HMAC-SHA256(secret, "v1." + claims))>`.
 * Stateless on purpose: any instance that shares the secret can verify.
 * Several secrets are accepted so keys can rotate: the first signs, all verify.
 */
export interface SessionClaims {
  /** reference_id of the attempt. */
  reference_id: string;
  state: string;
  /** The exact Origin that created the attempt. */
  origin: string;
  documents: DocumentType[];
  /** Unix seconds. */
  issued_at: number;
  expires_at: number;
  /**
   * The merchant's user the attempt was started for (the router's `resolveSubject` hook), when
   * one was given. Signed but not encrypted: the browser can read it, so use an opaque id.
   */
  subject?: string;
  /**
   * Unix seconds when DigiLocker's return for this attempt reached the browser that created it
   * (a completion token). Absent in the create-time token: that one proves no return.
   */
  returned_at?: number;
  /** The merchant return URL (`RETURN_URLS`) the attempt asked for, when it asked for one. */
  return_to?: string;
}

interface WireClaims {
  r: string;
  s: string;
  o: string;
  d: DocumentType[];
  iat: number;
  exp: number;
  u?: string;
  rt?: number;
  to?: string;
}

/**
 * Token kinds, each its own MAC domain: `v1` is a session or completion token (what the widget
 * holds and the merchant's backend verifies), `b1` the binding cookie's value. A value of one
 * kind never verifies as the other.
 */
type Kind = 'v1' | 'b1';
const VERSION: Kind = 'v1';
const MAX_TOKEN_LENGTH = 2048;
/** The shortest session secret accepted anywhere: the options, SESSION_SECRET and direct callers. */
export const MIN_SECRET_BYTES = 32;
export const MAX_SUBJECT_LENGTH = 128;

/** Whether `secret` may sign session tokens: a string of at least MIN_SECRET_BYTES bytes. */
export function isStrongSecret(secret: unknown): secret is string {
  return typeof secret === 'string' && Buffer.byteLength(secret) >= MIN_SECRET_BYTES;
}

/** Whether `subject` may be carried in a token: undefined, or 1 to MAX_SUBJECT_LENGTH characters. */
export function isValidSubject(subject: unknown): subject is string | undefined {
  return (
    subject === undefined ||
    (typeof subject === 'string' && subject.length > 0 && subject.length <= MAX_SUBJECT_LENGTH)
  );
}

/**
 * Throws KycError `config_error` unless there is at least one secret of at least 32 bytes:
 * a list holding an unset variable's `''` must never verify a token forged with the empty key.
 */
export function requireSecrets(secrets: unknown): readonly string[] {
  const ok = Array.isArray(secrets) && secrets.length > 0 && secrets.every(isStrongSecret);
  if (!ok) {
    throw new KycError(
      'config_error',
      `Expected secrets to be an array of one or more session secrets of at least ${MIN_SECRET_BYTES} bytes each (SESSION_SECRET).`,
    );
  }
  return secrets as readonly string[];
}

export function signSessionToken(claims: SessionClaims, secrets: readonly string[]): string {
  return sign(VERSION, claims, secrets);
}

/** The binding cookie's value: the attempt's claims under their own MAC domain (`b1`). */
export function signBinding(claims: SessionClaims, secrets: readonly string[]): string {
  return sign('b1', claims, secrets);
}

/**
 * The claims of a binding cookie's value, or undefined when it is not a valid, unexpired
 * binding for `state` (a forged, stale or other attempt's cookie binds nothing).
 */
export function readBinding(
  value: string,
  state: string,
  secrets: readonly string[],
  now: number,
): SessionClaims | undefined {
  try {
    const claims = verify('b1', value, secrets, now);
    return claims.state === state ? claims : undefined;
  } catch {
    return undefined;
  }
}

function sign(kind: Kind, claims: SessionClaims, secrets: readonly string[]): string {
  const [secret] = requireSecrets(secrets) as [string];
  const { subject } = claims;
  if (!isValidSubject(subject)) {
    throw new KycError(
      'config_error',
      `Expected the session subject (resolveSubject) to be a string of 1-${MAX_SUBJECT_LENGTH} characters.`,
    );
  }
  const wire: WireClaims = {
    r: claims.reference_id,
    s: claims.state,
    o: claims.origin,
    d: claims.documents,
    iat: claims.issued_at,
    exp: claims.expires_at,
    ...(subject !== undefined ? { u: subject } : {}),
    ...(claims.returned_at !== undefined ? { rt: claims.returned_at } : {}),
    ...(claims.return_to !== undefined ? { to: claims.return_to } : {}),
  };
  const body = Buffer.from(JSON.stringify(wire)).toString('base64url');
  return `${kind}.${body}.${mac(secret, `${kind}.${body}`).toString('base64url')}`;
}

export interface VerifyOptions {
  secrets: readonly string[];
  /** Unix milliseconds. */
  now: number;
  /** When given, the token must be for this attempt. */
  referenceId?: string;
  /** When given, the token must have been minted for this exact origin. */
  origin?: string;
  /**
   * When given, the token must carry exactly this subject: the logged-in user of the request
   * that presents it (set by the router's `resolveSubject` hook when the attempt was created).
   */
  subject?: string;
  /**
   * Accept a token that proves no return (the create-time session token). Off by default: a
   * merchant's backend must accept only the completion token (`digilocker-kyc-complete`'s
   * `detail.session_token`), which exists only once DigiLocker's return reached the browser that
   * started the attempt. The signing server's status route is the one caller that turns it on.
   */
  allowUnreturned?: boolean;
}

/**
 * Verifies a completion token and returns its claims, or throws KycError `unauthorized`.
 * Merchants call this on their backend before fetching the document with the token's
 * reference_id. A token without a seen return (the create-time token, which the browser held
 * before any consent) is refused with a message naming `return_not_seen`, unless
 * `allowUnreturned`. Throws KycError `config_error` (never a verified token) when `secrets` is
 * empty or holds a secret under 32 bytes.
 */
export function verifySessionToken(token: unknown, options: VerifyOptions): SessionClaims {
  const claims = verify(VERSION, token, options?.secrets, options?.now);
  if (options.referenceId !== undefined && claims.reference_id !== options.referenceId) {
    throw unauthorized('The session token belongs to another attempt.');
  }
  if (options.origin !== undefined && claims.origin !== options.origin) {
    throw unauthorized('The session token was issued to another origin.');
  }
  if (options.subject !== undefined && claims.subject !== options.subject) {
    throw unauthorized('The session token was issued to another user.');
  }
  if (claims.returned_at === undefined && options.allowUnreturned !== true) {
    throw unauthorized(
      'return_not_seen: this token proves no return from DigiLocker to the browser that started the attempt; accept only the completion token from digilocker-kyc-complete.',
    );
  }
  return claims;
}

function verify(kind: Kind, token: unknown, rawSecrets: unknown, now: number): SessionClaims {
  const secrets = requireSecrets(rawSecrets);
  if (typeof token !== 'string' || token.length === 0 || token.length > MAX_TOKEN_LENGTH) {
    throw unauthorized('Expected a session token (the session_token from the create reply).');
  }
  const parts = token.split('.');
  if (parts.length !== 3 || parts[0] !== kind) {
    throw unauthorized(`Expected a session token of the form ${kind}.<claims>.<signature>.`);
  }
  const [, body = '', signature = ''] = parts;
  const presented = Buffer.from(signature, 'base64url');
  // base64url's last character carries spare bits: only the canonical spelling is accepted, so
  // a token is valid byte for byte or not at all.
  if (presented.toString('base64url') !== signature) {
    throw unauthorized('The session token signature is not canonical base64url.');
  }
  const signed = `${kind}.${body}`;
  const valid = secrets.some((secret) => constantTimeEqual(mac(secret, signed), presented));
  if (!valid) throw unauthorized('The session token signature does not match.');

  const claims = decodeClaims(body);
  if (claims === undefined) throw unauthorized('The session token claims are malformed.');
  if (!(now < claims.expires_at * 1000)) {
    throw unauthorized('The session token has expired; start a new attempt.');
  }
  return claims;
}

export function mac(secret: string, data: string): Buffer {
  return createHmac('sha256', secret).update(data).digest();
}

/** timingSafeEqual throws on unequal lengths, so the length is checked first. */
export function constantTimeEqual(expected: Buffer, presented: Buffer): boolean {
  return expected.length === presented.length && timingSafeEqual(expected, presented);
}

function decodeClaims(body: string): SessionClaims | undefined {
  let wire: Partial<WireClaims>;
  try {
    wire = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  const documents = wire.d;
  const ok =
    typeof wire.r === 'string' &&
    typeof wire.s === 'string' &&
    typeof wire.o === 'string' &&
    Number.isSafeInteger(wire.iat) &&
    Number.isSafeInteger(wire.exp) &&
    (wire.u === undefined || typeof wire.u === 'string') &&
    (wire.rt === undefined || Number.isSafeInteger(wire.rt)) &&
    (wire.to === undefined || typeof wire.to === 'string') &&
    Array.isArray(documents) &&
    documents.every((d) => (DOCUMENT_TYPES as readonly unknown[]).includes(d));
  if (!ok) return undefined;
  return {
    reference_id: wire.r!,
    state: wire.s!,
    origin: wire.o!,
    documents: documents as DocumentType[],
    issued_at: wire.iat!,
    expires_at: wire.exp!,
    ...(wire.u !== undefined ? { subject: wire.u } : {}),
    ...(wire.rt !== undefined ? { returned_at: wire.rt } : {}),
    ...(wire.to !== undefined ? { return_to: wire.to } : {}),
  };
}

function unauthorized(message: string): KycError {
  return new KycError('unauthorized', message);
}
