// "Consent belongs to the browser that asked": the server's `consented` alone never completes a
// popup attempt; a return message for this state, or Continue's confirm page, must reach us.
import { expect, oneEvent } from '@open-wc/testing';
import './define.js';
import type { DigilockerKyc } from './define.js';
import {
  COMPLETION_TOKEN,
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
  untilStatus,
} from './test-helpers.js';

const CONFIRM_URL = `${new URL('/kyc', location.href).href}/confirm/${STATE}`;

describe('consent proof', () => {
  let fetchStub: ReturnType<typeof stubFetch> | undefined;
  let openStub: ReturnType<typeof stubOpen> | undefined;
  let frame: HTMLIFrameElement | undefined;
  afterEach(() => {
    fetchStub?.restore();
    openStub?.restore();
    frame?.remove();
    fetchStub = openStub = frame = undefined;
  });

  const part = (el: DigilockerKyc, name: string) =>
    el.shadowRoot?.querySelector<HTMLButtonElement>(`[part="${name}"]`) ?? null;
  const broadcast = (message: unknown, state = STATE) => {
    const channel = new BroadcastChannel(`dlkyc-${state}`);
    channel.postMessage(message);
    channel.close();
  };
  const completes = (el: DigilockerKyc) => {
    const seen = { count: 0 };
    el.addEventListener('digilocker-kyc-complete', () => seen.count++);
    return seen;
  };

  /** A popup attempt whose status polling already said `consented`, with no return seen. */
  async function consentedWithoutReturn(timings: Record<string, number> = {}) {
    const el = await mountWidget(timings);
    const popup = new FakePopup();
    const confirmWindow = new FakePopup();
    openStub = stubOpen(popup, confirmWindow);
    fetchStub = stubFetch({
      create: () => json(201, created()),
      status: () => json(200, status('consented')),
    });
    const seen = completes(el);
    el.start();
    while (!part(el, 'continue-button')) await el.updateComplete.then(() => sleep(5));
    return { el, popup, confirmWindow, seen };
  }

  it('polling `consented` without a return never completes: it waits, offers Continue, then ends unconfirmed', async () => {
    const { el, seen } = await consentedWithoutReturn({ journeyTimeoutMs: 600 });
    expect(el.status).to.equal('awaiting');
    expect(part(el, 'continue-button')?.textContent).to.equal('Continue');
    expect(el.shadowRoot?.querySelector('[part="status"]')?.textContent).to.equal(
      'Done in DigiLocker? Press Continue to finish here.',
    );
    const gets = fetchStub!.gets().length;
    await sleep(250);
    expect(fetchStub!.gets().length, 'no more polling after the consent').to.equal(gets);
    const failed = oneEvent(el, 'digilocker-kyc-error');
    expect((await failed).detail).to.deep.equal({
      code: 'consent_unconfirmed',
      message: 'DigiLocker did not return to this browser',
      retryable: true,
      reference_id: REFERENCE_ID,
    });
    expect(seen.count).to.equal(0);
    expect(el.status).to.equal('error');
  });

  it('a return message for another state is no proof; this state’s is', async () => {
    const { el, seen } = await consentedWithoutReturn();
    const other = 'x'.repeat(22);
    broadcast(returnMessage(other), other);
    broadcast(returnMessage(other)); // on this state's channel, naming another state
    window.dispatchEvent(
      new MessageEvent('message', { data: returnMessage(other), origin: location.origin }),
    );
    await sleep(100);
    expect(seen.count).to.equal(0);
    expect(el.status).to.equal('awaiting');
    const done = oneEvent(el, 'digilocker-kyc-complete');
    broadcast(returnMessage());
    expect((await done).detail.verification_id).to.equal('ver-1');
    expect(seen.count).to.equal(1);
  });

  it('Continue opens the confirm page in the click; its answer from that window completes once', async () => {
    frame = document.createElement('iframe');
    document.body.append(frame);
    const confirmWindow = frame.contentWindow as Window;
    const { el, popup, seen } = await consentedWithoutReturn();
    openStub?.restore();
    openStub = stubOpen(confirmWindow);
    part(el, 'continue-button')?.click();
    // Synchronously, inside the click (a user gesture, so the browser allows the window):
    expect(openStub.calls).to.deep.equal([
      [CONFIRM_URL, 'dlkyc-confirm', 'popup,width=520,height=720'],
    ]);
    const send = (origin: string, source: Window) =>
      window.dispatchEvent(new MessageEvent('message', { data: returnMessage(), origin, source }));
    send('https://evil.example', confirmWindow); // wrong origin
    send(location.origin, window); // another window
    await sleep(50);
    expect(seen.count, 'spoofed answers are no proof').to.equal(0);
    const done = oneEvent(el, 'digilocker-kyc-complete');
    send(location.origin, confirmWindow);
    const { detail } = await done;
    expect(detail).to.deep.equal({
      reference_id: REFERENCE_ID,
      verification_id: 'ver-1',
      documents: ['AADHAAR'],
      session_token: COMPLETION_TOKEN,
    });
    send(location.origin, confirmWindow);
    broadcast(returnMessage());
    await sleep(100);
    expect(seen.count).to.equal(1);
    expect(popup.closed, 'the DigiLocker window is closed at the end').to.equal(true);
  });

  it('Continue whose confirm page has no proof (consent given elsewhere) leaves the attempt waiting', async () => {
    const { el, confirmWindow, seen } = await consentedWithoutReturn({ journeyTimeoutMs: 800 });
    part(el, 'continue-button')?.click();
    expect(confirmWindow.navigations, 'opened by URL, not navigated later').to.deep.equal([]);
    const failed = oneEvent(el, 'digilocker-kyc-error');
    expect((await failed).detail.code).to.equal('consent_unconfirmed');
    expect(seen.count).to.equal(0);
    expect(confirmWindow.closed, 'the confirm window is closed with the attempt').to.equal(true);
  });

  it('no Continue while consent is pending, and a cancel still ends the attempt', async () => {
    const el = await mountWidget();
    openStub = stubOpen(new FakePopup());
    fetchStub = stubFetch({
      create: () => json(201, created()),
      status: () => json(200, status('pending')),
    });
    el.start();
    await untilStatus(el, 'awaiting');
    while (fetchStub.gets().length < 2) await sleep(5);
    await el.updateComplete;
    expect(part(el, 'continue-button')).to.equal(null);
    el.cancel();
    expect(el.status).to.equal('cancelled');
  });
});
