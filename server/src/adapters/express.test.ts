import { readFileSync } from 'node:fs';
import { STATE_PATTERN } from '@digilocker-kyc/shared';
import request from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import {
  CREATE_PATH,
  createReply,
  EKO_ORIGIN,
  JSON_HEADERS,
  PAGE_ORIGIN,
  SESSION_SECRET,
  sentRedirectUrl,
  setCookies,
  type TestApp,
  testApp,
  upstreamCalls,
} from '../../test/helpers.js';
import { returnSecret } from '../core/return-proof.js';
import { verifySessionToken } from '../core/session-token.js';
import { locateWidgetAssets } from '../pages/widget-files.js';

let t: TestApp;
afterEach(async () => {
  t.agent.assertNoPendingInterceptors();
  await t.close();
  await t.agent.close();
});

const post = (body: unknown = {}, origin = PAGE_ORIGIN) =>
  request(t.app)
    .post('/kyc/sessions')
    .set('Origin', origin)
    .set('X-DigiLocker-KYC', '1')
    .set('Content-Type', 'application/json')
    .send(JSON.stringify(body));

function interceptCreate(reply: object = createReply(), status = 200) {
  t.agent
    .get(EKO_ORIGIN)
    .intercept({ path: CREATE_PATH, method: 'POST' })
    .reply(status, reply, JSON_HEADERS);
}

describe('POST /kyc/sessions', () => {
  it('creates an attempt and answers the contract, with a verifiable token', async () => {
    t = testApp();
    interceptCreate();
    const res = await post({ documents: ['AADHAAR'], client_ref_id: 'order-1' });
    expect(res.status).toBe(201);
    // No redirect_url: the return URL carries the return secret, which no reply may hold.
    expect(Object.keys(res.body).sort()).toEqual(
      ['documents', 'expires_at', 'reference_id', 'session_token', 'state', 'url'].sort(),
    );
    expect(res.body.reference_id).toBe('7483920');
    expect(res.body.url).toBe('https://digilocker.gov.in/auth?session_id=abc');
    expect(res.body.state).toMatch(STATE_PATTERN);
    expect(res.body.expires_at).toBe(new Date(t.clock.now + 30 * 60_000).toISOString());
    const claims = verifySessionToken(res.body.session_token, {
      secrets: [SESSION_SECRET],
      now: t.clock.now,
      referenceId: '7483920',
      origin: PAGE_ORIGIN,
      allowUnreturned: true,
    });
    expect(claims.state).toBe(res.body.state);
    expect(claims.returned_at).toBeUndefined();
    const sent = JSON.parse(String(upstreamCalls(t.agent)[0]?.body));
    expect(sent).toMatchObject({
      client_ref_id: 'order-1',
      redirect_url: `https://kyc.shop.example/kyc/return/${res.body.state}/${returnSecret(res.body.state, [SESSION_SECRET])}`,
      document_requested: ['AADHAAR'],
      user_code: '20810200',
    });
    // The binding cookie: this browser started the attempt. __Host- on https, so no sibling
    // subdomain can set or overwrite it; Lax, so DigiLocker's cross-site return carries it.
    const [binding, ...others] = setCookies(res.headers);
    expect(others).toEqual([]);
    expect(binding).toMatch(
      /^__Host-dlkyc_b_[A-Za-z0-9_-]{16}=b1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}; Max-Age=1800; Path=\/; HttpOnly; Secure; SameSite=Lax$/,
    );
  });

  it('sends safe headers: exact CORS, no-store, nosniff, no X-Powered-By', async () => {
    t = testApp();
    interceptCreate();
    const res = await post();
    expect(res.headers['access-control-allow-origin']).toBe(PAGE_ORIGIN);
    expect(res.headers.vary).toMatch(/Origin/);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-powered-by']).toBeUndefined();
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers a CORS preflight only for allowlisted origins', async () => {
    t = testApp();
    const ok = await request(t.app)
      .options('/kyc/sessions')
      .set('Origin', PAGE_ORIGIN)
      .set('Access-Control-Request-Method', 'POST')
      .set('Access-Control-Request-Headers', 'content-type,x-digilocker-kyc');
    expect(ok.status).toBe(204);
    expect(ok.headers['access-control-allow-origin']).toBe(PAGE_ORIGIN);
    expect(ok.headers['access-control-allow-headers']).toMatch(/X-DigiLocker-KYC/i);
    const evil = await request(t.app)
      .options('/kyc/sessions')
      .set('Origin', 'https://shop.example.evil.io')
      .set('Access-Control-Request-Method', 'POST');
    expect(evil.headers['access-control-allow-origin']).toBeUndefined();
  });

  it.each([
    ['another site', 'https://evil.io'],
    ['a look-alike suffix', 'https://shop.example.evil.io'],
    ['another scheme', 'http://shop.example'],
    ['a trailing slash', 'https://shop.example/'],
    ['the literal null origin', 'null'],
  ])('refuses %s with 403 before any upstream call', async (_name, origin) => {
    t = testApp();
    const res = await post({}, origin);
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('forbidden_origin');
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
    expect(upstreamCalls(t.agent)).toHaveLength(0);
  });

  it('refuses a request with no Origin (not from a browser page)', async () => {
    t = testApp();
    const res = await request(t.app)
      .post('/kyc/sessions')
      .set('X-DigiLocker-KYC', '1')
      .set('Content-Type', 'application/json')
      .send('{}');
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('forbidden_origin');
  });

  it('refuses a request without the X-DigiLocker-KYC header (CSRF) with 403', async () => {
    t = testApp();
    const res = await request(t.app)
      .post('/kyc/sessions')
      .set('Origin', PAGE_ORIGIN)
      .set('Content-Type', 'application/json')
      .send('{}');
    expect(res.status).toBe(403);
    expect(res.body.error).toMatchObject({ code: 'forbidden', retryable: false });
    expect(res.body.error.message).toContain('X-DigiLocker-KYC');
  });

  it.each(['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x'])(
    'refuses Content-Type %s with 415',
    async (type) => {
      t = testApp();
      const res = await request(t.app)
        .post('/kyc/sessions')
        .set('Origin', PAGE_ORIGIN)
        .set('X-DigiLocker-KYC', '1')
        .set('Content-Type', type)
        .send('{}');
      expect(res.status).toBe(415);
      expect(res.body.error.code).toBe('unsupported_media_type');
      expect(upstreamCalls(t.agent)).toHaveLength(0);
    },
  );

  it('refuses a body over 2 KB with 413 and unparseable JSON with 400', async () => {
    t = testApp();
    const big = await post({ client_ref_id: 'x'.repeat(3_000) });
    expect(big.status).toBe(413);
    expect(big.body.error.code).toBe('payload_too_large');
    const broken = await request(t.app)
      .post('/kyc/sessions')
      .set('Origin', PAGE_ORIGIN)
      .set('X-DigiLocker-KYC', '1')
      .set('Content-Type', 'application/json')
      .send('{');
    expect(broken.status).toBe(400);
    expect(broken.body.error.code).toBe('invalid_request');
  });

  it.each([
    ['an unknown field', { admin: true }, /Unrecognized key/],
    ['an unknown document', { documents: ['PASSPORT'] }, /documents\.0/],
    ['a long client_ref_id', { client_ref_id: 'a'.repeat(21) }, /client_ref_id/],
    ['a JSON array', [1], /expected object/],
  ])('refuses %s with 400 naming what was expected', async (_name, body, message) => {
    t = testApp();
    const res = await post(body);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_request');
    expect(res.body.error.message).toMatch(message);
    expect(upstreamCalls(t.agent)).toHaveLength(0);
  });

  it('keeps an allowlisted redirect_url as the return_to claim; Eko still returns to the server', async () => {
    t = testApp();
    interceptCreate();
    const res = await post({ redirect_url: 'https://shop.example/#/kyc' });
    expect(res.status).toBe(201);
    expect(res.body.redirect_url).toBeUndefined();
    const claims = verifySessionToken(res.body.session_token, {
      secrets: [SESSION_SECRET],
      now: t.clock.now,
      allowUnreturned: true,
    });
    expect(claims.return_to).toBe('https://shop.example/#/kyc');
    const eko = new URL(sentRedirectUrl(t.agent));
    expect(eko.origin).toBe('https://kyc.shop.example');
    expect(eko.pathname).toMatch(new RegExp(`^/kyc/return/${res.body.state}/[A-Za-z0-9_-]{43}$`));
  });

  it("asking for the server's own return page is the same as asking for none", async () => {
    t = testApp();
    interceptCreate();
    const res = await post({ redirect_url: 'https://kyc.shop.example/kyc/return' });
    expect(res.status).toBe(201);
    const claims = verifySessionToken(res.body.session_token, {
      secrets: [SESSION_SECRET],
      now: t.clock.now,
      allowUnreturned: true,
    });
    expect(claims.return_to).toBeUndefined();
  });

  it.each([
    'https://shop.example/account/kyc/',
    'https://SHOP.example/account/kyc',
    'https://shop.example/account/kyc?x=1',
    'https://shop.example/account/kyc#frag',
    'https://shop.example.evil.io/account/kyc',
    'https://shop.example@evil.io/account/kyc',
    '//evil.io/account/kyc',
    'javascript:alert(1)',
  ])(
    'refuses redirect_url %s (not byte-identical to an entry) before any upstream call',
    async (url) => {
      t = testApp();
      const res = await post({ redirect_url: url });
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(/RETURN_URLS/);
      expect(upstreamCalls(t.agent)).toHaveLength(0);
    },
  );

  it("ignores the browser's user_code unless allowed, and then uses it", async () => {
    t = testApp();
    interceptCreate();
    await post({ user_code: '99999999' });
    expect(JSON.parse(String(upstreamCalls(t.agent)[0]?.body)).user_code).toBe('20810200');
    await t.close();
    await t.agent.close();
    t = testApp({}, { sessions: { allowBrowserUserCode: true } });
    interceptCreate();
    await post({ user_code: '99999999' });
    expect(JSON.parse(String(upstreamCalls(t.agent)[0]?.body)).user_code).toBe('99999999');
  });

  it('asks resolveUserCode for the retailer code', async () => {
    t = testApp(
      {},
      {
        hooks: { resolveUserCode: (req) => (req.get('x-agent') === 'a7' ? '77777777' : undefined) },
      },
    );
    interceptCreate();
    await post().set('x-agent', 'a7');
    expect(JSON.parse(String(upstreamCalls(t.agent)[0]?.body)).user_code).toBe('77777777');
  });

  it("refuses with 403 when the merchant's authorize hook says no (or throws)", async () => {
    t = testApp({}, { hooks: { authorize: (req) => req.get('cookie') === 'session=ok' } });
    const res = await post();
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('forbidden');
    await t.close();
    t = testApp(
      {},
      {
        hooks: {
          authorize: () => {
            throw new Error('db down');
          },
        },
      },
    );
    expect((await post()).status).toBe(403);
    expect(upstreamCalls(t.agent)).toHaveLength(0);
    const warned = t.logs
      .map((line) => JSON.parse(line))
      .find((l) => /authorize hook threw/.test(l.msg));
    expect(warned?.level).toBe(40);
    expect(warned?.err?.message).toBe('db down');
  });

  it.each([
    ['plain http', 'http://digilocker.gov.in/auth'],
    ['a host off the allowlist', 'https://evil.io/auth'],
    ['a look-alike host', 'https://digilocker.gov.in.evil.io/auth'],
    ['a javascript: URL', 'javascript:alert(document.domain)'],
    ['not a URL', 'digilocker'],
  ])("answers 502 and never forwards Eko's url when it is %s", async (_name, url) => {
    t = testApp();
    interceptCreate(createReply(url));
    const res = await post();
    expect(res.status).toBe(502);
    expect(res.body.error.code).toBe('upstream_unsafe_url');
    expect(JSON.stringify(res.body)).not.toContain(url);
  });

  it('accepts a URL on a configured DIGILOCKER_URL_HOSTS host', async () => {
    t = testApp({ DIGILOCKER_URL_HOSTS: 'verification.cashfree.com' });
    interceptCreate(createReply('https://verification.cashfree.com/dgl?x=1'));
    expect((await post()).status).toBe(201);
  });

  it("maps Eko's refusals to the error envelope without Eko's own text", async () => {
    t = testApp();
    interceptCreate({
      status: 1,
      response_status_id: 301,
      message: 'Invalid redirect URL provided.',
      data: {},
    });
    const res = await post();
    expect(res.status).toBe(502);
    expect(res.body).toEqual({
      error: {
        code: 'upstream_rejected',
        message: expect.any(String),
        retryable: false,
        request_id: res.headers['x-request-id'],
      },
    });
    expect(res.body.error.message).not.toContain('Invalid redirect URL provided');
  });

  it('maps an Eko 403 to upstream_auth_failed (502, not retryable)', async () => {
    t = testApp();
    t.agent
      .get(EKO_ORIGIN)
      .intercept({ path: CREATE_PATH, method: 'POST' })
      .reply(403, 'Forbidden');
    const res = await post();
    expect(res.status).toBe(502);
    expect(res.body.error).toMatchObject({ code: 'upstream_auth_failed', retryable: false });
  });
});

describe('method and route errors', () => {
  it('answers 405 with Allow for the wrong method and 404 JSON for unknown routes', async () => {
    t = testApp();
    const get = await request(t.app).get('/kyc/sessions');
    expect(get.status).toBe(405);
    expect(get.headers.allow).toBe('POST');
    expect(get.body.error.code).toBe('method_not_allowed');
    const put = await request(t.app).put('/kyc/sessions/123');
    expect(put.status).toBe(405);
    expect(put.headers.allow).toBe('GET');
    const missing = await request(t.app).get('/kyc/nope');
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('not_found');
    const outside = await request(t.app).get('/nope');
    expect(outside.status).toBe(404);
  });

  it('finds the self-contained bundle, not the ES module entry, as widget.js', async () => {
    // The widget's "./bundle" export resolves to the ES module entry under Node (for SSR), so
    // the server must locate the built file by its own export.
    t = testApp();
    const { bundle, returnScript } = locateWidgetAssets();
    expect(bundle).toMatch(/widget\/dist\/digilocker-kyc\.bundle\.js$/);
    expect(returnScript).toMatch(/widget\/dist\/return\.js$/);
    expect(readFileSync(bundle as string, 'utf8')).not.toMatch(/from\s*["']\.\/chunks\//);
  });

  it('reports a missing widget build clearly', async () => {
    t = testApp();
    const res = await request(t.app).get('/kyc/widget.js');
    expect(res.status).toBe(404);
    expect(res.body.error.message).toMatch(/@digilocker-kyc\/widget/);
  });
});
