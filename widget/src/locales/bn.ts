// Bengali (বাংলা) (bn): every line the customer reads, one key a line, loaded on demand.
// Bengali script; sentences end with the danda ।
// A machine-assisted draft by the engineering team, not yet reviewed by a native speaker: a
// correction is a change to its key's line (docs/translations.md). DigiLocker, Aadhaar and
// {merchant} stay as they are, in Latin script.
import type { PageWords, Translation } from '../strings.js';

/** The element's lines: the keys of KycStrings (strings.ts). */
export default {
  // Main button that starts the journey. A polite request, short enough for one line at 320 px.
  start: 'DigiLocker দিয়ে যাচাই করুন',
  // Line above the start button. {merchant} is the business name, kept as given. Plain, polite.
  share: 'DigiLocker থেকে আপনার নথি {merchant}-এর সাথে শেয়ার করুন।',
  // Stands in for {merchant} when no name is given: reads inside the share and contact lines.
  site: 'এই সাইট',
  // Start button after an error a retry can fix. Short, polite.
  retry: 'আবার চেষ্টা করুন',
  // Button while DigiLocker is open in its window: brings it back. Short.
  reopen: 'DigiLocker আবার খুলুন',
  // Button while DigiLocker is open: ends the attempt. One or two words.
  cancel: 'বাতিল করুন',
  // Button when consent was given but its return did not reach this page. One or two words; the unconfirmed line names it.
  continue: 'চালিয়ে যান',
  // Status line while the link is made; also the waiting window's title and text. Ends with an ellipsis.
  connecting: 'DigiLocker-এর সাথে সংযোগ করা হচ্ছে…',
  // Status line while the customer is in the DigiLocker window. Plain instruction.
  awaiting: 'DigiLocker উইন্ডোতে কাজটি শেষ করুন।',
  // Status line when the DigiLocker window was closed; Reopen and Cancel are beside it.
  closed: 'DigiLocker বন্ধ করেছেন? আবার খুলুন, অথবা বাতিল করুন।',
  // Status line while the server confirms consent. Ends with an ellipsis.
  verifying: 'আপনার সম্মতি যাচাই করা হচ্ছে…',
  // Success heading beside the check mark. Short statement, no exclamation.
  complete: 'DigiLocker দিয়ে যাচাই সম্পন্ন',
  // Under the success heading: the documents were shared, the customer can go on.
  next: 'আপনার নথি শেয়ার করা হয়েছে। আপনি এগিয়ে যেতে পারেন।',
  // Status line after the customer cancelled. Neutral.
  cancelled: 'বাতিল করা হয়েছে।',
  // Status line when the customer declined in DigiLocker. Neutral, never blaming.
  denied: 'আপনি নথি শেয়ার করেননি।',
  // Status line beside the Continue button: names that button in this language's word for it.
  unconfirmed: 'DigiLocker-এ কাজ শেষ করেছেন? এখানে শেষ করতে চালিয়ে যান টিপুন।',
  // Error line, network failure; a Try again button is beside it, so it ends in "try again".
  errorNetwork: 'যাচাই পরিষেবার সাথে যোগাযোগ করা যাচ্ছে না। আবার চেষ্টা করুন।',
  // Error line, the link expired; ends in "try again" (a new link comes with it).
  errorExpired: 'লিঙ্কের মেয়াদ শেষ। নতুন লিঙ্কের জন্য আবার চেষ্টা করুন।',
  // Error line, the journey took too long; ends in "try again".
  errorTimeout: 'অনেক বেশি সময় লেগেছে। আবার চেষ্টা করুন।',
  // Error line, too many attempts; wait a minute, then "try again".
  errorRateLimited: 'অনেকবার চেষ্টা হয়েছে। এক মিনিট অপেক্ষা করে আবার চেষ্টা করুন।',
  // Error line: DigiLocker was finished in another browser; "try again" here.
  errorUnconfirmed: 'এই ব্রাউজারে DigiLocker শেষ হয়নি। এখানেই আবার চেষ্টা করুন।',
  // Error line, DigiLocker or Eko failing for a while; "try again" in a few minutes.
  errorLater: 'DigiLocker এখন ব্যস্ত। কয়েক মিনিট পরে আবার চেষ্টা করুন।',
  // Error line for any other fault a retry can fix; ends in "try again".
  errorRetryable: 'কিছু ভুল হয়েছে। আবার চেষ্টা করুন।',
  // Error line, pop-ups blocked; no Try again button, so never "try again": allow pop-ups, reload.
  errorPopup: 'এই সাইটের জন্য পপ-আপ চালু করুন, তারপর পেজটি রিলোড করুন।',
  // Error line, the attempt's token is no longer accepted; never "try again": reload the page.
  errorReload: 'এই লিঙ্কের মেয়াদ শেষ। নতুন করে শুরু করতে পেজটি রিলোড করুন।',
  // Error line for a fault of the site's setup; never "try again": contact {merchant}.
  errorFatal: 'যাচাই এখন করা যাচ্ছে না। অনুগ্রহ করে {merchant}-এর সাথে যোগাযোগ করুন।',
  // Status line after consent, while the merchant's page checks the result. Ends with an ellipsis.
  received: 'সম্মতি পাওয়া গেছে, যাচাই করা হচ্ছে…',
  // Status line when the page never said how it ended: neutral, no claim of verification.
  shared: '{merchant}-এর সাথে সম্মতি শেয়ার করা হয়েছে।',
} satisfies Translation;

/** The return page's lines (dist/return.js reads these; the element never does). */
export const page: PageWords = {
  // Return page: the window's title while it finishes.
  title: 'DigiLocker থেকে ফিরে আসা হচ্ছে',
  // Return page: its one line while it hands the result back. Ends with an ellipsis.
  finishing: 'আপনার DigiLocker যাচাই শেষ করা হচ্ছে…',
  // Return page: its last line when the window cannot close itself.
  close: 'আপনি এখন এই উইন্ডোটি বন্ধ করতে পারেন।',
};
