// Kannada (ಕನ್ನಡ) (kn): every line the customer reads, one key a line, loaded on demand.
// Kannada script; sentences end with a full stop.
// A machine-assisted draft by the engineering team, not yet reviewed by a native speaker: a
// correction is a change to its key's line (docs/translations.md). DigiLocker, Aadhaar and
// {merchant} stay as they are, in Latin script.
import type { PageWords, Translation } from '../strings.js';

/** The element's lines: the keys of KycStrings (strings.ts). */
export default {
  // Main button that starts the journey. A polite request, short enough for one line at 320 px.
  start: 'DigiLocker ಮೂಲಕ ಪರಿಶೀಲಿಸಿ',
  // Line above the start button. {merchant} is the business name, kept as given. Plain, polite.
  share: 'DigiLocker ನಿಂದ ನಿಮ್ಮ ದಾಖಲೆಗಳನ್ನು {merchant} ಜೊತೆ ಹಂಚಿಕೊಳ್ಳಿ.',
  // Stands in for {merchant} when no name is given: reads inside the share and contact lines.
  site: 'ಈ ಸೈಟ್',
  // Start button after an error a retry can fix. Short, polite.
  retry: 'ಮತ್ತೆ ಪ್ರಯತ್ನಿಸಿ',
  // Button while DigiLocker is open in its window: brings it back. Short.
  reopen: 'DigiLocker ಮತ್ತೆ ತೆರೆಯಿರಿ',
  // Button while DigiLocker is open: ends the attempt. One or two words.
  cancel: 'ರದ್ದುಮಾಡಿ',
  // Button when consent was given but its return did not reach this page. One or two words; the unconfirmed line names it.
  continue: 'ಮುಂದುವರಿಸಿ',
  // Status line while the link is made; also the waiting window's title and text. Ends with an ellipsis.
  connecting: 'DigiLocker ಗೆ ಸಂಪರ್ಕಿಸಲಾಗುತ್ತಿದೆ…',
  // Status line while the customer is in the DigiLocker window. Plain instruction.
  awaiting: 'DigiLocker ವಿಂಡೋದಲ್ಲಿ ಪೂರ್ಣಗೊಳಿಸಿ.',
  // Status line when the DigiLocker window was closed; Reopen and Cancel are beside it.
  closed: 'DigiLocker ಮುಚ್ಚಿದಿರಾ? ಅದನ್ನು ಮತ್ತೆ ತೆರೆಯಿರಿ, ಅಥವಾ ರದ್ದುಮಾಡಿ.',
  // Status line while the server confirms consent. Ends with an ellipsis.
  verifying: 'ನಿಮ್ಮ ಸಮ್ಮತಿಯನ್ನು ಪರಿಶೀಲಿಸಲಾಗುತ್ತಿದೆ…',
  // Success heading beside the check mark. Short statement, no exclamation.
  complete: 'DigiLocker ಮೂಲಕ ಪರಿಶೀಲಿಸಲಾಗಿದೆ',
  // Under the success heading: the documents were shared, the customer can go on.
  next: 'ನಿಮ್ಮ ದಾಖಲೆಗಳನ್ನು ಹಂಚಿಕೊಳ್ಳಲಾಗಿದೆ. ನೀವು ಮುಂದುವರಿಯಬಹುದು.',
  // Status line after the customer cancelled. Neutral.
  cancelled: 'ರದ್ದುಮಾಡಲಾಗಿದೆ.',
  // Status line when the customer declined in DigiLocker. Neutral, never blaming.
  denied: 'ನೀವು ದಾಖಲೆಗಳನ್ನು ಹಂಚಿಕೊಳ್ಳಲಿಲ್ಲ.',
  // Status line beside the Continue button: names that button in this language's word for it.
  unconfirmed: 'DigiLocker ನಲ್ಲಿ ಮುಗಿಸಿದಿರಾ? ಇಲ್ಲಿ ಪೂರ್ಣಗೊಳಿಸಲು ಮುಂದುವರಿಸಿ ಒತ್ತಿ.',
  // Error line, network failure; a Try again button is beside it, so it ends in "try again".
  errorNetwork: 'ಪರಿಶೀಲನಾ ಸೇವೆಯನ್ನು ತಲುಪಲು ಆಗುತ್ತಿಲ್ಲ. ಮತ್ತೆ ಪ್ರಯತ್ನಿಸಿ.',
  // Error line, the link expired; ends in "try again" (a new link comes with it).
  errorExpired: 'ಲಿಂಕ್‌ನ ಅವಧಿ ಮುಗಿದಿದೆ. ಹೊಸ ಲಿಂಕ್‌ಗಾಗಿ ಮತ್ತೆ ಪ್ರಯತ್ನಿಸಿ.',
  // Error line, the journey took too long; ends in "try again".
  errorTimeout: 'ತುಂಬಾ ಸಮಯ ತೆಗೆದುಕೊಂಡಿತು. ಮತ್ತೆ ಪ್ರಯತ್ನಿಸಿ.',
  // Error line, too many attempts; wait a minute, then "try again".
  errorRateLimited: 'ಹಲವು ಪ್ರಯತ್ನಗಳಾಗಿವೆ. ಒಂದು ನಿಮಿಷ ಕಾಯಿರಿ, ನಂತರ ಮತ್ತೆ ಪ್ರಯತ್ನಿಸಿ.',
  // Error line: DigiLocker was finished in another browser; "try again" here.
  errorUnconfirmed: 'ಈ ಬ್ರೌಸರ್‌ನಲ್ಲಿ DigiLocker ಪೂರ್ಣಗೊಂಡಿಲ್ಲ. ಇಲ್ಲೇ ಮತ್ತೆ ಪ್ರಯತ್ನಿಸಿ.',
  // Error line, DigiLocker or Eko failing for a while; "try again" in a few minutes.
  errorLater: 'DigiLocker ಕಾರ್ಯನಿರತವಾಗಿದೆ. ಕೆಲವು ನಿಮಿಷಗಳ ನಂತರ ಮತ್ತೆ ಪ್ರಯತ್ನಿಸಿ.',
  // Error line for any other fault a retry can fix; ends in "try again".
  errorRetryable: 'ಏನೋ ತಪ್ಪಾಗಿದೆ. ಮತ್ತೆ ಪ್ರಯತ್ನಿಸಿ.',
  // Error line, pop-ups blocked; no Try again button, so never "try again": allow pop-ups, reload.
  errorPopup: 'ಈ ಸೈಟ್‌ಗೆ ಪಾಪ್-ಅಪ್‌ಗಳನ್ನು ಅನುಮತಿಸಿ, ನಂತರ ಪುಟವನ್ನು ರೀಲೋಡ್ ಮಾಡಿ.',
  // Error line, the attempt's token is no longer accepted; never "try again": reload the page.
  errorReload: 'ಈ ಲಿಂಕ್‌ನ ಅವಧಿ ಮುಗಿದಿದೆ. ಮೊದಲಿನಿಂದ ಪ್ರಾರಂಭಿಸಲು ಪುಟವನ್ನು ರೀಲೋಡ್ ಮಾಡಿ.',
  // Error line for a fault of the site's setup; never "try again": contact {merchant}.
  errorFatal: 'ಪರಿಶೀಲನೆ ಲಭ್ಯವಿಲ್ಲ. ದಯವಿಟ್ಟು {merchant} ಅನ್ನು ಸಂಪರ್ಕಿಸಿ.',
  // Status line after consent, while the merchant's page checks the result. Ends with an ellipsis.
  received: 'ಒಪ್ಪಿಗೆ ದೊರೆತಿದೆ, ಪರಿಶೀಲಿಸಲಾಗುತ್ತಿದೆ…',
  // Status line when the page never said how it ended: neutral, no claim of verification.
  shared: 'ಒಪ್ಪಿಗೆಯನ್ನು {merchant} ಜೊತೆ ಹಂಚಿಕೊಳ್ಳಲಾಗಿದೆ.',
} satisfies Translation;

/** The return page's lines (dist/return.js reads these; the element never does). */
export const page: PageWords = {
  // Return page: the window's title while it finishes.
  title: 'DigiLocker ನಿಂದ ಹಿಂತಿರುಗುತ್ತಿದೆ',
  // Return page: its one line while it hands the result back. Ends with an ellipsis.
  finishing: 'ನಿಮ್ಮ DigiLocker ಪರಿಶೀಲನೆ ಪೂರ್ಣಗೊಳ್ಳುತ್ತಿದೆ…',
  // Return page: its last line when the window cannot close itself.
  close: 'ನೀವು ಈಗ ಈ ವಿಂಡೋವನ್ನು ಮುಚ್ಚಬಹುದು.',
};
