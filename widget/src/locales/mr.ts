// Marathi (मराठी) (mr): every line the customer reads, one key a line, loaded on demand.
// Devanagari script; sentences end with a full stop, as modern Marathi writes them.
// A machine-assisted draft by the engineering team, not yet reviewed by a native speaker: a
// correction is a change to its key's line (docs/translations.md). DigiLocker, Aadhaar and
// {merchant} stay as they are, in Latin script.
import type { PageWords, Translation } from '../strings.js';

/** The element's lines: the keys of KycStrings (strings.ts). */
export default {
  // Main button that starts the journey. A polite request, short enough for one line at 320 px.
  start: 'DigiLocker ने पडताळणी करा',
  // Line above the start button. {merchant} is the business name, kept as given. Plain, polite.
  share: 'DigiLocker मधील तुमची कागदपत्रे {merchant} सोबत शेअर करा.',
  // Stands in for {merchant} when no name is given: reads inside the share and contact lines.
  site: 'या साइट',
  // Start button after an error a retry can fix. Short, polite.
  retry: 'पुन्हा प्रयत्न करा',
  // Button while DigiLocker is open in its window: brings it back. Short.
  reopen: 'DigiLocker पुन्हा उघडा',
  // Button while DigiLocker is open: ends the attempt. One or two words.
  cancel: 'रद्द करा',
  // Button when consent was given but its return did not reach this page. One or two words; the unconfirmed line names it.
  continue: 'सुरू ठेवा',
  // Status line while the link is made; also the waiting window's title and text. Ends with an ellipsis.
  connecting: 'DigiLocker शी जोडत आहोत…',
  // Status line while the customer is in the DigiLocker window. Plain instruction.
  awaiting: 'DigiLocker विंडोमध्ये पूर्ण करा.',
  // Status line when the DigiLocker window was closed; Reopen and Cancel are beside it.
  closed: 'DigiLocker बंद केले? ते पुन्हा उघडा, किंवा रद्द करा.',
  // Status line while the server confirms consent. Ends with an ellipsis.
  verifying: 'तुमची संमती तपासत आहोत…',
  // Success heading beside the check mark. Short statement, no exclamation.
  complete: 'DigiLocker ने पडताळणी झाली',
  // Under the success heading: the documents were shared, the customer can go on.
  next: 'तुमची कागदपत्रे शेअर झाली. तुम्ही पुढे जाऊ शकता.',
  // Status line after the customer cancelled. Neutral.
  cancelled: 'रद्द केले.',
  // Status line when the customer declined in DigiLocker. Neutral, never blaming.
  denied: 'तुम्ही कागदपत्रे शेअर केली नाहीत.',
  // Status line beside the Continue button: names that button in this language's word for it.
  unconfirmed: 'DigiLocker मध्ये पूर्ण केले? इथे पूर्ण करण्यासाठी सुरू ठेवा दाबा.',
  // Error line, network failure; a Try again button is beside it, so it ends in "try again".
  errorNetwork: 'पडताळणी सेवेशी संपर्क होऊ शकला नाही. पुन्हा प्रयत्न करा.',
  // Error line, the link expired; ends in "try again" (a new link comes with it).
  errorExpired: 'लिंकची मुदत संपली. नवीन लिंकसाठी पुन्हा प्रयत्न करा.',
  // Error line, the journey took too long; ends in "try again".
  errorTimeout: 'खूप वेळ लागला. पुन्हा प्रयत्न करा.',
  // Error line, too many attempts; wait a minute, then "try again".
  errorRateLimited: 'खूप प्रयत्न झाले. एक मिनिट थांबा, मग पुन्हा प्रयत्न करा.',
  // Error line: DigiLocker was finished in another browser; "try again" here.
  errorUnconfirmed: 'DigiLocker या ब्राउझरमध्ये पूर्ण झाले नाही. इथेच पुन्हा प्रयत्न करा.',
  // Error line, DigiLocker or Eko failing for a while; "try again" in a few minutes.
  errorLater: 'DigiLocker व्यस्त आहे. काही मिनिटांनी पुन्हा प्रयत्न करा.',
  // Error line for any other fault a retry can fix; ends in "try again".
  errorRetryable: 'काहीतरी चुकले. पुन्हा प्रयत्न करा.',
  // Error line, pop-ups blocked; no Try again button, so never "try again": allow pop-ups, reload.
  errorPopup: 'या साइटसाठी पॉप-अप चालू करा, मग पेज रीलोड करा.',
  // Error line, the attempt's token is no longer accepted; never "try again": reload the page.
  errorReload: 'या लिंकची मुदत संपली. पुन्हा सुरू करण्यासाठी पेज रीलोड करा.',
  // Error line for a fault of the site's setup; never "try again": contact {merchant}.
  errorFatal: 'पडताळणी उपलब्ध नाही. कृपया {merchant} शी संपर्क साधा.',
  // Status line after consent, while the merchant's page checks the result. Ends with an ellipsis.
  received: 'संमती मिळाली, तपासणी सुरू आहे…',
  // Status line when the page never said how it ended: neutral, no claim of verification.
  shared: 'संमती {merchant} सोबत शेअर केली.',
} satisfies Translation;

/** The return page's lines (dist/return.js reads these; the element never does). */
export const page: PageWords = {
  // Return page: the window's title while it finishes.
  title: 'DigiLocker मधून परत येत आहोत',
  // Return page: its one line while it hands the result back. Ends with an ellipsis.
  finishing: 'तुमची DigiLocker पडताळणी पूर्ण होत आहे…',
  // Return page: its last line when the window cannot close itself.
  close: 'आता तुम्ही ही विंडो बंद करू शकता.',
};
