// The widget's two calls to the signing server: create an attempt, read its status.
import {
  type CreateSessionResponse as CreatedSession,
  CSRF_HEADER,
  CSRF_HEADER_VALUE,
  type DocumentType,
  readErrorBody as errorReply,
  isCreateSessionResponse as isCreatedSession,
  isSessionStatusResponse as isSessionStatusReply,
  RECEIPT_HEADER,
  type SessionStatusResponse as SessionStatusReply,
} from '@digilocker-kyc/shared/protocol';
import { WidgetError } from './errors.js';

interface CreateSessionBody {
  documents?: DocumentType[];
  redirect_url?: string;
}

/** `endpoint` resolved against the page, without a trailing slash: the base of every call. */
export function endpointBase(endpoint: string, baseUrl: string): string {
  return new URL(endpoint, baseUrl).href.replace(/\/+$/, '');
}

/** Creates an attempt; `signal` (the attempt's) aborts the request when the attempt ends first. */
export function createSession(
  base: string,
  body: CreateSessionBody,
  timeoutMs: number,
  signal: AbortSignal,
): Promise<CreatedSession> {
  return call(
    `${base}/sessions`,
    timeoutMs,
    signal,
    isCreatedSession,
    {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', [CSRF_HEADER]: CSRF_HEADER_VALUE },
      body: JSON.stringify(body),
      // The reply's binding cookie ties the attempt to this browser (a server on another site
      // gets it through the `/go` hop instead).
      credentials: 'include',
    },
    `${base}/widget.js`,
  );
}

/**
 * `referenceId` matches REFERENCE_ID_PATTERN (checked by the guards): no escaping needed. With
 * the return's `receipt`, a consented reply carries the completion token. `signal` (the
 * attempt's) aborts the request when the attempt ends first.
 */
export function getSessionStatus(
  base: string,
  referenceId: string,
  sessionToken: string,
  timeoutMs: number,
  signal: AbortSignal,
  receipt?: string,
): Promise<SessionStatusReply> {
  const headers: Record<string, string> = { Authorization: `Bearer ${sessionToken}` };
  if (receipt) headers[RECEIPT_HEADER] = receipt;
  return call(`${base}/sessions/${referenceId}`, timeoutMs, signal, isSessionStatusReply, {
    headers,
    cache: 'no-store',
  });
}

/**
 * One request and its checked JSON reply. It is aborted after `timeoutMs` (reading the body
 * included) or when `signal` aborts, whichever comes first: one controller for both, since
 * `AbortSignal.any` is missing from browsers the widget still serves (Safari before 17.4).
 */
async function call<T>(
  url: string,
  timeoutMs: number,
  signal: AbortSignal,
  isValid: (value: unknown) => value is T,
  init: RequestInit,
  probe?: string,
): Promise<T> {
  const aborter = new AbortController();
  const abort = () => aborter.abort();
  const timer = setTimeout(abort, timeoutMs);
  signal.addEventListener('abort', abort);
  if (signal.aborted) abort();
  try {
    return await callWith(aborter.signal, url, isValid, init, probe);
  } finally {
    clearTimeout(timer);
    signal.removeEventListener('abort', abort);
  }
}

async function callWith<T>(
  signal: AbortSignal,
  url: string,
  isValid: (value: unknown) => value is T,
  init: RequestInit,
  probe?: string,
): Promise<T> {
  let response: Response;
  // Read `fetch` at call time, so a polyfill or a test stub installed later is used.
  const send = (target: string, options: RequestInit) =>
    globalThis.fetch(target, { ...options, signal });
  try {
    response = await send(url, init);
  } catch (error) {
    // The browser refused the request (a TypeError, not our timeout) on another origin: a CORS
    // refusal looks just like an unreachable server. A no-cors HEAD of `probe` tells them apart:
    // if it gets through, the server is there and refused this origin. The probe is the
    // server's widget.js, the one reply it lets any origin read (its API replies carry
    // Cross-Origin-Resource-Policy: same-origin, so a no-cors read of them always fails). Never
    // from a cache: the page loaded that very file, and a cached copy would answer for a server
    // that is down, which is an outage (retryable), not a refusal.
    const { origin } = location;
    if (
      probe &&
      error instanceof TypeError &&
      !url.startsWith(`${origin}/`) &&
      (await send(probe, { method: 'HEAD', mode: 'no-cors', cache: 'no-store' }).then(
        Boolean,
        () => false,
      ))
    ) {
      const message = `The signing server refused ${origin}: add it to ALLOWED_ORIGINS`;
      console.error(`<digilocker-kyc> ${message}`);
      throw new WidgetError('config_error', message, false);
    }
    throw new WidgetError('network_error', 'Signing server unreachable', true);
  }
  // Not JSON, not our error body, or not the contract's shape: all the same to the customer.
  const invalid = new WidgetError(
    'invalid_response',
    `Unexpected HTTP ${response.status} reply`,
    true,
  );
  let body: unknown;
  try {
    // Read off the stream, not with response.json(): Chromium settles json() in a task of its
    // own (Blink's body.cc posts it), and on a click that task queues behind the new popup's
    // first frames, on the main thread both windows share. Reads settle in the data's own task.
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let text = '';
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      text += decoder.decode(chunk.value, { stream: true });
    }
    body = JSON.parse(text + decoder.decode());
  } catch {
    throw invalid;
  }
  if (!response.ok) {
    const reply = errorReply(body);
    throw reply ? new WidgetError(reply.code, reply.message, reply.retryable) : invalid;
  }
  if (!isValid(body)) throw invalid;
  return body;
}

/**
 * Only these journey URLs may be opened: `https:` anywhere, or `http:` on a loopback host (the
 * sandbox on a laptop). Everything else, `javascript:` and `data:` included, is refused. The
 * server checks its own host allowlist before it replies; this is the widget's own line.
 */
export function isSafeJourneyUrl(raw: string): boolean {
  try {
    const { protocol, hostname } = new URL(raw);
    // `https:` and any host, or `http:` and exactly a loopback host.
    return /^https:|^http:(localhost|\[::1\]|127(\.\d{1,3}){3})$/.test(protocol + hostname);
  } catch {
    return false;
  }
}
