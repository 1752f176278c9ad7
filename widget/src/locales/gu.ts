// Gujarati (ગુજરાતી) (gu): every line the customer reads, one key a line, loaded on demand.
// Gujarati script; sentences end with a full stop.
// A machine-assisted draft by the engineering team, not yet reviewed by a native speaker: a
// correction is a change to its key's line (docs/translations.md). DigiLocker, Aadhaar and
// {merchant} stay as they are, in Latin script.
import type { PageWords, Translation } from '../strings.js';

/** The element's lines: the keys of KycStrings (strings.ts). */
export default {
  // Main button that starts the journey. A polite request, short enough for one line at 320 px.
  start: 'DigiLocker થી ચકાસણી કરો',
  // Line above the start button. {merchant} is the business name, kept as given. Plain, polite.
  share: 'DigiLocker માંથી તમારા દસ્તાવેજો {merchant} સાથે શેર કરો.',
  // Stands in for {merchant} when no name is given: reads inside the share and contact lines.
  site: 'આ સાઇટ',
  // Start button after an error a retry can fix. Short, polite.
  retry: 'ફરી પ્રયાસ કરો',
  // Button while DigiLocker is open in its window: brings it back. Short.
  reopen: 'DigiLocker ફરી ખોલો',
  // Button while DigiLocker is open: ends the attempt. One or two words.
  cancel: 'રદ કરો',
  // Button when consent was given but its return did not reach this page. One or two words; the unconfirmed line names it.
  continue: 'આગળ વધો',
  // Status line while the link is made; also the waiting window's title and text. Ends with an ellipsis.
  connecting: 'DigiLocker સાથે જોડાઈ રહ્યા છીએ…',
  // Status line while the customer is in the DigiLocker window. Plain instruction.
  awaiting: 'DigiLocker વિન્ડોમાં પૂર્ણ કરો.',
  // Status line when the DigiLocker window was closed; Reopen and Cancel are beside it.
  closed: 'DigiLocker બંધ કર્યું? તેને ફરી ખોલો, અથવા રદ કરો.',
  // Status line while the server confirms consent. Ends with an ellipsis.
  verifying: 'તમારી સંમતિ ચકાસી રહ્યા છીએ…',
  // Success heading beside the check mark. Short statement, no exclamation.
  complete: 'DigiLocker થી ચકાસણી થઈ ગઈ',
  // Under the success heading: the documents were shared, the customer can go on.
  next: 'તમારા દસ્તાવેજો શેર થઈ ગયા. હવે તમે આગળ વધી શકો છો.',
  // Status line after the customer cancelled. Neutral.
  cancelled: 'રદ કર્યું.',
  // Status line when the customer declined in DigiLocker. Neutral, never blaming.
  denied: 'તમે દસ્તાવેજો શેર કર્યા નથી.',
  // Status line beside the Continue button: names that button in this language's word for it.
  unconfirmed: 'DigiLocker માં પૂર્ણ કર્યું? અહીં પૂર્ણ કરવા આગળ વધો દબાવો.',
  // Error line, network failure; a Try again button is beside it, so it ends in "try again".
  errorNetwork: 'ચકાસણી સેવા સુધી પહોંચી શકાતું નથી. ફરી પ્રયાસ કરો.',
  // Error line, the link expired; ends in "try again" (a new link comes with it).
  errorExpired: 'લિંકની મુદત પૂરી થઈ. નવી લિંક માટે ફરી પ્રયાસ કરો.',
  // Error line, the journey took too long; ends in "try again".
  errorTimeout: 'ઘણો સમય લાગ્યો. ફરી પ્રયાસ કરો.',
  // Error line, too many attempts; wait a minute, then "try again".
  errorRateLimited: 'ઘણા પ્રયાસો થયા. એક મિનિટ રાહ જુઓ, પછી ફરી પ્રયાસ કરો.',
  // Error line: DigiLocker was finished in another browser; "try again" here.
  errorUnconfirmed: 'DigiLocker આ બ્રાઉઝરમાં પૂર્ણ થયું નથી. અહીં જ ફરી પ્રયાસ કરો.',
  // Error line, DigiLocker or Eko failing for a while; "try again" in a few minutes.
  errorLater: 'DigiLocker વ્યસ્ત છે. થોડી મિનિટો પછી ફરી પ્રયાસ કરો.',
  // Error line for any other fault a retry can fix; ends in "try again".
  errorRetryable: 'કંઈક ખોટું થયું. ફરી પ્રયાસ કરો.',
  // Error line, pop-ups blocked; no Try again button, so never "try again": allow pop-ups, reload.
  errorPopup: 'આ સાઇટ માટે પૉપ-અપ ચાલુ કરો, પછી પેજ રીલોડ કરો.',
  // Error line, the attempt's token is no longer accepted; never "try again": reload the page.
  errorReload: 'આ લિંકની મુદત પૂરી થઈ. ફરી શરૂ કરવા પેજ રીલોડ કરો.',
  // Error line for a fault of the site's setup; never "try again": contact {merchant}.
  errorFatal: 'ચકાસણી ઉપલબ્ધ નથી. કૃપા કરીને {merchant} નો સંપર્ક કરો.',
  // Status line after consent, while the merchant's page checks the result. Ends with an ellipsis.
  received: 'સંમતિ મળી, ચકાસણી થઈ રહી છે…',
  // Status line when the page never said how it ended: neutral, no claim of verification.
  shared: 'સંમતિ {merchant} સાથે શેર કરવામાં આવી.',
} satisfies Translation;

/** The return page's lines (dist/return.js reads these; the element never does). */
export const page: PageWords = {
  // Return page: the window's title while it finishes.
  title: 'DigiLocker માંથી પાછા ફરી રહ્યા છીએ',
  // Return page: its one line while it hands the result back. Ends with an ellipsis.
  finishing: 'તમારી DigiLocker ચકાસણી પૂર્ણ થઈ રહી છે…',
  // Return page: its last line when the window cannot close itself.
  close: 'હવે તમે આ વિન્ડો બંધ કરી શકો છો.',
};
