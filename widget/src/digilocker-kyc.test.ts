// The element itself: registration, defaults, accessibility, attributes, events and strings.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import './define.js';
import { DigilockerKyc } from './define.js';
import { fetchWords } from './locale.js';
import {
  COMPLETION_TOKEN,
  created,
  errorBody,
  FAST,
  FakePopup,
  json,
  mountWidget,
  RECEIPT,
  status,
  stubFetch,
  stubOpen,
  untilStatus,
} from './test-helpers.js';

describe('<digilocker-kyc>', () => {
  let fetchStub: ReturnType<typeof stubFetch> | undefined;
  let openStub: ReturnType<typeof stubOpen> | undefined;
  afterEach(() => {
    fetchStub?.restore();
    openStub?.restore();
    fetchStub = openStub = undefined;
  });

  const button = (el: DigilockerKyc, part = 'button') =>
    el.shadowRoot?.querySelector<HTMLButtonElement>(`[part="${part}"]`) ?? null;

  it('is defined', () => {
    const el = document.createElement('digilocker-kyc');
    expect(el).to.be.instanceOf(DigilockerKyc);
    expect(customElements.get('digilocker-kyc')).to.equal(DigilockerKyc);
  });

  it('renders defaults: an idle start button with its label and empty status lines', async () => {
    const el = await mountWidget();
    expect(el.status).to.equal('idle');
    expect(el.mode).to.equal('auto');
    expect(button(el)?.textContent?.trim()).to.equal('Verify with DigiLocker');
    const statusLine = el.shadowRoot?.querySelector('[part="status"]');
    // role=status is a polite live region by definition (no aria-live needed beside it).
    expect(statusLine?.getAttribute('role')).to.equal('status');
    expect(statusLine?.textContent).to.equal('');
    expect(el.shadowRoot?.querySelector('[part="error"]')?.textContent).to.equal('');
  });

  it('keeps its button and status lines as the same nodes from idle to error and back', async () => {
    const el = await mountWidget();
    const root = el.shadowRoot as ShadowRoot;
    const start = button(el);
    const statusLine = root.querySelector('[part="status"]');
    const errorLine = root.querySelector('[part="error"]');
    fetchStub = stubFetch({ create: () => 'network-error' });
    openStub = stubOpen(new FakePopup());
    el.start();
    await untilStatus(el, 'error');
    await el.updateComplete;
    expect(errorLine?.textContent, 'the error is shown').not.to.equal('');
    expect(start?.textContent?.trim()).to.equal('Try again');
    el.disabled = true;
    await el.updateComplete;
    expect(start?.disabled).to.equal(true);
    el.reset();
    await el.updateComplete;
    expect(errorLine?.textContent).to.equal('');
    // Compared with ===: the same nodes, not equal-looking new ones.
    expect(button(el) === start, 'same start button').to.equal(true);
    expect(root.querySelector('[part="status"]') === statusLine, 'same status').to.equal(true);
    expect(root.querySelector('[part="error"]') === errorLine, 'same error line').to.equal(true);
  });

  it('is accessible, idle and in error', async () => {
    const el = await mountWidget();
    await expect(el).to.be.accessible();
    fetchStub = stubFetch({ create: () => 'network-error' });
    openStub = stubOpen(new FakePopup());
    el.start();
    await untilStatus(el, 'error');
    await el.updateComplete;
    await expect(el).to.be.accessible();
  });

  it('reflects disabled, and a disabled element does not start', async () => {
    const el = await mountWidget();
    el.disabled = true;
    await el.updateComplete;
    expect(el.hasAttribute('disabled')).to.equal(true);
    expect(button(el)?.disabled).to.equal(true);
    openStub = stubOpen(new FakePopup());
    el.start();
    expect(openStub.calls.length).to.equal(0);
    expect(el.status).to.equal('idle');
  });

  it('uses the slotted label instead of the built-in one', async () => {
    const el = await fixture<DigilockerKyc>(
      html`<digilocker-kyc endpoint="/kyc">Check my Aadhaar</digilocker-kyc>`,
    );
    const slot = button(el)?.querySelector('slot');
    expect(slot?.assignedNodes()[0]?.textContent).to.equal('Check my Aadhaar');
  });

  it('speaks Hindi with locale="hi" and lets strings override any text', async () => {
    await fetchWords('hi');
    const el = await fixture<DigilockerKyc>(
      html`<digilocker-kyc endpoint="/kyc" locale="hi"></digilocker-kyc>`,
    );
    expect(button(el)?.textContent?.trim()).to.equal('DigiLocker से सत्यापित करें');
    el.strings = { start: 'KYC शुरू करें' };
    await el.updateComplete;
    expect(button(el)?.textContent?.trim()).to.equal('KYC शुरू करें');
  });

  it('fires a cancelable start event with the mode; preventDefault vetoes the journey', async () => {
    const el = await mountWidget();
    fetchStub = stubFetch({});
    openStub = stubOpen(new FakePopup());
    el.addEventListener('digilocker-kyc-start', (event) => event.preventDefault(), { once: true });
    const started = oneEvent(el, 'digilocker-kyc-start');
    button(el)?.click();
    const event = await started;
    expect(event.detail).to.deep.equal({ mode: 'auto' });
    expect(event.cancelable).to.equal(true);
    expect(event.bubbles && event.composed).to.equal(true);
    expect(openStub.calls.length).to.equal(0);
    expect(fetchStub.calls.length).to.equal(0);
    expect(el.status).to.equal('idle');
  });

  it('sends documents and redirect-url, with the JSON and CSRF headers', async () => {
    const el =
      await fixture<DigilockerKyc>(html`<digilocker-kyc endpoint="/kyc/" documents="AADHAAR PAN"
      redirect-url="https://merchant.example/kyc" .timings=${FAST}></digilocker-kyc>`);
    fetchStub = stubFetch({});
    openStub = stubOpen(new FakePopup());
    el.start();
    await untilStatus(el, 'creating');
    const [post] = fetchStub.posts();
    expect(post?.url).to.equal(new URL('/kyc/sessions', location.href).href);
    expect(post?.headers.get('Content-Type')).to.equal('application/json');
    expect(post?.headers.get('X-DigiLocker-KYC')).to.equal('1');
    expect(JSON.parse(post?.body ?? '')).to.deep.equal({
      documents: ['AADHAAR', 'PAN'],
      redirect_url: 'https://merchant.example/kyc',
    });
    el.reset();
  });

  it('emits error with the server code and retryable flag, and shows what to do', async () => {
    const el = await mountWidget();
    const placeholder = new FakePopup();
    fetchStub = stubFetch({ create: () => json(429, errorBody('rate_limited', true)) });
    openStub = stubOpen(placeholder);
    const failed = oneEvent(el, 'digilocker-kyc-error');
    el.start();
    const { detail } = await failed;
    expect(detail).to.deep.equal({
      code: 'rate_limited',
      message: 'Server says rate_limited',
      retryable: true,
    });
    expect(placeholder.closed, 'placeholder closed').to.equal(true);
    expect(placeholder.navigations).to.deep.equal([]);
    await el.updateComplete;
    expect(el.status).to.equal('error');
    expect(el.shadowRoot?.querySelector('[part="error"]')?.textContent).to.contain('Wait a minute');
    expect(button(el)?.textContent?.trim()).to.equal('Try again');
  });

  it('maps a network failure to network_error and a garbled reply to invalid_response', async () => {
    const el = await mountWidget();
    openStub = stubOpen(new FakePopup());
    fetchStub = stubFetch({ create: () => 'network-error' });
    let failed = oneEvent(el, 'digilocker-kyc-error');
    el.start();
    expect((await failed).detail.code).to.equal('network_error');
    fetchStub.restore();
    fetchStub = stubFetch({ create: () => new Response('<html>502</html>', { status: 502 }) });
    failed = oneEvent(el, 'digilocker-kyc-error');
    el.start();
    expect((await failed).detail).to.include({ code: 'invalid_response', retryable: true });
    fetchStub.restore();
    fetchStub = stubFetch({ create: () => json(201, { ...created(), state: 'short' }) });
    failed = oneEvent(el, 'digilocker-kyc-error');
    el.start();
    expect((await failed).detail.code).to.equal('invalid_response');
  });

  it('reads a reply that arrives in pieces, a character split between two; no body is invalid', async () => {
    const el = await mountWidget();
    openStub = stubOpen(new FakePopup());
    const reply = {
      error: {
        code: 'rate_limited',
        message: 'Wait… then retry',
        retryable: true,
        request_id: 'r',
      },
    };
    const bytes = new TextEncoder().encode(JSON.stringify(reply));
    const cut = bytes.indexOf(0x80); // The middle byte of "…" (E2 80 A6).
    const pieces = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(bytes.slice(0, cut));
        controller.enqueue(bytes.slice(cut));
        controller.close();
      },
    });
    fetchStub = stubFetch({ create: () => new Response(pieces, { status: 429 }) });
    let failed = oneEvent(el, 'digilocker-kyc-error');
    el.start();
    expect((await failed).detail).to.include({ code: 'rate_limited', message: 'Wait… then retry' });
    fetchStub.restore();
    fetchStub = stubFetch({ create: () => new Response(null, { status: 502 }) });
    failed = oneEvent(el, 'digilocker-kyc-error');
    el.start();
    expect((await failed).detail.code).to.equal('invalid_response');
  });

  for (const url of ['javascript:alert(1)', 'data:text/html,hi', 'http://digilocker.example/x']) {
    it(`refuses to open an unsafe journey URL (${url.slice(0, 20)}) and never navigates`, async () => {
      const el = await mountWidget();
      const placeholder = new FakePopup();
      openStub = stubOpen(placeholder);
      fetchStub = stubFetch({ create: () => json(201, created({ url })) });
      const failed = oneEvent(el, 'digilocker-kyc-error');
      el.start();
      const { detail } = await failed;
      expect(detail).to.include({ code: 'invalid_response', reference_id: '7483920' });
      expect(placeholder.navigations).to.deep.equal([]);
      expect(placeholder.closed).to.equal(true);
    });
  }

  it('completes with only ids, documents and the completion token in the detail', async () => {
    const el = await mountWidget();
    openStub = stubOpen(new FakePopup());
    fetchStub = stubFetch({
      create: () => json(201, created()),
      status: () => json(200, status('consented')),
    });
    const done = oneEvent(el, 'digilocker-kyc-complete');
    el.start();
    await untilStatus(el, 'awaiting');
    // The return page's message, without a verification_id, with the server's receipt.
    const channel = new BroadcastChannel(`dlkyc-${created().state}`);
    channel.postMessage({ v: 1, type: 'dlkyc:result', state: created().state, receipt: RECEIPT });
    channel.close();
    const { detail } = await done;
    // The completion token the status reply carried, never the create-time session token.
    expect(detail).to.deep.equal({
      reference_id: '7483920',
      documents: ['AADHAAR'],
      session_token: COMPLETION_TOKEN,
    });
    expect(fetchStub.gets().at(-1)?.headers.get('X-DigiLocker-KYC-Receipt')).to.equal(RECEIPT);
    expect(el.status).to.equal('complete');
    expect(el.getAttributeNames().join(' ')).not.to.contain('token');
  });

  it('moves focus to Reopen while waiting and gives it back to the start button after', async () => {
    const el = await mountWidget();
    const popup = new FakePopup();
    openStub = stubOpen(popup);
    fetchStub = stubFetch({
      create: () => json(201, created()),
      status: () => json(200, status('pending')),
    });
    button(el)?.focus();
    button(el)?.click();
    await untilStatus(el, 'awaiting');
    await el.updateComplete;
    expect(el.shadowRoot?.activeElement?.getAttribute('part')).to.equal('reopen-button');
    button(el, 'cancel-button')?.click();
    await el.updateComplete;
    expect(el.status).to.equal('cancelled');
    expect(el.shadowRoot?.activeElement?.getAttribute('part')).to.equal('button');
  });

  it('leaves focus alone when the journey was started from elsewhere', async () => {
    const el = await mountWidget();
    const outside = document.createElement('button');
    document.body.append(outside);
    outside.focus();
    openStub = stubOpen(new FakePopup());
    fetchStub = stubFetch({ create: () => 'network-error' });
    el.start();
    await untilStatus(el, 'error');
    await el.updateComplete;
    expect(document.activeElement).to.equal(outside);
    outside.remove();
  });

  it('errors with config_error when endpoint is missing, without opening anything', async () => {
    const el = await fixture<DigilockerKyc>(html`<digilocker-kyc></digilocker-kyc>`);
    openStub = stubOpen(new FakePopup());
    const failed = oneEvent(el, 'digilocker-kyc-error');
    el.start();
    expect((await failed).detail).to.include({ code: 'config_error', retryable: false });
    expect(openStub.calls.length).to.equal(0);
  });
});
