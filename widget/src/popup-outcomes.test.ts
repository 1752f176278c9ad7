// How a popup journey ends: the server's final answers, the timeout, and cancel() with its cleanup.
import { expect, oneEvent } from '@open-wc/testing';
import './define.js';
import {
  created,
  dlkycKeys,
  errorBody,
  FakePopup,
  json,
  mountWidget,
  REFERENCE_ID,
  sleep,
  status,
  stubFetch,
  stubOpen,
  trackWindowListeners,
  untilStatus,
} from './test-helpers.js';

describe('popup journey outcomes', () => {
  let fetchStub: ReturnType<typeof stubFetch> | undefined;
  let openStub: ReturnType<typeof stubOpen> | undefined;
  afterEach(() => {
    fetchStub?.restore();
    openStub?.restore();
  });

  it('reports denied as cancel, expired as session_expired and 401 as unauthorized', async () => {
    const cases = [
      [
        json(200, status('denied')),
        'digilocker-kyc-cancel',
        { reference_id: REFERENCE_ID, reason: 'denied' },
      ],
      [
        json(200, status('expired')),
        'digilocker-kyc-error',
        { code: 'session_expired', retryable: true },
      ],
      [
        json(401, errorBody('unauthorized', false)),
        'digilocker-kyc-error',
        { code: 'unauthorized' },
      ],
    ] as const;
    for (const [reply, name, expected] of cases) {
      const el = await mountWidget();
      openStub?.restore();
      fetchStub?.restore();
      openStub = stubOpen(new FakePopup());
      fetchStub = stubFetch({ create: () => json(201, created()), status: () => reply.clone() });
      const event = oneEvent(el, name);
      el.start();
      expect((await event).detail).to.include(expected);
    }
  });

  it('ends in journey_timeout after one last check, then lets Retry mint a new URL', async () => {
    const el = await mountWidget({ pollInitialMs: 10_000, journeyTimeoutMs: 100 });
    const popup = new FakePopup();
    openStub = stubOpen(popup, new FakePopup());
    fetchStub = stubFetch({
      create: () => json(201, created()),
      status: () => json(200, status('pending')),
    });
    const failed = oneEvent(el, 'digilocker-kyc-error');
    el.start();
    expect((await failed).detail).to.include({ code: 'journey_timeout', retryable: true });
    expect(fetchStub.gets().length).to.equal(1);
    expect(popup.closed).to.equal(true);
    el.start();
    expect(fetchStub.posts().length, 'a retry always gets a new URL').to.equal(2);
    el.reset();
  });

  it('cancel() closes the popup and leaves no listener, channel, timer or storage key', async () => {
    const listeners = trackWindowListeners();
    const channels: { closed: boolean }[] = [];
    const Original = window.BroadcastChannel;
    window.BroadcastChannel = class extends Original {
      closed = false;
      constructor(name: string) {
        super(name);
        channels.push(this);
      }
      override close() {
        this.closed = true;
        super.close();
      }
    };
    try {
      const el = await mountWidget({ pollInitialMs: 30 });
      const popup = new FakePopup();
      openStub = stubOpen(popup);
      fetchStub = stubFetch({
        create: () => json(201, created()),
        status: () => json(200, status('pending')),
      });
      el.start();
      await untilStatus(el, 'awaiting');
      expect(listeners.count('message')).to.equal(1);
      expect(channels.length).to.equal(1);
      const cancelled = oneEvent(el, 'digilocker-kyc-cancel');
      el.cancel();
      expect((await cancelled).detail).to.deep.equal({
        reference_id: REFERENCE_ID,
        reason: 'cancelled',
      });
      expect(popup.closed).to.equal(true);
      expect(listeners.count('message')).to.equal(0);
      expect(listeners.count('storage')).to.equal(0);
      expect(channels.every((channel) => channel.closed)).to.equal(true);
      expect(dlkycKeys()).to.deep.equal([]);
      const polls = fetchStub.gets().length;
      await sleep(120);
      expect(fetchStub.gets().length, 'no poll after the end').to.equal(polls);
    } finally {
      window.BroadcastChannel = Original;
      listeners.restore();
    }
  });
});
