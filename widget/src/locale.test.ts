// Which language the element speaks: codes, `auto`, unknown values, and a language file's arrival
// (nothing shown before it, its lines and lang attributes after, overrides still on top).
import { expect, fixture, html } from '@open-wc/testing';
import './define.js';
import type { DigilockerKyc } from './define.js';
import { fetchWords, pickLocale, wordsOf } from './locale.js';
import { LOCALE_KEY, rememberedLocale, rememberLocale } from './page-locale.js';
import { LOCALES } from './strings.js';
import { created, JOURNEY_URL, json, stubFetch } from './test-helpers.js';

const part = (el: DigilockerKyc, name: string) =>
  el.shadowRoot?.querySelector<HTMLElement>(`[part="${name}"]`) ?? null;

describe('pickLocale', () => {
  it('takes each supported code, in any case and with a region', () => {
    for (const code of LOCALES) expect(pickLocale(code)).to.equal(code);
    expect(pickLocale('TA')).to.equal('ta');
    expect(pickLocale('ta-IN')).to.equal('ta');
    expect(pickLocale('')).to.equal('en');
    expect(pickLocale(null)).to.equal('en');
  });

  it('auto: the first of the browser’s languages that is supported, else English', () => {
    expect(pickLocale('auto', ['ta-IN', 'en-US'])).to.equal('ta');
    expect(pickLocale('auto', ['fr-FR', 'de', 'bn-IN', 'hi'])).to.equal('bn');
    expect(pickLocale('auto', ['en-GB', 'ta'])).to.equal('en');
    expect(pickLocale('auto', ['fr', 'de'])).to.equal('en');
    expect(pickLocale('auto', [])).to.equal('en');
  });

  it('an unknown value is English, with one warning that names the supported list', () => {
    const warnings: unknown[][] = [];
    const original = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args);
    try {
      expect(pickLocale('fr')).to.equal('en');
      expect(pickLocale('fr')).to.equal('en');
      expect(pickLocale('klingon')).to.equal('en');
    } finally {
      console.warn = original;
    }
    expect(warnings).to.have.length(2);
    expect(String(warnings[0]?.[0])).to.contain('locale="fr"');
    expect(String(warnings[0]?.[0])).to.contain(LOCALES.join(','));
    expect(String(warnings[0]?.[0])).to.contain('auto');
  });
});

describe('a language file arriving', () => {
  it('shows nothing before the Tamil lines are here, then Tamil with lang="ta"', async () => {
    expect(wordsOf('ta'), 'not loaded before this test').to.equal(undefined);
    const el = await fixture<DigilockerKyc>(
      html`<digilocker-kyc endpoint="/kyc" locale="ta" merchant="Acme Bank"></digilocker-kyc>`,
    );
    expect(el.shadowRoot?.childElementCount, 'no English before Tamil').to.equal(0);
    await fetchWords('ta');
    await el.updateComplete;
    expect(part(el, 'button')?.textContent).to.equal('DigiLocker மூலம் சரிபார்க்கவும்');
    expect(part(el, 'share')?.textContent).to.equal(
      'DigiLocker-இல் உள்ள உங்கள் ஆவணங்களை Acme Bank உடன் பகிரவும்.',
    );
    for (const name of ['share', 'status', 'error']) {
      expect(part(el, name)?.getAttribute('lang'), name).to.equal('ta');
    }
    expect(part(el, 'button')?.closest('[lang]')?.getAttribute('lang')).to.equal('ta');
    await expect(el).to.be.accessible();
  });

  it('lets strings override a language’s line', async () => {
    await fetchWords('te');
    const el = await fixture<DigilockerKyc>(
      html`<digilocker-kyc endpoint="/kyc" locale="te" .strings=${{ start: 'KYC' }}></digilocker-kyc>`,
    );
    expect(part(el, 'button')?.textContent).to.equal('KYC');
    expect(part(el, 'share')?.textContent).to.match(/పంచుకోండి/);
  });

  it('auto follows the browser to a language it has', async () => {
    const el = await fixture<DigilockerKyc>(
      html`<digilocker-kyc endpoint="/kyc" locale="auto"></digilocker-kyc>`,
    );
    const expected = pickLocale('auto');
    if (expected !== 'en') await fetchWords(expected);
    await el.updateComplete;
    await el.updateComplete;
    expect(part(el, 'status')?.getAttribute('lang')).to.equal(expected);
  });

  it('shows English after localeWaitMs when the file has not come', async () => {
    const el = document.createElement('digilocker-kyc');
    el.endpoint = '/kyc';
    el.timings = { localeWaitMs: 0 };
    el.locale = 'or';
    document.body.append(el);
    try {
      await el.updateComplete;
      // The wait of 0 ms ends in the next task, long before the file's module fetch.
      expect(wordsOf('or'), 'not loaded before this test').to.equal(undefined);
      await new Promise((resolve) => setTimeout(resolve, 0));
      await el.updateComplete;
      expect(part(el, 'button')?.textContent).to.equal('Verify with DigiLocker');
      expect(part(el, 'status')?.getAttribute('lang')).to.equal('en');
      // When it does come, the element speaks its language.
      await fetchWords('or');
      await el.updateComplete;
      expect(part(el, 'button')?.textContent).to.equal('DigiLocker ମାଧ୍ୟମରେ ଯାଞ୍ଚ କରନ୍ତୁ');
      expect(part(el, 'status')?.getAttribute('lang')).to.equal('or');
    } finally {
      el.remove();
    }
  });
});

describe('the language remembered for the return page', () => {
  afterEach(() => sessionStorage.removeItem(LOCALE_KEY));

  it('is read once, and only a supported code', () => {
    rememberLocale(window, 'ml');
    expect(rememberedLocale(window)).to.equal('ml');
    expect(rememberedLocale(window), 'gone once read').to.equal(null);
    sessionStorage.setItem(LOCALE_KEY, '<script>');
    expect(rememberedLocale(window)).to.equal(null);
  });

  it('a redirect journey writes it just before it leaves, for a return page on this origin', async () => {
    const el = await fixture<DigilockerKyc>(
      html`<digilocker-kyc endpoint="/kyc" locale="gu" mode="redirect"></digilocker-kyc>`,
    );
    await fetchWords('gu');
    await el.updateComplete;
    const left: string[] = [];
    el.navigate = (url) => left.push(`${url} ${sessionStorage.getItem(LOCALE_KEY)}`);
    const fetchStub = stubFetch({ create: () => json(201, created()) });
    try {
      el.start();
      const start = Date.now();
      while (!left.length && Date.now() - start < 2000) {
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    } finally {
      fetchStub.restore();
      el.reset();
    }
    expect(left).to.deep.equal([`${JOURNEY_URL} gu`]);
  });
});
