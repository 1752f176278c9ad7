// Odia (ଓଡ଼ିଆ) (or): every line the customer reads, one key a line, loaded on demand.
// Odia script; sentences end with the danda ।
// A machine-assisted draft by the engineering team, not yet reviewed by a native speaker: a
// correction is a change to its key's line (docs/translations.md). DigiLocker, Aadhaar and
// {merchant} stay as they are, in Latin script.
import type { PageWords, Translation } from '../strings.js';

/** The element's lines: the keys of KycStrings (strings.ts). */
export default {
  // Main button that starts the journey. A polite request, short enough for one line at 320 px.
  start: 'DigiLocker ମାଧ୍ୟମରେ ଯାଞ୍ଚ କରନ୍ତୁ',
  // Line above the start button. {merchant} is the business name, kept as given. Plain, polite.
  share: 'DigiLocker ରୁ ଆପଣଙ୍କ ଦସ୍ତାବିଜ {merchant} ସହ ସେୟାର କରନ୍ତୁ।',
  // Stands in for {merchant} when no name is given: reads inside the share and contact lines.
  site: 'ଏହି ସାଇଟ',
  // Start button after an error a retry can fix. Short, polite.
  retry: 'ପୁଣି ଚେଷ୍ଟା କରନ୍ତୁ',
  // Button while DigiLocker is open in its window: brings it back. Short.
  reopen: 'DigiLocker ପୁଣି ଖୋଲନ୍ତୁ',
  // Button while DigiLocker is open: ends the attempt. One or two words.
  cancel: 'ବାତିଲ କରନ୍ତୁ',
  // Button when consent was given but its return did not reach this page. One or two words; the unconfirmed line names it.
  continue: 'ଜାରି ରଖନ୍ତୁ',
  // Status line while the link is made; also the waiting window's title and text. Ends with an ellipsis.
  connecting: 'DigiLocker ସହ ସଂଯୋଗ କରାଯାଉଛି…',
  // Status line while the customer is in the DigiLocker window. Plain instruction.
  awaiting: 'DigiLocker ୱିଣ୍ଡୋରେ ସମ୍ପୂର୍ଣ୍ଣ କରନ୍ତୁ।',
  // Status line when the DigiLocker window was closed; Reopen and Cancel are beside it.
  closed: 'DigiLocker ବନ୍ଦ କରିଦେଲେ କି? ଏହାକୁ ପୁଣି ଖୋଲନ୍ତୁ, କିମ୍ବା ବାତିଲ କରନ୍ତୁ।',
  // Status line while the server confirms consent. Ends with an ellipsis.
  verifying: 'ଆପଣଙ୍କ ସମ୍ମତି ଯାଞ୍ଚ କରାଯାଉଛି…',
  // Success heading beside the check mark. Short statement, no exclamation.
  complete: 'DigiLocker ମାଧ୍ୟମରେ ଯାଞ୍ଚ ହୋଇଛି',
  // Under the success heading: the documents were shared, the customer can go on.
  next: 'ଆପଣଙ୍କ ଦସ୍ତାବିଜ ସେୟାର ହୋଇଛି। ଆପଣ ଆଗକୁ ବଢ଼ିପାରିବେ।',
  // Status line after the customer cancelled. Neutral.
  cancelled: 'ବାତିଲ ହୋଇଛି।',
  // Status line when the customer declined in DigiLocker. Neutral, never blaming.
  denied: 'ଆପଣ ଦସ୍ତାବିଜ ସେୟାର କରିନାହାନ୍ତି।',
  // Status line beside the Continue button: names that button in this language's word for it.
  unconfirmed: 'DigiLocker ରେ ସମ୍ପୂର୍ଣ୍ଣ କଲେ କି? ଏଠାରେ ଶେଷ କରିବାକୁ ଜାରି ରଖନ୍ତୁ ଦବାନ୍ତୁ।',
  // Error line, network failure; a Try again button is beside it, so it ends in "try again".
  errorNetwork: 'ଯାଞ୍ଚ ସେବା ସହ ଯୋଗାଯୋଗ ହୋଇପାରୁନାହିଁ। ପୁଣି ଚେଷ୍ଟା କରନ୍ତୁ।',
  // Error line, the link expired; ends in "try again" (a new link comes with it).
  errorExpired: 'ଲିଙ୍କର ସମୟ ସମାପ୍ତ ହୋଇଛି। ନୂଆ ଲିଙ୍କ ପାଇଁ ପୁଣି ଚେଷ୍ଟା କରନ୍ତୁ।',
  // Error line, the journey took too long; ends in "try again".
  errorTimeout: 'ବହୁତ ସମୟ ଲାଗିଲା। ପୁଣି ଚେଷ୍ଟା କରନ୍ତୁ।',
  // Error line, too many attempts; wait a minute, then "try again".
  errorRateLimited: 'ବହୁତ ଥର ଚେଷ୍ଟା ହୋଇଛି। ଏକ ମିନିଟ ଅପେକ୍ଷା କରି ପୁଣି ଚେଷ୍ଟା କରନ୍ତୁ।',
  // Error line: DigiLocker was finished in another browser; "try again" here.
  errorUnconfirmed: 'ଏହି ବ୍ରାଉଜରରେ DigiLocker ସମ୍ପୂର୍ଣ୍ଣ ହୋଇନାହିଁ। ଏଠାରେ ହିଁ ପୁଣି ଚେଷ୍ଟା କରନ୍ତୁ।',
  // Error line, DigiLocker or Eko failing for a while; "try again" in a few minutes.
  errorLater: 'DigiLocker ବ୍ୟସ୍ତ ଅଛି। କିଛି ମିନିଟ ପରେ ପୁଣି ଚେଷ୍ଟା କରନ୍ତୁ।',
  // Error line for any other fault a retry can fix; ends in "try again".
  errorRetryable: 'କିଛି ଭୁଲ ହୋଇଗଲା। ପୁଣି ଚେଷ୍ଟା କରନ୍ତୁ।',
  // Error line, pop-ups blocked; no Try again button, so never "try again": allow pop-ups, reload.
  errorPopup: 'ଏହି ସାଇଟ ପାଇଁ ପପ୍-ଅପ୍ ଅନୁମତି ଦିଅନ୍ତୁ, ତା’ପରେ ପେଜ ରିଲୋଡ କରନ୍ତୁ।',
  // Error line, the attempt's token is no longer accepted; never "try again": reload the page.
  errorReload: 'ଏହି ଲିଙ୍କର ସମୟ ସମାପ୍ତ ହୋଇଛି। ପୁଣି ଆରମ୍ଭ କରିବାକୁ ପେଜ ରିଲୋଡ କରନ୍ତୁ।',
  // Error line for a fault of the site's setup; never "try again": contact {merchant}.
  errorFatal: 'ଯାଞ୍ଚ ଉପଲବ୍ଧ ନାହିଁ। ଦୟାକରି {merchant} ସହ ଯୋଗାଯୋଗ କରନ୍ତୁ।',
  // Status line after consent, while the merchant's page checks the result. Ends with an ellipsis.
  received: 'ସମ୍ମତି ମିଳିଲା, ଯାଞ୍ଚ ଚାଲିଛି…',
  // Status line when the page never said how it ended: neutral, no claim of verification.
  shared: 'ସମ୍ମତି {merchant} ସହିତ ସେୟାର କରାଗଲା।',
} satisfies Translation;

/** The return page's lines (dist/return.js reads these; the element never does). */
export const page: PageWords = {
  // Return page: the window's title while it finishes.
  title: 'DigiLocker ରୁ ଫେରୁଛି',
  // Return page: its one line while it hands the result back. Ends with an ellipsis.
  finishing: 'ଆପଣଙ୍କ DigiLocker ଯାଞ୍ଚ ସମ୍ପୂର୍ଣ୍ଣ ହେଉଛି…',
  // Return page: its last line when the window cannot close itself.
  close: 'ଆପଣ ବର୍ତ୍ତମାନ ଏହି ୱିଣ୍ଡୋ ବନ୍ଦ କରିପାରିବେ।',
};
