// Telugu (తెలుగు) (te): every line the customer reads, one key a line, loaded on demand.
// Telugu script; sentences end with a full stop.
// A machine-assisted draft by the engineering team, not yet reviewed by a native speaker: a
// correction is a change to its key's line (docs/translations.md). DigiLocker, Aadhaar and
// {merchant} stay as they are, in Latin script.
import type { PageWords, Translation } from '../strings.js';

/** The element's lines: the keys of KycStrings (strings.ts). */
export default {
  // Main button that starts the journey. A polite request, short enough for one line at 320 px.
  start: 'DigiLocker తో ధృవీకరించండి',
  // Line above the start button. {merchant} is the business name, kept as given. Plain, polite.
  share: 'DigiLocker నుండి మీ పత్రాలను {merchant} తో పంచుకోండి.',
  // Stands in for {merchant} when no name is given: reads inside the share and contact lines.
  site: 'ఈ సైట్',
  // Start button after an error a retry can fix. Short, polite.
  retry: 'మళ్లీ ప్రయత్నించండి',
  // Button while DigiLocker is open in its window: brings it back. Short.
  reopen: 'DigiLocker ను మళ్లీ తెరవండి',
  // Button while DigiLocker is open: ends the attempt. One or two words.
  cancel: 'రద్దు చేయండి',
  // Button when consent was given but its return did not reach this page. One or two words; the unconfirmed line names it.
  continue: 'కొనసాగించండి',
  // Status line while the link is made; also the waiting window's title and text. Ends with an ellipsis.
  connecting: 'DigiLocker కు కనెక్ట్ అవుతోంది…',
  // Status line while the customer is in the DigiLocker window. Plain instruction.
  awaiting: 'DigiLocker విండోలో పూర్తి చేయండి.',
  // Status line when the DigiLocker window was closed; Reopen and Cancel are beside it.
  closed: 'DigiLocker మూసివేశారా? దాన్ని మళ్లీ తెరవండి, లేదా రద్దు చేయండి.',
  // Status line while the server confirms consent. Ends with an ellipsis.
  verifying: 'మీ సమ్మతిని తనిఖీ చేస్తున్నాం…',
  // Success heading beside the check mark. Short statement, no exclamation.
  complete: 'DigiLocker తో ధృవీకరించబడింది',
  // Under the success heading: the documents were shared, the customer can go on.
  next: 'మీ పత్రాలు పంచుకోబడ్డాయి. మీరు కొనసాగవచ్చు.',
  // Status line after the customer cancelled. Neutral.
  cancelled: 'రద్దు చేయబడింది.',
  // Status line when the customer declined in DigiLocker. Neutral, never blaming.
  denied: 'మీరు పత్రాలను పంచుకోలేదు.',
  // Status line beside the Continue button: names that button in this language's word for it.
  unconfirmed: 'DigiLocker లో పూర్తి చేశారా? ఇక్కడ ముగించడానికి కొనసాగించండి నొక్కండి.',
  // Error line, network failure; a Try again button is beside it, so it ends in "try again".
  errorNetwork: 'ధృవీకరణ సేవను చేరుకోలేకపోతున్నాం. మళ్లీ ప్రయత్నించండి.',
  // Error line, the link expired; ends in "try again" (a new link comes with it).
  errorExpired: 'లింక్ గడువు ముగిసింది. కొత్త లింక్ కోసం మళ్లీ ప్రయత్నించండి.',
  // Error line, the journey took too long; ends in "try again".
  errorTimeout: 'చాలా సమయం పట్టింది. మళ్లీ ప్రయత్నించండి.',
  // Error line, too many attempts; wait a minute, then "try again".
  errorRateLimited: 'చాలా ప్రయత్నాలు జరిగాయి. ఒక నిమిషం ఆగి, మళ్లీ ప్రయత్నించండి.',
  // Error line: DigiLocker was finished in another browser; "try again" here.
  errorUnconfirmed: 'ఈ బ్రౌజర్‌లో DigiLocker పూర్తి కాలేదు. ఇక్కడే మళ్లీ ప్రయత్నించండి.',
  // Error line, DigiLocker or Eko failing for a while; "try again" in a few minutes.
  errorLater: 'DigiLocker బిజీగా ఉంది. కొన్ని నిమిషాల తర్వాత మళ్లీ ప్రయత్నించండి.',
  // Error line for any other fault a retry can fix; ends in "try again".
  errorRetryable: 'ఏదో పొరపాటు జరిగింది. మళ్లీ ప్రయత్నించండి.',
  // Error line, pop-ups blocked; no Try again button, so never "try again": allow pop-ups, reload.
  errorPopup: 'ఈ సైట్‌కు పాప్-అప్‌లను అనుమతించి, పేజీని రీలోడ్ చేయండి.',
  // Error line, the attempt's token is no longer accepted; never "try again": reload the page.
  errorReload: 'ఈ లింక్ గడువు ముగిసింది. మళ్లీ మొదలుపెట్టడానికి పేజీని రీలోడ్ చేయండి.',
  // Error line for a fault of the site's setup; never "try again": contact {merchant}.
  errorFatal: 'ధృవీకరణ అందుబాటులో లేదు. దయచేసి {merchant} ను సంప్రదించండి.',
  // Status line after consent, while the merchant's page checks the result. Ends with an ellipsis.
  received: 'సమ్మతి అందింది, తనిఖీ చేస్తోంది…',
  // Status line when the page never said how it ended: neutral, no claim of verification.
  shared: 'సమ్మతి {merchant}తో పంచుకోబడింది.',
} satisfies Translation;

/** The return page's lines (dist/return.js reads these; the element never does). */
export const page: PageWords = {
  // Return page: the window's title while it finishes.
  title: 'DigiLocker నుండి తిరిగి వస్తోంది',
  // Return page: its one line while it hands the result back. Ends with an ellipsis.
  finishing: 'మీ DigiLocker ధృవీకరణ పూర్తవుతోంది…',
  // Return page: its last line when the window cannot close itself.
  close: 'ఇప్పుడు మీరు ఈ విండోను మూసివేయవచ్చు.',
};
