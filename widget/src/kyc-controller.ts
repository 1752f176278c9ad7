// Runs one DigiLocker attempt at a time for an element: create, open, wait, verify, report.
import type {
  CancelReason,
  CreateSessionResponse as CreatedSession,
  OpenedMode,
  ReturnMessage,
  SessionStatusResponse as SessionStatusReply,
  WidgetStatus,
} from '@digilocker-kyc/shared/protocol';
import { Attempt } from './attempt.js';
import type { KycConfig, KycHost } from './config.js';
import { asWidgetError, WidgetError } from './errors.js';
import { openJourneyWindow, takeArrival } from './open-journey.js';
import { savePending } from './pending-attempt.js';
import { nextPollDelay } from './poll-schedule.js';
import { openPopup, PopupWatch, showPlaceholder } from './popup.js';
import { listenForReturn } from './return-channel.js';
import { createSession, endpointBase, isSafeJourneyUrl } from './session-client.js';

/** States resumed in this document: a second element or a replayed load never re-runs one. */
const resumed = new Set<string>();

export class KycController {
  status: WidgetStatus = 'idle';
  error: WidgetError | null = null;
  /** Why the last attempt was cancelled (the UI words a denial differently). */
  cancelReason: CancelReason | null = null;
  readonly #host: KycHost;
  #attempt: Attempt | null = null;

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
  get closed(): boolean {
    return this.busy && Boolean(this.#attempt?.closed);
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
      const message = 'No endpoint attribute';
      this.#fail(this.#begin('popup', config), new WidgetError('config_error', message, false));
      return;
    }
    const start = this.#host.emit(
      'digilocker-kyc-start',
      { mode: config.mode },
      { cancelable: true },
    );
    if (start.defaultPrevented || this.busy) return;

    const { handle, reason, error } = openJourneyWindow(this.#host.win, config.mode);
    if (error) {
      this.#fail(this.#begin('popup', config), error);
      return;
    }
    const attempt = this.#begin(handle ? 'popup' : 'redirect', config);
    if (handle) {
      attempt.popup = new PopupWatch(handle, config.timings, () => void this.#onClosed(attempt));
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

  /** Forgets the attempt without an event and returns to idle. */
  reset(): void {
    this.#attempt?.release(this.#host.win);
    this.#attempt = null;
    this.error = null;
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
    popup.navigate(url, handle);
    attempt.closed = false;
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
    const attempt = this.#attempt;
    const state = attempt?.session?.state;
    if (!attempt || !state || !this.unconfirmed) return;
    const handle = openPopup(this.#host.win, `${attempt.base}/confirm/${state}`, 'dlkyc-confirm');
    if (!handle) return;
    attempt.onRelease(() => handle.close());
    attempt.onRelease(
      listenForReturn({
        win: this.#host.win,
        state,
        origin: new URL(attempt.base).origin,
        source: () => handle,
        onResult: (message) => this.#onReturn(attempt, message),
      }),
    );
  }

  /** Stops every listener and timer without an event (the element left the document). */
  dispose(): void {
    this.#attempt?.release(this.#host.win);
    this.#attempt = null;
    if (this.busy) this.#set('idle');
  }

  /**
   * On page load and bfcache restore: finish the redirect-mode attempt this page parked in
   * sessionStorage (never a new one), confirming with the server before any event.
   */
  resume(): void {
    const config = this.#host.config();
    const win = this.#host.win;
    if (!config.endpoint || (this.busy && this.mode === 'popup')) return;
    const arrival = takeArrival(win, endpointBase(config.endpoint, win.document.baseURI));
    if (!arrival || resumed.has(arrival.pending.state)) return;
    resumed.add(arrival.pending.state);
    this.#attempt?.release(win);
    const attempt = this.#begin('redirect', config);
    attempt.session = arrival.pending;
    attempt.returned = arrival.returned;
    attempt.verificationId = arrival.verificationId;
    this.#set('verifying');
    void this.#check(attempt).then(() => {
      if (attempt.settled) return;
      // Here without DigiLocker's return (a reload, the back button): never a complete. A
      // consent the server knows of was given elsewhere, or its return never reached this tab.
      if (!attempt.returned) {
        if (attempt.consented) return this.#fail(attempt, unconfirmedError());
        return this.#cancel(attempt, 'closed');
      }
      this.#poll(attempt, config.timings.pollInitialMs);
      attempt.after(config.timings.resumeTimeoutMs, () => void this.#timeout(attempt));
    });
  }

  #begin(mode: OpenedMode, config: KycConfig): Attempt {
    const base = endpointBase(config.endpoint, this.#host.win.document.baseURI);
    this.error = null;
    this.#attempt = new Attempt(mode, base, config.timings);
    return this.#attempt;
  }

  async #create(attempt: Attempt, config: KycConfig): Promise<void> {
    let session: CreatedSession;
    try {
      // JSON leaves out an unset (undefined) member: the server then uses its defaults.
      session = await createSession(
        attempt.base,
        { documents: config.documents, redirect_url: config.redirectUrl },
        config.timings.requestTimeoutMs,
      );
    } catch (error) {
      if (!attempt.settled) this.#fail(attempt, error);
      return;
    }
    if (attempt.settled) return;
    attempt.session = session;
    const reference_id = session.reference_id;
    if (!isSafeJourneyUrl(session.url)) {
      const message = 'DigiLocker URL not https';
      this.#fail(attempt, new WidgetError('invalid_response', message, true));
      return;
    }
    const popup = attempt.popup;
    if (!popup) return this.#redirect(attempt, session, config);
    // Before our navigation the window is same-origin, so `closed` tells the truth.
    if (popup.closedBeforeNavigation) return this.#cancel(attempt, 'closed');
    // DigiLocker first. The rest only waits for the customer, and no message can reach the
    // listeners below before this task ends.
    popup.navigate(session.url);
    attempt.onRelease(
      listenForReturn({
        win: this.#host.win,
        state: session.state,
        origin: new URL(config.redirectUrl || attempt.base, this.#host.win.document.baseURI).origin,
        source: () => popup.live,
        onResult: (message) => this.#onReturn(attempt, message),
      }),
    );
    this.#set('awaiting');
    this.#host.emit('digilocker-kyc-open', { reference_id, mode: 'popup' });
    this.#poll(attempt, config.timings.pollInitialMs);
    attempt.after(config.timings.journeyTimeoutMs, () => void this.#timeout(attempt));
  }

  #redirect(attempt: Attempt, session: CreatedSession, config: KycConfig): void {
    const win = this.#host.win;
    try {
      savePending(win.sessionStorage, {
        ...session,
        return_to: win.location.href,
        endpoint: attempt.base,
      });
    } catch {
      // No sessionStorage: the customer can still consent; this page just cannot resume.
    }
    this.#set('awaiting');
    this.#host.emit('digilocker-kyc-open', {
      reference_id: session.reference_id,
      mode: 'redirect',
    });
    if (!attempt.settled) config.navigate(session.url);
  }

  /** The return leg reached this browser for this attempt's state: now ask the server. */
  #onReturn(attempt: Attempt, message: ReturnMessage): void {
    if (attempt.returned) return;
    attempt.returned = true;
    attempt.verificationId = message.verification_id;
    this.#set('verifying');
    this.#poll(attempt, 0);
  }

  /**
   * Status polling: a check after `delay`, then backing off. It ends a denied or expired attempt
   * and confirms a return, but never completes one on its own; it stops at an unconfirmed
   * `consented` (a return or Continue picks up from there).
   */
  #poll(attempt: Attempt, delay: number): void {
    attempt.clear(attempt.pollTimer);
    attempt.pollTimer = attempt.after(delay, () => {
      void this.#check(attempt).then(() => {
        if (attempt.settled || (attempt.consented && !attempt.returned)) return;
        // While the server is unreachable, retry at the first step: the outage is noticed soon.
        this.#poll(attempt, nextPollDelay(attempt.timings, attempt.offlineSince ? 0 : delay));
      });
    });
  }

  /** Asks the server and settles the attempt on a final answer; a blip is left to the next poll. */
  async #check(attempt: Attempt): Promise<void> {
    const session = attempt.session;
    if (!session) return;
    const referenceId = session.reference_id;
    let reply: SessionStatusReply;
    try {
      reply = await attempt.status(session);
    } catch (error) {
      const failure = asWidgetError(error);
      // Unreachable (the server gone, the customer offline): a blip, until it lasts too long.
      // Any reply, even an error, shows the server is there.
      attempt.offlineSince =
        failure.code === 'network_error' ? (attempt.offlineSince ?? Date.now()) : undefined;
      const final =
        !failure.retryable ||
        failure.code === 'session_expired' ||
        Date.now() - (attempt.offlineSince ?? Number.POSITIVE_INFINITY) >=
          attempt.timings.offlineTimeoutMs;
      if (final && !attempt.settled) this.#fail(attempt, failure);
      return;
    }
    attempt.offlineSince = undefined;
    if (attempt.settled) return;
    if (reply.status === 'consented') {
      if (!attempt.returned) {
        // Consent, but not (yet) proven to belong to this browser: offer Continue.
        attempt.consented = true;
        this.#host.changed();
        return;
      }
      this.#settle(attempt, 'complete');
      this.#host.emit('digilocker-kyc-complete', {
        reference_id: referenceId,
        ...(attempt.verificationId ? { verification_id: attempt.verificationId } : {}),
        documents: reply.documents,
        session_token: session.session_token,
      });
    } else if (reply.status === 'denied') {
      this.#cancel(attempt, 'denied');
    } else if (reply.status === 'expired') {
      this.#fail(attempt, new WidgetError('session_expired', 'Link expired', true));
    }
  }

  /**
   * `closed` read true after the severed window: maybe closed. Ask the customer to reopen or
   * cancel, then check, wait, check, cancel.
   */
  async #onClosed(attempt: Attempt): Promise<void> {
    // A consent waiting for Continue is no cancel either: the return may yet be proven.
    const gone = () =>
      attempt.settled || attempt.returned || attempt.consented || Boolean(attempt.popup?.live);
    if (gone()) return;
    // Say so at once; the result may still arrive late (a channel, or the checks below).
    attempt.closed = true;
    this.#host.changed();
    await this.#check(attempt);
    if (gone()) return;
    attempt.after(attempt.timings.closedGraceMs, async () => {
      if (gone()) return;
      await this.#check(attempt);
      if (!gone()) this.#cancel(attempt, 'closed');
    });
  }

  async #timeout(attempt: Attempt): Promise<void> {
    await this.#check(attempt);
    if (attempt.settled) return;
    this.#fail(
      attempt,
      attempt.consented
        ? unconfirmedError()
        : new WidgetError('journey_timeout', 'DigiLocker timed out', true),
    );
  }

  #cancel(attempt: Attempt, reason: CancelReason): void {
    const reference_id = attempt.session?.reference_id;
    this.cancelReason = reason;
    this.#settle(attempt, 'cancelled');
    this.#host.emit('digilocker-kyc-cancel', reference_id ? { reference_id, reason } : { reason });
  }

  #fail(attempt: Attempt, error: unknown): void {
    const failure = asWidgetError(error);
    const reference_id = attempt.session?.reference_id;
    this.error = failure;
    this.#settle(attempt, 'error');
    const { code, message, retryable } = failure;
    this.#host.emit('digilocker-kyc-error', {
      code,
      message,
      retryable,
      ...(reference_id ? { reference_id } : {}),
    });
  }

  #settle(attempt: Attempt, status: 'complete' | 'cancelled' | 'error'): void {
    attempt.release(this.#host.win);
    this.#set(status);
  }

  #set(status: WidgetStatus): void {
    this.status = status;
    this.#host.changed();
  }
}

/** Consent the server knows of, whose return this browser never saw: no `complete`. */
const unconfirmedError = () =>
  new WidgetError('consent_unconfirmed', 'DigiLocker did not return to this browser', true);
