// Redirect mode: the automatic fallback, parking the attempt, and resuming on the way back.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import './define.js';
import type { DigilockerKyc } from './define.js';
import {
  COMPLETION_TOKEN,
  created,
  dlkycKeys,
  FAST,
  FakePopup,
  json,
  RECEIPT,
  REFERENCE_ID,
  sleep,
  status,
  stubFetch,
  stubOpen,
  TOKEN,
  untilStatus,
} from './test-helpers.js';

const BASE = new URL('/kyc', location.href).href;
let stateCounter = 0;
/** Resumed states are remembered per document, so every test parks a fresh one. */
const freshState = () => `Redirect_state_${String(++stateCounter).padStart(8, '0')}`;

function park(state: string, extra: Record<string, unknown> = {}) {
  const entry = {
    state,
    reference_id: REFERENCE_ID,
    session_token: TOKEN,
    documents: ['AADHAAR'],
    expires_at: new Date(Date.now() + 600_000).toISOString(),
    return_to: location.href,
    endpoint: BASE,
    ...extra,
  };
  sessionStorage.setItem(`dlkyc:pending:${state}`, JSON.stringify(entry));
}

describe('redirect journey', () => {
  const home = location.pathname;
  let fetchStub: ReturnType<typeof stubFetch> | undefined;
  let openStub: ReturnType<typeof stubOpen> | undefined;
  let navigations: string[] = [];
  afterEach(() => {
    fetchStub?.restore();
    openStub?.restore();
    sessionStorage.clear();
    history.replaceState(null, '', home);
  });

  const mount = (mode = 'auto') => {
    navigations = [];
    return fixture<DigilockerKyc>(html`<digilocker-kyc endpoint="/kyc" mode=${mode} .timings=${FAST}
      .navigate=${(url: string) => navigations.push(url)}></digilocker-kyc>`);
  };

  it('falls back to a redirect when the popup is blocked, parking the attempt first', async () => {
    const el = await mount();
    openStub = stubOpen(null);
    fetchStub = stubFetch({ create: () => json(201, created()) });
    const fallback = oneEvent(el, 'digilocker-kyc-fallback');
    const opened = oneEvent(el, 'digilocker-kyc-open');
    el.start();
    expect((await fallback).detail).to.deep.equal({ reason: 'popup_blocked' });
    expect((await opened).detail).to.deep.equal({ reference_id: REFERENCE_ID, mode: 'redirect' });
    expect(navigations).to.deep.equal([created().url]);
    const parked = JSON.parse(sessionStorage.getItem(`dlkyc:pending:${created().state}`) ?? '{}');
    expect(parked).to.include({ session_token: TOKEN, return_to: location.href, endpoint: BASE });
    await el.updateComplete;
    expect(el.shadowRoot?.querySelector('[part="status"]')?.textContent).to.equal(
      'Connecting to DigiLocker…',
    );
  });

  it('goes straight to a redirect in an in-app browser, without trying a popup', async () => {
    Object.defineProperty(navigator, 'userAgent', {
      configurable: true,
      value:
        'Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 Chrome/120 Mobile Safari/537.36 Instagram 312.0',
    });
    try {
      const el = await mount();
      openStub = stubOpen(new FakePopup());
      fetchStub = stubFetch({ create: () => json(201, created()) });
      const fallback = oneEvent(el, 'digilocker-kyc-fallback');
      el.start();
      expect((await fallback).detail).to.deep.equal({ reason: 'in_app_browser' });
      await untilStatus(el, 'awaiting');
      expect(openStub.calls.length).to.equal(0);
      expect(navigations.length).to.equal(1);
    } finally {
      delete (navigator as { userAgent?: string }).userAgent;
    }
  });

  it('mode="redirect" redirects without a fallback event', async () => {
    const el = await mount('redirect');
    openStub = stubOpen(new FakePopup());
    fetchStub = stubFetch({ create: () => json(201, created()) });
    let fellBack = false;
    el.addEventListener('digilocker-kyc-fallback', () => (fellBack = true));
    el.start();
    await untilStatus(el, 'awaiting');
    expect(openStub.calls.length).to.equal(0);
    expect(fellBack).to.equal(false);
    expect(navigations).to.deep.equal([created().url]);
  });

  it('resumes on a hash-routed page from the query, strips only its own parameters, completes', async () => {
    const state = freshState();
    // The page started at this URL; DigiLocker came back to it with the return hints added.
    park(state, { return_to: new URL(`${home}?keep=1#/kyc/step`, location.href).href });
    history.replaceState(
      null,
      '',
      `${home}?keep=1&dlkyc_state=${state}&dlkyc_receipt=${RECEIPT}&verification_id=ver-7#/kyc/step`,
    );
    fetchStub = stubFetch({ status: () => json(200, status('consented')) });
    const el = await mount();
    const { detail } = await oneEvent(el, 'digilocker-kyc-complete');
    expect(detail).to.deep.equal({
      reference_id: REFERENCE_ID,
      verification_id: 'ver-7',
      documents: ['AADHAAR'],
      session_token: COMPLETION_TOKEN,
    });
    // The receipt from the address bar went to the server with the status request.
    expect(fetchStub.gets()[0]?.headers.get('X-DigiLocker-KYC-Receipt')).to.equal(RECEIPT);
    expect(location.search).to.equal('?keep=1');
    expect(location.hash).to.equal('#/kyc/step');
    expect(fetchStub.posts().length, 'no new attempt').to.equal(0);
    expect(dlkycKeys()).to.deep.equal([]);
  });

  it('resumes after the return page went back (receipt parked, no query)', async () => {
    const state = freshState();
    park(state, { receipt: RECEIPT, verification_id: 'ver-8' });
    fetchStub = stubFetch({
      status: (n) => (n === 0 ? json(200, status('pending')) : json(200, status('consented'))),
    });
    const el = await mount();
    const { detail } = await oneEvent(el, 'digilocker-kyc-complete');
    expect(detail.verification_id).to.equal('ver-8');
    expect(fetchStub.gets().length).to.equal(2);
  });

  it('back from DigiLocker without finishing is a cancel', async () => {
    const state = freshState();
    park(state);
    fetchStub = stubFetch({ status: () => json(200, status('pending')) });
    const el = await mount();
    const { detail } = await oneEvent(el, 'digilocker-kyc-cancel');
    expect(detail).to.deep.equal({ reference_id: REFERENCE_ID, reason: 'closed' });
    expect(dlkycKeys()).to.deep.equal([]);
  });

  it('leaves another endpoint’s and expired entries alone or gone, never resumed', async () => {
    const other = freshState();
    const expired = freshState();
    park(other, { endpoint: 'https://other.example/kyc' });
    park(expired, { expires_at: new Date(Date.now() - 1000).toISOString() });
    fetchStub = stubFetch({ status: () => json(200, status('consented')) });
    const el = await mount();
    await el.updateComplete;
    expect(el.status).to.equal('idle');
    expect(fetchStub.calls.length).to.equal(0);
    expect(sessionStorage.getItem(`dlkyc:pending:${other}`)).to.not.equal(null);
    expect(sessionStorage.getItem(`dlkyc:pending:${expired}`)).to.equal(null);
  });

  it('after a bfcache restore through the return page, finishes the parked attempt instead of starting another', async () => {
    const el = await mount('redirect');
    const state = freshState();
    fetchStub = stubFetch({
      create: () => json(201, created({ state })),
      status: () => json(200, status('consented')),
    });
    el.start();
    await untilStatus(el, 'awaiting');
    // The same-origin return page marked the parked attempt before it went back.
    const key = `dlkyc:pending:${state}`;
    sessionStorage.setItem(
      key,
      JSON.stringify({ ...JSON.parse(sessionStorage.getItem(key)!), receipt: RECEIPT }),
    );
    const done = oneEvent(el, 'digilocker-kyc-complete');
    window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }));
    await done;
    expect(fetchStub.posts().length).to.equal(1);
    expect(dlkycKeys()).to.deep.equal([]);
  });

  it('back (bfcache) without the return never completes, even with consent: consent_unconfirmed', async () => {
    const el = await mount('redirect');
    const state = freshState();
    fetchStub = stubFetch({
      create: () => json(201, created({ state })),
      status: () => json(200, status('consented')),
    });
    let completed = false;
    el.addEventListener('digilocker-kyc-complete', () => (completed = true));
    el.start();
    await untilStatus(el, 'awaiting');
    const failed = oneEvent(el, 'digilocker-kyc-error');
    window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }));
    expect((await failed).detail).to.deep.equal({
      code: 'consent_unconfirmed',
      message: 'DigiLocker did not return to this browser',
      retryable: true,
      reference_id: REFERENCE_ID,
    });
    await sleep(100);
    expect(completed).to.equal(false);
    expect(fetchStub.posts().length, 'no new attempt').to.equal(1);
    expect(dlkycKeys()).to.deep.equal([]);
    await el.updateComplete;
    expect(el.shadowRoot?.querySelector('[part="error"]')?.textContent).to.equal(
      'DigiLocker was not finished in this browser. Try again here.',
    );
  });

  it('a reload without the return never completes, even with consent (a link forwarded elsewhere)', async () => {
    const state = freshState();
    park(state); // no receipt, no state in the query: a reload, not an arrival
    fetchStub = stubFetch({ status: () => json(200, status('consented')) });
    let completed = false;
    const el = await mount();
    el.addEventListener('digilocker-kyc-complete', () => (completed = true));
    const { detail } = await oneEvent(el, 'digilocker-kyc-error');
    expect(detail).to.include({ code: 'consent_unconfirmed', reference_id: REFERENCE_ID });
    await sleep(100);
    expect(completed).to.equal(false);
    expect(fetchStub.gets().length, 'one check, no polling').to.equal(1);
    expect(dlkycKeys()).to.deep.equal([]);
  });

  it('a popup that DigiLocker sent back to this page relays the result to the opener, then closes', async () => {
    const state = freshState();
    const message = { v: 1, type: 'dlkyc:result', state, receipt: RECEIPT, verification_id: 'v' };
    history.replaceState(
      null,
      '',
      `${home}?dlkyc_state=${state}&dlkyc_receipt=${RECEIPT}&verification_id=v#top`,
    );
    const events: string[] = [];
    const posts: [unknown, string][] = [];
    const realClose = window.close;
    Object.defineProperty(window, 'opener', {
      configurable: true,
      value: {
        postMessage: (data: unknown, origin: string) => {
          events.push('post');
          posts.push([data, origin]);
        },
      },
    });
    window.close = () => events.push('close');
    const channel = new BroadcastChannel(`dlkyc-${state}`);
    const heard: unknown[] = [];
    channel.onmessage = (event) => heard.push(event.data);
    // The storage channel: written and removed at once, so only the events tell it happened.
    const writes: (string | null)[] = [];
    const spy = (key: string, value: string | null) => {
      if (key === `dlkyc:result:${state}`) writes.push(value);
    };
    const realSet = Storage.prototype.setItem;
    const realRemove = Storage.prototype.removeItem;
    Storage.prototype.setItem = function setItem(key, value) {
      spy(key, value);
      return realSet.call(this, key, value);
    };
    Storage.prototype.removeItem = function removeItem(key) {
      spy(key, null);
      return realRemove.call(this, key);
    };
    try {
      fetchStub = stubFetch({});
      const el = await mount();
      await el.updateComplete;
      // The opener completes at once: the same three channels as the return page, before close.
      expect(events).to.deep.equal(['post', 'close']);
      expect(posts).to.deep.equal([[message, location.origin]]);
      expect(writes.map((value) => value && JSON.parse(value))).to.deep.equal([message, null]);
      expect(localStorage.getItem(`dlkyc:result:${state}`)).to.equal(null);
      expect(el.status).to.equal('idle');
      const until = Date.now() + 2000;
      while (!heard.length && Date.now() < until) await new Promise((r) => setTimeout(r, 5));
      expect(heard).to.deep.equal([message]);
      expect(location.search).to.equal('');
      expect(location.hash).to.equal('#top');
      expect(fetchStub.calls.length, 'this page resumes nothing').to.equal(0);
    } finally {
      Storage.prototype.setItem = realSet;
      Storage.prototype.removeItem = realRemove;
      channel.close();
      localStorage.removeItem(`dlkyc:result:${state}`);
      window.close = realClose;
      Object.defineProperty(window, 'opener', { configurable: true, value: null });
    }
  });

  it('a returned URL with a malformed state relays nothing', async () => {
    history.replaceState(null, '', `${home}?dlkyc_state=short&verification_id=v`);
    const posts: unknown[] = [];
    const realClose = window.close;
    Object.defineProperty(window, 'opener', {
      configurable: true,
      value: { postMessage: (data: unknown) => posts.push(data) },
    });
    window.close = () => {};
    try {
      fetchStub = stubFetch({});
      const el = await mount();
      await el.updateComplete;
      expect(posts).to.deep.equal([]);
      expect(dlkycKeys()).to.deep.equal([]);
      expect(location.search).to.equal('');
    } finally {
      window.close = realClose;
      Object.defineProperty(window, 'opener', { configurable: true, value: null });
    }
  });
});
