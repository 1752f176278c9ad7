// The built files, not the sources: the single-file bundle and dist/return.js must run in Chromium
// (a decorator or syntax the bundler left untransformed only shows up here). Needs `pnpm build`.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import {
  COMPLETION_TOKEN,
  created,
  FAST,
  FakePopup,
  json,
  RECEIPT,
  returnMessage,
  STATE,
  sleep,
  status,
  stubFetch,
  stubOpen,
  untilStatus,
} from './test-helpers.js';

describe('built files', () => {
  it('dist/digilocker-kyc.bundle.js registers a working element', async () => {
    const bundle = new URL('../dist/digilocker-kyc.bundle.js', import.meta.url).href;
    const mod = (await import(bundle)) as { DigilockerKyc: CustomElementConstructor };
    expect(customElements.get('digilocker-kyc')).to.equal(mod.DigilockerKyc);
    const el = await fixture<HTMLElement & { status: string }>(
      html`<digilocker-kyc endpoint="/kyc" locale="hi"></digilocker-kyc>`,
    );
    // Nothing at first (no flash of English), then Hindi from dist/lang/ beside the bundle.
    expect(el.shadowRoot?.querySelector('[part="button"]'), 'nothing before the file').to.equal(
      null,
    );
    const start = Date.now();
    while (!el.shadowRoot?.querySelector('[part="button"]') && Date.now() - start < 2000) {
      await sleep(10);
    }
    expect(el.status).to.equal('idle');
    expect(el.shadowRoot?.querySelector('[part="button"]')?.textContent).to.equal(
      'DigiLocker से सत्यापित करें',
    );
    expect(el.shadowRoot?.querySelector('[part="status"]')?.getAttribute('lang')).to.equal('hi');
    const loaded = performance
      .getEntriesByType('resource')
      .map((entry) => new URL(entry.name).pathname)
      .filter((path) => path.includes('/dist/lang/'));
    expect(loaded, 'one language file, the hashed one').to.have.length(1);
    expect(loaded[0]).to.match(/\/dist\/lang\/hi\.[0-9a-f]{10}\.js$/);
    await expect(el).to.be.accessible();
  });

  it("the bundle's element runs a popup journey to complete (its shortened names agree)", async () => {
    // Registered by the first test; the bundle's own class, not the sources'.
    const el = await fixture<HTMLElement & { status: string; start(): void }>(
      html`<digilocker-kyc endpoint="/kyc" .timings=${FAST}></digilocker-kyc>`,
    );
    const openStub = stubOpen(new FakePopup());
    const fetchStub = stubFetch({
      create: () => json(201, created()),
      status: () => json(200, status('consented')),
    });
    try {
      const done = oneEvent(el, 'digilocker-kyc-complete');
      el.start();
      expect(el.status).to.equal('creating');
      await untilStatus(el as never, 'awaiting');
      const channel = new BroadcastChannel(`dlkyc-${STATE}`);
      channel.postMessage(returnMessage());
      channel.close();
      expect((await done).detail).to.include({ session_token: COMPLETION_TOKEN });
      expect(el.status).to.equal('complete');
    } finally {
      fetchStub.restore();
      openStub.restore();
    }
  });

  it("the bundle's element aborts its create request on cancel()", async () => {
    const el = await fixture<HTMLElement & { status: string; start(): void; cancel(): void }>(
      html`<digilocker-kyc endpoint="/kyc" .timings=${FAST}></digilocker-kyc>`,
    );
    const openStub = stubOpen(new FakePopup());
    const fetchStub = stubFetch({}); // The create request never answers.
    try {
      el.start();
      el.cancel();
      expect(el.status).to.equal('cancelled');
      expect(fetchStub.posts()[0]?.signal?.aborted).to.equal(true);
    } finally {
      fetchStub.restore();
      openStub.restore();
    }
  });

  it('dist/return.js delivers the result from a return page', async () => {
    const frame = document.createElement('iframe');
    const loaded = new Promise((resolve) =>
      frame.addEventListener('load', resolve, { once: true }),
    );
    frame.src = `/kyc/return/${STATE}/${'S'.repeat(43)}?verification_id=ver-5`;
    document.body.append(frame);
    await loaded;
    const doc = frame.contentDocument as Document;
    // What the server writes into a bound return page.
    for (const [name, content] of [
      ['dlkyc-state', STATE],
      ['dlkyc-receipt', RECEIPT],
      ['dlkyc-verification', 'ver-5'],
    ] as const) {
      const meta = doc.createElement('meta');
      meta.name = name;
      meta.content = content;
      doc.head.append(meta);
    }
    const channel = new BroadcastChannel(`dlkyc-${STATE}`);
    const heard: unknown[] = [];
    channel.onmessage = (event) => heard.push(event.data);
    const script = doc.createElement('script');
    script.src = new URL('../dist/return.js', import.meta.url).href;
    const ran = new Promise((resolve) => script.addEventListener('load', resolve, { once: true }));
    doc.body.append(script);
    await ran;
    await sleep(30);
    channel.close();
    expect(heard).to.deep.equal([
      { v: 1, type: 'dlkyc:result', state: STATE, receipt: RECEIPT, verification_id: 'ver-5' },
    ]);
    expect(frame.contentWindow?.location.search).to.equal('');
    expect(frame.contentWindow?.location.pathname).to.equal(`/kyc/return/${STATE}`);
    frame.remove();
  });
});
