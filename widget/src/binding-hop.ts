// The binding hop: how a signing server on another site binds an attempt to this browser.
//
// The server proves a return by a cookie on the browser that started the attempt. The create
// reply sets it, but only where that is a first-party cookie (the server on the page's site).
// Elsewhere browsers block or partition it, so the journey window first takes a top-level form
// post to `{base}/go`, which sets the cookie first-party and sends the window on to DigiLocker.
import type { AttemptSession } from './attempt.js';

/** True when the signing server is on another origin than the page: then the hop is taken. */
export const needsHop = (base: string, win: Window): boolean =>
  new URL(base).origin !== win.location.origin;

/**
 * Posts the session token and the DigiLocker URL to `{base}/go` in the window named `target`
 * (the popup, or `_self`), through a form that exists only for the submit. The page's CSP
 * `form-action` must allow the server's origin.
 */
export function postHop(
  doc: Document,
  base: string,
  session: Pick<AttemptSession, 'session_token' | 'url'>,
  target: string,
): void {
  const form = doc.createElement('form');
  form.method = 'post';
  form.action = `${base}/go`;
  form.target = target;
  // Only these two fields of the session: nothing else leaves for the server.
  for (const name of ['session_token', 'url'] as const) {
    const input = doc.createElement('input');
    input.type = 'hidden';
    input.name = name;
    input.value = session[name]!;
    form.append(input);
  }
  doc.body.append(form);
  form.submit();
  form.remove();
}
