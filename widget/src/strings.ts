// Every piece of UI text, in English and Hindi; any string can be overridden through `strings`.
import type { KycErrorCode } from '@digilocker-kyc/shared';

export interface KycStrings {
  /** Default label of the start button (the element's default slot overrides it). */
  start: string;
  /** Default label of the start button after an error. */
  retry: string;
  reopen: string;
  cancel: string;
  /** The button that proves this browser finished DigiLocker (a popup cut off from the page). */
  continue: string;
  /** Status line while the link is made and the page leaves; also the placeholder's title and text. */
  connecting: string;
  awaiting: string;
  verifying: string;
  complete: string;
  cancelled: string;
  denied: string;
  /** Status line while Continue is offered: consent given, this browser not yet confirmed. */
  unconfirmed: string;
  errorNetwork: string;
  /** The link expired, or the session token is no longer accepted. */
  errorExpired: string;
  errorTimeout: string;
  errorRateLimited: string;
  /** Consent was given, but DigiLocker's return never reached this browser. */
  errorUnconfirmed: string;
  errorRetryable: string;
  errorFatal: string;
}

export type KycLocale = 'en' | 'hi';

/** Shown by the return page when it cannot close itself; kept apart because that page is tiny. */
export const CLOSE_WINDOW: Readonly<Record<KycLocale, string>> = {
  en: 'You can close this window.',
  hi: 'अब आप यह विंडो बंद कर सकते हैं।',
};

const en: KycStrings = {
  start: 'Verify with DigiLocker',
  retry: 'Try again',
  reopen: 'Reopen DigiLocker',
  cancel: 'Cancel',
  continue: 'Continue',
  connecting: 'Connecting to DigiLocker…',
  awaiting: 'Finish in the DigiLocker window.',
  verifying: 'Checking your consent…',
  complete: 'Verified with DigiLocker.',
  cancelled: 'Cancelled.',
  denied: 'You did not share your documents.',
  unconfirmed: 'Done in DigiLocker? Press Continue to finish here.',
  errorNetwork: 'Could not connect. Check your internet and try again.',
  errorExpired: 'The link expired. Try again for a new one.',
  errorTimeout: 'This took too long. Try again.',
  errorRateLimited: 'Too many attempts. Wait a minute, then try again.',
  errorUnconfirmed: 'DigiLocker was not finished in this browser. Try again here.',
  errorRetryable: 'Something went wrong. Try again.',
  errorFatal: 'Verification is unavailable now. Please contact support.',
};

const hi: KycStrings = {
  start: 'DigiLocker से सत्यापित करें',
  retry: 'फिर से कोशिश करें',
  reopen: 'DigiLocker फिर खोलें',
  cancel: 'रद्द करें',
  continue: 'जारी रखें',
  connecting: 'DigiLocker से जुड़ रहे हैं…',
  awaiting: 'DigiLocker विंडो में पूरा करें।',
  verifying: 'सहमति जाँची जा रही है…',
  complete: 'सत्यापन पूरा हुआ।',
  cancelled: 'रद्द किया गया।',
  denied: 'आपने दस्तावेज़ साझा नहीं किए।',
  unconfirmed: 'DigiLocker में पूरा कर लिया? यहाँ पूरा करने के लिए जारी रखें दबाएँ।',
  errorNetwork: 'कनेक्ट नहीं हो सका। इंटरनेट जाँचें और फिर से कोशिश करें।',
  errorExpired: 'लिंक समाप्त हो गया। नए लिंक के लिए फिर से कोशिश करें।',
  errorTimeout: 'बहुत समय लगा। फिर से कोशिश करें।',
  errorRateLimited: 'बहुत प्रयास हुए। एक मिनट बाद फिर से कोशिश करें।',
  errorUnconfirmed: 'DigiLocker इस ब्राउज़र में पूरा नहीं हुआ। यहीं फिर से कोशिश करें।',
  errorRetryable: 'कुछ गलत हुआ। फिर से कोशिश करें।',
  errorFatal: 'सत्यापन अभी उपलब्ध नहीं है। सहायता से संपर्क करें।',
};

export const BUILT_IN_STRINGS: Readonly<Record<KycLocale, KycStrings>> = { en, hi };

/** The strings for a locale (English when unknown), with the host's string overrides on top. */
export function resolveStrings(locale: string, overrides: Partial<KycStrings> = {}): KycStrings {
  return { ...(locale === 'hi' ? hi : en), ...overrides };
}

/** Which message tells the customer what to do about a code; others fall to the generic two. */
const ERROR_STRINGS: Partial<Record<KycErrorCode, keyof KycStrings>> = {
  network_error: 'errorNetwork',
  session_expired: 'errorExpired',
  unauthorized: 'errorExpired',
  journey_timeout: 'errorTimeout',
  rate_limited: 'errorRateLimited',
  consent_unconfirmed: 'errorUnconfirmed',
};

/** The message that tells the customer what to do about an error. */
export function errorText(strings: KycStrings, code: KycErrorCode, retryable: boolean): string {
  return strings[ERROR_STRINGS[code] ?? (retryable ? 'errorRetryable' : 'errorFatal')];
}
