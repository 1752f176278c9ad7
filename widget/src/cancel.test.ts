// cancel(), reset() and removal end the attempt and everything it started: the request in flight
// is aborted, its late reply changes nothing, and no timer of the attempt fires afterwards.
import { expect, fixtureCleanup } from '@open-wc/testing';
import './define.js';
import type { KycEventName } from '@digilocker-kyc/shared/protocol';
import type { DigilockerKyc } from './define.js';
import {
  created,
  FakePopup,
  json,
  mountWidget,
  sleep,
  status,
  stubFetch,
  stubOpen,
  untilStatus,
} from './test-helpers.js';

/** Records the names of the element's events. */
function recordEvents(el: DigilockerKyc): KycEventName[] {
  const names: KycEventName[] = [];
  for (const name of [
    'digilocker-kyc-open',
    'digilocker-kyc-complete',
    'digilocker-kyc-cancel',
    'digilocker-kyc-error',
  ] as const) {
    el.addEventListener(name, () => names.push(name));
  }
  return names;
}

/** A reply the test sends when it chooses (after the attempt ended, say). */
function deferredReply() {
  let send!: (reply: Response) => void;
  const reply = new Promise<Response>((resolve) => {
    send = resolve;
  });
  return { reply, send };
}

describe('ending an attempt aborts what it started', () => {
  let fetchStub: ReturnType<typeof stubFetch> | undefined;
  let openStub: ReturnType<typeof stubOpen> | undefined;
  afterEach(() => {
    fetchStub?.restore();
    openStub?.restore();
    fetchStub = openStub = undefined;
  });

  it('cancel() while creating aborts the create request; its late reply opens nothing and reports nothing', async () => {
    const el = await mountWidget();
    const popup = new FakePopup();
    openStub = stubOpen(popup);
    const late = deferredReply();
    fetchStub = stubFetch({ create: () => late.reply });
    const events = recordEvents(el);
    el.start();
    expect(el.status).to.equal('creating');
    const [post] = fetchStub.posts();
    expect(post?.signal?.aborted, 'in flight').to.equal(false);
    el.cancel();
    expect(post?.signal?.aborted, 'the create request is aborted').to.equal(true);
    expect(el.status).to.equal('cancelled');
    expect(popup.closed).to.equal(true);
    late.send(json(201, created()));
    await sleep(150);
    expect(events).to.deep.equal(['digilocker-kyc-cancel']);
    expect(el.result?.detail).to.deep.equal({ reason: 'cancelled' });
    expect(popup.navigations, 'DigiLocker never opened').to.deep.equal([]);
    expect(fetchStub.gets(), 'no status check').to.deep.equal([]);
    expect(el.status).to.equal('cancelled');
  });

  it('cancel() while awaiting aborts the status check in flight, and no poll or timeout follows', async () => {
    const el = await mountWidget({ pollInitialMs: 20, pollMaxMs: 20, journeyTimeoutMs: 150 });
    openStub = stubOpen(new FakePopup());
    const late = deferredReply();
    fetchStub = stubFetch({
      create: () => json(201, created()),
      // The first check hangs; any later one would say consented.
      status: (n) => (n === 0 ? late.reply : json(200, status('consented'))),
    });
    const events = recordEvents(el);
    el.start();
    await untilStatus(el, 'awaiting');
    await sleep(40);
    const [get] = fetchStub.gets();
    expect(get?.signal?.aborted, 'in flight').to.equal(false);
    el.cancel();
    expect(get?.signal?.aborted, 'the status check is aborted').to.equal(true);
    late.send(json(200, status('denied')));
    // Past the journey timeout and many poll intervals.
    await sleep(250);
    expect(fetchStub.gets().length, 'no poll after cancel').to.equal(1);
    expect(events).to.deep.equal(['digilocker-kyc-open', 'digilocker-kyc-cancel']);
    expect(el.result?.detail).to.include({ reason: 'cancelled' });
  });

  it('reset() while creating aborts the request without an event', async () => {
    const el = await mountWidget();
    openStub = stubOpen(new FakePopup());
    const late = deferredReply();
    fetchStub = stubFetch({ create: () => late.reply });
    const events = recordEvents(el);
    el.start();
    el.reset();
    expect(fetchStub.posts()[0]?.signal?.aborted).to.equal(true);
    late.send(json(201, created()));
    await sleep(100);
    expect(events).to.deep.equal([]);
    expect(el.status).to.equal('idle');
  });

  it('removing the element while creating aborts the request without an event', async () => {
    const el = await mountWidget();
    openStub = stubOpen(new FakePopup());
    fetchStub = stubFetch({}); // The create request never answers.
    const events = recordEvents(el);
    el.start();
    const [post] = fetchStub.posts();
    el.remove();
    await sleep(0);
    expect(post?.signal?.aborted).to.equal(true);
    expect(events).to.deep.equal([]);
    fixtureCleanup();
  });

  it('a move in the document keeps the attempt and its request', async () => {
    const el = await mountWidget();
    openStub = stubOpen(new FakePopup());
    fetchStub = stubFetch({}); // The create request never answers.
    el.start();
    const [post] = fetchStub.posts();
    const parent = el.parentElement!;
    parent.append(document.createElement('p'), el);
    await sleep(0);
    expect(post?.signal?.aborted).to.equal(false);
    expect(el.status).to.equal('creating');
    el.reset();
  });
});
