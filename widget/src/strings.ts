// Every piece of UI text, in English and Hindi; any string can be overridden through `strings`.
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

export type KycLocale = 'en' | 'hi';

/** Shown by the return page when it cannot close itself; kept apart because that page is tiny. */
export const CLOSE_WINDOW: Readonly<Record<KycLocale, string>> = {
  en: 'You can close this window.',
  hi: 'अब आप यह विंडो बंद कर सकते हैं।',
};

/** The return page's title and first line (the server renders the same words, page-text.ts). */
export const RETURN_PAGE_TEXT: Readonly<Record<KycLocale, { title: string; finishing: string }>> = {
  en: { title: 'Returning from DigiLocker', finishing: 'Finishing your DigiLocker verification…' },
  hi: { title: 'DigiLocker से लौट रहे हैं', finishing: 'आपका DigiLocker सत्यापन पूरा हो रहा है…' },
};

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

// Hindi, one line per key in the order of `en`'s keys (the key is in each line's comment): the
// bundle then carries every key name once, not once per language. strings.test.ts checks that
// the lines stay aligned with the English ones.
const HI_LINES = [
  'DigiLocker से सत्यापित करें', // start
  'DigiLocker से अपने दस्तावेज़ {merchant} के साथ साझा करें।', // share
  'इस साइट', // site
  'फिर से कोशिश करें', // retry
  'DigiLocker फिर खोलें', // reopen
  'रद्द करें', // cancel
  'जारी रखें', // continue
  'DigiLocker से जुड़ रहे हैं…', // connecting
  'DigiLocker विंडो में पूरा करें।', // awaiting
  'DigiLocker बंद कर दिया? उसे फिर खोलें, या रद्द करें।', // closed
  'सहमति जाँची जा रही है…', // verifying
  'DigiLocker से सत्यापित', // complete
  'दस्तावेज़ साझा हो गए। अब आगे बढ़ें।', // next
  'रद्द किया गया।', // cancelled
  'आपने दस्तावेज़ साझा नहीं किए।', // denied
  'DigiLocker में पूरा कर लिया? यहाँ पूरा करने के लिए जारी रखें दबाएँ।', // unconfirmed
  'सत्यापन सेवा से संपर्क नहीं हो सका। फिर से कोशिश करें।', // errorNetwork
  'लिंक समाप्त हो गया। नए लिंक के लिए फिर से कोशिश करें।', // errorExpired
  'बहुत समय लगा। फिर से कोशिश करें।', // errorTimeout
  'बहुत प्रयास हुए। एक मिनट बाद फिर से कोशिश करें।', // errorRateLimited
  'DigiLocker इस ब्राउज़र में पूरा नहीं हुआ। यहीं फिर से कोशिश करें।', // errorUnconfirmed
  'DigiLocker व्यस्त है। कुछ मिनट बाद फिर से कोशिश करें।', // errorLater
  'कुछ गलत हुआ। फिर से कोशिश करें।', // errorRetryable
  'इस साइट के लिए पॉप-अप चालू करें, फिर पेज रीलोड करें।', // errorPopup
  'लिंक समाप्त हो गया। पेज रीलोड करें।', // errorReload
  'सत्यापन उपलब्ध नहीं है। {merchant} से संपर्क करें।', // errorFatal
  'सहमति मिल गई, जाँच हो रही है…', // received
  'सहमति {merchant} के साथ साझा की गई।', // shared
];
// Pure: the return page's script imports this file for two lines and drops the rest.
const hi: KycStrings = /* @__PURE__ */ (() =>
  Object.fromEntries(Object.keys(en).map((key, index) => [key, HI_LINES[index]])) as never)();

export const BUILT_IN_STRINGS: Readonly<Record<KycLocale, KycStrings>> = { en, hi };

/** The strings for a locale (English when unknown), with the host's string overrides on top. */
export function resolveStrings(locale: string, overrides: Partial<KycStrings> = {}): KycStrings {
  return { ...(locale === 'hi' ? hi : en), ...overrides };
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
