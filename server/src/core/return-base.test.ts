// Which base the return URL is built on: the public base, or (sandbox only) its loopback alias.
import request from 'supertest';
import { MockAgent } from 'undici';
import { describe, expect, it } from 'vitest';
import { createReply, JSON_HEADERS } from '../../test/helpers.js';
import { createApp } from '../cli/app.js';
import { loadConfig } from '../cli/config.js';
import { createLogger } from '../observability/logger.js';
import { returnBase } from './return-base.js';

const BASE = 'http://127.0.0.1:8080/kyc';

describe('returnBase', () => {
  it('in sandbox mode, follows a request that came through localhost on the same port', () => {
    expect(returnBase(BASE, 'localhost:8080', true)).toBe('http://localhost:8080/kyc');
    expect(returnBase(BASE, 'LOCALHOST:8080', true)).toBe('http://localhost:8080/kyc');
    expect(returnBase('http://localhost:8080/kyc', '127.0.0.1:8080', true)).toBe(BASE);
    expect(returnBase(BASE, '[::1]:8080', true)).toBe('http://[::1]:8080/kyc');
  });

  it('keeps the public base for its own name, another port, another host or a bad Host', () => {
    expect(returnBase(BASE, '127.0.0.1:8080', true)).toBe(BASE);
    expect(returnBase(BASE, 'localhost:9090', true)).toBe(BASE);
    expect(returnBase(BASE, 'localhost', true)).toBe(BASE);
    expect(returnBase(BASE, 'evil.example:8080', true)).toBe(BASE);
    expect(returnBase(BASE, 'localhost:8080/evil', true)).toBe(BASE);
    expect(returnBase(BASE, 'user@localhost:8080', true)).toBe(BASE);
    expect(returnBase(BASE, undefined, true)).toBe(BASE);
  });

  it('keeps a public base that is not on loopback, whatever the Host', () => {
    const pub = 'https://kyc.shop.example/kyc';
    expect(returnBase(pub, 'localhost', true)).toBe(pub);
    expect(returnBase(pub, 'localhost:443', true)).toBe(pub);
  });

  it('outside sandbox mode, the public base is authoritative', () => {
    expect(returnBase(BASE, 'localhost:8080', false)).toBe(BASE);
  });
});

describe('the standalone server builds the return URL on the name the page used', () => {
  const PAGE = 'http://localhost:8080';
  async function create(env: Record<string, string>) {
    const config = loadConfig({ PORT: '8080', LOG_LEVEL: 'silent', ...env });
    const agent = new MockAgent({ enableCallHistory: true });
    agent.disableNetConnect();
    const eko = new URL(config.eko.baseUrl);
    agent
      .get(eko.origin)
      .intercept({ path: `${eko.pathname}/tools/kyc/digilocker`, method: 'POST' })
      .reply(
        200,
        createReply(`${env.EKO_ENV ? 'https://digilocker.gov.in' : eko.origin}/auth`),
        JSON_HEADERS,
      );
    const kyc = createApp({
      config,
      dispatcher: agent,
      logger: createLogger('silent'),
      router: { widgetAssets: false },
    });
    try {
      const res = await request(kyc.app)
        .post('/kyc/sessions')
        .set({ Host: 'localhost:8080', Origin: PAGE, 'X-DigiLocker-KYC': '1' })
        .set('Content-Type', 'application/json')
        .send('{}');
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      // The return URL goes to Eko only (it carries the return secret).
      expect(res.body.redirect_url).toBeUndefined();
      return JSON.parse(String(agent.getCallHistory()?.firstCall()?.body)).redirect_url as string;
    } finally {
      await kyc.close();
      await agent.close();
    }
  }

  it('sandbox mode: a page at localhost gets its return page at localhost', async () => {
    expect(await create({})).toMatch(
      /^http:\/\/localhost:8080\/kyc\/return\/[A-Za-z0-9_-]{43}\/[A-Za-z0-9_-]{43}$/,
    );
  });

  it('UAT and production: PUBLIC_BASE_URL, whatever the Host', async () => {
    const url = await create({
      EKO_ENV: 'uat',
      EKO_BASE_URL: 'https://staging.eko.in/ekoapi/v3',
      SESSION_SECRET: 'return-base-test-session-secret-32-bytes!',
      PUBLIC_BASE_URL: 'http://127.0.0.1:8080/kyc',
      ALLOWED_ORIGINS: PAGE,
    });
    expect(url).toMatch(
      /^http:\/\/127\.0\.0\.1:8080\/kyc\/return\/[A-Za-z0-9_-]{43}\/[A-Za-z0-9_-]{43}$/,
    );
  });
});
