// One attempt's resources (session, popup, timers, listeners) and the one way to release them all.
import type {
  CreateSessionResponse as CreatedSession,
  OpenedMode,
  SessionStatusResponse as SessionStatusReply,
} from '@digilocker-kyc/shared/protocol';
import type { KycTimings } from './config.js';
import type { PopupWatch } from './popup.js';
import { unpark } from './redirect-resume.js';

type Timer = ReturnType<typeof setTimeout>;

/** The parts of a created session an attempt uses (a resumed one has no URL). */
export type AttemptSession = Pick<CreatedSession, 'reference_id' | 'state' | 'session_token'> & {
  url?: string;
};

export interface Attempt {
  readonly mode: OpenedMode;
  readonly base: string;
  /** The journey's waits, fixed when the attempt starts (KycConfig's `waits`). */
  readonly waits: KycTimings;
  session?: AttemptSession;
  popup?: PopupWatch;
  verificationId?: string;
  /**
   * This browser saw the return leg for this attempt's state (a return message, or the customer
   * back through the return page or `redirect-url`). `complete` needs it: the server's
   * `consented` alone may be a consent given in another browser (a forwarded link).
   */
  returned?: boolean;
  /** The server's receipt for that return: presented with each status check from then on. */
  receipt?: string;
  /** The server said `consented` before any return was seen: waiting for the proof (Continue). */
  consented?: boolean;
  /** The popup read closed after the severed window: the element asks to reopen or cancel. */
  popupClosed?: boolean;
  settled?: boolean;
  // Status polling's state (status-polling.ts): the scheduled poll, the status request in
  // flight, and when the first of the checks failing at the network level in a row failed.
  pollTimer?: Timer;
  checking?: Promise<SessionStatusReply>;
  offlineSince?: number;
  /** Runs `run` after `ms` unless the attempt is released first. */
  later(ms: number, run: () => void): Timer;
  /** Runs `dispose` when the attempt is released. */
  onRelease(dispose: () => void): void;
  /**
   * Releases every listener (each return listener removes its own storage key), timer, window
   * and parked entry; forgets the session token.
   */
  release(win: Window): void;
}

export function createAttempt(mode: OpenedMode, base: string, waits: KycTimings): Attempt {
  const disposers: (() => void)[] = [];
  const attempt: Attempt = {
    mode,
    base,
    waits,
    later(ms, run) {
      const timer = setTimeout(() => attempt.settled || run(), ms);
      disposers.push(() => clearTimeout(timer));
      return timer;
    },
    onRelease(dispose) {
      disposers.push(dispose);
    },
    release(win) {
      attempt.settled = true;
      for (const dispose of disposers) dispose();
      attempt.popup?.close();
      if (attempt.session) unpark(win, attempt.session.state);
      attempt.session = undefined;
    },
  };
  return attempt;
}
