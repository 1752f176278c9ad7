// The Origin allowlist as a developer meets it: both loopback names in sandbox mode, and a
// warning that names a refused origin once.
import request from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import { JSON_HEADERS, PAGE_ORIGIN, type TestApp, testApp } from '../../test/helpers.js';
import { loadConfig } from '../cli/config.js';
import { MAX_WARNED_ORIGINS } from './edge-checks.js';

const CSRF = { 'X-DigiLocker-KYC': '1' };

describe('sandbox mode allows the server’s own origin under both loopback names', () => {
  it('with no ALLOWED_ORIGINS', () => {
    const config = loadConfig({ PORT: '8080' });
    expect(config.env).toBe('sandbox');
    expect(config.allowedOrigins).toEqual(['http://127.0.0.1:8080', 'http://localhost:8080']);
  });

  it('with ALLOWED_ORIGINS set, which no longer drops the own origin', () => {
    const config = loadConfig({ PORT: '8080', ALLOWED_ORIGINS: 'http://127.0.0.1:8082' });
    expect(config.allowedOrigins).toEqual([
      'http://127.0.0.1:8082',
      'http://127.0.0.1:8080',
      'http://localhost:8080',
    ]);
  });

  it('with HOST=localhost and a PUBLIC_BASE_URL in front: that origin, both names', () => {
    const config = loadConfig({
      HOST: 'localhost',
      PORT: '9000',
      PUBLIC_BASE_URL: 'http://localhost:8080/kyc',
      ALLOWED_ORIGINS: 'http://localhost:8082',
    });
    expect(config.allowedOrigins).toEqual([
      'http://localhost:8082',
      'http://localhost:8080',
      'http://127.0.0.1:8080',
    ]);
  });

  it('outside sandbox mode ALLOWED_ORIGINS is exactly what is set', () => {
    const config = loadConfig({
      EKO_ENV: 'uat',
      SESSION_SECRET: 'a-uat-session-secret-of-at-least-32-bytes',
      ALLOWED_ORIGINS: 'https://shop.example',
    });
    expect(config.allowedOrigins).toEqual(['https://shop.example']);
  });
});

describe('a refused origin is logged once, by name', () => {
  let t: TestApp;
  afterEach(async () => {
    await t.close();
    await t.agent.close();
  });

  const warnings = () =>
    t.logs
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .filter((line) => line.level === 40 && String(line.msg).startsWith('Refused'));

  it('names the origin and ALLOWED_ORIGINS, once per origin across both routes', async () => {
    t = testApp();
    const stranger = 'http://localhost:5173';
    for (let i = 0; i < 3; i++) {
      const res = await request(t.app)
        .post('/kyc/sessions')
        .set({ ...JSON_HEADERS.headers, ...CSRF, Origin: stranger })
        .send({});
      expect(res.status).toBe(403);
    }
    const status = await request(t.app).get('/kyc/sessions/123').set('Origin', stranger);
    expect(status.status).toBe(403);
    const other = await request(t.app)
      .post('/kyc/sessions')
      .set({ ...JSON_HEADERS.headers, ...CSRF, Origin: 'https://evil.example' })
      .send({});
    expect(other.status).toBe(403);

    const refused = warnings();
    expect(refused.map((line) => line.origin)).toEqual([stranger, 'https://evil.example']);
    expect(refused[0]).toMatchObject({
      msg: expect.stringContaining('ALLOWED_ORIGINS'),
      allowed_origins: [PAGE_ORIGIN, 'https://other.example'],
    });
  });

  it("refuses a browser's preflight from a foreign origin as forbidden_origin, with a warning", async () => {
    t = testApp();
    const stranger = 'https://staging.shop.example';
    const res = await request(t.app)
      .options('/kyc/sessions')
      .set({ Origin: stranger, 'Access-Control-Request-Method': 'POST' });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('forbidden_origin');
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
    expect(warnings()).toEqual([
      expect.objectContaining({
        origin: stranger,
        msg: expect.stringContaining('ALLOWED_ORIGINS'),
      }),
    ]);
  });

  it('an allowed origin is not warned about; past the cap the log goes quiet', async () => {
    t = testApp();
    const res = await request(t.app).get('/kyc/sessions/123').set('Origin', PAGE_ORIGIN);
    expect(res.status).toBe(401); // past the Origin check: no token
    expect(warnings()).toEqual([]);
    for (let i = 0; i < MAX_WARNED_ORIGINS + 20; i++) {
      await request(t.app).get('/kyc/sessions/123').set('Origin', `https://s${i}.example`);
    }
    const refused = warnings();
    expect(refused).toHaveLength(MAX_WARNED_ORIGINS + 1);
    expect(String(refused.at(-1)?.msg)).toContain('not logging more');
  });
});
