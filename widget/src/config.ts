// What the controller needs from its element: the configuration, the timings, and a way to talk.
import type {
  DocumentType,
  KycEventDetails,
  KycEventName,
  KycMode,
} from '@digilocker-kyc/shared/protocol';
import type { EmitOptions, KycEvent } from './emit.js';
import type { PlaceholderText, PopupTimings } from './popup.js';
import type { PollTimings } from './status-polling.js';

/**
 * Every wait of a journey, in ms; the element's `timings` property overrides any of them. Each
 * one bounds a state, so no state lasts for ever (docs/timings.md lists them with defaults).
 */
export interface KycTimings extends PopupTimings, PollTimings {
  /**
   * How long the customer has on DigiLocker before the attempt ends in `journey_timeout`.
   * Default 600 000 (10 minutes).
   */
  journeyTimeoutMs: number;
  /**
   * After the popup reads closed (and the status is still pending), wait this long for a late
   * result before the attempt is cancelled (`reason: 'closed'`). The element asks "Closed
   * DigiLocker? Reopen it, or cancel." meanwhile. Default 3000.
   */
  closedGraceMs: number;
  /**
   * After `complete`, the element says "Consent received, checking…" until the page calls
   * `settle()`; past this long without it, it shows the neutral "Consent shared with {merchant}."
   * (never a "Verified" the page did not confirm). Default 10 000.
   */
  settleTimeoutMs: number;
  /** Back from a redirect with the consent not yet confirmed: keep checking this long. Default 30 000. */
  resumeTimeoutMs: number;
  /** Abort a request to the signing server after this long (then `network_error`). Default 20 000. */
  requestTimeoutMs: number;
  /**
   * Status checks that fail at the network level (the signing server gone) are retried every
   * `pollInitialMs`; once they have kept failing this long since the first failure, the attempt
   * ends in `network_error`. Default 15 000: an error within about 25 s of the server going away.
   */
  offlineTimeoutMs: number;
  /**
   * A language other than English waits this long for its file before the element shows English
   * (it shows nothing meanwhile, so the page never flashes English). Default 3000. Optional: it
   * bounds the element's first render, not a state of the journey.
   */
  localeWaitMs?: number;
}

export const DEFAULT_TIMINGS: Readonly<KycTimings> = {
  pollInitialMs: 2000,
  pollMaxMs: 10_000,
  pollFactor: 1.5,
  journeyTimeoutMs: 10 * 60_000,
  closedGraceMs: 3000,
  closedCheckMs: 500,
  severedWindowMs: 10_000,
  settleTimeoutMs: 10_000,
  resumeTimeoutMs: 30_000,
  requestTimeoutMs: 20_000,
  offlineTimeoutMs: 15_000,
  localeWaitMs: 3000,
};

export interface KycConfig {
  endpoint: string;
  documents: DocumentType[] | undefined;
  redirectUrl: string | undefined;
  mode: KycMode;
  /**
   * Every wait, resolved: DEFAULT_TIMINGS under the element's `timings`. Not called `timings`:
   * that is the element's public property, and this internal name is shortened in the bundle.
   */
  waits: KycTimings;
  /** Title, text and language of the placeholder window while the link is made. */
  popupText: PlaceholderText;
  /** Leaves the page for DigiLocker in redirect mode (a seam: tests stay on the page). */
  navigate: (url: string) => void;
}

/**
 * What the controller needs from its element besides Lit's controller host: the window it runs
 * in, the configuration, and a way to fire events.
 */
export interface KycContext {
  readonly win: Window;
  config(): KycConfig;
  emit<K extends KycEventName>(
    name: K,
    detail: KycEventDetails[K],
    options?: EmitOptions,
  ): KycEvent<K>;
}

/** The events that end an attempt. */
export type EndEvent = 'digilocker-kyc-complete' | 'digilocker-kyc-cancel' | 'digilocker-kyc-error';

/** The element's `result`: the last attempt's end event, as its `type` and `detail`. */
export type KycResult = { [K in EndEvent]: { type: K; detail: KycEventDetails[K] } }[EndEvent];

/**
 * What the page tells the element after `complete` (`settle()`): verified (`ok: true`), or not,
 * with the line the customer reads (`message`, default a generic one) and, with `retry: true`,
 * a Try again button that starts a new attempt.
 */
export type KycOutcome = { ok: true } | { ok: false; message?: string; retry?: boolean };
