// No dead ends: the server gone mid-journey, a closed DigiLocker window, a refused origin, and a
// cross-origin return that lost the page's query each end in a state that says what to do.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import './define.js';
import type { DigilockerKyc } from './define.js';
import { fetchWords } from './locale.js';
import {
  created,
  FAST,
  FakePopup,
  json,
  mountWidget,
  REFERENCE_ID,
  returnMessage,
  STATE,
  sleep,
  status,
  stubFetch,
  stubOpen,
  untilStatus,
} from './test-helpers.js';

const part = (el: DigilockerKyc, name: string) =>
  el.shadowRoot?.querySelector<HTMLElement>(`[part="${name}"]`) ?? null;
const text = (el: DigilockerKyc, name: string) => part(el, name)?.textContent?.trim() ?? '';

/** The first of `names` the element fires, or 'none' after `ms`. */
function firstEvent(el: DigilockerKyc, names: string[], ms: number) {
  return new Promise<{ name: string; detail: Record<string, unknown> }>((resolve) => {
    const timer = setTimeout(() => resolve({ name: 'none', detail: {} }), ms);
    for (const name of names) {
      el.addEventListener(name, (event) => {
        clearTimeout(timer);
        resolve({ name, detail: (event as CustomEvent).detail });
      });
    }
  });
}

describe('no dead ends', () => {
  let fetchStub: ReturnType<typeof stubFetch> | undefined;
  let openStub: ReturnType<typeof stubOpen> | undefined;
  afterEach(() => {
    fetchStub?.restore();
    openStub?.restore();
    fetchStub = openStub = undefined;
  });

  describe('the signing server gone mid-journey', () => {
    it('ends in network_error once the status checks have failed for offlineTimeoutMs', async () => {
      const el = await mountWidget({ journeyTimeoutMs: 60_000, offlineTimeoutMs: 300 });
      openStub = stubOpen(new FakePopup());
      fetchStub = stubFetch({ create: () => json(201, created()), status: () => 'network-error' });
      const started = Date.now();
      const outcome = firstEvent(el, ['digilocker-kyc-error', 'digilocker-kyc-cancel'], 3000);
      el.start();
      const { name, detail } = await outcome;
      expect(name).to.equal('digilocker-kyc-error');
      expect(detail).to.include({ code: 'network_error', retryable: true });
      expect(detail.reference_id).to.equal(REFERENCE_ID);
      const elapsed = Date.now() - started;
      expect(elapsed).to.be.greaterThanOrEqual(300);
      expect(elapsed, 'not the journey timeout').to.be.lessThan(2000);
      // Failing checks are retried at the first step (40 ms), not backed off.
      expect(fetchStub.gets().length).to.be.greaterThanOrEqual(5);
      await el.updateComplete;
      expect(text(el, 'error')).to.equal("Can't reach the verification service. Try again.");
      expect(part(el, 'button')?.textContent?.trim()).to.equal('Try again');
    });

    it('a reply in between restarts the clock: a short blip is no error', async () => {
      const el = await mountWidget({ journeyTimeoutMs: 60_000, offlineTimeoutMs: 500 });
      openStub = stubOpen(new FakePopup());
      // Every other check fails: over 2 s the server is down for about half the time, far more
      // than 500 ms in all, but never for 500 ms at once (one check apart, even on a busy
      // machine). Without the restart the clock would run out from the first failure.
      fetchStub = stubFetch({
        create: () => json(201, created()),
        status: (n) => (n % 2 === 1 ? json(200, status('pending')) : 'network-error'),
      });
      const outcome = firstEvent(el, ['digilocker-kyc-error'], 2000);
      el.start();
      expect((await outcome).name).to.equal('none');
      expect(el.status).to.equal('awaiting');
      el.cancel();
    });
  });

  describe('the customer closed the DigiLocker window', () => {
    const CLOSED = {
      en: 'Closed DigiLocker? Reopen it, or cancel.',
      hi: 'DigiLocker बंद कर दिया? उसे फिर खोलें, या रद्द करें।',
    };

    for (const locale of ['en', 'hi'] as const) {
      it(`says so at once (${locale}), with Reopen and Cancel, instead of the waiting text`, async () => {
        const el = await mountWidget({ pollInitialMs: 10_000, closedGraceMs: 5000 });
        if (locale === 'hi') await fetchWords('hi');
        el.locale = locale;
        const popup = new FakePopup();
        openStub = stubOpen(popup);
        fetchStub = stubFetch({
          create: () => json(201, created()),
          status: () => json(200, status('pending')),
        });
        el.start();
        await untilStatus(el, 'awaiting');
        popup.closed = true;
        const start = Date.now();
        while (text(el, 'status') !== CLOSED[locale] && Date.now() - start < 1000) await sleep(5);
        expect(text(el, 'status')).to.equal(CLOSED[locale]);
        expect(Date.now() - start, 'long before the grace period ends').to.be.lessThan(1000);
        expect(el.status, 'still waiting for a late result').to.equal('awaiting');
        expect(part(el, 'reopen-button')).to.not.equal(null);
        expect(part(el, 'cancel-button')).to.not.equal(null);
        el.cancel();
      });
    }

    it('closed at once (within the severed window, maybe COOP): the prompt within a second, never a cancel', async () => {
      // The default severed window: a flip in its first 10 s could be COOP cutting the handle.
      const el = await mountWidget({ pollInitialMs: 10_000, severedWindowMs: 10_000 });
      const popup = new FakePopup();
      openStub = stubOpen(popup);
      fetchStub = stubFetch({
        create: () => json(201, created()),
        status: () => json(200, status('pending')),
      });
      let ended = false;
      el.addEventListener('digilocker-kyc-cancel', () => (ended = true));
      el.addEventListener('digilocker-kyc-error', () => (ended = true));
      el.start();
      await untilStatus(el, 'awaiting');
      popup.closed = true;
      const start = Date.now();
      while (text(el, 'status') !== CLOSED.en && Date.now() - start < 1000) await sleep(5);
      expect(text(el, 'status')).to.equal(CLOSED.en);
      expect(Date.now() - start).to.be.lessThan(1000);
      // Past the grace period a real close would have had: still waiting, nothing cancelled.
      await sleep(300);
      expect(ended, 'no cancel while COOP may be why').to.equal(false);
      expect(el.status).to.equal('awaiting');
      expect(part(el, 'reopen-button')).to.not.equal(null);
      // The customer was still on DigiLocker after all: the late result completes.
      fetchStub.restore();
      fetchStub = stubFetch({ status: () => json(200, status('consented')) });
      const complete = oneEvent(el, 'digilocker-kyc-complete');
      const channel = new BroadcastChannel(`dlkyc-${STATE}`);
      channel.postMessage(returnMessage());
      channel.close();
      expect((await complete).detail.reference_id).to.equal(REFERENCE_ID);
    });

    it('Reopen brings the waiting text back; a late result still completes', async () => {
      const el = await mountWidget({ pollInitialMs: 10_000, closedGraceMs: 5000 });
      const first = new FakePopup();
      const second = new FakePopup();
      openStub = stubOpen(first, second);
      // Pending while the window is closed; consented once the customer has finished.
      fetchStub = stubFetch({
        create: () => json(201, created()),
        status: (n) => json(200, status(n === 0 ? 'pending' : 'consented')),
      });
      el.start();
      await untilStatus(el, 'awaiting');
      first.closed = true;
      await sleep(60);
      await el.updateComplete;
      expect(text(el, 'status')).to.equal(CLOSED.en);
      (part(el, 'reopen-button') as HTMLButtonElement).click();
      await el.updateComplete;
      expect(second.navigations).to.deep.equal([created().url]);
      expect(text(el, 'status')).to.equal('Finish in the DigiLocker window.');
      const complete = oneEvent(el, 'digilocker-kyc-complete');
      const channel = new BroadcastChannel(`dlkyc-${STATE}`);
      channel.postMessage(returnMessage());
      channel.close();
      expect((await complete).detail.reference_id).to.equal(REFERENCE_ID);
    });
  });

  describe('a refused origin', () => {
    let logged: unknown[][] = [];
    const originalError = console.error;
    beforeEach(() => {
      logged = [];
      console.error = (...args: unknown[]) => logged.push(args);
    });
    afterEach(() => {
      console.error = originalError;
    });

    const mountCrossOrigin = () =>
      fixture<DigilockerKyc>(
        html`<digilocker-kyc endpoint="https://kyc.example/kyc" .timings=${FAST}></digilocker-kyc>`,
      );

    it('the create blocked but the server reachable (no-cors probe) → config_error, no Try again, a console.error naming the origin', async () => {
      const el = await mountCrossOrigin();
      openStub = stubOpen(new FakePopup());
      fetchStub = stubFetch({
        create: () => 'network-error',
        probe: () => new Response(null, { status: 200 }),
      });
      const failed = oneEvent(el, 'digilocker-kyc-error');
      el.start();
      const { detail } = await failed;
      expect(detail).to.include({ code: 'config_error', retryable: false });
      expect(detail.message).to.contain(location.origin).and.to.contain('ALLOWED_ORIGINS');
      const probe = fetchStub.calls.find((call) => call.mode === 'no-cors');
      expect(probe?.url).to.equal('https://kyc.example/kyc/widget.js');
      expect(probe?.method).to.equal('HEAD');
      expect(logged.length).to.equal(1);
      expect(String(logged[0]?.[0])).to.contain(location.origin).and.to.contain('ALLOWED_ORIGINS');
      await el.updateComplete;
      expect(text(el, 'error')).to.equal('Verification is unavailable. Please contact this site.');
      expect(text(el, 'error')).to.not.match(/try again/i);
      expect(part(el, 'button'), 'no start control').to.equal(null);
    });

    it('the probe failing too (the server down) → network_error, retryable, no origin advice', async () => {
      const el = await mountCrossOrigin();
      openStub = stubOpen(new FakePopup());
      fetchStub = stubFetch({ create: () => 'network-error' });
      const failed = oneEvent(el, 'digilocker-kyc-error');
      el.start();
      const { detail } = await failed;
      expect(detail).to.include({ code: 'network_error', retryable: true });
      expect(detail.message).to.not.contain('ALLOWED_ORIGINS');
      expect(logged).to.deep.equal([]);
      await el.updateComplete;
      expect(text(el, 'error')).to.equal("Can't reach the verification service. Try again.");
      expect(part(el, 'button')?.textContent?.trim()).to.equal('Try again');
    });

    it('the probe never comes from a cache (the page loaded that very widget.js)', async () => {
      const el = await mountCrossOrigin();
      openStub = stubOpen(new FakePopup());
      fetchStub = stubFetch({ create: () => 'network-error' });
      const failed = oneEvent(el, 'digilocker-kyc-error');
      el.start();
      await failed;
      const probes = fetchStub.calls.filter((call) => call.mode === 'no-cors');
      expect(probes.map((call) => call.cache)).to.deep.equal(['no-store']);
    });

    it('a same-origin endpoint is never probed (CORS cannot refuse it)', async () => {
      const el = await mountWidget();
      openStub = stubOpen(new FakePopup());
      fetchStub = stubFetch({ create: () => 'network-error', probe: () => new Response(null) });
      const failed = oneEvent(el, 'digilocker-kyc-error');
      el.start();
      expect((await failed).detail).to.include({ code: 'network_error' });
      expect(fetchStub.calls.some((call) => call.mode === 'no-cors')).to.equal(false);
    });
  });
});
