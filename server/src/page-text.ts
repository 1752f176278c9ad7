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

export const RETURN_TEXT: Readonly<
  Record<PageLang, { title: string; finishing: string; noscript: string }>
> = {
  en: {
    title: 'Returning from DigiLocker',
    finishing: 'Finishing your DigiLocker verification…',
    noscript: 'JavaScript is off: close this window and return to the page you came from.',
  },
  hi: {
    title: 'DigiLocker से लौट रहे हैं',
    finishing: 'आपका DigiLocker सत्यापन पूरा हो रहा है…',
    noscript: 'JavaScript बंद है: यह विंडो बंद करें और जिस पेज से आए थे, वहाँ लौटें।',
  },
};
