// Punjabi (ਪੰਜਾਬੀ) (pa): every line the customer reads, one key a line, loaded on demand.
// Gurmukhi script; sentences end with the danda ।
// A machine-assisted draft by the engineering team, not yet reviewed by a native speaker: a
// correction is a change to its key's line (docs/translations.md). DigiLocker, Aadhaar and
// {merchant} stay as they are, in Latin script.
import type { PageWords, Translation } from '../strings.js';

/** The element's lines: the keys of KycStrings (strings.ts). */
export default {
  // Main button that starts the journey. A polite request, short enough for one line at 320 px.
  start: 'DigiLocker ਨਾਲ ਤਸਦੀਕ ਕਰੋ',
  // Line above the start button. {merchant} is the business name, kept as given. Plain, polite.
  share: 'DigiLocker ਤੋਂ ਆਪਣੇ ਦਸਤਾਵੇਜ਼ {merchant} ਨਾਲ ਸਾਂਝੇ ਕਰੋ।',
  // Stands in for {merchant} when no name is given: reads inside the share and contact lines.
  site: 'ਇਸ ਸਾਈਟ',
  // Start button after an error a retry can fix. Short, polite.
  retry: 'ਦੁਬਾਰਾ ਕੋਸ਼ਿਸ਼ ਕਰੋ',
  // Button while DigiLocker is open in its window: brings it back. Short.
  reopen: 'DigiLocker ਦੁਬਾਰਾ ਖੋਲ੍ਹੋ',
  // Button while DigiLocker is open: ends the attempt. One or two words.
  cancel: 'ਰੱਦ ਕਰੋ',
  // Button when consent was given but its return did not reach this page. One or two words; the unconfirmed line names it.
  continue: 'ਜਾਰੀ ਰੱਖੋ',
  // Status line while the link is made; also the waiting window's title and text. Ends with an ellipsis.
  connecting: 'DigiLocker ਨਾਲ ਜੁੜ ਰਹੇ ਹਾਂ…',
  // Status line while the customer is in the DigiLocker window. Plain instruction.
  awaiting: 'DigiLocker ਵਿੰਡੋ ਵਿੱਚ ਪੂਰਾ ਕਰੋ।',
  // Status line when the DigiLocker window was closed; Reopen and Cancel are beside it.
  closed: 'DigiLocker ਬੰਦ ਕਰ ਦਿੱਤਾ? ਉਸਨੂੰ ਦੁਬਾਰਾ ਖੋਲ੍ਹੋ, ਜਾਂ ਰੱਦ ਕਰੋ।',
  // Status line while the server confirms consent. Ends with an ellipsis.
  verifying: 'ਤੁਹਾਡੀ ਸਹਿਮਤੀ ਜਾਂਚੀ ਜਾ ਰਹੀ ਹੈ…',
  // Success heading beside the check mark. Short statement, no exclamation.
  complete: 'DigiLocker ਨਾਲ ਤਸਦੀਕ ਹੋ ਗਈ',
  // Under the success heading: the documents were shared, the customer can go on.
  next: 'ਤੁਹਾਡੇ ਦਸਤਾਵੇਜ਼ ਸਾਂਝੇ ਹੋ ਗਏ। ਤੁਸੀਂ ਅੱਗੇ ਵਧ ਸਕਦੇ ਹੋ।',
  // Status line after the customer cancelled. Neutral.
  cancelled: 'ਰੱਦ ਕੀਤਾ ਗਿਆ।',
  // Status line when the customer declined in DigiLocker. Neutral, never blaming.
  denied: 'ਤੁਸੀਂ ਦਸਤਾਵੇਜ਼ ਸਾਂਝੇ ਨਹੀਂ ਕੀਤੇ।',
  // Status line beside the Continue button: names that button in this language's word for it.
  unconfirmed: 'DigiLocker ਵਿੱਚ ਪੂਰਾ ਕਰ ਲਿਆ? ਇੱਥੇ ਪੂਰਾ ਕਰਨ ਲਈ ਜਾਰੀ ਰੱਖੋ ਦਬਾਓ।',
  // Error line, network failure; a Try again button is beside it, so it ends in "try again".
  errorNetwork: 'ਤਸਦੀਕ ਸੇਵਾ ਨਾਲ ਸੰਪਰਕ ਨਹੀਂ ਹੋ ਸਕਿਆ। ਦੁਬਾਰਾ ਕੋਸ਼ਿਸ਼ ਕਰੋ।',
  // Error line, the link expired; ends in "try again" (a new link comes with it).
  errorExpired: 'ਲਿੰਕ ਦੀ ਮਿਆਦ ਖ਼ਤਮ ਹੋ ਗਈ। ਨਵੇਂ ਲਿੰਕ ਲਈ ਦੁਬਾਰਾ ਕੋਸ਼ਿਸ਼ ਕਰੋ।',
  // Error line, the journey took too long; ends in "try again".
  errorTimeout: 'ਬਹੁਤ ਸਮਾਂ ਲੱਗ ਗਿਆ। ਦੁਬਾਰਾ ਕੋਸ਼ਿਸ਼ ਕਰੋ।',
  // Error line, too many attempts; wait a minute, then "try again".
  errorRateLimited: 'ਬਹੁਤ ਕੋਸ਼ਿਸ਼ਾਂ ਹੋਈਆਂ। ਇੱਕ ਮਿੰਟ ਰੁਕੋ, ਫਿਰ ਦੁਬਾਰਾ ਕੋਸ਼ਿਸ਼ ਕਰੋ।',
  // Error line: DigiLocker was finished in another browser; "try again" here.
  errorUnconfirmed: 'DigiLocker ਇਸ ਬ੍ਰਾਊਜ਼ਰ ਵਿੱਚ ਪੂਰਾ ਨਹੀਂ ਹੋਇਆ। ਇੱਥੇ ਹੀ ਦੁਬਾਰਾ ਕੋਸ਼ਿਸ਼ ਕਰੋ।',
  // Error line, DigiLocker or Eko failing for a while; "try again" in a few minutes.
  errorLater: 'DigiLocker ਰੁੱਝਿਆ ਹੋਇਆ ਹੈ। ਕੁਝ ਮਿੰਟਾਂ ਬਾਅਦ ਦੁਬਾਰਾ ਕੋਸ਼ਿਸ਼ ਕਰੋ।',
  // Error line for any other fault a retry can fix; ends in "try again".
  errorRetryable: 'ਕੁਝ ਗਲਤ ਹੋ ਗਿਆ। ਦੁਬਾਰਾ ਕੋਸ਼ਿਸ਼ ਕਰੋ।',
  // Error line, pop-ups blocked; no Try again button, so never "try again": allow pop-ups, reload.
  errorPopup: 'ਇਸ ਸਾਈਟ ਲਈ ਪੌਪ-ਅੱਪ ਚਾਲੂ ਕਰੋ, ਫਿਰ ਪੰਨਾ ਰੀਲੋਡ ਕਰੋ।',
  // Error line, the attempt's token is no longer accepted; never "try again": reload the page.
  errorReload: 'ਇਸ ਲਿੰਕ ਦੀ ਮਿਆਦ ਖ਼ਤਮ ਹੋ ਗਈ। ਮੁੜ ਸ਼ੁਰੂ ਕਰਨ ਲਈ ਪੰਨਾ ਰੀਲੋਡ ਕਰੋ।',
  // Error line for a fault of the site's setup; never "try again": contact {merchant}.
  errorFatal: 'ਤਸਦੀਕ ਉਪਲਬਧ ਨਹੀਂ ਹੈ। ਕਿਰਪਾ ਕਰਕੇ {merchant} ਨਾਲ ਸੰਪਰਕ ਕਰੋ।',
  // Status line after consent, while the merchant's page checks the result. Ends with an ellipsis.
  received: 'ਸਹਿਮਤੀ ਮਿਲ ਗਈ, ਜਾਂਚ ਹੋ ਰਹੀ ਹੈ…',
  // Status line when the page never said how it ended: neutral, no claim of verification.
  shared: 'ਸਹਿਮਤੀ {merchant} ਨਾਲ ਸਾਂਝੀ ਕੀਤੀ ਗਈ।',
} satisfies Translation;

/** The return page's lines (dist/return.js reads these; the element never does). */
export const page: PageWords = {
  // Return page: the window's title while it finishes.
  title: 'DigiLocker ਤੋਂ ਵਾਪਸ ਆ ਰਹੇ ਹਾਂ',
  // Return page: its one line while it hands the result back. Ends with an ellipsis.
  finishing: 'ਤੁਹਾਡੀ DigiLocker ਤਸਦੀਕ ਪੂਰੀ ਹੋ ਰਹੀ ਹੈ…',
  // Return page: its last line when the window cannot close itself.
  close: 'ਹੁਣ ਤੁਸੀਂ ਇਹ ਵਿੰਡੋ ਬੰਦ ਕਰ ਸਕਦੇ ਹੋ।',
};
