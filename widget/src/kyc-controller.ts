// Runs one DigiLocker attempt at a time for an element: create, open, wait, verify, report.
//
// Orchestration only: how the journey opens (open-journey.ts), the popup (popup.ts), the return
// channel (return-channel.ts), redirect resume (redirect-resume.ts) and status polling
// (status-polling.ts) each live in their own module; this file decides what happens next.
import type {
  CancelReason,
  KycEventDetails,
  OpenedMode,
  WidgetStatus,
} from '@digilocker-kyc/shared/protocol';
import { type Attempt, createAttempt } from './attempt.js';
import { needsHop, postHop } from './binding-hop.js';
import type { EndEvent, KycConfig, KycHost, KycResult } from './config.js';
import { asWidgetError, WidgetError } from './errors.js';
import { openJourneyWindow } from './open-journey.js';
import { openPopup, POPUP_NAME, showPlaceholder, watchPopup } from './popup.js';
import { park, relayPopupReturn, takeResumable } from './redirect-resume.js';
import { listenForReturn } from './return-channel.js';
import { createSession, endpointBase, isSafeJourneyUrl } from './session-client.js';
import { checkStatus, pollStatus } from './status-polling.js';

export class KycController {
  status: WidgetStatus = 'idle';
  error?: WidgetError;
  /** Why the last attempt was cancelled (the UI words a denial differently). */
  cancelReason?: CancelReason;
  /** The last attempt's end event (the element's `result`); unset while one runs and after reset. */
  result?: KycResult;
  /**
   * After `complete`, what the page said through the element's `settle()`; `{}` once
   * `settleTimeoutMs` passed without a word; unset while the page checks.
   */
  outcome?: { ok?: boolean; message?: string; retry?: boolean };
  readonly #host: KycHost;
  #attempt?: Attempt;

  constructor(host: KycHost) {
    this.#host = host;
  }

  get busy(): boolean {
    return this.status === 'creating' || this.status === 'awaiting' || this.status === 'verifying';
  }

  /**
   * The server says `consented` but this browser never saw DigiLocker's return (a popup severed
   * by COOP with the server on another origin, or a consent given in another browser): the
   * element offers Continue, which asks the server whether this browser saw the return.
   */
  get unconfirmed(): boolean {
    return this.busy && Boolean(this.#attempt?.consented && !this.#attempt.returned);
  }

  /** The customer closed the DigiLocker window: the element asks them to reopen it or cancel. */
  get popupClosed(): boolean {
    return this.busy && Boolean(this.#attempt?.popupClosed);
  }

  /** How the running attempt reaches DigiLocker, or null when none runs. */
  get mode(): OpenedMode | null {
    return this.busy ? (this.#attempt?.mode ?? null) : null;
  }

  /** Starts an attempt. Synchronous up to `window.open`, so the popup keeps the user gesture. */
  start(): void {
    if (this.busy) {
      this.#attempt?.popup?.focus();
      return;
    }
    const config = this.#host.config();
    if (!config.endpoint) {
      const error = new WidgetError('config_error', 'No endpoint attribute', false);
      this.#fail(this.#begin('popup', config), error);
      return;
    }
    const start = this.#host.emit(
      'digilocker-kyc-start',
      { mode: config.mode },
      { cancelable: true },
    );
    if (start.defaultPrevented || this.busy) return;

    const { handle, reason, error } = openJourneyWindow(this.#host.win, config.mode);
    const attempt = this.#begin(handle || error ? 'popup' : 'redirect', config);
    if (error) {
      this.#fail(attempt, error);
      return;
    }
    if (handle) {
      attempt.popup = watchPopup(handle, config.waits, (severed) =>
        this.#onClosed(attempt, severed),
      );
    }
    this.#set('creating');
    if (reason) this.#host.emit('digilocker-kyc-fallback', { reason });
    void this.#create(attempt, config);
    // Only now, with the request on its way: writing into the new window takes about 1 ms.
    if (handle) showPlaceholder(handle, config.popupText);
  }

  /** The customer gave up: closes the popup and reports `cancel {reason: 'cancelled'}`. */
  cancel(): void {
    if (this.#attempt && this.busy) this.#cancel(this.#attempt, 'cancelled');
  }

  /** Forgets the attempt and its result without an event and returns to idle. */
  reset(): void {
    this.dispose();
    this.error = this.result = this.outcome = undefined;
    this.#set('idle');
  }

  /** Focuses the DigiLocker window, or opens it again at the same URL when it is gone. */
  reopen(): void {
    const attempt = this.#attempt;
    const popup = attempt?.popup;
    const url = attempt?.session?.url;
    if (!popup || !url || !this.busy) return;
    if (popup.live) {
      popup.focus();
      return;
    }
    const handle = openPopup(this.#host.win);
    if (!handle) return;
    showPlaceholder(handle, this.#host.config().popupText);
    popup.navigate(url, handle, this.#hop(attempt, POPUP_NAME));
    attempt.popupClosed = false;
    this.#host.changed();
  }

  /**
   * Continue: opens `{base}/confirm/<state>` on the server's origin, synchronously inside the
   * click. The server renders it only when this browser holds the cookie its return page set for
   * this state; its script then posts the return message to this window (exact origin), which is
   * the proof the return leg reached this browser. Without the cookie the page says so and posts
   * nothing, and the attempt keeps waiting (then times out).
   */
  confirm(): void {
    // Unconfirmed: an attempt runs, its session created and its consent reported.
    if (!this.unconfirmed) return;
    const attempt = this.#attempt!;
    const { state } = attempt.session!;
    const handle = openPopup(this.#host.win, `${attempt.base}/confirm/${state}`, 'dlkyc-confirm');
    if (!handle) return;
    attempt.onRelease(() => handle.close());
    this.#listen(attempt, state, attempt.base, () => handle);
  }

  /** The binding hop into window `target`, when the signing server is on another origin. */
  #hop(attempt: Attempt, target: string): (() => void) | undefined {
    const { session, base } = attempt;
    const win = this.#host.win;
    if (!session?.url || !needsHop(base, win)) return;
    return () => postHop(win.document, base, session, target);
  }

  /** Stops every listener and timer without an event (the element left the document). */
  dispose(): void {
    this.#attempt?.release(this.#host.win);
    this.#attempt = undefined;
    if (this.busy) this.#set('idle');
  }

  /**
   * On page load and bfcache restore: finish the redirect-mode attempt this page parked (never a
   * new one), confirming with the server before any event. A page that is DigiLocker's return
   * inside the widget's own popup relays it to the opener instead.
   */
  resume(): void {
    const config = this.#host.config();
    const win = this.#host.win;
    if (!config.endpoint || this.mode === 'popup' || relayPopupReturn(win)) return;
    const resumed = takeResumable(win, endpointBase(config.endpoint, win.document.baseURI));
    if (!resumed) return;
    this.#attempt?.release(win);
    const attempt = this.#begin('redirect', config);
    attempt.session = resumed;
    if (resumed.receipt) {
      this.#onReturn(attempt, resumed.receipt, resumed.verification_id);
      attempt.later(config.waits.resumeTimeoutMs, () => void this.#lastCheck(attempt));
      return;
    }
    // Here without DigiLocker's return (a reload, the back button): never a complete. A consent
    // the server knows of was given elsewhere, or its return never reached this tab.
    this.#set('verifying');
    void this.#lastCheck(attempt, () => this.#cancel(attempt, 'closed'));
  }

  #begin(mode: OpenedMode, config: KycConfig): Attempt {
    const base = endpointBase(config.endpoint, this.#host.win.document.baseURI);
    this.error = this.result = this.outcome = undefined;
    this.#attempt = createAttempt(mode, base, config.waits);
    return this.#attempt;
  }

  async #create(attempt: Attempt, config: KycConfig): Promise<void> {
    const win = this.#host.win;
    // JSON leaves out an unset (undefined) member: the server then uses its defaults.
    const session = await createSession(
      attempt.base,
      { documents: config.documents, redirect_url: config.redirectUrl },
      config.waits.requestTimeoutMs,
    ).catch((error: unknown) => {
      if (!attempt.settled) this.#fail(attempt, error);
    });
    if (!session || attempt.settled) return;
    attempt.session = session;
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
    this.#set('awaiting');
    this.#host.emit('digilocker-kyc-open', {
      reference_id: session.reference_id,
      mode: attempt.mode,
    });
    if (!popup) {
      if (!attempt.settled) {
        const hop = this.#hop(attempt, '_self');
        if (hop) hop();
        else config.navigate(session.url);
      }
      return;
    }
    this.#poll(attempt, config.waits.pollInitialMs);
    attempt.later(config.waits.journeyTimeoutMs, () => void this.#lastCheck(attempt));
  }

  /** Listens for the return message of `state`, posted by `source` from the origin of `url`. */
  #listen(attempt: Attempt, state: string, url: string, source: () => Window | null): void {
    attempt.onRelease(
      listenForReturn({
        win: this.#host.win,
        state,
        origin: new URL(url, this.#host.win.document.baseURI).origin,
        source,
        onReturn: (message) => this.#onReturn(attempt, message.receipt, message.verification_id),
      }),
    );
  }

  /**
   * The return leg reached this browser for this attempt's state, with the server's receipt:
   * now ask the server, presenting the receipt.
   */
  #onReturn(attempt: Attempt, receipt: string, verificationId: string | undefined): void {
    if (attempt.returned) return;
    attempt.returned = true;
    attempt.receipt = receipt;
    attempt.verificationId = verificationId;
    this.#set('verifying');
    this.#poll(attempt, 0);
  }

  #poll(attempt: Attempt, delay: number): void {
    pollStatus(attempt, delay, () => this.#check(attempt));
  }

  /** Asks the server and settles the attempt on a final answer; a blip is left to the next poll. */
  async #check(attempt: Attempt): Promise<void> {
    const reply = await checkStatus(attempt);
    if (!reply || attempt.settled) return;
    if (reply instanceof WidgetError) return this.#fail(attempt, reply);
    const { status } = reply;
    if (status === 'denied') return this.#cancel(attempt, 'denied');
    if (status === 'expired') {
      return this.#fail(attempt, new WidgetError('session_expired', 'Link expired', true));
    }
    if (status !== 'consented') return;
    const token = reply.completion_token;
    if (!attempt.returned || !token) {
      // Consent, but not (yet) proven to belong to this browser: offer Continue. Only the
      // server's completion token (minted for the receipt of a bound return) completes.
      attempt.consented = true;
      return this.#host.changed();
    }
    const { verificationId: verification_id } = attempt;
    this.#end(attempt, 'complete', 'digilocker-kyc-complete', {
      ...(verification_id ? { verification_id } : {}),
      documents: reply.documents,
      session_token: token,
    });
  }

  /**
   * `closed` read true: maybe closed. Ask the customer at once to reopen or cancel; after the
   * severed window, also check, wait, check, cancel. Within it (`severed`) COOP may have cut
   * the handle off a DigiLocker window still open, so nothing is cancelled on the flip: the
   * result may still arrive, and Cancel, status polling or the journey timeout end the wait.
   */
  async #onClosed(attempt: Attempt, severed: boolean): Promise<void> {
    // A consent waiting for Continue is no cancel either: the return may yet be proven.
    const gone = () =>
      attempt.settled || attempt.returned || attempt.consented || Boolean(attempt.popup?.live);
    if (gone()) return;
    // Say so at once; the result may still arrive late (a channel, or the checks below).
    attempt.popupClosed = true;
    this.#host.changed();
    if (severed) return;
    await this.#check(attempt);
    if (gone()) return;
    attempt.later(attempt.waits.closedGraceMs, async () => {
      if (gone()) return;
      await this.#check(attempt);
      if (!gone()) this.#cancel(attempt, 'closed');
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
    await this.#check(attempt);
    if (attempt.settled) return;
    if (!attempt.consented) return orElse();
    const message = 'DigiLocker did not return to this browser';
    this.#fail(attempt, new WidgetError('consent_unconfirmed', message, true));
  }

  #cancel(attempt: Attempt, reason: CancelReason): void {
    this.cancelReason = reason;
    this.#end(attempt, 'cancelled', 'digilocker-kyc-cancel', { reason });
  }

  #fail(attempt: Attempt, error: unknown): void {
    const failure = asWidgetError(error);
    const { code, message, retryable } = failure;
    this.error = failure;
    this.#end(attempt, 'error', 'digilocker-kyc-error', { code, message, retryable });
  }

  /**
   * Ends the attempt: releases it, shows `status`, keeps the result, and fires `name` with its
   * reference id once the document has loaded. A redirect-mode attempt resumed on page load can
   * end before the page's own scripts have run (a module waiting on its imports attaches its
   * listeners just before DOMContentLoaded); `load` comes after all of them. After `complete`,
   * the page has `settleTimeoutMs` to `settle()` before the element shows a neutral line.
   */
  #end<K extends EndEvent>(
    attempt: Attempt,
    status: WidgetStatus,
    name: K,
    detail: Omit<KycEventDetails[K], 'reference_id'>,
  ): void {
    const { win } = this.#host;
    const reference_id = attempt.session?.reference_id;
    const full = (reference_id ? { reference_id, ...detail } : detail) as KycEventDetails[K];
    const result = { type: name, detail: full } as KycResult;
    attempt.release(win);
    this.result = result;
    this.#set(status);
    // Only while this is still the element's result: reset() or a new attempt drop it.
    const fire = () => {
      if (this.result !== result) return;
      this.#host.emit(name, full);
      if (status === 'complete') {
        setTimeout(() => {
          if (this.result === result) this.outcome ??= {};
          this.#host.changed();
        }, attempt.waits.settleTimeoutMs);
      }
    };
    if (win.document.readyState === 'complete') fire();
    else win.addEventListener('load', fire, { once: true });
  }

  #set(status: WidgetStatus): void {
    this.status = status;
    this.#host.changed();
  }
}
