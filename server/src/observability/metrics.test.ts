// The metrics a merchant's registry receives: each create, status, refusal and Eko failure counted.
import { fileURLToPath } from 'node:url';
import { Registry } from 'prom-client';
import request from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import { loadedModules } from '../../../scripts/loaded-modules.mjs';
import {
  CREATE_PATH,
  createReply,
  EKO_ORIGIN,
  JSON_HEADERS,
  PAGE_ORIGIN,
  type TestApp,
  testApp,
} from '../../test/helpers.js';
import { createKycHandler } from '../adapters/kyc-handler.js';

let t: TestApp | undefined;
afterEach(async () => {
  t?.agent.assertNoPendingInterceptors();
  await t?.close();
  await t?.agent.close();
  t = undefined;
});

const STATUS_PATH =
  '/ekoapi/v3/tools/kyc/digilocker/status?initiator_id=9962981729&reference_id=7483920';

const create = () =>
  request(t!.app)
    .post('/kyc/sessions')
    .set('Origin', PAGE_ORIGIN)
    .set('X-DigiLocker-KYC', '1')
    .set('Content-Type', 'application/json')
    .send({});

/** One sample's value from the exposition text, 0 when the line is absent. */
function sample(text: string, name: string): number {
  const line = text.split('\n').find((l) => l.startsWith(`${name} `));
  return line ? Number(line.slice(name.length + 1)) : 0;
}

describe('metrics: { registry }', () => {
  it('counts a create, a status call, a denial, a rate-limit refusal and an Eko failure', async () => {
    const registry = new Registry();
    t = testApp({ RATE_LIMIT_PER_MINUTE: '2' }, { metrics: { registry } });
    const eko = t.agent.get(EKO_ORIGIN);
    eko.intercept({ path: CREATE_PATH, method: 'POST' }).reply(200, createReply(), JSON_HEADERS);
    const created = await create();
    expect(created.status).toBe(201);

    eko
      .intercept({ path: STATUS_PATH, method: 'GET' })
      .reply(200, { status: 0, data: { status: 'CONSENT_DENIED' } }, JSON_HEADERS);
    const status = await request(t.app)
      .get('/kyc/sessions/7483920')
      .set('Origin', PAGE_ORIGIN)
      .set('Authorization', `Bearer ${created.body.session_token}`);
    expect(status.body.status).toBe('denied');

    eko.intercept({ path: CREATE_PATH, method: 'POST' }).reply(500, 'down');
    expect((await create()).status).toBe(502);
    expect((await create()).status).toBe(429);

    const text = await registry.metrics();
    expect(sample(text, 'digilocker_kyc_sessions_created_total')).toBe(1);
    expect(sample(text, 'digilocker_kyc_cancels_total{reason="denied"}')).toBe(1);
    expect(sample(text, 'digilocker_kyc_errors_total{code="upstream_error"}')).toBe(1);
    expect(sample(text, 'digilocker_kyc_errors_total{code="rate_limited"}')).toBe(1);
    expect(sample(text, 'digilocker_kyc_rate_limited_total{route="create"}')).toBe(1);
    const count = (call: string, outcome: string) =>
      sample(
        text,
        `digilocker_kyc_eko_request_duration_seconds_count{call="${call}",outcome="${outcome}"}`,
      );
    expect(count('create', 'ok')).toBe(1);
    expect(count('status', 'ok')).toBe(1);
    expect(count('create', 'upstream_error')).toBe(1);
    expect(sample(text, 'digilocker_kyc_circuit_open')).toBe(0);
    expect(sample(text, 'digilocker_kyc_foreign_returns_total')).toBe(0);
    // Nothing personal or secret in the exposition: ids and codes only.
    expect(text).not.toMatch(/7483920|session_token|developer/);
  });

  it('shares one registry between two handlers instead of refusing the second', async () => {
    const registry = new Registry();
    const options = {
      eko: {
        baseUrl: `${EKO_ORIGIN}/ekoapi/v3`,
        developerKey: 'developer-key-for-tests',
        accessKey: 'access-key-for-tests',
        initiatorId: '9962981729',
        userCode: '20810200',
      },
      allowedOrigins: [PAGE_ORIGIN],
      publicBaseUrl: 'https://kyc.shop.example/kyc',
      sessionSecrets: 'router-test-session-secret-32-bytes-long!',
      widgetAssets: false as const,
      clientAddress: { clientIp: () => '127.0.0.1' },
      metrics: { registry },
    };
    const first = createKycHandler(options);
    const second = createKycHandler(options);
    await first.fetch(new Request('https://kyc.shop.example/kyc/nothing'));
    await second.fetch(new Request('https://kyc.shop.example/kyc/nothing'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await registry.metrics()).toContain('digilocker_kyc_errors_total{code="not_found"} 2');
    await first.close();
    await second.close();
  });

  it('loads prom-client only when metrics are asked for', { timeout: 30_000 }, () => {
    const handler = (metrics: string) =>
      `const { createKycHandler } = await import('@digilocker-kyc/server');
       ${metrics ? "const { Registry } = await import('prom-client');" : ''}
       const kyc = createKycHandler({
         eko: { baseUrl: 'https://staging.eko.in/ekoapi/v3', developerKey: 'k', accessKey: 'a',
                initiatorId: '9962981729', userCode: '20810200' },
         allowedOrigins: ['https://shop.example'], publicBaseUrl: 'https://shop.example/kyc',
         sessionSecrets: 'x'.repeat(40), widgetAssets: false, ${metrics}
       });
       await new Promise((resolve) => setTimeout(resolve, 50));
       await kyc.close();`;
    const root = fileURLToPath(new URL('../..', import.meta.url));
    const promClient = (urls: string[]) => urls.filter((url) => url.includes('/prom-client/'));
    expect(promClient(loadedModules(handler(''), root))).toEqual([]);
    const withMetrics = loadedModules(handler('metrics: { registry: new Registry() },'), root);
    expect(withMetrics.some((url) => url.includes('metrics-prom'))).toBe(true);
  });

  it('refuses a registry that is not a prom-client Registry, naming the option', () => {
    expect(() =>
      createKycHandler({
        eko: {
          baseUrl: `${EKO_ORIGIN}/ekoapi/v3`,
          developerKey: 'k',
          accessKey: 'a',
          initiatorId: '9962981729',
          userCode: '20810200',
        },
        allowedOrigins: [PAGE_ORIGIN],
        publicBaseUrl: 'https://kyc.shop.example/kyc',
        sessionSecrets: 'router-test-session-secret-32-bytes-long!',
        metrics: { registry: {} as Registry },
      }),
    ).toThrow(/metrics\.registry to be a prom-client Registry/);
  });
});
