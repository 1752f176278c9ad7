// A PUBLIC_BASE_URL that cannot be where browsers reach the server is named in the log, and a
// browser outside the mount gets a page that says what this server is.
import request from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import { type TestApp, testApp } from '../../test/helpers.js';

let t: TestApp;
afterEach(async () => {
  await t.close();
  await t.agent.close();
});

const warnings = () =>
  t.logs
    .map((line) => JSON.parse(line) as Record<string, unknown>)
    .filter((line) => line.level === 40 && String(line.msg).startsWith('PUBLIC_BASE_URL'));

describe('PUBLIC_BASE_URL warnings', () => {
  it('warns at start when its path is not the mount', () => {
    t = testApp({ PUBLIC_BASE_URL: 'https://kyc.shop.example' });
    expect(warnings()).toEqual([
      expect.objectContaining({
        msg: expect.stringMatching(
          /^PUBLIC_BASE_URL's path is \/ but this server serves the API at \/kyc: .*Expected PUBLIC_BASE_URL to end in \/kyc \(e\.g\. https:\/\/kyc\.shop\.example\/kyc\)/,
        ),
      }),
    ]);
  });

  it('warns once when requests arrive for another host or port', async () => {
    t = testApp({ PUBLIC_BASE_URL: 'https://kyc.shop.example:8443/kyc' });
    expect(warnings()).toEqual([]);
    await request(t.app).get('/readyz').set('Host', 'internal-probe:8080');
    expect(warnings()).toEqual([]); // probes are not where browsers come from
    for (let i = 0; i < 3; i++) {
      await request(t.app).get('/kyc/openapi.json').set('Host', 'kyc.shop.example');
    }
    expect(warnings()).toEqual([
      expect.objectContaining({
        request_host: 'kyc.shop.example',
        msg: expect.stringMatching(
          /^PUBLIC_BASE_URL names kyc\.shop\.example:8443 but requests arrive for kyc\.shop\.example: /,
        ),
      }),
    ]);
  });

  it('stays quiet when the host matches, directly or through a trusted proxy', async () => {
    t = testApp();
    await request(t.app).get('/kyc/openapi.json').set('Host', 'kyc.shop.example');
    await t.close();
    await t.agent.close();
    t = testApp({ TRUST_PROXY_HOPS: '1' });
    await request(t.app)
      .get('/kyc/openapi.json')
      .set('Host', '10.0.0.7:8080')
      .set('X-Forwarded-Host', 'kyc.shop.example');
    expect(warnings()).toEqual([]);
  });

  it('treats localhost and 127.0.0.1 on one port as one place in sandbox mode only', async () => {
    t = testApp({
      EKO_ENV: 'sandbox',
      EKO_BASE_URL: 'http://127.0.0.1:9/ekoapi/v3',
      EKO_DEVELOPER_KEY: '',
      EKO_ACCESS_KEY: '',
      EKO_INITIATOR_ID: undefined as unknown as string,
      EKO_USER_CODE: undefined as unknown as string,
      SESSION_SECRET: '',
      ALLOWED_ORIGINS: '',
      RETURN_URLS: '',
      PUBLIC_BASE_URL: 'http://127.0.0.1:8080/kyc',
    });
    await request(t.app).get('/kyc/openapi.json').set('Host', 'localhost:8080');
    expect(warnings()).toEqual([]);
    await t.close();
    await t.agent.close();
    t = testApp({ EKO_ENV: 'uat', PUBLIC_BASE_URL: 'http://127.0.0.1:8080/kyc' });
    await request(t.app).get('/kyc/openapi.json').set('Host', 'localhost:8080');
    expect(warnings()).toHaveLength(1);
  });
});

describe('outside the mount', () => {
  it('shows browsers a page naming the signing server and where the API is', async () => {
    t = testApp();
    const root = await request(t.app).get('/').set('Accept', 'text/html,application/xhtml+xml');
    expect(root.status).toBe(200);
    expect(root.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(root.headers['content-security-policy']).toMatch(
      /^default-src 'none'; style-src 'sha256-/,
    );
    expect(root.text).toContain('<h1>DigiLocker KYC signing server</h1>');
    expect(root.text).toContain('<a href="/kyc/openapi.json"><code>/kyc</code></a>');
    const other = await request(t.app).get('/foo').set('Accept', 'text/html');
    expect(other.status).toBe(404);
    expect(other.text).toContain('There is no page at this address.');
    expect(other.text).not.toContain('PUBLIC_BASE_URL that does not end');
  });

  it('says a return link lacks the mount, without echoing its secret', async () => {
    t = testApp();
    const secret = 'Zm9vYmFyYmF6cXV4cXV1eGNvcmdl';
    const res = await request(t.app)
      .get(`/return/state123/${secret}?verification_id=v1`)
      .set('Accept', 'text/html');
    expect(res.status).toBe(404);
    expect(res.text).toContain('PUBLIC_BASE_URL that does not end in <code>/kyc</code>');
    expect(res.text).not.toContain(secret);
  });

  it('answers JSON clients with the JSON 404', async () => {
    t = testApp();
    const res = await request(t.app).get('/foo').set('Accept', 'application/json');
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('not_found');
    expect((await request(t.app).get('/')).body.error.code).toBe('not_found');
  });
});
