// linkLeaksReturn: a DigiLocker link from Eko that carries the attempt's return secret, in any
// usual spelling, is caught; an honest link is not.
import { describe, expect, it } from 'vitest';
import { linkLeaksReturn } from './link-leak.js';

const SECRET = 'q64VgVVCmpYjtfQBsjIexUq-GrzA88O_zxrANlB9JR0';
const RETURN_URL = `https://kyc.shop.example/kyc/return/${'S'.repeat(43)}/${SECRET}`;
const LINK = 'https://digilocker.gov.in/auth?session_id=abc';
const enc = encodeURIComponent;

describe('linkLeaksReturn', () => {
  it.each([
    ['the secret raw in the path', `https://digilocker.gov.in/auth/${SECRET}`],
    ['the whole return URL raw in a parameter', `${LINK}&redirect_uri=${RETURN_URL}`],
    ['the return URL percent-encoded once', `${LINK}&redirect_uri=${enc(RETURN_URL)}`],
    ['the return URL percent-encoded twice', `${LINK}&redirect_uri=${enc(enc(RETURN_URL))}`],
    ['the return URL percent-encoded three times', `${LINK}&r=${enc(enc(enc(RETURN_URL)))}`],
    ['the secret alone in a parameter', `${LINK}&state=${SECRET}`],
    ['the secret in the fragment', `${LINK}#${SECRET}`],
    [
      'the return URL base64 in a parameter',
      `${LINK}&ctx=${Buffer.from(RETURN_URL).toString('base64')}`,
    ],
    [
      'the return URL base64url in a parameter',
      `${LINK}&ctx=${Buffer.from(RETURN_URL).toString('base64url')}`,
    ],
    [
      'a JSON blob with the return URL, base64, in a parameter',
      `${LINK}&req=${Buffer.from(JSON.stringify({ redirect_uri: RETURN_URL })).toString('base64url')}`,
    ],
    [
      'a base64 parameter, percent-encoded',
      `${LINK}&ctx=${enc(Buffer.from(RETURN_URL).toString('base64'))}`,
    ],
    [
      'an encoded URL nested in another parameter',
      `${LINK}&next=${enc(`https://x.example/?u=${enc(RETURN_URL)}`)}`,
    ],
  ])('catches %s', (_name, link) => {
    expect(linkLeaksReturn(link, SECRET)).toBe(true);
  });

  it.each([
    ['an honest link', LINK],
    ['a link with the state but not the secret', `${LINK}&state=${'S'.repeat(43)}`],
    [
      'a link with the return URL cut before the secret',
      `${LINK}&r=${enc(RETURN_URL.slice(0, -43))}`,
    ],
    ['a link with a different 43-character token', `${LINK}&t=${'x'.repeat(43)}`],
    [
      'a link with base64 that decodes to something else',
      `${LINK}&ctx=${Buffer.from('hello world, nothing here').toString('base64')}`,
    ],
    ['a malformed percent-encoding', `${LINK}&x=%E0%A4%A`],
    ['not a URL at all', 'digilocker'],
  ])('passes %s', (_name, link) => {
    expect(linkLeaksReturn(link, SECRET)).toBe(false);
  });

  it('stops on a link built to make it decode for ever', () => {
    let link = RETURN_URL.replace(SECRET, 'not-the-secret');
    for (let i = 0; i < 200; i++) link = `${LINK}&n=${enc(link)}`;
    const started = performance.now();
    expect(linkLeaksReturn(link, SECRET)).toBe(false);
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});
