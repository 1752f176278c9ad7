// The words of the signing server's own pages, in the widget's two languages.
//
// The server cannot know the widget's `locale` (DigiLocker holds the return URL, and nothing
// else reaches the page), so it follows the browser's Accept-Language; the return script then
// switches to the journey's language where it can (see widget/src/page-locale.ts).
import Negotiator from 'negotiator';

export const PAGE_LANGS = ['en', 'hi'] as const;
export type PageLang = (typeof PAGE_LANGS)[number];

/**
 * The language of a page for a request's Accept-Language: Hindi when the browser prefers it to
 * English (negotiated as Express's `req.acceptsLanguages()` does).
 */
export function pageLang(acceptLanguage: string | undefined): PageLang {
  if (acceptLanguage === undefined) return 'en';
  const best = new Negotiator({ headers: { 'accept-language': acceptLanguage } }).language([
    ...PAGE_LANGS,
  ]);
  return best === 'hi' ? 'hi' : 'en';
}

export interface PageText {
  title: string;
  finishing: string;
  noscript: string;
  /** The warning page of a return that reached a browser that did not start the attempt. */
  foreignTitle: string;
  foreignHeading: string;
  foreignBody: string;
  /** The page shown when the return could not be recorded (the shared store is down). */
  retryTitle: string;
  retryBody: string;
}

export const RETURN_TEXT: Readonly<Record<PageLang, PageText>> = {
  en: {
    title: 'Returning from DigiLocker',
    finishing: 'Finishing your DigiLocker verification…',
    noscript: 'JavaScript is off: close this window and return to the page you came from.',
    foreignTitle: 'Verification started elsewhere',
    foreignHeading: 'This verification was started on another device',
    foreignBody:
      'You shared DigiLocker documents for a verification that was started in another browser or device. If you did not start it yourself, someone who sent you this link may be trying to use your identity: do not share the link, and contact the business that asked you to verify. Your documents were not passed on from this page.',
    retryTitle: 'Please try again',
    retryBody: 'We could not record your return just now. Please reload this page in a moment.',
  },
  hi: {
    title: 'DigiLocker से लौट रहे हैं',
    finishing: 'आपका DigiLocker सत्यापन पूरा हो रहा है…',
    noscript: 'JavaScript बंद है: यह विंडो बंद करें और जिस पेज से आए थे, वहाँ लौटें।',
    foreignTitle: 'सत्यापन कहीं और शुरू हुआ था',
    foreignHeading: 'यह सत्यापन किसी दूसरे डिवाइस पर शुरू किया गया था',
    foreignBody:
      'आपने DigiLocker दस्तावेज़ एक ऐसे सत्यापन के लिए साझा किए जो किसी दूसरे ब्राउज़र या डिवाइस पर शुरू किया गया था। अगर इसे आपने खुद शुरू नहीं किया, तो जिसने आपको यह लिंक भेजा वह आपकी पहचान का उपयोग करने की कोशिश कर सकता है: लिंक किसी से साझा न करें, और जिस व्यवसाय ने सत्यापन माँगा था उससे संपर्क करें। इस पेज से आपके दस्तावेज़ आगे नहीं भेजे गए।',
    retryTitle: 'कृपया फिर से कोशिश करें',
    retryBody: 'हम अभी आपकी वापसी दर्ज नहीं कर सके। कृपया थोड़ी देर में यह पेज फिर से लोड करें।',
  },
};
