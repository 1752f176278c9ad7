// The built ES module (dist/index.js, lit external) registers the element when imported. Needs `pnpm build`.
import { expect } from '@open-wc/testing';

describe('built ES module', () => {
  it('dist/index.js defines <digilocker-kyc> and exports the class', async () => {
    const entry = new URL('../dist/index.js', import.meta.url).href;
    const mod = (await import(entry)) as {
      DigilockerKyc: CustomElementConstructor;
      TAG_NAME: string;
    };
    expect(customElements.get(mod.TAG_NAME)).to.equal(mod.DigilockerKyc);
    const el = document.createElement('digilocker-kyc');
    document.body.append(el);
    await (el as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    expect(el.shadowRoot?.querySelector('[part="button"]')).to.exist;
    el.remove();
  });
});
