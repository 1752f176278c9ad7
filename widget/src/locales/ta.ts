// Tamil (தமிழ்) (ta): every line the customer reads, one key a line, loaded on demand.
// Tamil script; sentences end with a full stop.
// A machine-assisted draft by the engineering team, not yet reviewed by a native speaker: a
// correction is a change to its key's line (docs/translations.md). DigiLocker, Aadhaar and
// {merchant} stay as they are, in Latin script.
import type { PageWords, Translation } from '../strings.js';

/** The element's lines: the keys of KycStrings (strings.ts). */
export default {
  // Main button that starts the journey. A polite request, short enough for one line at 320 px.
  start: 'DigiLocker மூலம் சரிபார்க்கவும்',
  // Line above the start button. {merchant} is the business name, kept as given. Plain, polite.
  share: 'DigiLocker-இல் உள்ள உங்கள் ஆவணங்களை {merchant} உடன் பகிரவும்.',
  // Stands in for {merchant} when no name is given: reads inside the share and contact lines.
  site: 'இந்தத் தளம்',
  // Start button after an error a retry can fix. Short, polite.
  retry: 'மீண்டும் முயலவும்',
  // Button while DigiLocker is open in its window: brings it back. Short.
  reopen: 'DigiLocker-ஐ மீண்டும் திறக்கவும்',
  // Button while DigiLocker is open: ends the attempt. One or two words.
  cancel: 'ரத்துசெய்யவும்',
  // Button when consent was given but its return did not reach this page. One or two words; the unconfirmed line names it.
  continue: 'தொடரவும்',
  // Status line while the link is made; also the waiting window's title and text. Ends with an ellipsis.
  connecting: 'DigiLocker உடன் இணைக்கிறது…',
  // Status line while the customer is in the DigiLocker window. Plain instruction.
  awaiting: 'DigiLocker சாளரத்தில் முடிக்கவும்.',
  // Status line when the DigiLocker window was closed; Reopen and Cancel are beside it.
  closed: 'DigiLocker-ஐ மூடிவிட்டீர்களா? மீண்டும் திறக்கவும், அல்லது ரத்துசெய்யவும்.',
  // Status line while the server confirms consent. Ends with an ellipsis.
  verifying: 'உங்கள் ஒப்புதல் சரிபார்க்கப்படுகிறது…',
  // Success heading beside the check mark. Short statement, no exclamation.
  complete: 'DigiLocker மூலம் சரிபார்க்கப்பட்டது',
  // Under the success heading: the documents were shared, the customer can go on.
  next: 'உங்கள் ஆவணங்கள் பகிரப்பட்டன. நீங்கள் தொடரலாம்.',
  // Status line after the customer cancelled. Neutral.
  cancelled: 'ரத்துசெய்யப்பட்டது.',
  // Status line when the customer declined in DigiLocker. Neutral, never blaming.
  denied: 'நீங்கள் ஆவணங்களைப் பகிரவில்லை.',
  // Status line beside the Continue button: names that button in this language's word for it.
  unconfirmed: 'DigiLocker-இல் முடித்துவிட்டீர்களா? இங்கே முடிக்க தொடரவும் என்பதை அழுத்தவும்.',
  // Error line, network failure; a Try again button is beside it, so it ends in "try again".
  errorNetwork: 'சரிபார்ப்புச் சேவையை அணுக முடியவில்லை. மீண்டும் முயலவும்.',
  // Error line, the link expired; ends in "try again" (a new link comes with it).
  errorExpired: 'இணைப்பு காலாவதியானது. புதிய இணைப்புக்கு மீண்டும் முயலவும்.',
  // Error line, the journey took too long; ends in "try again".
  errorTimeout: 'அதிக நேரம் ஆனது. மீண்டும் முயலவும்.',
  // Error line, too many attempts; wait a minute, then "try again".
  errorRateLimited: 'பல முறை முயற்சிக்கப்பட்டது. ஒரு நிமிடம் காத்திருந்து மீண்டும் முயலவும்.',
  // Error line: DigiLocker was finished in another browser; "try again" here.
  errorUnconfirmed: 'இந்த உலாவியில் DigiLocker முடிக்கப்படவில்லை. இங்கேயே மீண்டும் முயலவும்.',
  // Error line, DigiLocker or Eko failing for a while; "try again" in a few minutes.
  errorLater: 'DigiLocker தற்போது அதிக பயன்பாட்டில் உள்ளது. சில நிமிடங்கள் கழித்து மீண்டும் முயலவும்.',
  // Error line for any other fault a retry can fix; ends in "try again".
  errorRetryable: 'ஏதோ தவறு நடந்தது. மீண்டும் முயலவும்.',
  // Error line, pop-ups blocked; no Try again button, so never "try again": allow pop-ups, reload.
  errorPopup: 'இந்தத் தளத்திற்கு பாப்-அப்களை அனுமதித்து, பக்கத்தை மீண்டும் ஏற்றவும்.',
  // Error line, the attempt's token is no longer accepted; never "try again": reload the page.
  errorReload: 'இந்த இணைப்பு காலாவதியானது. மீண்டும் தொடங்க பக்கத்தை மீண்டும் ஏற்றவும்.',
  // Error line for a fault of the site's setup; never "try again": contact {merchant}.
  errorFatal: 'சரிபார்ப்பு கிடைக்கவில்லை. தயவுசெய்து {merchant}-ஐத் தொடர்புகொள்ளவும்.',
  // Status line after consent, while the merchant's page checks the result. Ends with an ellipsis.
  received: 'ஒப்புதல் கிடைத்தது, சரிபார்க்கப்படுகிறது…',
  // Status line when the page never said how it ended: neutral, no claim of verification.
  shared: 'ஒப்புதல் {merchant} உடன் பகிரப்பட்டது.',
} satisfies Translation;

/** The return page's lines (dist/return.js reads these; the element never does). */
export const page: PageWords = {
  // Return page: the window's title while it finishes.
  title: 'DigiLocker-இலிருந்து திரும்புகிறது',
  // Return page: its one line while it hands the result back. Ends with an ellipsis.
  finishing: 'உங்கள் DigiLocker சரிபார்ப்பு நிறைவடைகிறது…',
  // Return page: its last line when the window cannot close itself.
  close: 'இப்போது இந்தச் சாளரத்தை மூடலாம்.',
};
