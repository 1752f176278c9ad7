// A signing server on another site than the page, with third-party cookies blocked: the page at
// `localhost`, the server at `127.0.0.1` (two sites to the browser). The create reply's binding
// cookie cannot stick there; the widget's top-level `/go` hop sets it first-party, and the
// customer's journey still ends in exactly one `complete` whose token the backend accepts.
import { describe, expect, it } from 'vitest';
import { newContext } from './support/browser.js';
import { decide, expectCleanEvents, ready, startInPopup, widget } from './support/journey.js';
import { useJourneySuite } from './support/suite.js';

const suite = useJourneySuite({
  browser: { blockThirdPartyCookies: true },
  demo: { env: { DEMO_OTHER_SITE: '1' } },
});

/** The demo's second origin under its other loopback name: another site than the server. */
const otherSitePage = () => {
  const url = new URL(suite.urls.pages.crossOrigin);
  url.hostname = 'localhost';
  return url;
};

describe('signing server on another site, third-party cookies blocked', () => {
  it('popup: the /go hop binds the attempt first-party → exactly one complete, accepted by the backend', async () => {
    const { context, recorder, page } = await newContext(suite.browser);
    const hops: string[] = [];
    context.on('request', (request) => {
      if (request.method() === 'POST' && request.url().endsWith('/kyc/go'))
        hops.push(request.url());
    });
    const url = otherSitePage();
    url.searchParams.set('mode', 'popup');
    await page.goto(url.href);
    await ready(page);
    const w = widget(page);
    // DigiLocker returns to the server's own return page, which posts to this page's origin.
    await w.host.evaluate((el) => el.removeAttribute('redirect-url'));
    const popup = await startInPopup(page);
    await decide(popup, 'Approve');
    const complete = await recorder.waitFor('digilocker-kyc-complete', { timeout: 20_000 });
    await recorder.settle();
    expect(recorder.names()).toEqual([
      'digilocker-kyc-start',
      'digilocker-kyc-open',
      'digilocker-kyc-complete',
    ]);
    expect(hops).toEqual([`${suite.urls.server}/kyc/go`]);
    // The binding cookie lives on the server's site, set first-party by the hop.
    const cookies = await context.cookies(`${suite.urls.server}/kyc/`);
    expect(cookies.some((c) => c.name.startsWith('dlkyc_b_'))).toBe(true);
    expectCleanEvents(recorder.events);

    const origin = url.origin;
    const verdict = await context.request.post(`${origin}/api/kyc/verified`, {
      headers: { 'Content-Type': 'application/json', 'X-Merchant-CSRF': '1', Origin: origin },
      data: {
        session_token: complete.detail.session_token,
        reference_id: complete.detail.reference_id,
      },
    });
    expect(verdict.status()).toBe(200);
  });

  it('redirect: the page takes the hop, DigiLocker returns through the server to the page’s RETURN_URLS entry → one complete', async () => {
    const { recorder, page } = await newContext(suite.browser);
    const url = otherSitePage();
    url.searchParams.set('mode', 'redirect');
    await page.goto(url.href);
    await ready(page);
    // The page's own URL on this site: an entry of RETURN_URLS.
    const back = `${url.origin}${url.pathname}`;
    await widget(page).host.evaluate((el, to) => el.setAttribute('redirect-url', to), back);
    await widget(page).startButton.click();
    await decide(page, 'Approve');
    await recorder.waitFor('digilocker-kyc-complete', { timeout: 20_000 });
    await recorder.settle();
    expect(recorder.named('digilocker-kyc-complete')).toHaveLength(1);
    expect(new URL(page.url()).origin).toBe(url.origin);
  });
});
