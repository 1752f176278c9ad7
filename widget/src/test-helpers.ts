// Small fakes for the widget's browser tests: fetch, window.open, a popup window, and replies.
import { fixture, html } from '@open-wc/testing';
import type { DigilockerKyc } from './digilocker-kyc.js';
import type { KycHost } from './kyc-controller.js';

export const STATE = 'StAtE_0123456789abcdefXYZ';
export const REFERENCE_ID = '7483920';
export const TOKEN = 'tok.en.signed';
/** What the status route answers with a consented reply to a request carrying the receipt. */
export const COMPLETION_TOKEN = 'completion.tok.en';
/** A return receipt as the server mints it: seconds, a dot, 43 base64url characters. */
export const RECEIPT = `1767225600.${'R'.repeat(43)}`;
export const JOURNEY_URL = 'https://digilocker.example/consent?ref=7483920';

export const created = (overrides: Record<string, unknown> = {}) => ({
  reference_id: REFERENCE_ID,
  url: JOURNEY_URL,
  documents: ['AADHAAR'],
  state: STATE,
  session_token: TOKEN,
  expires_at: new Date(Date.now() + 600_000).toISOString(),
  ...overrides,
});

/**
 * A status reply. Consented carries the completion token, as the server's reply does to a
 * request that presents the receipt (`proven: false`: a request without one).
 */
export const status = (
  value: 'pending' | 'consented' | 'denied' | 'expired',
  { proven = true }: { proven?: boolean } = {},
) => ({
  reference_id: REFERENCE_ID,
  status: value,
  documents: ['AADHAAR'],
  ...(value === 'consented' && proven ? { completion_token: COMPLETION_TOKEN } : {}),
});

export const errorBody = (code: string, retryable: boolean) => ({
  error: { code, message: `Server says ${code}`, retryable, request_id: 'req-1' },
});

export const json = (httpStatus: number, body: unknown) =>
  new Response(JSON.stringify(body), {
    status: httpStatus,
    headers: { 'Content-Type': 'application/json' },
  });

export interface FetchCall {
  url: string;
  /** The request's signal: aborted when the widget gave up on it. */
  signal: AbortSignal | undefined;
  method: string;
  mode: RequestMode | undefined;
  credentials: RequestCredentials | undefined;
  cache: RequestCache | undefined;
  headers: Headers;
  body: string | null;
}

type Reply = Response | Promise<Response> | 'network-error';

/**
 * Replaces `fetch`. `create` answers POST /sessions; `status` answers each GET of the status
 * (a function gets the call's index); `probe` answers the `no-cors` request that tells a CORS
 * refusal from an unreachable server (a network error unless given). Unanswered calls hang, as a
 * slow server would, until their signal aborts.
 */
export function stubFetch(replies: {
  create?: () => Reply;
  status?: (n: number) => Reply;
  probe?: () => Reply;
}) {
  const original = globalThis.fetch;
  const calls: FetchCall[] = [];
  let statusCalls = 0;
  globalThis.fetch = async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = String(input);
    calls.push({
      url,
      signal: init.signal ?? undefined,
      method: init.method ?? 'GET',
      mode: init.mode,
      credentials: init.credentials,
      cache: init.cache,
      headers: new Headers(init.headers),
      body: typeof init.body === 'string' ? init.body : null,
    });
    const reply =
      init.mode === 'no-cors'
        ? (replies.probe?.() ?? 'network-error')
        : init.method === 'POST'
          ? replies.create?.()
          : replies.status?.(statusCalls++);
    // Like a real fetch, an aborted signal rejects the request, even one never answered.
    const signal = init.signal;
    const aborted = new Promise<never>((_, reject) => {
      const abort = () => reject(new DOMException('The operation was aborted.', 'AbortError'));
      if (signal?.aborted) abort();
      signal?.addEventListener('abort', abort);
    });
    if (reply === 'network-error') throw new TypeError('Failed to fetch');
    return Promise.race([reply ?? new Promise<Response>(() => {}), aborted]);
  };
  return {
    calls,
    posts: () => calls.filter((call) => call.method === 'POST'),
    gets: () => calls.filter((call) => call.method === 'GET'),
    restore: () => {
      globalThis.fetch = original;
    },
  };
}

/** A stand-in for the window `window.open` returns, recording what the widget does to it. */
export class FakePopup {
  closed = false;
  focusCount = 0;
  readonly navigations: string[] = [];
  readonly document = document.implementation.createHTMLDocument('');
  readonly location = {
    href: 'about:blank',
    replace: (url: string) => {
      this.location.href = url;
      this.navigations.push(url);
    },
  };
  focus(): void {
    this.focusCount++;
  }
  close(): void {
    this.closed = true;
  }
}

/** A controller host outside an element: connected, and updates are no-ops. */
export const controllerHost = (): KycHost => ({
  isConnected: true,
  addController() {},
  removeController() {},
  requestUpdate() {},
  updateComplete: Promise.resolve(true),
});

/** Replaces `window.open`; each call gets the next of `results` (the last one repeats). */
export function stubOpen(...results: (FakePopup | Window | null)[]) {
  const original = window.open;
  const calls: unknown[][] = [];
  window.open = ((...args: unknown[]) => {
    calls.push(args);
    return (results[Math.min(calls.length - 1, results.length - 1)] ?? null) as Window | null;
  }) as typeof window.open;
  return {
    calls,
    restore: () => {
      window.open = original;
    },
  };
}

/** Short timings so a whole journey fits in a test. */
export const FAST = {
  pollInitialMs: 40,
  pollMaxMs: 80,
  pollFactor: 2,
  journeyTimeoutMs: 5000,
  closedGraceMs: 60,
  closedCheckMs: 10,
  severedWindowMs: 0,
  settleTimeoutMs: 1000,
  resumeTimeoutMs: 1000,
  requestTimeoutMs: 2000,
  offlineTimeoutMs: 300,
};

/** A `<digilocker-kyc endpoint="/kyc">` on FAST timings, with a test's own overrides. */
export const mountWidget = (timings: Partial<typeof FAST> = {}) =>
  fixture<DigilockerKyc>(
    html`<digilocker-kyc endpoint="/kyc" .timings=${{ ...FAST, ...timings }}></digilocker-kyc>`,
  );

export const returnMessage = (state = STATE, extra: Record<string, unknown> = {}) => ({
  v: 1,
  type: 'dlkyc:result',
  state,
  receipt: RECEIPT,
  verification_id: 'ver-1',
  ...extra,
});

/** Resolves when the element reaches `status` (or rejects after `ms`). */
export async function untilStatus(el: DigilockerKyc, wanted: string, ms = 3000): Promise<void> {
  const start = Date.now();
  while (el.status !== wanted) {
    if (Date.now() - start > ms) throw new Error(`Status stayed ${el.status}, expected ${wanted}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Every dlkyc* key left in either storage. */
export function dlkycKeys(): string[] {
  const keys: string[] = [];
  for (const storage of [localStorage, sessionStorage]) {
    for (let i = 0; i < storage.length; i++) {
      const key = storage.key(i);
      if (key?.startsWith('dlkyc')) keys.push(key);
    }
  }
  return keys;
}

/** Counts listeners the code under test adds to and removes from `window`, by type. */
export function trackWindowListeners() {
  const added = window.addEventListener;
  const removed = window.removeEventListener;
  const live = new Map<string, Set<unknown>>();
  window.addEventListener = function (this: Window, type: string, fn: unknown, opts?: unknown) {
    if (!live.has(type)) live.set(type, new Set());
    live.get(type)?.add(fn);
    return added.call(this, type, fn as EventListener, opts as AddEventListenerOptions);
  } as typeof window.addEventListener;
  window.removeEventListener = function (this: Window, type: string, fn: unknown, opts?: unknown) {
    live.get(type)?.delete(fn);
    return removed.call(this, type, fn as EventListener, opts as EventListenerOptions);
  } as typeof window.removeEventListener;
  return {
    count: (type: string) => live.get(type)?.size ?? 0,
    restore: () => {
      window.addEventListener = added;
      window.removeEventListener = removed;
    },
  };
}
