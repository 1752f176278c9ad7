// What the customer sees and hears in each state: success, busy, errors, and before the click.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import './define.js';
import type { DigilockerKyc } from './define.js';
import { fetchWords } from './locale.js';
import {
  created,
  errorBody,
  FAST,
  FakePopup,
  json,
  mountWidget,
  returnMessage,
  STATE,
  status,
  stubFetch,
  stubOpen,
  untilStatus,
} from './test-helpers.js';

/** WCAG 2 contrast ratio of an `rgb(r, g, b)` colour against white. */
function contrastOnWhite(rgb: string): number {
  const [r, g, b] = (rgb.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map((c) => {
    const s = Number(c) / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  const luminance = 0.2126 * (r ?? 1) + 0.7152 * (g ?? 1) + 0.0722 * (b ?? 1);
  return 1.05 / (luminance + 0.05);
}

describe('customer-facing states', () => {
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
  const button = (el: DigilockerKyc) => part(el, 'button') as HTMLButtonElement | null;
  const enabledButtons = (el: DigilockerKyc) =>
    [...(el.shadowRoot?.querySelectorAll('button') ?? [])].filter((b) => !b.disabled);

  async function completed(el: DigilockerKyc) {
    openStub = stubOpen(new FakePopup());
    fetchStub = stubFetch({
      create: () => json(201, created()),
      status: () => json(200, status('consented')),
    });
    const done = oneEvent(el, 'digilocker-kyc-complete');
    el.start();
    await untilStatus(el, 'awaiting');
    // DigiLocker's return reaches this browser (the proof `complete` needs).
    const channel = new BroadcastChannel(`dlkyc-${STATE}`);
    channel.postMessage(returnMessage());
    channel.close();
    await done;
    await el.updateComplete;
  }

  it('success: a check mark, the heading and the next step, and nothing that starts again', async () => {
    const el = await mountWidget();
    await completed(el);
    el.settle({ ok: true });
    await el.updateComplete;
    expect(part(el, 'check')?.tagName.toLowerCase()).to.equal('svg');
    expect(text(el, 'status')).to.contain('Verified with DigiLocker');
    expect(text(el, 'next')).to.equal('Your documents were shared. You can continue.');
    expect(enabledButtons(el), 'no enabled control').to.have.length(0);
    expect(part(el, 'button'), 'no start button').to.equal(null);
    expect(part(el, 'share'), 'no share line').to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('success: start() does nothing until reset(), which offers a new attempt', async () => {
    const el = await mountWidget();
    await completed(el);
    const opens = openStub?.calls.length;
    const posts = fetchStub?.posts().length;
    let started = false;
    el.addEventListener('digilocker-kyc-start', () => (started = true));
    el.start();
    expect(el.status).to.equal('complete');
    expect(started, 'no start event').to.equal(false);
    expect(openStub?.calls.length, 'no window').to.equal(opens);
    expect(fetchStub?.posts().length, 'no second Eko session').to.equal(posts);
    el.reset();
    await el.updateComplete;
    expect(el.status).to.equal('idle');
    expect((part(el, 'button') as HTMLButtonElement | null)?.disabled).to.equal(false);
  });

  it('the next step is a string the merchant can override', async () => {
    const el = await mountWidget();
    el.strings = { next: 'Continue to payment below.' };
    await completed(el);
    el.settle({ ok: true });
    await el.updateComplete;
    expect(text(el, 'next')).to.equal('Continue to payment below.');
  });

  it('busy while creating: aria-busy on the host, a spinner, the start button disabled', async () => {
    const el = await fixture<DigilockerKyc>(
      html`<digilocker-kyc endpoint="/kyc" mode="redirect" .timings=${FAST}></digilocker-kyc>`,
    );
    expect(el.hasAttribute('aria-busy')).to.equal(false);
    fetchStub = stubFetch({}); // the POST never answers
    el.start();
    await untilStatus(el, 'creating');
    await el.updateComplete;
    expect(el.getAttribute('aria-busy')).to.equal('true');
    expect((part(el, 'button') as HTMLButtonElement).disabled).to.equal(true);
    expect(part(el, 'spinner'), 'spinner').to.not.equal(null);
    expect(text(el, 'status')).to.equal('Connecting to DigiLocker…');
    await expect(el).to.be.accessible();
    el.reset();
    await el.updateComplete;
    expect(el.hasAttribute('aria-busy')).to.equal(false);
    expect(part(el, 'spinner')).to.equal(null);
  });

  it('busy while verifying the consent, not while the customer is on DigiLocker', async () => {
    const el = await mountWidget({ pollInitialMs: 10_000 });
    openStub = stubOpen(new FakePopup());
    fetchStub = stubFetch({
      create: () => json(201, created()),
      status: () => new Promise(() => {}),
    });
    el.start();
    await untilStatus(el, 'awaiting');
    await el.updateComplete;
    expect(el.hasAttribute('aria-busy'), 'awaiting is the customer’s time').to.equal(false);
    const channel = new BroadcastChannel(`dlkyc-${STATE}`);
    channel.postMessage(returnMessage());
    channel.close();
    await untilStatus(el, 'verifying');
    await el.updateComplete;
    expect(el.getAttribute('aria-busy')).to.equal('true');
    expect(part(el, 'spinner')).to.not.equal(null);
    expect(text(el, 'status')).to.equal('Checking your consent…');
    el.reset();
  });

  it('the error line is an alert, kept in the tree before anything goes wrong', async () => {
    const el = await mountWidget();
    expect(part(el, 'error')?.getAttribute('role')).to.equal('alert');
    openStub = stubOpen(new FakePopup());
    fetchStub = stubFetch({ create: () => json(503, errorBody('upstream_unavailable', true)) });
    el.start();
    await untilStatus(el, 'error');
    await el.updateComplete;
    expect(part(el, 'error')?.getAttribute('role')).to.equal('alert');
    expect(text(el, 'error')).to.equal('DigiLocker is busy. Try again in a few minutes.');
    expect(text(el, 'button'), 'a retry can fix this one').to.equal('Try again');
  });

  it('a fault a retry cannot fix: no Try again, and the line names who can help', async () => {
    const el = await fixture<DigilockerKyc>(
      html`<digilocker-kyc endpoint="/kyc" merchant="Acme Bank" .timings=${FAST}></digilocker-kyc>`,
    );
    openStub = stubOpen(new FakePopup());
    fetchStub = stubFetch({ create: () => json(500, errorBody('config_error', false)) });
    button(el)?.focus();
    button(el)?.click();
    await untilStatus(el, 'error');
    await el.updateComplete;
    expect(text(el, 'error')).to.equal('Verification is unavailable. Please contact Acme Bank.');
    expect(enabledButtons(el), 'no control at all').to.have.length(0);
    expect(el.shadowRoot?.textContent).not.to.contain('Try again');
    expect(el.shadowRoot?.activeElement, 'focus on the message').to.equal(part(el, 'error'));
    await expect(el).to.be.accessible();
  });

  it('before the click: what is shared, with whom, beside a drawn locker mark', async () => {
    const el = await fixture<DigilockerKyc>(
      html`<digilocker-kyc endpoint="/kyc" merchant="Acme Bank"></digilocker-kyc>`,
    );
    expect(text(el, 'share')).to.equal('Share your documents from DigiLocker with Acme Bank.');
    expect(button(el)?.querySelector('svg[part="mark"]')?.getAttribute('aria-hidden')).to.equal(
      'true',
    );
    expect(button(el)?.querySelector('img'), 'no image files').to.equal(null);
    el.removeAttribute('merchant');
    await fetchWords('hi');
    el.locale = 'hi';
    await el.updateComplete;
    expect(text(el, 'share')).to.equal('DigiLocker से अपने दस्तावेज़ इस साइट के साथ साझा करें।');
    el.locale = 'en';
    await el.updateComplete;
    expect(text(el, 'share')).to.equal('Share your documents from DigiLocker with this site.');
    el.strings = { share: 'Your Aadhaar goes to {merchant} only.' };
    el.merchant = 'Acme';
    await el.updateComplete;
    expect(text(el, 'share')).to.equal('Your Aadhaar goes to Acme only.');
    await expect(el).to.be.accessible();
  });

  it('the default focus ring is at least 3:1 against white', async () => {
    const el = await mountWidget();
    const start = button(el) as HTMLButtonElement;
    start.focus();
    expect(start.matches(':focus-visible'), 'keyboard-style focus').to.equal(true);
    const style = getComputedStyle(start);
    expect(style.outlineStyle).to.equal('solid');
    expect(Number.parseFloat(style.outlineWidth)).to.be.at.least(2);
    const ratio = contrastOnWhite(style.outlineColor);
    expect(ratio, `${style.outlineColor} is ${ratio.toFixed(2)}:1`).to.be.at.least(3);
  });
});
