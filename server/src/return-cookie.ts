// The same-browser proof of a return: a short-lived cookie the return page sets for one state.
//
// DigiLocker's return for an attempt lands in the browser that consented. When that is the
// browser that started the attempt but no message can reach the widget (a popup severed by COOP
// with the signing server on another origin), the widget's Continue opens `{base}/confirm/<state>`
// in the same browser; this cookie, set by the return page, is what tells the server that this
// browser really saw the return. A consent given in another browser leaves the cookie there.
import { createHash } from 'node:crypto';

/** Long enough to find and press Continue; short enough to be gone soon after. */
export const RETURN_COOKIE_MAX_AGE_MS = 10 * 60_000;

/**
 * Name and value come from a hash of the state, so several attempts coexist and the state itself
 * (a per-attempt secret until the return) is not repeated in every request to the mount.
 */
function cookieFor(state: string): { name: string; value: string } {
  const digest = createHash('sha256').update(`dlkyc-return:${state}`).digest('base64url');
  return { name: `dlkyc_ret_${digest.slice(0, 16)}`, value: digest };
}

/**
 * The Set-Cookie line for `state`: HttpOnly, SameSite=Lax, scoped to the mount (`path`), Secure
 * on https. Name and value are base64url, so nothing needs encoding.
 */
export function returnCookie(state: string, secure: boolean, path: string, now: number): string {
  const { name, value } = cookieFor(state);
  const expires = new Date(now + RETURN_COOKIE_MAX_AGE_MS).toUTCString();
  return `${name}=${value}; Max-Age=${RETURN_COOKIE_MAX_AGE_MS / 1000}; Path=${path || '/'}; Expires=${expires}; HttpOnly${secure ? '; Secure' : ''}; SameSite=Lax`;
}

/** True when the request's Cookie header carries the cookie the return page set for `state`. */
export function hasReturnCookie(cookieHeader: string | undefined, state: string): boolean {
  const { name, value } = cookieFor(state);
  return (cookieHeader ?? '').split(';').some((pair) => pair.trim() === `${name}=${value}`);
}
