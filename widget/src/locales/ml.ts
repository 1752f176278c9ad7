// Malayalam (മലയാളം) (ml): every line the customer reads, one key a line, loaded on demand.
// Malayalam script; sentences end with a full stop.
// A machine-assisted draft by the engineering team, not yet reviewed by a native speaker: a
// correction is a change to its key's line (docs/translations.md). DigiLocker, Aadhaar and
// {merchant} stay as they are, in Latin script.
import type { PageWords, Translation } from '../strings.js';

/** The element's lines: the keys of KycStrings (strings.ts). */
export default {
  // Main button that starts the journey. A polite request, short enough for one line at 320 px.
  start: 'DigiLocker വഴി പരിശോധിക്കുക',
  // Line above the start button. {merchant} is the business name, kept as given. Plain, polite.
  share: 'DigiLocker-ൽ നിന്ന് നിങ്ങളുടെ രേഖകൾ {merchant}-മായി പങ്കിടുക.',
  // Stands in for {merchant} when no name is given: reads inside the share and contact lines.
  site: 'ഈ സൈറ്റ്',
  // Start button after an error a retry can fix. Short, polite.
  retry: 'വീണ്ടും ശ്രമിക്കുക',
  // Button while DigiLocker is open in its window: brings it back. Short.
  reopen: 'DigiLocker വീണ്ടും തുറക്കുക',
  // Button while DigiLocker is open: ends the attempt. One or two words.
  cancel: 'റദ്ദാക്കുക',
  // Button when consent was given but its return did not reach this page. One or two words; the unconfirmed line names it.
  continue: 'തുടരുക',
  // Status line while the link is made; also the waiting window's title and text. Ends with an ellipsis.
  connecting: 'DigiLocker-മായി ബന്ധിപ്പിക്കുന്നു…',
  // Status line while the customer is in the DigiLocker window. Plain instruction.
  awaiting: 'DigiLocker വിൻഡോയിൽ പൂർത്തിയാക്കുക.',
  // Status line when the DigiLocker window was closed; Reopen and Cancel are beside it.
  closed: 'DigiLocker അടച്ചോ? അത് വീണ്ടും തുറക്കുക, അല്ലെങ്കിൽ റദ്ദാക്കുക.',
  // Status line while the server confirms consent. Ends with an ellipsis.
  verifying: 'നിങ്ങളുടെ സമ്മതം പരിശോധിക്കുന്നു…',
  // Success heading beside the check mark. Short statement, no exclamation.
  complete: 'DigiLocker വഴി പരിശോധിച്ചു',
  // Under the success heading: the documents were shared, the customer can go on.
  next: 'നിങ്ങളുടെ രേഖകൾ പങ്കിട്ടു. നിങ്ങൾക്ക് തുടരാം.',
  // Status line after the customer cancelled. Neutral.
  cancelled: 'റദ്ദാക്കി.',
  // Status line when the customer declined in DigiLocker. Neutral, never blaming.
  denied: 'നിങ്ങൾ രേഖകൾ പങ്കിട്ടില്ല.',
  // Status line beside the Continue button: names that button in this language's word for it.
  unconfirmed: 'DigiLocker-ൽ പൂർത്തിയാക്കിയോ? ഇവിടെ പൂർത്തിയാക്കാൻ തുടരുക അമർത്തുക.',
  // Error line, network failure; a Try again button is beside it, so it ends in "try again".
  errorNetwork: 'പരിശോധനാ സേവനത്തിൽ എത്താൻ കഴിയുന്നില്ല. വീണ്ടും ശ്രമിക്കുക.',
  // Error line, the link expired; ends in "try again" (a new link comes with it).
  errorExpired: 'ലിങ്കിന്റെ കാലാവധി കഴിഞ്ഞു. പുതിയ ലിങ്കിനായി വീണ്ടും ശ്രമിക്കുക.',
  // Error line, the journey took too long; ends in "try again".
  errorTimeout: 'വളരെയധികം സമയമെടുത്തു. വീണ്ടും ശ്രമിക്കുക.',
  // Error line, too many attempts; wait a minute, then "try again".
  errorRateLimited: 'വളരെയധികം ശ്രമങ്ങൾ. ഒരു മിനിറ്റ് കാത്തിരുന്ന് വീണ്ടും ശ്രമിക്കുക.',
  // Error line: DigiLocker was finished in another browser; "try again" here.
  errorUnconfirmed: 'ഈ ബ്രൗസറിൽ DigiLocker പൂർത്തിയായില്ല. ഇവിടെത്തന്നെ വീണ്ടും ശ്രമിക്കുക.',
  // Error line, DigiLocker or Eko failing for a while; "try again" in a few minutes.
  errorLater: 'DigiLocker തിരക്കിലാണ്. കുറച്ച് മിനിറ്റുകൾക്ക് ശേഷം വീണ്ടും ശ്രമിക്കുക.',
  // Error line for any other fault a retry can fix; ends in "try again".
  errorRetryable: 'എന്തോ പിഴവ് സംഭവിച്ചു. വീണ്ടും ശ്രമിക്കുക.',
  // Error line, pop-ups blocked; no Try again button, so never "try again": allow pop-ups, reload.
  errorPopup: 'ഈ സൈറ്റിനായി പോപ്പ്-അപ്പുകൾ അനുവദിക്കുക, തുടർന്ന് പേജ് റീലോഡ് ചെയ്യുക.',
  // Error line, the attempt's token is no longer accepted; never "try again": reload the page.
  errorReload: 'ഈ ലിങ്കിന്റെ കാലാവധി കഴിഞ്ഞു. വീണ്ടും തുടങ്ങാൻ പേജ് റീലോഡ് ചെയ്യുക.',
  // Error line for a fault of the site's setup; never "try again": contact {merchant}.
  errorFatal: 'പരിശോധന ലഭ്യമല്ല. ദയവായി {merchant}-നെ ബന്ധപ്പെടുക.',
  // Status line after consent, while the merchant's page checks the result. Ends with an ellipsis.
  received: 'സമ്മതം ലഭിച്ചു, പരിശോധിക്കുന്നു…',
  // Status line when the page never said how it ended: neutral, no claim of verification.
  shared: 'സമ്മതം {merchant}-മായി പങ്കിട്ടു.',
} satisfies Translation;

/** The return page's lines (dist/return.js reads these; the element never does). */
export const page: PageWords = {
  // Return page: the window's title while it finishes.
  title: 'DigiLocker-ൽ നിന്ന് തിരികെ വരുന്നു',
  // Return page: its one line while it hands the result back. Ends with an ellipsis.
  finishing: 'നിങ്ങളുടെ DigiLocker പരിശോധന പൂർത്തിയാക്കുന്നു…',
  // Return page: its last line when the window cannot close itself.
  close: 'നിങ്ങൾക്ക് ഇപ്പോൾ ഈ വിൻഡോ അടയ്ക്കാം.',
};
