// Redirect resume on its own: parking, taking back, going back to the start page, the popup relay.
import { expect } from '@open-wc/testing';
import {
  goBackToStart,
  type ParkedAttempt,
  park,
  readParked,
  relayPopupReturn,
  takeParked,
  takeResumable,
} from './redirect-resume.js';
import { RECEIPT, REFERENCE_ID, returnMessage, STATE, TOKEN } from './test-helpers.js';

const BASE = 'https://shop.example/kyc';

const entry = (state: string, endpoint = BASE, expiresIn = 60_000): ParkedAttempt => ({
  state,
  reference_id: REFERENCE_ID,
  session_token: TOKEN,
  expires_at: new Date(Date.now() + expiresIn).toISOString(),
  return_to: 'https://shop.example/demo.html',
  endpoint,
});

/** A top-level window at `href` over this page's sessionStorage, recording where it is sent. */
function fakeWindow(href: string, options: { opener?: unknown; storage?: 'disabled' } = {}) {
  const replaced: string[] = [];
  const posts: [unknown, string][] = [];
  let closed = false;
  const win = {
    location: {
      href,
      get origin() {
        return new URL(win.location.href).origin;
      },
      replace: (url: string) => replaced.push(url),
    },
    history: {
      state: null,
      replaceState: (_s: unknown, _t: string, url: string) => {
        win.location.href = new URL(url, win.location.href).href;
      },
    },
    get sessionStorage(): Storage {
      if (options.storage === 'disabled') throw new DOMException('Access denied', 'SecurityError');
      return sessionStorage;
    },
    localStorage,
    opener: options.opener ?? null,
    close: () => {
      closed = true;
    },
  };
  if (options.opener === 'record') {
    win.opener = { postMessage: (data: unknown, origin: string) => posts.push([data, origin]) };
  }
  return { win: win as unknown as Window, replaced, posts, closed: () => closed };
}

afterEach(() => sessionStorage.clear());

describe('park and takeParked', () => {
  it('takes (reads and removes) only this endpoint’s entry, for the given state', () => {
    park(window, entry('A'.repeat(22), 'https://a.example/kyc'));
    park(window, entry('B'.repeat(22), 'https://b.example/kyc'));
    expect(takeParked(window, 'https://a.example/kyc', 'B'.repeat(22))).to.equal(null);
    const taken = takeParked(window, 'https://a.example/kyc');
    expect(taken?.state).to.equal('A'.repeat(22));
    expect(sessionStorage.getItem(`dlkyc:pending:${'A'.repeat(22)}`)).to.equal(null);
    expect(sessionStorage.getItem(`dlkyc:pending:${'B'.repeat(22)}`)).to.not.equal(null);
  });

  it('removes expired and malformed entries instead of resuming them', () => {
    park(window, entry('C'.repeat(22), 'https://a.example/kyc', -1));
    sessionStorage.setItem(`dlkyc:pending:${'D'.repeat(22)}`, '{not json');
    sessionStorage.setItem(`dlkyc:pending:${'E'.repeat(22)}`, 'null');
    const noToken = { ...entry('F'.repeat(22)), session_token: 1 };
    sessionStorage.setItem(`dlkyc:pending:${'F'.repeat(22)}`, JSON.stringify(noToken));
    const otherState = entry('G'.repeat(22));
    sessionStorage.setItem(`dlkyc:pending:${'H'.repeat(22)}`, JSON.stringify(otherState));
    expect(takeParked(window, BASE)).to.equal(null);
    expect(sessionStorage.length).to.equal(0);
  });

  it('reads nothing and parks nothing where storage is disabled', () => {
    const { win } = fakeWindow(`${BASE}/x`, { storage: 'disabled' });
    park(win, entry(STATE));
    expect(sessionStorage.length).to.equal(0);
    expect(readParked(win, STATE)).to.equal(null);
    expect(takeParked(win, BASE)).to.equal(null);
  });
});

describe('takeResumable', () => {
  it('takes the parked attempt on a reload or the back button: not returned', () => {
    park(window, entry(STATE));
    const parked = readParked(window, STATE);
    const { win } = fakeWindow('https://shop.example/demo.html');
    expect(takeResumable(win, BASE)).to.deep.equal({ ...parked, verification_id: undefined });
    expect(sessionStorage.length).to.equal(0);
  });

  it('goes back to return_to (query and hash) with the server’s receipt', () => {
    park(window, { ...entry(STATE), return_to: 'https://shop.example/demo.html?locale=hi#kyc' });
    const { win, replaced } = fakeWindow(
      `https://shop.example/demo.html?dlkyc_state=${STATE}&dlkyc_receipt=${RECEIPT}&verification_id=ver-9`,
    );
    expect(takeResumable(win, BASE)).to.equal(null);
    expect(replaced).to.deep.equal(['https://shop.example/demo.html?locale=hi#kyc']);
    const parked = JSON.parse(sessionStorage.getItem(`dlkyc:pending:${STATE}`) ?? 'null');
    expect(parked).to.include({ receipt: RECEIPT, verification_id: 'ver-9', state: STATE });

    // The reloaded page resumes it, with the receipt, without asking DigiLocker again.
    const back = fakeWindow('https://shop.example/demo.html?locale=hi#kyc');
    const resumed = takeResumable(back.win, BASE);
    expect(back.replaced).to.deep.equal([]);
    expect(resumed).to.deep.include({ receipt: RECEIPT, verification_id: 'ver-9' });
    expect(sessionStorage.length).to.equal(0);
  });

  it('stays when only the return hints differ (no reload), and never leaves the origin', () => {
    const hints = `dlkyc_state=${STATE}&dlkyc_receipt=${RECEIPT}`;
    park(window, { ...entry(STATE), return_to: 'https://shop.example/demo.html?locale=hi#top' });
    const same = fakeWindow(`https://shop.example/demo.html?locale=hi&${hints}`);
    expect(takeResumable(same.win, BASE)).to.deep.include({ receipt: RECEIPT });
    expect(same.replaced).to.deep.equal([]);
    expect(same.win.location.href).to.equal('https://shop.example/demo.html?locale=hi');

    park(window, { ...entry(STATE), return_to: 'https://evil.example/demo.html?locale=hi' });
    const other = fakeWindow(`https://shop.example/demo.html?${hints}`);
    expect(takeResumable(other.win, BASE)).to.deep.include({ receipt: RECEIPT });
    expect(other.replaced).to.deep.equal([]);
  });

  it('a state typed into the address bar without a receipt proves no return', () => {
    park(window, entry(STATE));
    const { win, replaced } = fakeWindow(`https://shop.example/demo.html?dlkyc_state=${STATE}`);
    const resumed = takeResumable(win, BASE);
    expect(resumed).to.not.equal(null);
    expect(resumed).to.not.have.property('receipt');
    expect(replaced).to.deep.equal([]);
    expect(win.location.href, 'hint tidied away').to.equal('https://shop.example/demo.html');
  });

  it('leaves another endpoint’s entry and the address bar alone', () => {
    park(window, entry(STATE, 'https://other.example/kyc'));
    const { win } = fakeWindow(`https://shop.example/demo.html?dlkyc_state=${STATE}`);
    expect(takeResumable(win, BASE)).to.equal(null);
    expect(readParked(window, STATE)).to.not.equal(null);
    expect(win.location.href).to.contain('dlkyc_state');
  });
});

describe('goBackToStart', () => {
  it('never navigates to a return_to on another origin, or of another scheme', () => {
    for (const returnTo of [
      'https://evil.example/',
      'javascript:alert(1)',
      'http://shop.example/',
    ]) {
      const { win, replaced } = fakeWindow('https://shop.example/kyc/return');
      expect(
        goBackToStart(win, { ...entry(STATE), return_to: returnTo }, STATE, RECEIPT, null),
      ).to.equal(false);
      expect(replaced, returnTo).to.deep.equal([]);
    }
    expect(sessionStorage.length).to.equal(0);
  });

  it('drops an oversized verification_id, as the return message does', () => {
    const { win, replaced } = fakeWindow('https://shop.example/kyc/return');
    expect(goBackToStart(win, entry(STATE), STATE, RECEIPT, 'x'.repeat(129))).to.equal(true);
    expect(replaced).to.deep.equal(['https://shop.example/demo.html']);
    const parked = readParked(window, STATE);
    expect(parked).to.include({ receipt: RECEIPT });
    expect(parked).to.not.have.property('verification_id');
  });
});

describe('relayPopupReturn', () => {
  it('relays the return to the opener and closes, when nothing is parked for the state', () => {
    const { win, posts, closed } = fakeWindow(
      `https://shop.example/demo.html?dlkyc_state=${STATE}&dlkyc_receipt=${RECEIPT}&verification_id=ver-1#top`,
      { opener: 'record' },
    );
    expect(relayPopupReturn(win)).to.equal(true);
    expect(posts).to.deep.equal([[returnMessage(), 'https://shop.example']]);
    expect(closed()).to.equal(true);
    expect(win.location.href).to.equal('https://shop.example/demo.html#top');
  });

  it('relays even where storage is disabled (nothing can be parked there)', () => {
    const { win, posts } = fakeWindow(
      `https://shop.example/demo.html?dlkyc_state=${STATE}&dlkyc_receipt=${RECEIPT}`,
      { opener: 'record', storage: 'disabled' },
    );
    expect(relayPopupReturn(win)).to.equal(true);
    expect(posts.length).to.equal(1);
  });

  it('is not the popup when the state is parked in this tab, or when there is no state', () => {
    park(window, entry(STATE, 'https://other.example/kyc'));
    for (const href of [`https://shop.example/?dlkyc_state=${STATE}`, 'https://shop.example/']) {
      const { win, posts, closed } = fakeWindow(href, { opener: 'record' });
      expect(relayPopupReturn(win), href).to.equal(false);
      expect([posts.length, closed(), win.location.href]).to.deep.equal([0, false, href]);
    }
  });

  it('tidies a malformed state away but relays nothing', () => {
    const { win, posts } = fakeWindow('https://shop.example/?dlkyc_state=short', {
      opener: 'record',
    });
    expect(relayPopupReturn(win)).to.equal(true);
    expect(posts).to.deep.equal([]);
    expect(win.location.href).to.equal('https://shop.example/');
  });
});
