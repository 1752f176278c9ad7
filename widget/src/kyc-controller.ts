// Runs one DigiLocker attempt at a time for an element: create, open, wait, verify, report.
//
// A Lit ReactiveController: the element adds it, and it follows the element's life (start-up
// once the endpoint is set, the bfcache listener while connected, the attempt ended when the
// element leaves the document). Orchestration only: how the journey opens (open-journey.ts), the
// popup (popup.ts), the return channel (return-channel.ts), redirect resume (redirect-resume.ts)
// and status polling (status-polling.ts) each live in their own module; this file decides what
// happens next, and holds where the journey is as one value (kyc-state.ts).
import type { CancelReason, KycEventDetails, OpenedMode } from '@digilocker-kyc/shared/protocol';
import type { ReactiveController, ReactiveControllerHost } from '@lit/reactive-element';
import { type Attempt, type AttemptSession, createAttempt } from './attempt.js';
import { needsHop, postHop } from './binding-hop.js';
import type { EndEvent, KycConfig, KycContext, KycResult } from './config.js';
import { asWidgetError, WidgetError } from './errors.js';
import type { Ended, KycState, Running, SettledOutcome } from './kyc-state.js';
import { openJourneyWindow } from './open-journey.js';
import { rememberedLocale } from './page-locale.js';
import { openPopup, POPUP_NAME, showPlaceholder, watchPopup } from './popup.js';
import { park, relayPopupReturn, takeResumable } from './redirect-resume.js';
import { listenForReturn } from './return-channel.js';
import {
  createSession,
  endpointBase,
  getSessionStatus,
  isSafeJourneyUrl,
} from './session-client.js';
import { createStatusPolling, type Verdict } from './status-polling.js';

/** The element as its controller's host: Lit's controller host, and whether it is in a document. */
export type KycHost = ReactiveControllerHost & { readonly isConnected: boolean };

export class KycController implements ReactiveController {
  #state: KycState = { status: 'idle' };
  readonly #host: KycHost;
  readonly #context: KycContext;
  /** Start-up has run (once, at the first update with an endpoint). */
  #startedUp?: boolean;

  constructor(host: KycHost, context: KycContext) {
    this.#host = host;
    this.#context = context;
    host.addController(this);
  }

  get state(): KycState {
    return this.#state;
  }

  /** An attempt runs: `creating`, `awaiting` or `verifying`. */
  get busy(): boolean {
    return 'attempt' in this.#state;
  }

  /** The last attempt's end event (the element's `result`); unset while one runs and after reset. */
  get result(): KycResult | undefined {
    const state = this.#state;
    return 'result' in state ? state.result : undefined;
  }

  /** How the running attempt reaches DigiLocker, or null when none runs. */
  get mode(): OpenedMode | null {
    const state = this.#state;
    return 'attempt' in state ? state.attempt.mode : null;
  }

  hostConnected(): void {
    this.#context.win.addEventListener('pageshow', this.#onPageShow);
  }

  hostDisconnected(): void {
    this.#context.win.removeEventListener('pageshow', this.#onPageShow);
    // A move in the DOM (or React StrictMode) reconnects at once: only a real removal ends it.
    queueMicrotask(() => {
      if (!this.#host.isConnected) this.#dispose();
    });
  }

  hostUpdated(): void {
    if (this.#startedUp || !this.#context.config().endpoint) return;
    this.#startedUp = true;
    this.#pageShown(true);
  }

  /** Starts an attempt. Synchronous up to `window.open`, so the popup keeps the user gesture. */
  start(): void {
    const state = this.#state;
    if ('attempt' in state) {
      state.attempt.popup?.focus();
      return;
    }
    const context = this.#context;
    const config = context.config();
    if (!config.endpoint) {
      const error = new WidgetError('config_error', 'No endpoint attribute', false);
      this.#fail(this.#begin('popup', config), error);
      return;
    }
    const start = context.emit('digilocker-kyc-start', { mode: config.mode }, { cancelable: true });
    if (start.defaultPrevented || this.busy) return;

    const { handle, reason, error } = openJourneyWindow(context.win, config.mode);
    const attempt = this.#begin(handle || error ? 'popup' : 'redirect', config);
    if (error) {
      this.#fail(attempt, error);
      return;
    }
    if (handle) {
      attempt.popup = watchPopup(handle, config.waits, (severed) => {
        void this.#onClosed(attempt, severed);
      });
    }
    this.#set({ status: 'creating', attempt });
    if (reason) context.emit('digilocker-kyc-fallback', { reason });
    void this.#create(attempt, config);
    // Only now, with the request on its way: writing into the new window takes about 1 ms.
    if (handle) showPlaceholder(handle, config.popupText);
  }

  /** The customer gave up: aborts the attempt and reports `cancel {reason: 'cancelled'}`. */
  cancel(): void {
    const state = this.#state;
    if ('attempt' in state) this.#cancel(state.attempt, 'cancelled');
  }

  /** Forgets the attempt and its result without an event and returns to idle. */
  reset(): void {
    this.#dispose();
    this.#set({ status: 'idle' });
  }

  /** After `complete`: the page's word on it (the element's `settle()`). Ignored otherwise. */
  settle(outcome: SettledOutcome): void {
    const state = this.#state;
    if (state.status === 'complete') this.#set({ ...state, outcome });
  }

  /** Focuses the DigiLocker window, or opens it again at the same URL when it is gone. */
  reopen(): void {
    const state = this.#state;
    if (!('attempt' in state)) return;
    const { attempt } = state;
    const popup = attempt.popup;
    const url = attempt.session?.url;
    if (!popup || !url) return;
    if (popup.live) {
      popup.focus();
      return;
    }
    const handle = openPopup(this.#context.win);
    if (!handle) return;
    showPlaceholder(handle, this.#context.config().popupText);
    popup.navigate(url, handle, this.#hop(attempt, POPUP_NAME));
    if (state.status === 'awaiting' && state.prompt === 'closed') {
      this.#set({ status: 'awaiting', attempt });
    }
  }

  /**
   * Continue: opens `{base}/confirm/<state>` on the server's origin, synchronously inside the
   * click. The server renders it only when this browser holds the cookie its return page set for
   * this state; its script then posts the return message to this window (exact origin), which is
   * the proof the return leg reached this browser. Without the cookie the page says so and posts
   * nothing, and the attempt keeps waiting (then times out).
   */
  confirm(): void {
    const state = this.#state;
    if (state.status !== 'awaiting' || state.prompt !== 'continue') return;
    const { attempt } = state;
    // A consent was reported, so the session exists.
    const { state: sessionState } = attempt.session!;
    const handle = openPopup(
      this.#context.win,
      `${attempt.base}/confirm/${sessionState}`,
      'dlkyc-confirm',
    );
    if (!handle) return;
    attempt.onRelease(() => handle.close());
    this.#listen(attempt, sessionState, attempt.base, () => handle);
  }

  /** Ends the running attempt without an event (the element left the document). */
  #dispose(): void {
    const state = this.#state;
    if (!('attempt' in state)) return;
    state.attempt.release();
    this.#set({ status: 'idle' });
  }

  /** The page loaded (`first`, at start-up) or came back from the back/forward cache. */
  #pageShown(first: boolean): void {
    const { win } = this.#context;
    // The language a redirect journey left for its return page is spent once the page is back.
    rememberedLocale(win);
    // First step at start-up: a page that is DigiLocker's return (the merchant's `redirect-url`)
    // inside the widget's own popup hands the return to its opener and closes. It has nothing
    // to resume: the attempt runs in the opener.
    if (first && relayPopupReturn(win)) return;
    this.#resume();
  }

  #onPageShow = (event: PageTransitionEvent): void => {
    if (event.persisted && this.#context.config().endpoint) this.#pageShown(false);
  };

  /**
   * Finishes the redirect-mode attempt this page parked (never a new one), confirming with the
   * server before any event.
   */
  #resume(): void {
    const { win } = this.#context;
    const config = this.#context.config();
    if (!config.endpoint || this.mode === 'popup') return;
    const resumed = takeResumable(win, endpointBase(config.endpoint, win.document.baseURI));
    if (!resumed) return;
    const attempt = this.#begin('redirect', config);
    this.#hold(attempt, resumed);
    if (resumed.receipt) {
      this.#onReturn(attempt, resumed.receipt, resumed.verification_id);
      attempt.later(config.waits.resumeTimeoutMs, () => void this.#lastCheck(attempt));
      return;
    }
    // Here without DigiLocker's return (a reload, the back button): never a complete. A consent
    // the server knows of was given elsewhere, or its return never reached this tab.
    this.#set({ status: 'verifying', attempt });
    void this.#lastCheck(attempt, () => this.#cancel(attempt, 'closed'));
  }

  /** A new attempt; the running one, if any, ends first (without an event). */
  #begin(mode: OpenedMode, config: KycConfig): Attempt {
    const { win } = this.#context;
    const state = this.#state;
    if ('attempt' in state) state.attempt.release();
    const base = endpointBase(config.endpoint, win.document.baseURI);
    return createAttempt(win, mode, base, config.waits);
  }

  /** The attempt has its session: keep it, and set up its status checks. */
  #hold(attempt: Attempt, session: AttemptSession): void {
    attempt.session = session;
    attempt.polling = createStatusPolling({
      ask: () =>
        getSessionStatus(
          attempt.base,
          session.reference_id,
          session.session_token,
          attempt.waits.requestTimeoutMs,
          attempt.signal,
          this.#receiptOf(attempt),
        ),
      waits: attempt.waits,
      signal: attempt.signal,
      onVerdict: (verdict) => this.#decide(attempt, verdict),
    });
  }

  async #create(attempt: Attempt, config: KycConfig): Promise<void> {
    const { win } = this.#context;
    // JSON leaves out an unset (undefined) member: the server then uses its defaults.
    const session = await createSession(
      attempt.base,
      { documents: config.documents, redirect_url: config.redirectUrl },
      config.waits.requestTimeoutMs,
      attempt.signal,
    ).catch((error: unknown) => {
      // Aborted because the attempt ended (cancel, reset, removal): nothing more to say.
      if (!attempt.signal.aborted) this.#fail(attempt, error);
    });
    if (!session || attempt.signal.aborted) return;
    this.#hold(attempt, session);
    if (!isSafeJourneyUrl(session.url)) {
      const error = new WidgetError('invalid_response', 'DigiLocker URL not https', true);
      return this.#fail(attempt, error);
    }
    const popup = attempt.popup;
    // Before our navigation the window is same-origin, so `closed` tells the truth.
    if (popup?.closedBeforeNavigation) return this.#cancel(attempt, 'closed');
    if (popup) {
      // DigiLocker first. The rest only waits for the customer, and no message can reach the
      // listener before this task ends.
      popup.navigate(session.url, undefined, this.#hop(attempt, POPUP_NAME));
      // The return page's origin: the server's, or the merchant's own `redirect-url`.
      this.#listen(attempt, session.state, config.redirectUrl || attempt.base, () => popup.live);
    } else {
      park(win, { ...session, return_to: win.location.href, endpoint: attempt.base });
    }
    this.#set({ status: 'awaiting', attempt });
    this.#context.emit('digilocker-kyc-open', {
      reference_id: session.reference_id,
      mode: attempt.mode,
    });
    // A listener of `open` may have ended the attempt.
    if (attempt.signal.aborted) return;
    if (!popup) {
      const hop = this.#hop(attempt, '_self');
      if (hop) hop();
      else config.navigate(session.url);
      return;
    }
    attempt.polling?.every(config.waits.pollInitialMs);
    attempt.later(config.waits.journeyTimeoutMs, () => void this.#lastCheck(attempt));
  }

  /** The binding hop into window `target`, when the signing server is on another origin. */
  #hop(attempt: Attempt, target: string): (() => void) | undefined {
    const { session, base } = attempt;
    const { win } = this.#context;
    if (!session?.url || !needsHop(base, win)) return;
    return () => postHop(win.document, base, session, target);
  }

  /** Listens for the return message of `state`, posted by `source` from the origin of `url`. */
  #listen(attempt: Attempt, state: string, url: string, source: () => Window | null): void {
    const { win } = this.#context;
    attempt.onRelease(
      listenForReturn({
        win,
        state,
        origin: new URL(url, win.document.baseURI).origin,
        source,
        onReturn: (message) => this.#onReturn(attempt, message.receipt, message.verification_id),
      }),
    );
  }

  /** `state` when it is `attempt`'s (a running attempt's), else undefined. */
  #runningState(attempt: Attempt): Running | undefined {
    const state = this.#state;
    return 'attempt' in state && state.attempt === attempt ? state : undefined;
  }

  /** The receipt of `attempt`'s return, once this browser has seen it. */
  #receiptOf(attempt: Attempt): string | undefined {
    const state = this.#runningState(attempt);
    return state?.status === 'verifying' ? state.receipt : undefined;
  }

  /**
   * The return leg reached this browser for this attempt's state, with the server's receipt:
   * now ask the server at once, presenting the receipt.
   */
  #onReturn(attempt: Attempt, receipt: string, verificationId: string | undefined): void {
    if (attempt.signal.aborted || this.#receiptOf(attempt)) return;
    this.#set({ status: 'verifying', attempt, receipt, verificationId });
    attempt.polling?.every(0);
  }

  /** One status check now, decided on; the verdict, or undefined for a blip. */
  async #check(attempt: Attempt): Promise<Verdict | undefined> {
    const verdict = await attempt.polling?.check();
    if (verdict) this.#decide(attempt, verdict);
    return verdict;
  }

  /**
   * What a verdict means for the attempt: the end (denied, expired, an error, or a consent
   * proven to belong to this browser), or a wait. Returns whether polling should go on.
   */
  #decide(attempt: Attempt, verdict: Verdict): boolean {
    const state = this.#runningState(attempt);
    if (!state) return false;
    switch (verdict.status) {
      case 'pending':
        return true;
      case 'denied':
        this.#cancel(attempt, 'denied');
        return false;
      case 'expired':
        this.#fail(attempt, new WidgetError('session_expired', 'Link expired', true));
        return false;
      case 'error':
        this.#fail(attempt, verdict.error);
        return false;
    }
    const receipt = this.#receiptOf(attempt);
    const token = verdict.completion_token;
    if (!receipt || !token) {
      // Consent, but not (yet) proven to belong to this browser: offer Continue. Only the
      // server's completion token (minted for the receipt of a bound return) completes.
      if (state.status === 'awaiting' && state.prompt !== 'continue') {
        this.#set({ status: 'awaiting', attempt, prompt: 'continue' });
      }
      // After a seen return, keep asking (a reply to a request sent before it carries no
      // token). Before one, the proof must come first: a return, or Continue.
      return Boolean(receipt);
    }
    const verification_id = state.status === 'verifying' ? state.verificationId : undefined;
    this.#end(
      attempt,
      'digilocker-kyc-complete',
      {
        ...(verification_id ? { verification_id } : {}),
        documents: verdict.documents,
        session_token: token,
      },
      (result) => ({ status: 'complete', result }),
    );
    return false;
  }

  /**
   * `closed` read true: maybe closed. Ask the customer at once to reopen or cancel; after the
   * severed window, also check, wait, check, cancel. Within it (`severed`) COOP may have cut
   * the handle off a DigiLocker window still open, so nothing is cancelled on the flip: the
   * result may still arrive, and Cancel, status polling or the journey timeout end the wait.
   */
  async #onClosed(attempt: Attempt, severed: boolean): Promise<void> {
    // Still waiting on the customer alone, the window not reopened. A return, or a consent
    // waiting for Continue, is no cancel: the return may yet be proven.
    const waiting = () => {
      const state = this.#runningState(attempt);
      return state?.status === 'awaiting' && state.prompt !== 'continue' && !attempt.popup?.live;
    };
    if (!waiting()) return;
    // Say so at once; the result may still arrive late (a channel, or the checks below).
    this.#set({ status: 'awaiting', attempt, prompt: 'closed' });
    if (severed) return;
    await this.#check(attempt);
    if (!waiting()) return;
    attempt.later(attempt.waits.closedGraceMs, async () => {
      if (!waiting()) return;
      await this.#check(attempt);
      if (waiting()) this.#cancel(attempt, 'closed');
    });
  }

  /**
   * One last check, then the end: a consent whose return this browser never saw is no
   * `complete` (`consent_unconfirmed`); anything else still open ends in `orElse` (by default
   * the journey timed out).
   */
  async #lastCheck(
    attempt: Attempt,
    orElse = () =>
      this.#fail(attempt, new WidgetError('journey_timeout', 'DigiLocker timed out', true)),
  ): Promise<void> {
    const verdict = await this.#check(attempt);
    const state = this.#runningState(attempt);
    if (!state) return;
    const consented =
      verdict?.status === 'consented' ||
      (state.status === 'awaiting' && state.prompt === 'continue');
    if (!consented) return orElse();
    const message = 'DigiLocker did not return to this browser';
    this.#fail(attempt, new WidgetError('consent_unconfirmed', message, true));
  }

  #cancel(attempt: Attempt, reason: CancelReason): void {
    this.#end(attempt, 'digilocker-kyc-cancel', { reason }, (result) => ({
      status: 'cancelled',
      result,
      reason,
    }));
  }

  #fail(attempt: Attempt, error: unknown): void {
    const failure = asWidgetError(error);
    const { code, message, retryable } = failure;
    this.#end(attempt, 'digilocker-kyc-error', { code, message, retryable }, (result) => ({
      status: 'error',
      result,
      error: failure,
    }));
  }

  /**
   * Ends the attempt: releases it, moves to the state `ended` builds around the result, and
   * fires `name` with its reference id once the document has loaded. A redirect-mode attempt
   * resumed on page load can end before the page's own scripts have run (a module waiting on its
   * imports attaches its listeners just before DOMContentLoaded); `load` comes after all of them.
   * After `complete`, the page has `settleTimeoutMs` to `settle()` before the element shows a
   * neutral line.
   */
  #end<K extends EndEvent>(
    attempt: Attempt,
    name: K,
    detail: Omit<KycEventDetails[K], 'reference_id'>,
    ended: (result: KycResult) => Ended,
  ): void {
    const { win } = this.#context;
    const reference_id = attempt.session?.reference_id;
    const full = (reference_id ? { reference_id, ...detail } : detail) as KycEventDetails[K];
    const result = { type: name, detail: full } as KycResult;
    attempt.release();
    this.#set(ended(result));
    // Only while this is still the element's result: reset() or a new attempt drop it.
    const fire = () => {
      if (this.result !== result) return;
      this.#context.emit(name, full);
      if (name !== 'digilocker-kyc-complete') return;
      setTimeout(() => {
        const state = this.#state;
        if (state.status === 'complete' && state.result === result && !state.outcome) {
          this.#set({ ...state, outcome: {} });
        }
      }, attempt.waits.settleTimeoutMs);
    };
    if (win.document.readyState === 'complete') fire();
    else win.addEventListener('load', fire, { once: true });
  }

  #set(state: KycState): void {
    this.#state = state;
    this.#host.requestUpdate();
  }
}
