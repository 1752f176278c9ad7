// defineDigilockerKyc: the element under a tag of the merchant's choosing, or a clear error.
import { expect, fixture, html } from '@open-wc/testing';
import { html as staticHtml, unsafeStatic } from 'lit/static-html.js';
import { DigilockerKyc, defineDigilockerKyc, TAG_NAME } from './define.js';

describe('defineDigilockerKyc', () => {
  it('defines a working element under another tag, beside the default one', async () => {
    const AcmeKyc = defineDigilockerKyc('acme-kyc');
    expect(customElements.get('acme-kyc')).to.equal(AcmeKyc);
    expect(customElements.get(TAG_NAME)).to.equal(DigilockerKyc);
    const tag = unsafeStatic('acme-kyc');
    const el = await fixture<DigilockerKyc>(staticHtml`<${tag} endpoint="/kyc"></${tag}>`);
    expect(el).to.be.instanceOf(DigilockerKyc);
    expect(el.status).to.equal('idle');
    expect(el.shadowRoot?.querySelector('[part="button"]')).to.exist;
  });

  it('is harmless when called again for the same tag', () => {
    const first = defineDigilockerKyc('acme-kyc-twice');
    expect(defineDigilockerKyc('acme-kyc-twice')).to.equal(first);
    expect(defineDigilockerKyc()).to.equal(DigilockerKyc);
  });

  it('throws a clear error for a name that is not a custom element name', () => {
    // The registry's own SyntaxError names the tag; engines quote it differently (Chromium
    // "AcmeKyc", Firefox 'AcmeKyc').
    expect(() => defineDigilockerKyc('AcmeKyc')).to.throw(
      /["']AcmeKyc["'] is not a valid custom element name/,
    );
    expect(() => defineDigilockerKyc('kyc')).to.throw(
      /["']kyc["'] is not a valid custom element name/,
    );
  });

  it('throws a clear error when another element holds the tag', () => {
    customElements.define('taken-kyc', class extends HTMLElement {});
    expect(() => defineDigilockerKyc('taken-kyc')).to.throw(
      /<taken-kyc> is already taken by another element/,
    );
  });

  it('still renders the default tag', async () => {
    const el = await fixture<DigilockerKyc>(
      html`<digilocker-kyc endpoint="/kyc"></digilocker-kyc>`,
    );
    expect(el.status).to.equal('idle');
  });
});
