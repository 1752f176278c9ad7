// Where a journey is: one value per status (@lit/task's shape), holding what that status needs.
import type { CancelReason } from '@digilocker-kyc/shared/protocol';
import type { Attempt } from './attempt.js';
import type { KycResult } from './config.js';
import type { WidgetError } from './errors.js';

/**
 * After `complete`, what the page said through the element's `settle()`; `{}` once
 * `settleTimeoutMs` passed without a word; unset while the page checks.
 */
export interface SettledOutcome {
  ok?: boolean;
  message?: string;
  retry?: boolean;
}

/** Where the journey is: one value per status, holding what that status needs and nothing else. */
export type KycState =
  | { status: 'idle' }
  | { status: 'creating'; attempt: Attempt }
  /**
   * The customer is on DigiLocker (in redirect mode, the page is leaving for it). `prompt`: the
   * popup read closed, so the element asks to reopen or cancel (`closed`); or the server says
   * `consented` but this browser has not seen DigiLocker's return (a popup severed by COOP with
   * the server on another origin, or a consent given in another browser), so the element offers
   * Continue, which asks the server whether this browser saw the return (`continue`).
   */
  | { status: 'awaiting'; attempt: Attempt; prompt?: 'closed' | 'continue' }
  /**
   * Asking the server: after DigiLocker's return reached this browser (`receipt`, the server's
   * receipt for it, presented with each status check), or back from a redirect without it.
   */
  | { status: 'verifying'; attempt: Attempt; receipt?: string; verificationId?: string }
  | { status: 'complete'; result: KycResult; outcome?: SettledOutcome }
  | { status: 'cancelled'; result: KycResult; reason: CancelReason }
  | { status: 'error'; result: KycResult; error: WidgetError };

/** The states of a running attempt. */
export type Running = Extract<KycState, { attempt: Attempt }>;
/** The states after an attempt's end event. */
export type Ended = Extract<KycState, { result: KycResult }>;
