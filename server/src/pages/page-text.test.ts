// The server pages' words: every language has every line in its own script, and a page picks its
// language from an explicit `lang`, else Accept-Language.
import { describe, expect, it } from 'vitest';
import { PAGE_LANGS, pageLang, pageText, RETURN_TEXT } from './page-text.js';

const SCRIPT: Record<string, RegExp> = {
  en: /^[\x20-\x7e…]+$/,
  hi: /[\u0900-\u097f]/,
  bn: /[\u0980-\u09ff]/,
  gu: /[\u0a80-\u0aff]/,
  kn: /[\u0c80-\u0cff]/,
  ml: /[\u0d00-\u0d7f]/,
  mr: /[\u0900-\u097f]/,
  or: /[\u0b00-\u0b7f]/,
  pa: /[\u0a00-\u0a7f]/,
  ta: /[\u0b80-\u0bff]/,
  te: /[\u0c00-\u0c7f]/,
};

describe('page text', () => {
  it('has the eleven languages of the widget', () => {
    expect([...PAGE_LANGS].sort()).toEqual(Object.keys(SCRIPT).sort());
  });

  it.each([...PAGE_LANGS])('%s: every line, in its script, DigiLocker untranslated', (lang) => {
    const text = pageText(lang);
    expect(Object.keys(text)).toEqual(Object.keys(RETURN_TEXT.en));
    for (const [key, line] of Object.entries(text)) {
      expect(line, key).toMatch(SCRIPT[lang]!);
      expect(line.includes('DigiLocker'), key).toBe(
        RETURN_TEXT.en[key as 'title'].includes('DigiLocker'),
      );
    }
  });

  it('has the foreign-return and retry lines as written in English', () => {
    expect(RETURN_TEXT.en.foreignTitle).toBe('Verification started elsewhere');
    expect(RETURN_TEXT.en.retryTitle).toBe('Please try again');
    expect(RETURN_TEXT.en.foreignBody).toMatch(
      /^You shared DigiLocker documents .* not passed on from this page\.$/,
    );
  });

  it('picks an explicit lang first, then Accept-Language, then English', () => {
    expect(pageLang(undefined)).toBe('en');
    expect(pageLang('ta-IN,ta;q=0.9,en;q=0.5')).toBe('ta');
    expect(pageLang('en-GB,en;q=0.9,hi;q=0.5')).toBe('en');
    expect(pageLang('fr,de')).toBe('en');
    expect(pageLang('hi', 'bn')).toBe('bn');
    expect(pageLang('hi', 'ml-IN')).toBe('ml');
    expect(pageLang('hi', 'xx')).toBe('hi');
    expect(pageLang(undefined, 'TE')).toBe('te');
  });
});
