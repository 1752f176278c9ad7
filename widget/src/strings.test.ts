// The language files: every English key in each, in its own script, with DigiLocker, {merchant}
// and the sentence punctuation where they belong.
import { expect } from '@open-wc/testing';
import bn from './locales/bn.js';
import gu from './locales/gu.js';
import hi from './locales/hi.js';
import kn from './locales/kn.js';
import ml from './locales/ml.js';
import mr from './locales/mr.js';
import or from './locales/or.js';
import pa from './locales/pa.js';
import ta from './locales/ta.js';
import te from './locales/te.js';
import { PAGE_WORDS } from './return-text.js';
import { BUILT_IN_STRINGS, type KycStrings, LOCALES, type Translation } from './strings.js';

const { en } = BUILT_IN_STRINGS;
const keys = Object.keys(en) as (keyof KycStrings)[];

/** Each language's file, its script's Unicode block, and how its sentences end. */
const LANGUAGE_FILES: Record<string, { words: Translation; script: RegExp; stop: string }> = {
  hi: { words: hi, script: /[\u0900-\u097f]/, stop: '।' },
  bn: { words: bn, script: /[\u0980-\u09ff]/, stop: '।' },
  gu: { words: gu, script: /[\u0a80-\u0aff]/, stop: '.' },
  kn: { words: kn, script: /[\u0c80-\u0cff]/, stop: '.' },
  ml: { words: ml, script: /[\u0d00-\u0d7f]/, stop: '.' },
  mr: { words: mr, script: /[\u0900-\u097f]/, stop: '.' },
  or: { words: or, script: /[\u0b00-\u0b7f]/, stop: '।' },
  pa: { words: pa, script: /[\u0a00-\u0a7f]/, stop: '।' },
  ta: { words: ta, script: /[\u0b80-\u0bff]/, stop: '.' },
  te: { words: te, script: /[\u0c00-\u0c7f]/, stop: '.' },
};

describe('language files', () => {
  it('one for every supported language but English, which is built in', () => {
    expect(Object.keys(LANGUAGE_FILES).sort()).to.deep.equal(
      LOCALES.filter((code) => code !== 'en').sort(),
    );
  });

  for (const [code, { words, script, stop }] of Object.entries(LANGUAGE_FILES)) {
    describe(code, () => {
      it('has a line in its script for every English key, and no other key', () => {
        expect(Object.keys(words)).to.deep.equal(keys);
        for (const key of keys) expect(words[key], key).to.match(script);
      });

      it('keeps DigiLocker and {merchant} untranslated, where English has them', () => {
        for (const key of keys) {
          for (const word of ['DigiLocker', '{merchant}']) {
            expect(words[key]?.includes(word), `${key}: ${word}`).to.equal(en[key].includes(word));
          }
        }
      });

      it(`ends a sentence with "${stop}" where English ends one with "."`, () => {
        for (const key of keys) {
          const line = words[key] as string;
          if (en[key].endsWith('.')) expect(line.endsWith(stop), `${key}: ${line}`).to.equal(true);
          if (en[key].endsWith('…')) expect(line.endsWith('…'), `${key}: ${line}`).to.equal(true);
          // No Latin full stop in a danda script, and no stray ASCII digit anywhere.
          if (stop === '।') expect(line, key).not.to.match(/\.(\s|$)/);
          expect(line, key).not.to.match(/[0-9]/);
        }
      });

      it('has the return page’s three lines, in its script', () => {
        const page = PAGE_WORDS[code as keyof typeof PAGE_WORDS];
        for (const line of Object.values(page)) expect(line).to.match(script);
        expect(page.finishing).to.contain('DigiLocker');
      });
    });
  }

  it('anchors the Hindi buttons to their own words', () => {
    expect([hi.start, hi.retry, hi.cancel, hi.continue, hi.reopen]).to.deep.equal([
      'DigiLocker से सत्यापित करें',
      'फिर से कोशिश करें',
      'रद्द करें',
      'जारी रखें',
      'DigiLocker फिर खोलें',
    ]);
  });
});
