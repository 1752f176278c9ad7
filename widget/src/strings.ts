// Every piece of UI text in English, the languages there are, and which line answers which error.
import type { KycErrorCode } from '@digilocker-kyc/shared/protocol';

export interface KycStrings {
  /** Default label of the start button (the element's default slot overrides it). */
  start: string;
  /** The line above the start button saying what is shared with whom; `{merchant}` is replaced. */
  share: string;
  /** Stands in for `{merchant}` when the element has no `merchant` name. */
  site: string;
  /** Default label of the start button after an error. */
  retry: string;
  reopen: string;
  cancel: string;
  /** The button that proves this browser finished DigiLocker (a popup cut off from the page). */
  continue: string;
  /** Status line while the link is made and the page leaves; also the placeholder's title and text. */
  connecting: string;
  awaiting: string;
  /** Status line when the customer closed the DigiLocker window: Reopen and Cancel are beside it. */
  closed: string;
  verifying: string;
  /** The success heading. */
  complete: string;
  /** Under the success heading: what happens next (override it with your own next step). */
  next: string;
  cancelled: string;
  denied: string;
  /** Status line while Continue is offered: consent given, this browser not yet confirmed. */
  unconfirmed: string;
  errorNetwork: string;
  /** The DigiLocker link or the attempt expired (`session_expired`). */
  errorExpired: string;
  errorTimeout: string;
  errorRateLimited: string;
  /** Consent was given, but DigiLocker's return never reached this browser. */
  errorUnconfirmed: string;
  /** DigiLocker or Eko is failing for a while (retryable `upstream_*`). */
  errorLater: string;
  errorRetryable: string;
  /** The browser blocked the DigiLocker window where only a popup can work (`popup_blocked`). */
  errorPopup: string;
  /** The attempt's token is no longer accepted (`unauthorized`): only a fresh page helps. */
  errorReload: string;
  /** Any other fault a retry cannot fix: the site's setup; `{merchant}` is replaced. */
  errorFatal: string;
  /** Status line after `complete` while the page checks the result (until it calls `settle()`). */
  received: string;
  /** Heading after `complete` when the page never settled it; `{merchant}` is replaced. */
  shared: string;
}

/** The languages of the built-in text: English here, each other one in its own file (locales/). */
export const LOCALES = ['en', 'hi', 'bn', 'gu', 'kn', 'ml', 'mr', 'or', 'pa', 'ta', 'te'] as const;
export type KycLocale = (typeof LOCALES)[number];

/** A language file's lines for the element: any key it lacks is said in English. */
export type Translation = Partial<KycStrings>;

/** The return page's lines, per language (return-text.ts; the server renders the same words). */
export interface PageWords {
  /** The window's title while it finishes. */
  title: string;
  /** Its one line while it hands the result back. */
  finishing: string;
  /** Its last line when the window cannot close itself. */
  close: string;
}

const en: KycStrings = {
  start: 'Verify with DigiLocker',
  share: 'Share your documents from DigiLocker with {merchant}.',
  site: 'this site',
  retry: 'Try again',
  reopen: 'Reopen DigiLocker',
  cancel: 'Cancel',
  continue: 'Continue',
  connecting: 'Connecting to DigiLocker…',
  awaiting: 'Finish in the DigiLocker window.',
  closed: 'Closed DigiLocker? Reopen it, or cancel.',
  verifying: 'Checking your consent…',
  complete: 'Verified with DigiLocker',
  next: 'Your documents were shared. You can continue.',
  cancelled: 'Cancelled.',
  denied: 'You did not share your documents.',
  unconfirmed: 'Done in DigiLocker? Press Continue to finish here.',
  errorNetwork: "Can't reach the verification service. Try again.",
  errorExpired: 'The link expired. Try again for a new one.',
  errorTimeout: 'This took too long. Try again.',
  errorRateLimited: 'Too many attempts. Wait a minute, then try again.',
  errorUnconfirmed: 'DigiLocker was not finished in this browser. Try again here.',
  errorLater: 'DigiLocker is busy. Try again in a few minutes.',
  errorRetryable: 'Something went wrong. Try again.',
  errorPopup: 'Allow pop-ups for this site, then reload the page.',
  errorReload: 'This link has expired. Reload the page to start again.',
  errorFatal: 'Verification is unavailable. Please contact {merchant}.',
  received: 'Consent received, checking…',
  shared: 'Consent shared with {merchant}.',
};

/** English, the one language built in; the others arrive through locale.ts. */
export const BUILT_IN_STRINGS: Readonly<{ en: KycStrings }> = { en };

/**
 * The lines to show: English, then a language file's lines (`words`), then the host's overrides.
 */
export function resolveStrings(
  words: Translation | null | undefined,
  overrides: Partial<KycStrings> = {},
): KycStrings {
  return { ...en, ...words, ...overrides };
}

// Which message tells the customer what to do. A retryable fault gets a line that ends in
// "try again" (the Try again button is beside it); any other never does, because no button is.
const RETRY_TEXT: Partial<Record<KycErrorCode, keyof KycStrings>> = {
  network_error: 'errorNetwork',
  session_expired: 'errorExpired',
  journey_timeout: 'errorTimeout',
  rate_limited: 'errorRateLimited',
  consent_unconfirmed: 'errorUnconfirmed',
};
const FINAL_TEXT: Partial<Record<KycErrorCode, keyof KycStrings>> = {
  popup_blocked: 'errorPopup',
  unauthorized: 'errorReload',
};

/** The message that tells the customer what to do about an error (`{merchant}` still in it). */
export function errorText(strings: KycStrings, code: KycErrorCode, retryable: boolean): string {
  return strings[
    retryable
      ? (RETRY_TEXT[code] ?? (code.startsWith('upstream_') ? 'errorLater' : 'errorRetryable'))
      : (FINAL_TEXT[code] ?? 'errorFatal')
  ];
}
