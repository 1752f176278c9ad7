// Hindi (हिन्दी) (hi): every line the customer reads, one key a line, loaded on demand.
// Devanagari script; sentences end with the danda ।
// A machine-assisted draft by the engineering team, not yet reviewed by a native speaker: a
// correction is a change to its key's line (docs/translations.md). DigiLocker, Aadhaar and
// {merchant} stay as they are, in Latin script.
import type { PageWords, Translation } from '../strings.js';

/** The element's lines: the keys of KycStrings (strings.ts). */
export default {
  // Main button that starts the journey. A polite request, short enough for one line at 320 px.
  start: 'DigiLocker से सत्यापित करें',
  // Line above the start button. {merchant} is the business name, kept as given. Plain, polite.
  share: 'DigiLocker से अपने दस्तावेज़ {merchant} के साथ साझा करें।',
  // Stands in for {merchant} when no name is given: reads inside the share and contact lines.
  site: 'इस साइट',
  // Start button after an error a retry can fix. Short, polite.
  retry: 'फिर से कोशिश करें',
  // Button while DigiLocker is open in its window: brings it back. Short.
  reopen: 'DigiLocker फिर खोलें',
  // Button while DigiLocker is open: ends the attempt. One or two words.
  cancel: 'रद्द करें',
  // Button when consent was given but its return did not reach this page. One or two words; the unconfirmed line names it.
  continue: 'जारी रखें',
  // Status line while the link is made; also the waiting window's title and text. Ends with an ellipsis.
  connecting: 'DigiLocker से जुड़ रहे हैं…',
  // Status line while the customer is in the DigiLocker window. Plain instruction.
  awaiting: 'DigiLocker विंडो में पूरा करें।',
  // Status line when the DigiLocker window was closed; Reopen and Cancel are beside it.
  closed: 'DigiLocker बंद कर दिया? उसे फिर खोलें, या रद्द करें।',
  // Status line while the server confirms consent. Ends with an ellipsis.
  verifying: 'सहमति जाँची जा रही है…',
  // Success heading beside the check mark. Short statement, no exclamation.
  complete: 'DigiLocker से सत्यापित',
  // Under the success heading: the documents were shared, the customer can go on.
  next: 'दस्तावेज़ साझा हो गए। अब आगे बढ़ें।',
  // Status line after the customer cancelled. Neutral.
  cancelled: 'रद्द किया गया।',
  // Status line when the customer declined in DigiLocker. Neutral, never blaming.
  denied: 'आपने दस्तावेज़ साझा नहीं किए।',
  // Status line beside the Continue button: names that button in this language's word for it.
  unconfirmed: 'DigiLocker में पूरा कर लिया? यहाँ पूरा करने के लिए जारी रखें दबाएँ।',
  // Error line, network failure; a Try again button is beside it, so it ends in "try again".
  errorNetwork: 'सत्यापन सेवा से संपर्क नहीं हो सका। फिर से कोशिश करें।',
  // Error line, the link expired; ends in "try again" (a new link comes with it).
  errorExpired: 'लिंक समाप्त हो गया। नए लिंक के लिए फिर से कोशिश करें।',
  // Error line, the journey took too long; ends in "try again".
  errorTimeout: 'बहुत समय लगा। फिर से कोशिश करें।',
  // Error line, too many attempts; wait a minute, then "try again".
  errorRateLimited: 'बहुत प्रयास हुए। एक मिनट बाद फिर से कोशिश करें।',
  // Error line: DigiLocker was finished in another browser; "try again" here.
  errorUnconfirmed: 'DigiLocker इस ब्राउज़र में पूरा नहीं हुआ। यहीं फिर से कोशिश करें।',
  // Error line, DigiLocker or Eko failing for a while; "try again" in a few minutes.
  errorLater: 'DigiLocker व्यस्त है। कुछ मिनट बाद फिर से कोशिश करें।',
  // Error line for any other fault a retry can fix; ends in "try again".
  errorRetryable: 'कुछ गलत हुआ। फिर से कोशिश करें।',
  // Error line, pop-ups blocked; no Try again button, so never "try again": allow pop-ups, reload.
  errorPopup: 'इस साइट के लिए पॉप-अप चालू करें, फिर पेज रीलोड करें।',
  // Error line, the attempt's token is no longer accepted; never "try again": reload the page.
  errorReload: 'लिंक समाप्त हो गया। पेज रीलोड करें।',
  // Error line for a fault of the site's setup; never "try again": contact {merchant}.
  errorFatal: 'सत्यापन उपलब्ध नहीं है। {merchant} से संपर्क करें।',
  // Status line after consent, while the merchant's page checks the result. Ends with an ellipsis.
  received: 'सहमति मिल गई, जाँच हो रही है…',
  // Status line when the page never said how it ended: neutral, no claim of verification.
  shared: 'सहमति {merchant} के साथ साझा की गई।',
} satisfies Translation;

/** The return page's lines (dist/return.js reads these; the element never does). */
export const page: PageWords = {
  // Return page: the window's title while it finishes.
  title: 'DigiLocker से लौट रहे हैं',
  // Return page: its one line while it hands the result back. Ends with an ellipsis.
  finishing: 'आपका DigiLocker सत्यापन पूरा हो रहा है…',
  // Return page: its last line when the window cannot close itself.
  close: 'अब आप यह विंडो बंद कर सकते हैं।',
};
