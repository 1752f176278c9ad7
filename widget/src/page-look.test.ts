// The windows around the journey as the customer sees them: the placeholder and the return page.
import { expect, fixture, html } from '@open-wc/testing';
import './define.js';
import type { DigilockerKyc } from './define.js';
import { fetchWords } from './locale.js';
import { LOCALE_KEY } from './page-locale.js';
import { localiseReturnPage, markReturnPageDone } from './page-look.js';
import { showPlaceholder } from './popup.js';
import { runReturnPage } from './return-page.js';
import { FakePopup, RECEIPT, STATE, stubFetch, stubOpen } from './test-helpers.js';

/** A same-origin window standing in for the popup (optionally under a meta CSP), or at `path`. */
async function frameWindow(csp?: string, path?: string): Promise<Window> {
  const frame = document.createElement('iframe');
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  if (path) frame.src = path;
  else {
    frame.srcdoc = csp
      ? `<!doctype html><meta http-equiv="Content-Security-Policy" content="${csp}"><body>`
      : '<!doctype html><body>';
  }
  document.body.append(frame);
  await loaded;
  return frame.contentWindow as Window;
}

describe('placeholder window', () => {
  afterEach(() => {
    for (const frame of document.querySelectorAll('iframe')) frame.remove();
    // Frames share this page's sessionStorage, where the placeholder keeps the locale.
    sessionStorage.removeItem(LOCALE_KEY);
  });

  it('speaks the journey’s language, with its lang attribute, title and line', async () => {
    const popup = await frameWindow();
    showPlaceholder(popup, { text: 'DigiLocker से जुड़ रहे हैं…', lang: 'hi' });
    const doc = popup.document;
    expect(doc.documentElement.lang).to.equal('hi');
    expect(doc.title).to.equal('DigiLocker से जुड़ रहे हैं…');
    expect(doc.querySelector('p')?.textContent).to.equal('DigiLocker से जुड़ रहे हैं…');
    expect(popup.sessionStorage.getItem(LOCALE_KEY), 'for the return page').to.equal('hi');
  });

  it('is styled with a spinner even under a CSP that refuses every <style>', async () => {
    const popup = await frameWindow("default-src 'none'; style-src 'none'");
    showPlaceholder(popup, { text: 'Connecting to DigiLocker…', lang: 'en' });
    const doc = popup.document;
    expect(popup.getComputedStyle(doc.body).textAlign, 'styled').to.equal('center');
    expect(doc.querySelector('style, [style]'), 'no inline style').to.equal(null);
    const spinner = doc.querySelector('[part="spinner"]') as Element;
    expect(popup.getComputedStyle(spinner).borderRadius).to.equal('50%');
    expect(popup.getComputedStyle(spinner).animationName).to.equal('spin');
  });

  it('the element gives the placeholder its locale', async () => {
    await fetchWords('hi');
    const el = await fixture<DigilockerKyc>(
      html`<digilocker-kyc endpoint="/kyc" locale="hi"></digilocker-kyc>`,
    );
    const popup = new FakePopup();
    const openStub = stubOpen(popup);
    const fetchStub = stubFetch({});
    try {
      el.start();
      expect(popup.document.documentElement.lang).to.equal('hi');
      expect(popup.document.title).to.equal('DigiLocker से जुड़ रहे हैं…');
    } finally {
      el.reset();
      openStub.restore();
      fetchStub.restore();
    }
  });
});

/** A frame holding the return page as the server renders it (English: the server's guess). */
async function returnPage(locale: string | null) {
  const win = await frameWindow(undefined, '/kyc/return');
  if (locale) win.sessionStorage.setItem(LOCALE_KEY, locale);
  const doc = win.document;
  doc.documentElement.lang = 'en';
  doc.title = 'Returning from DigiLocker';
  for (const [name, content] of [
    ['dlkyc-state', STATE],
    ['dlkyc-receipt', RECEIPT],
  ] as const) {
    const meta = doc.createElement('meta');
    meta.name = name;
    meta.content = content;
    doc.head.append(meta);
  }
  const status = doc.createElement('p');
  status.id = 'dlkyc-return-status';
  status.textContent = 'Finishing your DigiLocker verification…';
  doc.body.append(status);
  return { win, doc, status };
}

describe('return page look', () => {
  afterEach(() => {
    for (const frame of document.querySelectorAll('iframe')) frame.remove();
    sessionStorage.removeItem(LOCALE_KEY);
  });

  it('switches to Hindi for a Hindi journey, through to its last line', async () => {
    const { win, doc, status } = await returnPage('hi');
    localiseReturnPage(win);
    expect(doc.documentElement.lang).to.equal('hi');
    expect(doc.title).to.equal('DigiLocker से लौट रहे हैं');
    expect(status.textContent).to.equal('आपका DigiLocker सत्यापन पूरा हो रहा है…');
    const outcome = runReturnPage(win);
    expect(outcome).to.equal('shown');
    expect(status.textContent).to.equal('अब आप यह विंडो बंद कर सकते हैं।');
    markReturnPageDone(win, outcome);
    expect(doc.documentElement.hasAttribute('data-done'), 'spinner stops').to.equal(true);
  });

  it('switches to each remembered language (Tamil here) and spends the key', async () => {
    const { win, doc, status } = await returnPage('ta');
    localiseReturnPage(win);
    expect(doc.documentElement.lang).to.equal('ta');
    expect(doc.title).to.equal('DigiLocker-இலிருந்து திரும்புகிறது');
    expect(status.textContent).to.equal('உங்கள் DigiLocker சரிபார்ப்பு நிறைவடைகிறது…');
    expect(win.sessionStorage.getItem(LOCALE_KEY), 'no key left behind').to.equal(null);
    runReturnPage(win);
    expect(status.textContent).to.equal('இப்போது இந்தச் சாளரத்தை மூடலாம்.');
  });

  it('keeps the server’s language when the journey remembered none', async () => {
    const { win, doc, status } = await returnPage(null);
    localiseReturnPage(win);
    expect(doc.documentElement.lang).to.equal('en');
    expect(status.textContent).to.equal('Finishing your DigiLocker verification…');
  });

  it('leaves the spinner running while the page goes back to the merchant', async () => {
    const { win, doc } = await returnPage(null);
    markReturnPageDone(win, 'returned');
    expect(doc.documentElement.hasAttribute('data-done')).to.equal(false);
  });
});
