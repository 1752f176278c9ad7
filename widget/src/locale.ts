// Which language the element speaks, and how a language's lines arrive: English is built in; each
// other language is its own small file, fetched with a dynamic import the first time it is needed.
import { languageFile } from './language-files.js';
import { type KycLocale, LOCALES, type Translation } from './strings.js';

/** Each language's lines once here (English's are built in); null: its file could not load. */
const arrived: Partial<Record<KycLocale, Translation | null>> = { en: {} };
const loading: Partial<Record<KycLocale, Promise<unknown>>> = {};
const warned = new Set<string>();

const supported = (tag: string) => {
  const primary = tag.toLowerCase().split('-')[0] as KycLocale;
  return LOCALES.includes(primary) ? primary : undefined;
};

/**
 * The language for a `locale` value: a supported code (a region is ignored: `ta-IN` is `ta`);
 * for `auto`, the first of the browser's languages that is supported, else English; anything
 * else is English, with one console warning per value naming what is supported.
 */
export function pickLocale(
  value: string | null | undefined,
  languages: readonly string[] = navigator.languages,
): KycLocale {
  if (value === 'auto') return languages.map(supported).find(Boolean) ?? 'en';
  const found = supported(value || 'en');
  if (!found && !warned.has(value!)) {
    warned.add(value!);
    console.warn(
      `<digilocker-kyc> locale="${value}" is not one of ${LOCALES}, auto: English it is.`,
    );
  }
  return found ?? 'en';
}

/** A language's lines when its file is here; null when it failed to load; undefined before. */
export function wordsOf(locale: KycLocale): Translation | null | undefined {
  return arrived[locale];
}

/** Fetches the file of a language other than English, once; settles when it has arrived or failed. */
export function fetchWords(locale: Exclude<KycLocale, 'en'>): Promise<unknown> {
  loading[locale] ??= languageFile(locale).then(
    (file) => {
      arrived[locale] = file.default;
    },
    () => {
      // A module that failed to load fails again from the browser's module map: English stays.
      arrived[locale] = null;
    },
  );
  return loading[locale];
}
