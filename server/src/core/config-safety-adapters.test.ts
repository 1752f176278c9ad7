// digilockerKyc() and createKycHandler() refuse at construction what the CLI refuses at start,
// in the same words: the library path gets no weaker production checks than the standalone one.
import express from 'express';
import request from 'supertest';
import { MockAgent } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { type DigilockerKycOptions, digilockerKyc } from '../adapters/express.js';
import { createKycHandler, type KycHandlerOptions } from '../adapters/kyc-handler.js';
import { loadConfig } from '../cli/config.js';
import { EKO_BASE_URLS, EKO_UAT_CREDENTIALS, SANDBOX_SESSION_SECRET } from '../defaults.js';
import { createLogger } from '../observability/logger.js';
import { ConfigError, ENV_NAMES, OPTION_NAMES } from './config-safety.js';

/** Options both adapters accept (hooks are not used here). */
type Options = DigilockerKycOptions & KycHandlerOptions;

const SECRET = 'adapter-safety-secret-value-32-bytes-long';
const agents: MockAgent[] = [];
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
  for (const agent of agents.splice(0)) await agent.close();
});

/** A safe production setup: the merchant's own keys, https everywhere. */
function production(overrides: Partial<Options> = {}): Options {
  const agent = new MockAgent();
  agent.disableNetConnect();
  agents.push(agent);
  return {
    eko: {
      baseUrl: EKO_BASE_URLS.production,
      developerKey: 'merchant-developer-key-sentinel',
      accessKey: 'merchant-access-key-sentinel',
      initiatorId: '9876543210',
      userCode: '30000001',
    },
    allowedOrigins: ['https://shop.example'],
    publicBaseUrl: 'https://kyc.shop.example/kyc',
    sessionSecrets: SECRET,
    widgetAssets: false,
    logger: createLogger('silent'),
    ...overrides,
    testing: { dispatcher: agent, ...overrides.testing },
  };
}

const withEko = (eko: Partial<{ baseUrl: string; developerKey: string; accessKey: string }>) => ({
  eko: { ...(production().eko as object), ...eko } as DigilockerKycOptions['eko'],
});

/** Each refusal, as the library words it; the CLI's twin is in config-safety.test.ts. */
const REFUSALS: [string, Partial<Options>, RegExp][] = [
  [
    "Eko's public UAT developer key",
    withEko({ developerKey: EKO_UAT_CREDENTIALS.developerKey }),
    /^eko\.developerKey is unsafe against Eko's production API: it is Eko's public UAT key/,
  ],
  [
    "Eko's public UAT access key",
    withEko({ accessKey: EKO_UAT_CREDENTIALS.accessKey }),
    /^eko\.accessKey is unsafe against Eko's production API: it is Eko's public UAT key/,
  ],
  [
    'an http publicBaseUrl',
    { publicBaseUrl: 'http://kyc.shop.example/kyc' },
    /^publicBaseUrl is unsafe against Eko's production API: Expected https: URLs/,
  ],
  [
    'an http://localhost allowed origin',
    { allowedOrigins: ['https://shop.example', 'http://localhost:3000'] },
    /^allowedOrigins is unsafe against Eko's production API: Expected https: origins only/,
  ],
  [
    'an http return URL',
    { returnUrls: ['http://shop.example/account/kyc'] },
    /^returnUrls is unsafe against Eko's production API: Expected https: URLs/,
  ],
  [
    'a cleartext Redis on another host',
    { redis: 'redis://redis.internal:6379' },
    /^redis is unsafe against Eko's production API: Expected rediss:\/\//,
  ],
  [
    "the sandbox's published session secret",
    { sessionSecrets: [SECRET, SANDBOX_SESSION_SECRET] },
    /^sessionSecrets is unsafe outside the sandbox: it is the sandbox's secret/,
  ],
  [
    'a plain-http Eko base off loopback',
    withEko({ baseUrl: 'http://eko.internal/ekoapi/v3' }),
    /^eko\.baseUrl is unsafe outside the sandbox: Expected an https: URL/,
  ],
];

function refusal(construct: () => unknown): ConfigError {
  try {
    construct();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).not.toMatch(/sentinel|redis\.internal/);
    return error as ConfigError;
  }
  throw new Error('Expected the construction to be refused');
}

describe('production refusals at construction', () => {
  it.each(REFUSALS)('digilockerKyc refuses %s', (_name, overrides, message) => {
    const error = refusal(() => express().use('/kyc', digilockerKyc(production(overrides))));
    expect(error.message).toMatch(message);
  });

  it.each(REFUSALS)('createKycHandler refuses %s', (_name, overrides, message) => {
    const error = refusal(() => createKycHandler(production(overrides)));
    expect(error.message).toMatch(message);
  });

  it('names every problem in one error', () => {
    const error = refusal(() =>
      createKycHandler(
        production({
          ...withEko({
            developerKey: EKO_UAT_CREDENTIALS.developerKey,
            accessKey: EKO_UAT_CREDENTIALS.accessKey,
          }),
          publicBaseUrl: 'http://kyc.shop.example/kyc',
        }),
      ),
    );
    expect(error.problems.map((p) => p.split(' ')[0])).toEqual([
      'eko.developerKey',
      'eko.accessKey',
      'publicBaseUrl',
    ]);
    expect(error.message).toMatch(/^3 configuration problems:\n {2}- eko\.developerKey/);
  });

  it('words each rule as the CLI does, with the option names for the variables', () => {
    const cli = refusal(() =>
      loadConfig({
        EKO_ENV: 'production',
        EKO_DEVELOPER_KEY: EKO_UAT_CREDENTIALS.developerKey,
        EKO_ACCESS_KEY: EKO_UAT_CREDENTIALS.accessKey,
        EKO_INITIATOR_ID: '9876543210',
        EKO_USER_CODE: '30000001',
        SESSION_SECRET: `${SECRET},${SANDBOX_SESSION_SECRET}`,
        PUBLIC_BASE_URL: 'http://kyc.shop.example/kyc',
        ALLOWED_ORIGINS: 'http://localhost:3000',
        RETURN_URLS: 'http://shop.example/account/kyc',
        REDIS_URL: 'redis://redis.internal:6379',
      }),
    );
    const library = refusal(() =>
      createKycHandler(
        production({
          ...withEko({
            developerKey: EKO_UAT_CREDENTIALS.developerKey,
            accessKey: EKO_UAT_CREDENTIALS.accessKey,
          }),
          sessionSecrets: [SECRET, SANDBOX_SESSION_SECRET],
          publicBaseUrl: 'http://kyc.shop.example/kyc',
          allowedOrigins: ['http://localhost:3000'],
          returnUrls: ['http://shop.example/account/kyc'],
          redis: 'redis://redis.internal:6379',
        }),
      ),
    );
    expect(cli.problems).toHaveLength(7);
    const renamed = cli.problems.map((problem) => {
      const variable = problem.split(' ')[0]!;
      const key = Object.entries(ENV_NAMES).find(([, name]) => name === variable)![0];
      return `${OPTION_NAMES[key as keyof typeof OPTION_NAMES]}${problem.slice(variable.length)}`;
    });
    expect([...library.problems].sort()).toEqual(renamed.sort());
  });
});

describe('what stays allowed', () => {
  it('serves a safe production setup through Express and the fetch handler', async () => {
    const router = digilockerKyc(production());
    closers.push(() => router.close());
    const preflight = await request(express().use('/kyc', router))
      .options('/kyc/sessions')
      .set('Origin', 'https://shop.example')
      .set('Access-Control-Request-Method', 'POST');
    expect(preflight.status).toBe(204);
    const handler = createKycHandler(production());
    closers.push(() => handler.close());
    const reply = await handler.fetch(
      new Request('https://kyc.shop.example/kyc/openapi.json', { method: 'GET' }),
    );
    expect(reply.status).toBe(200);
  });

  it("accepts Eko's UAT keys and http pages against Eko's UAT", () => {
    const handler = createKycHandler(
      production({
        ...withEko({
          baseUrl: EKO_BASE_URLS.uat,
          developerKey: EKO_UAT_CREDENTIALS.developerKey,
          accessKey: EKO_UAT_CREDENTIALS.accessKey,
        }),
        publicBaseUrl: 'http://kyc.test/kyc',
        allowedOrigins: ['http://localhost:3000'],
      }),
    );
    closers.push(() => handler.close());
  });

  it("accepts the sandbox's secret with a sandbox on loopback or a declared http sandbox", () => {
    for (const [baseUrl, insecureUrlOrigins] of [
      ['http://127.0.0.1:8081/ekoapi/v3', []],
      ['http://192.168.1.20:8081/ekoapi/v3', ['http://192.168.1.20:8081']],
    ] as const) {
      const handler = createKycHandler(
        production({
          ...withEko({ baseUrl }),
          testing: { insecureUrlOrigins },
          sessionSecrets: SANDBOX_SESSION_SECRET,
        }),
      );
      closers.push(() => handler.close());
    }
    // Declaring a different origin does not make a LAN base a sandbox.
    expect(() =>
      createKycHandler(
        production({
          ...withEko({ baseUrl: 'http://192.168.1.20:8081/ekoapi/v3' }),
          testing: { insecureUrlOrigins: ['http://192.168.1.21:8081'] },
          sessionSecrets: SANDBOX_SESSION_SECRET,
        }),
      ),
    ).toThrow(/sessionSecrets is unsafe outside the sandbox/);
  });
});
