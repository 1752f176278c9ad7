// The built-in lines: the Hindi list stays aligned with the English keys it is read against.
import { expect } from '@open-wc/testing';
import { BUILT_IN_STRINGS, type KycStrings } from './strings.js';

const { en, hi } = BUILT_IN_STRINGS;
const keys = Object.keys(en) as (keyof KycStrings)[];

describe('BUILT_IN_STRINGS', () => {
  it('has a Hindi line, in Devanagari, for every English key and no more', () => {
    expect(Object.keys(hi)).to.deep.equal(keys);
    for (const key of keys) expect(hi[key], key).to.match(/[\u0900-\u097f]/);
  });

  it('keeps each Hindi line on its key: DigiLocker and {merchant} appear where they do in English', () => {
    for (const key of keys) {
      for (const word of ['DigiLocker', '{merchant}']) {
        expect(hi[key].includes(word), `${key}: ${word}`).to.equal(en[key].includes(word));
      }
    }
  });

  it('anchors the buttons to their own words', () => {
    expect([hi.start, hi.retry, hi.cancel, hi.continue, hi.reopen]).to.deep.equal([
      'DigiLocker से सत्यापित करें',
      'फिर से कोशिश करें',
      'रद्द करें',
      'जारी रखें',
      'DigiLocker फिर खोलें',
    ]);
  });
});
