// The small flow modules: journey URL safety, endpoint resolution, backoff, parked attempts, strings.
import { expect } from '@open-wc/testing';
import { savePending, takePending } from './pending-attempt.js';
import { nextPollDelay } from './poll-schedule.js';
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

describe('nextPollDelay', () => {
  it('starts at the initial delay, grows by the factor and stops at the cap', () => {
    const timings = { pollInitialMs: 2000, pollMaxMs: 10_000, pollFactor: 1.5 };
    const delays = [0];
    for (let i = 0; i < 6; i++) delays.push(nextPollDelay(timings, delays.at(-1) ?? 0));
    expect(delays).to.deep.equal([0, 2000, 3000, 4500, 6750, 10_000, 10_000]);
  });
});

describe('takePending', () => {
  const entry = (state: string, endpoint: string, expiresIn = 60_000) => ({
    state,
    reference_id: '1',
    session_token: 'secret',
    documents: ['AADHAAR' as const],
    expires_at: new Date(Date.now() + expiresIn).toISOString(),
    return_to: location.href,
    endpoint,
  });
  afterEach(() => sessionStorage.clear());

  it('takes (reads and removes) only this endpoint’s entry, for the given state', () => {
    savePending(sessionStorage, entry('A'.repeat(22), 'https://a.example/kyc'));
    savePending(sessionStorage, entry('B'.repeat(22), 'https://b.example/kyc'));
    expect(
      takePending(sessionStorage, 'https://a.example/kyc', Date.now(), 'B'.repeat(22)),
    ).to.equal(null);
    const taken = takePending(sessionStorage, 'https://a.example/kyc', Date.now());
    expect(taken?.state).to.equal('A'.repeat(22));
    expect(sessionStorage.getItem(`dlkyc:pending:${'A'.repeat(22)}`)).to.equal(null);
    expect(sessionStorage.getItem(`dlkyc:pending:${'B'.repeat(22)}`)).to.not.equal(null);
  });

  it('removes expired and malformed entries instead of resuming them', () => {
    savePending(sessionStorage, entry('C'.repeat(22), 'https://a.example/kyc', -1));
    sessionStorage.setItem(`dlkyc:pending:${'D'.repeat(22)}`, '{not json');
    expect(takePending(sessionStorage, 'https://a.example/kyc', Date.now())).to.equal(null);
    expect(sessionStorage.length).to.equal(0);
  });
});

describe('strings', () => {
  it('falls back to English, applies overrides, and says what to do per error', () => {
    expect(resolveStrings('fr').start).to.equal('Verify with DigiLocker');
    expect(resolveStrings('hi', { cancel: 'X' }).cancel).to.equal('X');
    const en = resolveStrings('en');
    expect(errorText(en, 'network_error', true)).to.contain('internet');
    expect(errorText(en, 'session_expired', true)).to.contain('expired');
    expect(errorText(en, 'upstream_rejected', false)).to.contain('contact {merchant}');
    expect(errorText(en, 'internal_error', true)).to.equal(en.errorRetryable);
  });
});
