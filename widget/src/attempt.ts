// One attempt's resources (settings, session, popup, status polling) and the one AbortSignal they hang off.
//
// An attempt lives from the click (or a redirect resume) to its end event. Every request, timer
// and listener it starts is tied to its signal, so `release()` (one abort) stops them all, and
// work that finishes after the end sees `signal.aborted` and drops its result.
import type {
  CreateSessionResponse as CreatedSession,
  OpenedMode,
} from '@digilocker-kyc/shared/protocol';
import type { KycTimings } from './config.js';
import type { PopupWatch } from './popup.js';
import { unpark } from './redirect-resume.js';
import type { StatusPolling } from './status-polling.js';

/** The parts of a created session an attempt uses (a resumed one has no URL). */
export type AttemptSession = Pick<CreatedSession, 'reference_id' | 'state' | 'session_token'> & {
  url?: string;
};

export interface Attempt {
  readonly mode: OpenedMode;
  readonly base: string;
  /** The journey's waits, fixed when the attempt starts (KycConfig's `waits`). */
  readonly waits: KycTimings;
  /** Aborted when the attempt ends: requests in flight stop, timers and listeners go. */
  readonly signal: AbortSignal;
  session?: AttemptSession;
  popup?: PopupWatch;
  /** Status checks of the session, once there is one. */
  polling?: StatusPolling;
  /** Runs `run` after `ms` unless the attempt ends first. */
  later(ms: number, run: () => void): void;
  /** Runs `dispose` when the attempt ends. */
  onRelease(dispose: () => void): void;
  /**
   * Ends the attempt: aborts its signal (each return listener removes its own storage key on
   * the way), closes the popup, removes the parked entry and forgets the session token.
   */
  release(): void;
}

export function createAttempt(
  win: Window,
  mode: OpenedMode,
  base: string,
  waits: KycTimings,
): Attempt {
  const ending = new AbortController();
  const { signal } = ending;
  const attempt: Attempt = {
    mode,
    base,
    waits,
    signal,
    later(ms, run) {
      if (signal.aborted) return;
      const timer = setTimeout(() => signal.aborted || run(), ms);
      attempt.onRelease(() => clearTimeout(timer));
    },
    onRelease(dispose) {
      signal.addEventListener('abort', dispose, { once: true });
    },
    release() {
      if (signal.aborted) return;
      ending.abort();
      attempt.popup?.close();
      if (attempt.session) unpark(win, attempt.session.state);
      attempt.session = undefined;
    },
  };
  return attempt;
}
