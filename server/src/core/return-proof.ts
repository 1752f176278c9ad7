// The proof that DigiLocker's return for an attempt reached the browser that started it.
//
// Three keyed values, each derived from the session secret by HMAC, so any instance sharing the
// secret checks them without a store:
// - the return secret, in the `redirect_url` Eko is given (`{base}/return/<state>/<secret>`): no
//   reply, claim or log line carries it, so it reaches a browser only through DigiLocker's return;
// - the binding cookie, set on the creating browser (the create reply, or the `/go` hop): whoever
//   holds the return secret without it is another browser, shown a warning and no receipt;
// - the receipt, minted by the return handler when both are present: the widget presents it with
//   the status request, and only then does the server mint a completion token.
// The state alone (known to the starting browser, readable in its token) proves nothing.
import { createHash } from 'node:crypto';
import { RECEIPT_PATTERN } from '@digilocker-kyc/shared';
import { constantTimeEqual, mac, requireSecrets } from './session-token.js';

/** The return secret's spelling: 32 bytes of HMAC, base64url. */
const RETURN_SECRET_PATTERN = /^[A-Za-z0-9_-]{43}$/;

const SECRET_DOMAIN = 'dlkyc-return-secret\n';
const RECEIPT_DOMAIN = 'dlkyc-return-receipt\n';

/** The attempt's return secret, under the signing (first) session secret. */
export function returnSecret(state: string, secrets: readonly string[]): string {
  const [secret] = requireSecrets(secrets) as [string];
  return mac(secret, SECRET_DOMAIN + state).toString('base64url');
}

/** True when `presented` is the return secret of `state` under any of the session secrets. */
export function isReturnSecret(
  state: string,
  presented: string,
  secrets: readonly string[],
): boolean {
  if (!RETURN_SECRET_PATTERN.test(presented)) return false;
  const bytes = Buffer.from(presented, 'base64url');
  // The last character carries two spare bits: only the spelling the server minted counts, so a
  // return URL is valid byte for byte or not at all (as tokens and receipts are).
  if (bytes.toString('base64url') !== presented) return false;
  return requireSecrets(secrets).some((secret) =>
    constantTimeEqual(mac(secret, SECRET_DOMAIN + state), bytes),
  );
}

/** `<seenAt>.<mac>`: the bound return of `state` was seen at `seenAt` (unix seconds). */
export function mintReceipt(state: string, seenAt: number, secrets: readonly string[]): string {
  const [secret] = requireSecrets(secrets) as [string];
  return `${seenAt}.${mac(secret, `${RECEIPT_DOMAIN}${state}\n${seenAt}`).toString('base64url')}`;
}

/**
 * When `receipt` is a receipt for `state` (under any secret), the time it says the return was
 * seen (unix seconds); else undefined. A receipt of another state never matches: the state is
 * under the MAC.
 */
export function readReceipt(
  receipt: string,
  state: string,
  secrets: readonly string[],
): number | undefined {
  if (!RECEIPT_PATTERN.test(receipt)) return undefined;
  const [time = '', signature = ''] = receipt.split('.');
  const presented = Buffer.from(signature, 'base64url');
  if (presented.toString('base64url') !== signature) return undefined;
  const ok = requireSecrets(secrets).some((secret) =>
    constantTimeEqual(mac(secret, `${RECEIPT_DOMAIN}${state}\n${time}`), presented),
  );
  return ok ? Number(time) : undefined;
}

/** Which cookie: the binding (`b`) or the receipt kept for Continue (`r`). */
export type ProofCookie = 'b' | 'r';

/**
 * The cookie's name for one attempt: several attempts coexist, and the name repeats a hash of
 * the state, never the state. `__Host-` on https: Secure, Path=/, no Domain, so no sibling
 * subdomain can plant or overwrite it.
 */
export function proofCookieName(kind: ProofCookie, state: string, secure: boolean): string {
  const digest = createHash('sha256').update(`dlkyc:${state}`).digest('base64url').slice(0, 16);
  return `${secure ? '__Host-' : ''}dlkyc_${kind}_${digest}`;
}

/**
 * The Set-Cookie line: HttpOnly, SameSite=Lax (DigiLocker's return is a cross-site top-level
 * GET, which sends Lax cookies), Secure with `__Host-` on https, else scoped to the mount.
 */
export function proofCookie(
  kind: ProofCookie,
  state: string,
  value: string,
  options: { secure: boolean; mount: string; maxAgeSeconds: number },
): string {
  const { secure, mount } = options;
  const maxAge = Math.max(0, Math.floor(options.maxAgeSeconds));
  const path = secure ? '/' : mount || '/';
  return `${proofCookieName(kind, state, secure)}=${value}; Max-Age=${maxAge}; Path=${path}; HttpOnly${secure ? '; Secure' : ''}; SameSite=Lax`;
}

/**
 * The value of the proof cookie for `state`, from a Cookie header: on https only the `__Host-`
 * name counts (a sibling subdomain can set the plain name, not that one).
 */
export function readProofCookie(
  kind: ProofCookie,
  state: string,
  cookieHeader: string | undefined,
  secure: boolean,
): string | undefined {
  if (!cookieHeader) return undefined;
  const name = proofCookieName(kind, state, secure);
  for (const pair of cookieHeader.split(';')) {
    const at = pair.indexOf('=');
    if (at > 0 && pair.slice(0, at).trim() === name) return pair.slice(at + 1).trim();
  }
  return undefined;
}
