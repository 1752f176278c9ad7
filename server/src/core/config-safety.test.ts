// Unsafe configurations are refused at start, naming the variable and never printing its value.
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../cli/config.js';
import { EKO_UAT_CREDENTIALS, SANDBOX_SESSION_SECRET } from '../defaults.js';

const SECRET = 'config-safety-secret-value-32-bytes-long';
const PRODUCTION = {
  EKO_ENV: 'production',
  EKO_DEVELOPER_KEY: 'prod-dev-key-sentinel',
  EKO_ACCESS_KEY: 'prod-access-key-sentinel',
  EKO_INITIATOR_ID: '9876543210',
  EKO_USER_CODE: '30000001',
  SESSION_SECRET: SECRET,
  PUBLIC_BASE_URL: 'https://kyc.shop.example/kyc',
  ALLOWED_ORIGINS: 'https://shop.example',
};

function refusal(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    for (const value of Object.values(env)) {
      // Values short enough to occur by chance (e.g. "sandbox") are allowed; secrets are not.
      if (value.length > 12) expect(message).not.toContain(value);
    }
    return message;
  }
  throw new Error('Expected loadConfig to refuse this configuration');
}

describe('sandbox mode never reaches a real Eko account', () => {
  it.each([
    ['EKO_BASE_URL', { EKO_BASE_URL: 'https://api.eko.in/ekoicici/v3' }],
    ['EKO_DEVELOPER_KEY', { EKO_DEVELOPER_KEY: 'merchant-developer-key-sentinel' }],
    ['EKO_ACCESS_KEY', { EKO_ACCESS_KEY: 'merchant-access-key-sentinel' }],
    ['EKO_INITIATOR_ID', { EKO_INITIATOR_ID: '9876543210' }],
    ['EKO_USER_CODE', { EKO_USER_CODE: '30000001' }],
  ])('refuses EKO_ENV=sandbox with %s', (variable, extra) => {
    expect(refusal({ EKO_ENV: 'sandbox', ...extra })).toMatch(
      new RegExp(`^${variable} is set but EKO_ENV is sandbox`),
    );
  });

  it('refuses an Eko base URL without keys too (sandbox is the default then)', () => {
    expect(refusal({ EKO_BASE_URL: 'https://staging.eko.in/ekoapi/v3' })).toMatch(
      /^EKO_BASE_URL is set but EKO_ENV is sandbox/,
    );
  });

  it('allows an external sandbox on loopback', () => {
    for (const base of ['http://127.0.0.1:9999/ekoapi/v3', 'http://localhost:9/ekoapi/v3']) {
      expect(loadConfig({ EKO_ENV: 'sandbox', EKO_BASE_URL: base }).eko.baseUrl).toBe(base);
    }
  });
});

describe('outside sandbox', () => {
  it.each(['uat', 'production'])('refuses a plain-http EKO_BASE_URL with EKO_ENV=%s', (mode) => {
    const message = refusal({
      ...PRODUCTION,
      EKO_ENV: mode,
      EKO_BASE_URL: 'http://api.eko.in/ekoicici/v3',
    });
    expect(message).toMatch(/^EKO_BASE_URL is unsafe/);
  });

  it('allows a plain-http EKO_BASE_URL on loopback (a local sandbox in UAT mode)', () => {
    const base = 'http://127.0.0.1:8081/ekoapi/v3';
    expect(loadConfig({ ...PRODUCTION, EKO_ENV: 'uat', EKO_BASE_URL: base }).eko.baseUrl).toBe(
      base,
    );
  });

  it.each([
    ['alone', SANDBOX_SESSION_SECRET],
    ['among rotated secrets', `${SECRET},${SANDBOX_SESSION_SECRET}`],
  ])('refuses the sandbox session secret %s', (_name, secrets) => {
    for (const mode of ['uat', 'production']) {
      expect(refusal({ ...PRODUCTION, EKO_ENV: mode, SESSION_SECRET: secrets })).toMatch(
        /^SESSION_SECRET is unsafe/,
      );
    }
  });

  it.each([
    ['EKO_DEVELOPER_KEY', { EKO_DEVELOPER_KEY: EKO_UAT_CREDENTIALS.developerKey }],
    ['EKO_ACCESS_KEY', { EKO_ACCESS_KEY: EKO_UAT_CREDENTIALS.accessKey }],
  ])("refuses Eko's public UAT %s in production, and allows it in UAT", (variable, keys) => {
    expect(refusal({ ...PRODUCTION, ...keys })).toMatch(new RegExp(`^${variable} is unsafe`));
    expect(loadConfig({ ...PRODUCTION, ...keys, EKO_ENV: 'uat' }).env).toBe('uat');
  });

  it.each([
    ['PUBLIC_BASE_URL', { PUBLIC_BASE_URL: 'http://kyc.shop.example/kyc' }],
    ['ALLOWED_ORIGINS', { ALLOWED_ORIGINS: 'https://shop.example,http://shop.example' }],
    ['RETURN_URLS', { RETURN_URLS: 'http://shop.example/account/kyc' }],
  ])('refuses a plain-http %s in production', (variable, extra) => {
    expect(refusal({ ...PRODUCTION, ...extra })).toMatch(new RegExp(`^${variable} is unsafe`));
  });

  it('allows a loopback http API in production (a local smoke test) and http in UAT', () => {
    const local = { PUBLIC_BASE_URL: 'http://127.0.0.1:8080/kyc' };
    expect(loadConfig({ ...PRODUCTION, ...local }).publicBaseUrl).toBe(local.PUBLIC_BASE_URL);
    expect(
      loadConfig({
        ...PRODUCTION,
        EKO_ENV: 'uat',
        PUBLIC_BASE_URL: 'http://kyc.test/kyc',
        ALLOWED_ORIGINS: 'http://localhost:3000',
      }).env,
    ).toBe('uat');
  });

  it.each(['http://localhost:3000', 'http://127.0.0.1:8080'])(
    'refuses the development origin %s in ALLOWED_ORIGINS in production',
    (origin) => {
      expect(refusal({ ...PRODUCTION, ALLOWED_ORIGINS: `https://shop.example,${origin}` })).toMatch(
        /^ALLOWED_ORIGINS is unsafe against Eko's production API: Expected https: origins only/,
      );
    },
  );

  it('refuses a cleartext redis:// to another host in production; TLS or loopback pass', () => {
    expect(
      refusal({ ...PRODUCTION, REDIS_URL: 'redis://:pw-sentinel-1234@redis.internal:6379' }),
    ).toMatch(/^REDIS_URL is unsafe against Eko's production API: Expected rediss:\/\//);
    for (const url of ['rediss://redis.internal:6380', 'redis://127.0.0.1:6379']) {
      expect(loadConfig({ ...PRODUCTION, REDIS_URL: url }).redisUrl).toBe(url);
    }
    expect(
      loadConfig({ ...PRODUCTION, EKO_ENV: 'uat', REDIS_URL: 'redis://redis.internal' }).env,
    ).toBe('uat');
  });

  it('requires EKO_USER_CODE in production instead of using Eko’s public test code', () => {
    const { EKO_USER_CODE: _code, ...withoutCode } = PRODUCTION;
    expect(refusal(withoutCode)).toBe(
      'EKO_USER_CODE is required when EKO_ENV=production: the retailer/agent code Eko gave your account.',
    );
    expect(loadConfig({ ...withoutCode, EKO_ENV: 'uat' }).eko.userCode).toBe(
      EKO_UAT_CREDENTIALS.userCode,
    );
  });
});

describe('every problem in one start', () => {
  it('names every missing variable of a bare EKO_ENV=production at once', () => {
    const message = refusal({ EKO_ENV: 'production' });
    const named = [
      'EKO_DEVELOPER_KEY',
      'EKO_ACCESS_KEY',
      'EKO_INITIATOR_ID',
      'EKO_USER_CODE',
      'PUBLIC_BASE_URL',
      'ALLOWED_ORIGINS',
      'SESSION_SECRET',
    ];
    expect(message).toMatch(/^7 configuration problems:/);
    for (const name of named) expect(message).toContain(`  - ${name} is required`);
  });

  it('lists invalid values, unsafe values and missing ones together', () => {
    let error: unknown;
    try {
      loadConfig({
        ...PRODUCTION,
        PORT: 'eighty',
        EKO_INITIATOR_ID: '12',
        EKO_ACCESS_KEY: EKO_UAT_CREDENTIALS.accessKey,
        PUBLIC_BASE_URL: undefined as unknown as string,
      });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems.map((p) => p.split(' ')[0])).toEqual([
      'PORT',
      'EKO_INITIATOR_ID',
      'PUBLIC_BASE_URL',
      'EKO_ACCESS_KEY',
    ]);
  });
});

describe('HTTP server limits', () => {
  it('has safe defaults and refuses a headers timeout longer than the request timeout', () => {
    expect(loadConfig({}).http).toEqual({
      headersTimeoutMs: 10_000,
      requestTimeoutMs: 30_000,
      keepAliveTimeoutMs: 5_000,
      maxConnections: 1_000,
    });
    expect(refusal({ HEADERS_TIMEOUT_MS: '40000' })).toMatch(/^HEADERS_TIMEOUT_MS is invalid/);
    expect(refusal({ REQUEST_TIMEOUT_MS: '5' })).toMatch(/^REQUEST_TIMEOUT_MS is invalid/);
    expect(refusal({ MAX_CONNECTIONS: '0' })).toMatch(/^MAX_CONNECTIONS is invalid/);
  });
});
