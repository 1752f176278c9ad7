// One attempt's resources (session, popup, timers, listeners) and the one way to release them all.
import {
  type CreateSessionResponse as CreatedSession,
  type OpenedMode,
  RETURN_STORAGE_PREFIX,
  type SessionStatusResponse as SessionStatusReply,
} from '@digilocker-kyc/shared/protocol';
import type { KycTimings } from './config.js';
import { removePending } from './pending-attempt.js';
import type { PopupWatch } from './popup.js';
import { getSessionStatus } from './session-client.js';

type Timer = ReturnType<typeof setTimeout>;

/** The parts of a created session an attempt keeps (a resumed one has no URL). */
export type AttemptSession = Pick<
  CreatedSession,
  'reference_id' | 'state' | 'session_token' | 'documents'
> & { url?: string };

export class Attempt {
  readonly mode: OpenedMode;
  readonly base: string;
  readonly timings: KycTimings;
  session: AttemptSession | undefined;
  popup: PopupWatch | undefined;
  verificationId: string | undefined;
  /**
   * This browser saw the return leg for this attempt's state (a return message, or the arrival
   * back through the return page). `complete` needs it: the server's `consented` alone may be a
   * consent given in another browser (a forwarded link).
   */
  returned = false;
  /** The server said `consented` before any return was seen: waiting for the proof (Continue). */
  consented = false;
  /** The popup read closed after the severed window: the element asks to reopen or cancel. */
  closed = false;
  /** When the first of the status checks failing at the network level in a row failed. */
  offlineSince: number | undefined;
  settled = false;
  pollTimer: Timer | undefined;
  readonly #timers = new Set<Timer>();
  readonly #disposers: (() => void)[] = [];
  #checking: Promise<SessionStatusReply> | undefined;

  constructor(mode: OpenedMode, base: string, timings: KycTimings) {
    this.mode = mode;
    this.base = base;
    this.timings = timings;
  }

  /** Runs `run` after `ms` unless the attempt is released first. */
  after(ms: number, run: () => void): Timer {
    const timer = setTimeout(() => {
      this.#timers.delete(timer);
      if (!this.settled) run();
    }, ms);
    this.#timers.add(timer);
    return timer;
  }

  clear(timer: Timer | undefined): void {
    clearTimeout(timer);
    if (timer) this.#timers.delete(timer);
  }

  onRelease(dispose: () => void): void {
    this.#disposers.push(dispose);
  }

  /** The server's status of this attempt; concurrent callers share one request. */
  status(session: AttemptSession): Promise<SessionStatusReply> {
    this.#checking ??= getSessionStatus(
      this.base,
      session.reference_id,
      session.session_token,
      this.timings.requestTimeoutMs,
    ).finally(() => {
      this.#checking = undefined;
    });
    return this.#checking;
  }

  /** Releases every listener, timer, window and storage key; forgets the session token. */
  release(win: Window): void {
    this.settled = true;
    for (const dispose of this.#disposers.splice(0)) dispose();
    for (const timer of this.#timers) clearTimeout(timer);
    this.#timers.clear();
    this.popup?.close();
    const state = this.session?.state;
    if (state) {
      try {
        removePending(win.sessionStorage, state);
        win.localStorage.removeItem(RETURN_STORAGE_PREFIX + state);
      } catch {
        // Storage disabled: nothing was written.
      }
    }
    this.session = undefined;
  }
}
