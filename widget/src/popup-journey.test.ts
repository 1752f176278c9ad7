// The popup journey end to end inside one page: single-flight, every return channel, polling,
// the closed-window hint and the COOP-severed handle.
import { expect, oneEvent } from '@open-wc/testing';
import './define.js';
import type { DigilockerKyc } from './define.js';
import {
  created,
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
  trackWindowListeners,
  untilStatus,
} from './test-helpers.js';

describe('popup journey', () => {
  let fetchStub: ReturnType<typeof stubFetch> | undefined;
  let openStub: ReturnType<typeof stubOpen> | undefined;
  afterEach(() => {
    fetchStub?.restore();
    openStub?.restore();
  });

  const part = (el: DigilockerKyc, name: string) =>
    el.shadowRoot?.querySelector<HTMLButtonElement>(`[part="${name}"]`) ?? null;
  const post = (message: unknown) => {
    const channel = new BroadcastChannel(`dlkyc-${STATE}`);
    channel.postMessage(message);
    channel.close();
  };

  it('opens the placeholder before any await, then navigates it and emits open', async () => {
    const el = await mountWidget({ pollInitialMs: 10_000 });
    const popup = new FakePopup();
    openStub = stubOpen(popup);
    fetchStub = stubFetch({ create: () => json(201, created()) });
    const opened = oneEvent(el, 'digilocker-kyc-open');
    el.start();
    // Synchronously, before the POST has answered:
    expect(openStub.calls.length).to.equal(1);
    expect(popup.document.body.textContent).to.equal('Connecting to DigiLocker…');
    expect(popup.document.title).to.equal('Connecting to DigiLocker…');
    expect((await opened).detail).to.deep.equal({ reference_id: REFERENCE_ID, mode: 'popup' });
    expect(popup.navigations).to.deep.equal([created().url]);
    expect(el.status).to.equal('awaiting');
    await el.updateComplete;
    expect(part(el, 'reopen-button')?.textContent).to.equal('Reopen DigiLocker');
    expect(part(el, 'cancel-button')?.textContent).to.equal('Cancel');
    el.cancel();
  });

  it('sends the request before it writes the placeholder text (the text can wait; the server cannot)', async () => {
    const el = await mountWidget({ pollInitialMs: 10_000 });
    const popup = new FakePopup();
    openStub = stubOpen(popup);
    let textWhenPosted: string | null = null;
    fetchStub = stubFetch({
      create: () => {
        textWhenPosted = popup.document.body.textContent;
        return new Promise<Response>(() => {});
      },
    });
    el.start();
    expect(textWhenPosted, 'blank when the POST left').to.equal('');
    expect(popup.document.body.textContent, 'written in the same click').to.equal(
      'Connecting to DigiLocker…',
    );
    el.reset();
  });

  it('navigates the popup as soon as the reply is checked, before it sets up the return listeners', async () => {
    const el = await mountWidget({ pollInitialMs: 10_000 });
    const popup = new FakePopup();
    const listeners = trackWindowListeners();
    let messageListenersAtNavigation = -1;
    const replace = popup.location.replace;
    popup.location.replace = (url: string) => {
      messageListenersAtNavigation = listeners.count('message');
      replace(url);
    };
    openStub = stubOpen(popup);
    fetchStub = stubFetch({ create: () => json(201, created()) });
    try {
      const opened = oneEvent(el, 'digilocker-kyc-open');
      el.start();
      await opened;
      expect(popup.navigations).to.deep.equal([created().url]);
      expect(messageListenersAtNavigation).to.equal(0);
      expect(listeners.count('message'), 'listening by the open event').to.equal(1);
    } finally {
      el.reset();
      listeners.restore();
    }
  });

  it('navigates the popup in the task that brings the last byte of the reply, with no task of its own', async () => {
    const el = await mountWidget({ pollInitialMs: 10_000 });
    const popup = new FakePopup();
    openStub = stubOpen(popup);
    let body: ReadableStreamDefaultController<Uint8Array> | undefined;
    const stream = new ReadableStream<Uint8Array>({ start: (controller) => (body = controller) });
    fetchStub = stubFetch({ create: () => new Response(stream, { status: 201 }) });
    el.start();
    await sleep(0); // The headers are in; the body is not.
    expect(popup.navigations).to.deep.equal([]);
    body?.enqueue(new TextEncoder().encode(JSON.stringify(created())));
    body?.close();
    // Microtasks only: a body read that waits for a task (response.json() does) is not done yet.
    for (let i = 0; i < 50; i++) await Promise.resolve();
    expect(popup.navigations).to.deep.equal([created().url]);
    el.reset();
  });

  it('is single-flight: two fast clicks make one POST and one window, the second focuses it', async () => {
    const el = await mountWidget();
    const popup = new FakePopup();
    openStub = stubOpen(popup);
    fetchStub = stubFetch({});
    part(el, 'button')?.click();
    part(el, 'button')?.click();
    el.start();
    expect(openStub.calls.length).to.equal(1);
    expect(fetchStub.posts().length).to.equal(1);
    expect(popup.focusCount).to.equal(2);
    // A bfcache restore while waiting never starts a second attempt either.
    window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }));
    expect(fetchStub.posts().length).to.equal(1);
    el.reset();
  });

  it('completes from a BroadcastChannel delivery, confirmed by the server', async () => {
    const el = await mountWidget({ pollInitialMs: 10_000 });
    openStub = stubOpen(new FakePopup());
    fetchStub = stubFetch({
      create: () => json(201, created()),
      status: () => json(200, status('consented')),
    });
    el.start();
    await untilStatus(el, 'awaiting');
    expect(fetchStub.gets().length).to.equal(0);
    const done = oneEvent(el, 'digilocker-kyc-complete');
    post(returnMessage());
    const { detail } = await done;
    expect(detail.verification_id).to.equal('ver-1');
    expect(fetchStub.gets()[0]?.headers.get('Authorization')).to.equal('Bearer tok.en.signed');
  });

  it('ignores deliveries for another state and keeps waiting', async () => {
    const el = await mountWidget({ pollInitialMs: 10_000 });
    openStub = stubOpen(new FakePopup());
    fetchStub = stubFetch({
      create: () => json(201, created()),
      status: () => json(200, status('consented')),
    });
    el.start();
    await untilStatus(el, 'awaiting');
    const other = new BroadcastChannel(`dlkyc-${'x'.repeat(22)}`);
    other.postMessage(returnMessage('x'.repeat(22)));
    other.close();
    post(returnMessage(STATE, { extra: 'field' }));
    await sleep(50);
    expect(fetchStub.gets().length).to.equal(0);
    expect(el.status).to.equal('awaiting');
    el.reset();
  });

  it('takes a postMessage only from the popup window, at the exact origin', async () => {
    const el = await mountWidget({ pollInitialMs: 10_000 });
    const frame = document.createElement('iframe');
    document.body.append(frame);
    const popup = frame.contentWindow as Window;
    openStub = stubOpen(popup);
    const url = `${location.origin}/__fake-digilocker`;
    fetchStub = stubFetch({
      create: () => json(201, created({ url })),
      status: () => json(200, status('consented')),
    });
    el.start();
    await untilStatus(el, 'awaiting');
    const send = (origin: string, source: Window) =>
      window.dispatchEvent(new MessageEvent('message', { data: returnMessage(), origin, source }));
    send('https://evil.example', popup);
    send(`${location.origin}.evil.example`, popup);
    send(location.origin, window);
    await sleep(30);
    expect(fetchStub.gets().length, 'spoofed messages checked nothing').to.equal(0);
    const done = oneEvent(el, 'digilocker-kyc-complete');
    send(location.origin, popup);
    await done;
    frame.remove();
    // The frame shared this page's sessionStorage, where the placeholder keeps the locale.
    sessionStorage.removeItem('dlkyc:locale');
  });

  it('polling sees the consent first and waits; the return that follows completes at once', async () => {
    const el = await mountWidget();
    openStub = stubOpen(new FakePopup());
    fetchStub = stubFetch({
      create: () => json(201, created()),
      status: (n) => (n < 2 ? json(200, status('pending')) : json(200, status('consented'))),
    });
    let completed = false;
    el.addEventListener('digilocker-kyc-complete', () => (completed = true));
    el.start();
    while (fetchStub.gets().length < 3) await sleep(5);
    await sleep(300);
    expect(completed, 'status polling alone never completes').to.equal(false);
    expect(fetchStub.gets().length, 'polling stops at the consent').to.equal(3);
    const done = oneEvent(el, 'digilocker-kyc-complete');
    post(returnMessage());
    const { detail } = await done;
    expect(detail.reference_id).to.equal(REFERENCE_ID);
    expect(fetchStub.gets().length, 'the return is confirmed once more').to.equal(4);
  });

  it('a closed popup whose consent went through is no cancel; its return completes', async () => {
    const el = await mountWidget({ pollInitialMs: 10_000 });
    const popup = new FakePopup();
    openStub = stubOpen(popup);
    fetchStub = stubFetch({
      create: () => json(201, created()),
      status: () => json(200, status('consented')),
    });
    let cancelled = false;
    el.addEventListener('digilocker-kyc-cancel', () => (cancelled = true));
    el.start();
    await untilStatus(el, 'awaiting');
    popup.closed = true;
    while (fetchStub.gets().length < 1) await sleep(5); // the close is checked with the server
    await sleep(200); // past the grace period, when a pending attempt would be cancelled
    expect(cancelled).to.equal(false);
    expect(el.status).to.equal('awaiting');
    const done = oneEvent(el, 'digilocker-kyc-complete');
    post(returnMessage());
    await done;
    expect(cancelled).to.equal(false);
  });

  it('a closed popup with consent still pending cancels only after the grace period', async () => {
    const el = await mountWidget({ pollInitialMs: 10_000, closedGraceMs: 150 });
    const popup = new FakePopup();
    openStub = stubOpen(popup);
    fetchStub = stubFetch({
      create: () => json(201, created()),
      status: () => json(200, status('pending')),
    });
    el.start();
    await untilStatus(el, 'awaiting');
    const cancelled = oneEvent(el, 'digilocker-kyc-cancel');
    const closedAt = Date.now();
    popup.closed = true;
    const { detail } = await cancelled;
    expect(Date.now() - closedAt).to.be.at.least(150);
    expect(detail).to.deep.equal({ reference_id: REFERENCE_ID, reason: 'closed' });
    expect(fetchStub.gets().length, 'checked before and after the grace').to.equal(2);
  });

  it('never cancels when `closed` flips right after our navigation (COOP severed the handle)', async () => {
    const el = await mountWidget({ pollInitialMs: 10_000, severedWindowMs: 2000 });
    const popup = new FakePopup();
    openStub = stubOpen(popup);
    fetchStub = stubFetch({
      create: () => json(201, created()),
      status: () => json(200, status('pending')),
    });
    let cancelled = false;
    el.addEventListener('digilocker-kyc-cancel', () => (cancelled = true));
    el.start();
    await untilStatus(el, 'awaiting');
    popup.closed = true;
    await sleep(300);
    expect(cancelled).to.equal(false);
    expect(el.status).to.equal('awaiting');
    await el.updateComplete;
    expect(part(el, 'reopen-button'), 'Reopen still offered').to.exist;
    fetchStub.restore();
    fetchStub = stubFetch({ status: () => json(200, status('consented')) });
    const done = oneEvent(el, 'digilocker-kyc-complete');
    post(returnMessage());
    await done;
  });

  it('Reopen focuses a live popup and opens the same URL again when it is gone', async () => {
    const el = await mountWidget({ pollInitialMs: 10_000, severedWindowMs: 2000 });
    const first = new FakePopup();
    const second = new FakePopup();
    openStub = stubOpen(first, second);
    fetchStub = stubFetch({ create: () => json(201, created()) });
    el.start();
    await untilStatus(el, 'awaiting');
    await el.updateComplete;
    part(el, 'reopen-button')?.click();
    expect(first.focusCount).to.equal(1);
    first.closed = true;
    part(el, 'reopen-button')?.click();
    expect(second.navigations).to.deep.equal([created().url]);
    expect(fetchStub.posts().length).to.equal(1);
    el.cancel();
    expect(second.closed).to.equal(true);
  });
});
