// After `complete` the page settles the outcome (`settle()`); `result` keeps the last end event.
import { expect, oneEvent } from '@open-wc/testing';
import './define.js';
import type { DigilockerKyc } from './define.js';
import { KycController } from './kyc-controller.js';
import {
  controllerHost,
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

describe('settle() and result', () => {
  let fetchStub: ReturnType<typeof stubFetch> | undefined;
  let openStub: ReturnType<typeof stubOpen> | undefined;
  afterEach(() => {
    fetchStub?.restore();
    openStub?.restore();
    fetchStub = openStub = undefined;
  });

  const part = (el: DigilockerKyc, name: string) =>
    el.shadowRoot?.querySelector<HTMLElement>(`[part="${name}"]`) ?? null;
  const text = (el: DigilockerKyc, name: string) => part(el, name)?.textContent?.trim() ?? '';

  /** Runs a popup journey to `complete` (the return reaches this page) and returns its detail. */
  async function completed(el: DigilockerKyc) {
    openStub = stubOpen(new FakePopup(), new FakePopup());
    fetchStub = stubFetch({
      create: () => json(201, created()),
      status: () => json(200, status('consented')),
    });
    const done = oneEvent(el, 'digilocker-kyc-complete');
    el.start();
    await untilStatus(el, 'awaiting');
    const channel = new BroadcastChannel(`dlkyc-${STATE}`);
    channel.postMessage(returnMessage());
    channel.close();
    const { detail } = await done;
    await el.updateComplete;
    return detail;
  }

  it('after complete: a neutral "checking" line, busy, no Verified claim, nothing to click', async () => {
    const el = await mountWidget({ settleTimeoutMs: 60_000 });
    await completed(el);
    expect(el.status).to.equal('complete');
    expect(text(el, 'status')).to.equal('Consent received, checking…');
    expect(part(el, 'spinner')).to.not.equal(null);
    expect(part(el, 'check'), 'no check mark yet').to.equal(null);
    expect(text(el, 'status')).to.not.contain('Verified');
    expect(el.getAttribute('aria-busy')).to.equal('true');
    expect(el.shadowRoot?.querySelectorAll('button').length).to.equal(0);
  });

  it('settle({ ok: true }) shows verified: check mark, heading, next step', async () => {
    const el = await mountWidget({ settleTimeoutMs: 60_000 });
    await completed(el);
    el.settle({ ok: true });
    await el.updateComplete;
    expect(part(el, 'check')?.tagName.toLowerCase()).to.equal('svg');
    expect(text(el, 'status')).to.contain('Verified with DigiLocker');
    expect(text(el, 'error')).to.equal('');
    expect(el.hasAttribute('aria-busy')).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('settle({ ok: false, message, retry: true }): the message, no Verified, Try again starts a new attempt', async () => {
    const el = await mountWidget({ settleTimeoutMs: 60_000 });
    el.merchant = 'FinCo';
    await completed(el);
    el.settle({ ok: false, message: 'Aadhaar is not linked to your DigiLocker.', retry: true });
    await el.updateComplete;
    expect(text(el, 'error')).to.equal('Aadhaar is not linked to your DigiLocker.');
    expect(part(el, 'error')?.getAttribute('role')).to.equal('alert');
    expect(text(el, 'status')).to.not.contain('Verified');
    expect(part(el, 'check')).to.equal(null);
    const retry = part(el, 'button') as HTMLButtonElement;
    expect(retry.textContent?.trim()).to.equal('Try again');
    expect(retry.disabled).to.equal(false);
    await expect(el).to.be.accessible();
    const posts = fetchStub?.posts().length;
    const started = oneEvent(el, 'digilocker-kyc-start');
    retry.click();
    await started;
    await untilStatus(el, 'awaiting');
    expect(fetchStub?.posts().length, 'a new Eko session').to.equal((posts ?? 0) + 1);
    expect(el.result, 'the new attempt runs').to.equal(undefined);
    expect(text(el, 'error')).to.equal('');
    el.cancel();
  });

  it('settle({ ok: false }) without retry: a line that sends the customer to the merchant, no button', async () => {
    const el = await mountWidget({ settleTimeoutMs: 60_000 });
    el.merchant = 'FinCo';
    await completed(el);
    el.settle({ ok: false });
    await el.updateComplete;
    expect(text(el, 'error')).to.equal('Verification is unavailable. Please contact FinCo.');
    expect(el.shadowRoot?.querySelectorAll('button').length).to.equal(0);
    el.start();
    expect(el.status, 'start() does nothing').to.equal('complete');
  });

  it('never settled: after settleTimeoutMs a neutral "Consent shared with {merchant}", never Verified', async () => {
    const el = await mountWidget({ settleTimeoutMs: 150 });
    el.merchant = 'FinCo';
    await completed(el);
    expect(text(el, 'status')).to.equal('Consent received, checking…');
    await sleep(250);
    await el.updateComplete;
    expect(text(el, 'status')).to.contain('Consent shared with FinCo.');
    expect(text(el, 'status')).to.not.contain('Verified');
    expect(part(el, 'check')).to.equal(null);
    expect(el.hasAttribute('aria-busy')).to.equal(false);
    // A late verdict still counts.
    el.settle({ ok: true });
    await el.updateComplete;
    expect(text(el, 'status')).to.contain('Verified with DigiLocker');
  });

  it('settle() with bad input throws naming what it expects; outside complete it is ignored', async () => {
    const el = await mountWidget();
    for (const bad of [undefined, {}, { ok: 'yes' }, 'ok']) {
      expect(() => el.settle(bad as never)).to.throw(TypeError, /expects \{ ok: true \}/);
    }
    el.settle({ ok: true });
    await el.updateComplete;
    expect(el.status).to.equal('idle');
    expect(part(el, 'check')).to.equal(null);
    expect(part(el, 'button')).to.not.equal(null);
  });

  it('result: the last end event, type and detail, until a new attempt or reset()', async () => {
    const el = await mountWidget();
    expect(el.result).to.equal(undefined);
    const detail = await completed(el);
    expect(el.result).to.deep.equal({ type: 'digilocker-kyc-complete', detail });
    expect(el.result?.detail).to.include({ reference_id: REFERENCE_ID });
    expect(() => {
      (el as unknown as { result: unknown }).result = null;
    }, 'read-only').to.throw(TypeError);
    el.reset();
    expect(el.result).to.equal(undefined);
    // A cancel is a result too.
    openStub?.restore();
    openStub = stubOpen(new FakePopup());
    el.start();
    await untilStatus(el, 'awaiting');
    expect(el.result, 'none while an attempt runs').to.equal(undefined);
    const cancelled = oneEvent(el, 'digilocker-kyc-cancel');
    el.cancel();
    expect(el.result).to.deep.equal({
      type: 'digilocker-kyc-cancel',
      detail: (await cancelled).detail,
    });
  });
});

describe('end events wait for the document to load', () => {
  /**
   * A window still loading (readyState `interactive`: the page's deferred and module scripts may
   * not have run yet), inside a cross-origin frame whose popup is blocked, so that `start()`
   * ends the attempt at once with `popup_blocked`.
   */
  function loadingWindow() {
    const win = new EventTarget() as EventTarget & Record<string, unknown>;
    const document = { baseURI: location.href, readyState: 'interactive' };
    Object.assign(win, {
      document,
      location: { href: location.href },
      navigator: { userAgent: navigator.userAgent },
      open: () => null,
      top: {
        get location(): Location {
          throw new DOMException('Blocked a frame with origin', 'SecurityError');
        },
      },
    });
    win.self = win;
    return { win: win as unknown as Window, document };
  }

  /** A controller on `win`, recording the names of the events it fires. */
  function controllerIn(win: Window) {
    const events: string[] = [];
    const controller = new KycController(controllerHost(), {
      win,
      config: () => ({
        endpoint: '/kyc',
        documents: undefined,
        redirectUrl: undefined,
        mode: 'auto',
        waits: FAST,
        popupText: { text: 'Connecting…', lang: 'en' },
        navigate: () => {},
      }),
      emit: (name, detail, options) => {
        events.push(name);
        return new CustomEvent(name, { ...options, detail });
      },
    });
    return { controller, events };
  }

  it('an attempt that ends before load fires its event on load, once; result is readable at once', () => {
    const { win, document } = loadingWindow();
    const { controller, events } = controllerIn(win);
    controller.start();
    expect(controller.state.status).to.equal('error');
    expect(controller.result?.type).to.equal('digilocker-kyc-error');
    expect(events, 'nothing ended yet for listeners').to.deep.equal(['digilocker-kyc-start']);
    document.readyState = 'complete';
    win.dispatchEvent(new Event('load'));
    win.dispatchEvent(new Event('load'));
    expect(events).to.deep.equal(['digilocker-kyc-start', 'digilocker-kyc-error']);
  });

  it('a reset before load drops the pending event', () => {
    const { win } = loadingWindow();
    const { controller, events } = controllerIn(win);
    controller.start();
    controller.reset();
    win.dispatchEvent(new Event('load'));
    expect(events).to.deep.equal(['digilocker-kyc-start']);
  });
});
