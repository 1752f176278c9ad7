// Consent phishing, tried as a deliberate attacker would. The attacker starts an attempt on the
// merchant's page, keeps the one-time DigiLocker link from loading in their own browser and has
// a victim consent with it in another browser. Then, in the attacker's own browser (or with no
// browser at all), every known way to turn that consent into a completion is tried: the return
// URL by its state (before and after the consent), `?dlkyc_state=` on the merchant page, the
// Continue path with planted cookies, and the create-time token posted to the merchant backend.
// None may give a `complete` or a verified document; the victim sees a warning page. And the hard
// case of the defence: a COOP-severed popup with the server on another origin still ends in
// exactly one `complete` for the real customer, through Continue.
import { createHash, randomBytes } from 'node:crypto';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { newContext, type Recorder } from './support/browser.js';
import {
  decide,
  expectCleanEvents,
  expectCleanStorage,
  ready,
  startInPopup,
  tokensOf,
  widget,
} from './support/journey.js';
import { useJourneySuite } from './support/suite.js';

const suite = useJourneySuite();

/** The signing server's mount, as the merchant's pages reach it. */
const mount = () => `${new URL(suite.urls.pages.scriptTag).origin}/kyc`;

/** Quick polling, and a journey short enough to end inside the test. */
function setTimings(host: Locator, journeyTimeoutMs: number): Promise<void> {
  return host.evaluate((el, journey) => {
    (el as HTMLElement & { timings: object }).timings = {
      pollInitialMs: 500,
      pollMaxMs: 1_000,
      journeyTimeoutMs: journey,
    };
  }, journeyTimeoutMs);
}

/**
 * The attacker's trick: every navigation of this context to the simulated DigiLocker answers
 * 204 (the browser stays where it is) and the URL is kept, to be sent to someone else.
 */
async function interceptDigilocker(context: BrowserContext): Promise<() => Promise<string>> {
  const urls: string[] = [];
  const sandbox = new URL(suite.urls.sandbox).origin;
  await context.route(
    (url) => url.origin === sandbox && url.pathname.startsWith('/digilocker/'),
    async (route) => {
      urls.push(route.request().url());
      await route.fulfill({ status: 204 });
    },
  );
  return async () => {
    await expect.poll(() => urls.length, { timeout: 15_000 }).toBeGreaterThan(0);
    return urls[0]!;
  };
}

interface CreateReply {
  reference_id: string;
  state: string;
  session_token: string;
  url: string;
}

/** Reads the create reply as it passes (what the page's own devtools would show). */
async function captureCreate(context: BrowserContext): Promise<() => Promise<CreateReply>> {
  let reply: CreateReply | undefined;
  await context.route(
    (url) => url.pathname === '/kyc/sessions',
    async (route) => {
      const response = await route.fetch();
      if (route.request().method() === 'POST') reply = await response.json();
      await route.fulfill({ response });
    },
  );
  return async () => {
    await expect.poll(() => reply !== undefined, { timeout: 15_000 }).toBe(true);
    return reply!;
  };
}

/** The attacker starts an attempt on the merchant's page and reads the create reply. */
async function attackerStarts(mode: 'popup' | 'redirect') {
  const { context, recorder, page } = await newContext(suite.browser);
  const link = await interceptDigilocker(context);
  const created = await captureCreate(context);
  await page.goto(`${suite.urls.pages.scriptTag}?mode=${mode}`);
  await ready(page);
  const w = widget(page);
  await setTimings(w.host, 20_000);
  if (mode === 'popup') await startInPopup(page);
  else await w.startButton.click();
  const reply = await created();
  const open = await recorder.waitFor('digilocker-kyc-open');
  expect(open.detail.reference_id).toBe(reply.reference_id);
  return { context, recorder, page, w, reply, link };
}

/** The victim, in another browser context, opens the link and approves. */
async function victimConsents(url: string): Promise<Page> {
  const { page } = await newContext(suite.browser);
  await page.goto(url);
  await decide(page, 'Approve');
  await page.waitForURL(/\/kyc\/foreign-return$/, { timeout: 15_000 });
  return page;
}

/** The victim's browser lands on the warning: no script, no receipt, the secret gone. */
async function expectWarned(victim: Page): Promise<void> {
  expect(await victim.locator('h1').textContent()).toContain('started on another device');
  expect(await victim.locator('main').textContent()).toContain('trying to use your identity');
  expect(await victim.locator('script').count()).toBe(0);
  expect(await victim.locator('meta[name="dlkyc-receipt"]').count()).toBe(0);
  expect(victim.url()).not.toMatch(/\/return\//);
  const cookies = await victim.context().cookies();
  expect(cookies.filter((c) => c.name.includes('dlkyc'))).toEqual([]);
}

/** The sandbox's own record: the consent really happened. */
async function sandboxStatus(referenceId: unknown): Promise<string | undefined> {
  const { attempts } = await suite.sandbox.attempts();
  return attempts.find((a) => String(a.reference_id) === String(referenceId))?.status;
}

/** Every way the attacker's browser can ask for the return page by the state it knows. */
async function tryReturnUrls(context: BrowserContext, state: string): Promise<number[]> {
  const base = mount();
  const guesses = [
    `${base}/return/${state}`,
    `${base}/return/${state}/`,
    `${base}/return?dlkyc_state=${state}`,
    `${base}/return/${state}/${randomBytes(32).toString('base64url')}`,
    `${base}/return/${state}/${createHash('sha256').update(state).digest('base64url')}`,
  ];
  const statuses: number[] = [];
  for (const url of guesses) {
    // Through a real page of the attacker's context: its cookies (the binding) go along.
    const page = await context.newPage();
    const response = await page.goto(url);
    statuses.push(response?.status() ?? 0);
    expect(await page.locator('meta[name="dlkyc-receipt"]').count(), url).toBe(0);
    await page.close();
  }
  return statuses;
}

/** The merchant backend, given a token by someone who wants the verified document. */
async function backendVerdict(context: BrowserContext, token: string, referenceId: string) {
  const origin = new URL(suite.urls.pages.scriptTag).origin;
  const response = await context.request.post(`${origin}/api/kyc/verified`, {
    headers: { 'Content-Type': 'application/json', 'X-Merchant-CSRF': '1', Origin: origin },
    data: { session_token: token, reference_id: referenceId },
  });
  return { status: response.status(), body: await response.json() };
}

function expectNoComplete(recorder: Recorder): void {
  expect(recorder.named('digilocker-kyc-complete')).toHaveLength(0);
}

describe('consent phishing: the attacker keeps the link and a victim consents', () => {
  it('popup: the return URL by state (before and after consent), Continue with planted cookies, the status route and the backend all refuse', async () => {
    const { context, recorder, page, w, reply, link } = await attackerStarts('popup');
    const url = await link();
    // Nothing the create reply carries names the return URL or its secret.
    expect(Object.keys(reply)).not.toContain('redirect_url');
    expect(url).not.toContain('/kyc/return');

    // 1, before the link is sent: every return URL the state allows is a 404.
    expect(await tryReturnUrls(context, reply.state)).toEqual([404, 404, 404, 404, 404]);

    const victim = await victimConsents(url);
    expect(await sandboxStatus(reply.reference_id)).toBe('consented');
    await expectWarned(victim);
    await expect
      .poll(() => suite.demo.output(), { timeout: 5_000 })
      .toMatch(/"event":"foreign_return"/);

    // 1, after the consent: still nothing.
    expect(await tryReturnUrls(context, reply.state)).toEqual([404, 404, 404, 404, 404]);

    // Status polling sees the consent; the widget only offers Continue.
    const continueButton = w.host.locator('[part="continue-button"]');
    await continueButton.waitFor({ timeout: 15_000 });
    expectNoComplete(recorder);

    // 3: plant the cookies the old proof used (an unkeyed hash of the state) and a forged
    // receipt cookie, then press Continue: the confirm page refuses and posts nothing.
    const digest = createHash('sha256').update(`dlkyc-return:${reply.state}`).digest('base64url');
    const host = new URL(mount()).hostname;
    const stateHash = createHash('sha256')
      .update(`dlkyc:${reply.state}`)
      .digest('base64url')
      .slice(0, 16);
    await context.addCookies([
      { name: `dlkyc_ret_${digest.slice(0, 16)}`, value: digest, domain: host, path: '/kyc' },
      {
        name: `dlkyc_r_${stateHash}`,
        value: `${Math.floor(Date.now() / 1000)}.${randomBytes(32).toString('base64url')}`,
        domain: host,
        path: '/kyc',
      },
    ]);
    const confirm = context.waitForEvent('page', { timeout: 10_000 });
    await continueButton.click();
    const confirmPage = await confirm;
    await confirmPage.waitForLoadState('load');
    expect(await confirmPage.locator('h1').textContent()).toContain('not finished in this browser');

    // 4, no browser: the status route gives no completion token without a receipt, and a forged
    // receipt is refused; the backend refuses the create-time token.
    const status = await context.request.get(`${mount()}/sessions/${reply.reference_id}`, {
      headers: {
        Authorization: `Bearer ${reply.session_token}`,
        Origin: new URL(suite.urls.pages.scriptTag).origin,
      },
    });
    expect(status.status()).toBe(200);
    expect(await status.json()).toEqual({
      reference_id: reply.reference_id,
      status: 'consented',
      documents: ['AADHAAR'],
    });
    const forged = await context.request.get(`${mount()}/sessions/${reply.reference_id}`, {
      headers: {
        Authorization: `Bearer ${reply.session_token}`,
        'X-DigiLocker-KYC-Receipt': `${Math.floor(Date.now() / 1000)}.${'A'.repeat(43)}`,
      },
    });
    expect(forged.status()).toBe(401);
    const verdict = await backendVerdict(context, reply.session_token, reply.reference_id);
    expect(verdict.status).toBe(401);
    expect(verdict.body).not.toHaveProperty('document');

    const error = await recorder.waitFor('digilocker-kyc-error', { timeout: 40_000 });
    expect(error.detail).toMatchObject({
      code: 'consent_unconfirmed',
      reference_id: reply.reference_id,
    });
    await recorder.settle();
    expectNoComplete(recorder);
    expect(recorder.names()).toEqual([
      'digilocker-kyc-start',
      'digilocker-kyc-open',
      'digilocker-kyc-error',
    ]);
    expect(await w.state()).toBe('error');
    expectCleanEvents(recorder.events);
    await page.close();
  });

  it('redirect: ?dlkyc_state= on the merchant page (with and without a made-up receipt) never completes; the backend refuses', async () => {
    const { context, recorder, page, reply, link } = await attackerStarts('redirect');
    const victim = await victimConsents(await link());
    expect(await sandboxStatus(reply.reference_id)).toBe('consented');
    await expectWarned(victim);

    // 2: the attacker's page, "back from DigiLocker" with the state (and a made-up receipt).
    const fake = `${Math.floor(Date.now() / 1000)}.${randomBytes(32).toString('base64url')}`;
    await page.goto(
      `${suite.urls.pages.scriptTag}?mode=redirect&dlkyc_state=${reply.state}&dlkyc_receipt=${fake}`,
    );
    const error = await recorder.waitFor('digilocker-kyc-error', { timeout: 15_000 });
    expect(['consent_unconfirmed', 'unauthorized']).toContain(error.detail.code);
    expect(error.detail.reference_id).toBe(reply.reference_id);
    await recorder.settle();
    expectNoComplete(recorder);
    // The parked attempt (with its session token) is gone from this tab.
    await expectCleanStorage(page, []);
    expectCleanEvents(recorder.events);

    const verdict = await backendVerdict(context, reply.session_token, reply.reference_id);
    expect(verdict.status).toBe(401);
  });

  it('redirect: the state alone, as the old proof had it, gives consent_unconfirmed', async () => {
    const { recorder, page, reply, link } = await attackerStarts('redirect');
    await victimConsents(await link());
    await page.goto(`${suite.urls.pages.scriptTag}?mode=redirect&dlkyc_state=${reply.state}`);
    const error = await recorder.waitFor('digilocker-kyc-error', { timeout: 15_000 });
    expect(error.detail).toMatchObject({
      code: 'consent_unconfirmed',
      reference_id: reply.reference_id,
      retryable: true,
    });
    await recorder.settle();
    expectNoComplete(recorder);
    expect(await widget(page).error.textContent()).toBe(
      'DigiLocker was not finished in this browser. Try again here.',
    );
  });
});

describe('the honest customer', () => {
  it('popup: the completion token is what the backend accepts, the create-time token is not', async () => {
    const { context, recorder, page } = await newContext(suite.browser);
    const created = await captureCreate(context);
    await page.goto(`${suite.urls.pages.scriptTag}?mode=popup`);
    await ready(page);
    const popup = await startInPopup(page);
    const reply = await created();
    await decide(popup, 'Approve');
    const complete = await recorder.waitFor('digilocker-kyc-complete', { timeout: 15_000 });
    await recorder.settle();
    expect(recorder.named('digilocker-kyc-complete')).toHaveLength(1);
    const token = complete.detail.session_token as string;
    expect(token).not.toBe(reply.session_token);
    const ok = await backendVerdict(context, token, reply.reference_id);
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ status: 'verified', reference_id: reply.reference_id });
    const refused = await backendVerdict(context, reply.session_token, reply.reference_id);
    expect(refused.status).toBe(401);
  });
});

describe('COOP-severed popup + signing server on another origin', () => {
  it('no channel reaches the page: Continue proves the return in this browser → exactly one complete', async () => {
    await suite.sandbox.arm('coop', undefined, 'consent');
    const { context, recorder, page } = await newContext(suite.browser);
    await page.goto(`${suite.urls.pages.crossOrigin}?mode=popup`);
    await ready(page);
    const w = widget(page);
    // DigiLocker returns to the server's own return page, on the server's origin.
    await w.host.evaluate((el) => el.removeAttribute('redirect-url'));
    await setTimings(w.host, 60_000);
    const popup = await startInPopup(page);
    await decide(popup, 'Approve');
    await popup.waitForURL(/\/kyc\/return\//, { timeout: 15_000 });
    // The hazard is real: the return page has no opener and is on another origin than the page.
    expect(await popup.evaluate(() => window.opener === null)).toBe(true);
    expect(new URL(popup.url()).origin).not.toBe(new URL(page.url()).origin);
    // The return secret left the address bar.
    await expect.poll(() => popup.url()).toMatch(/\/kyc\/return\/[A-Za-z0-9_-]+$/);

    const continueButton = w.host.locator('[part="continue-button"]');
    await continueButton.waitFor({ timeout: 15_000 });
    expect(await w.status.textContent()).toBe('Done in DigiLocker? Press Continue to finish here.');
    await recorder.settle(1_500);
    expectNoComplete(recorder);

    const confirm = context.waitForEvent('page', { timeout: 10_000 });
    const clickedAt = Date.now();
    await continueButton.click();
    const confirmPage = await confirm;
    expect(confirmPage.url()).toMatch(/\/kyc\/confirm\/[A-Za-z0-9_-]+$/);
    const complete = await recorder.waitFor('digilocker-kyc-complete', { timeout: 10_000 });
    expect(complete.at).toBeGreaterThanOrEqual(clickedAt);
    expect(complete.page).toBe(0);
    await expect.poll(() => confirmPage.isClosed(), { timeout: 5_000 }).toBe(true);
    await recorder.settle(2_000);
    expect(recorder.names()).toEqual([
      'digilocker-kyc-start',
      'digilocker-kyc-open',
      'digilocker-kyc-complete',
    ]);
    expect(complete.detail).toMatchObject({
      reference_id: recorder.named('digilocker-kyc-open')[0]!.detail.reference_id,
      documents: ['AADHAAR'],
      session_token: expect.any(String),
    });
    expect(await w.state()).toBe('complete');
    expectCleanEvents(recorder.events);
    await expectCleanStorage(page, tokensOf(recorder));
  });
});
