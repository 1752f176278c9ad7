// The small flow modules: journey URL safety, endpoint resolution, strings.
import { expect } from '@open-wc/testing';
import { endpointBase, isSafeJourneyUrl } from './session-client.js';
import { errorText, resolveStrings } from './strings.js';

describe('isSafeJourneyUrl', () => {
  const cases: [string, boolean][] = [
    ['https://digilocker.gov.in/public/oauth2/1/authorize?x=1', true],
    ['https://api.eko.in/x', true],
    ['http://localhost:8081/consent', true],
    ['http://127.0.0.1:8081/consent', true],
    ['http://127.12.0.3/consent', true],
    ['http://[::1]:8081/consent', true],
    ['http://digilocker.gov.in/consent', false],
    ['http://localhost.evil.example/consent', false],
    ['http://127.0.0.1.evil.example/', false],
    ['javascript:alert(document.cookie)', false],
    ['JAVASCRIPT:alert(1)', false],
    ['data:text/html,<script>alert(1)</script>', false],
    ['blob:https://digilocker.gov.in/1234', false],
    ['//digilocker.gov.in/consent', false],
    ['/relative/path', false],
    ['', false],
  ];
  for (const [url, safe] of cases) {
    it(`${safe ? 'opens' : 'refuses'} ${url || "''"}`, () =>
      expect(isSafeJourneyUrl(url)).to.equal(safe));
  }
});

describe('endpointBase', () => {
  it('resolves against the page and drops trailing slashes', () => {
    expect(endpointBase('/kyc/', 'https://shop.example/a/b')).to.equal('https://shop.example/kyc');
    expect(endpointBase('https://kyc.example/api', 'https://shop.example/')).to.equal(
      'https://kyc.example/api',
    );
  });
});

describe('strings', () => {
  it('falls back to English, applies overrides, and says what to do per error', () => {
    expect(resolveStrings(undefined).start).to.equal('Verify with DigiLocker');
    expect(resolveStrings({ start: 'A', cancel: 'B' }, { cancel: 'X' })).to.include({
      start: 'A',
      cancel: 'X',
      retry: 'Try again',
    });
    const en = resolveStrings(undefined);
    expect(errorText(en, 'network_error', true)).to.contain('verification service');
    expect(errorText(en, 'session_expired', true)).to.contain('expired');
    expect(errorText(en, 'upstream_rejected', false)).to.contain('contact {merchant}');
    expect(errorText(en, 'internal_error', true)).to.equal(en.errorRetryable);
  });
});
