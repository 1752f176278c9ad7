import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EKO_BASE_URLS, EKO_UAT_CREDENTIALS } from '../defaults.js';
import { ConfigError, loadConfig } from './config.js';

const SECRET = 'config-test-secret-value-with-32-bytes+';
const PRODUCTION = {
  EKO_DEVELOPER_KEY: 'prod-dev-key-sentinel',
  EKO_ACCESS_KEY: 'prod-access-key-sentinel',
  EKO_INITIATOR_ID: '9876543210',
  EKO_USER_CODE: '30000001',
  SESSION_SECRET: SECRET,
  PUBLIC_BASE_URL: 'https://kyc.shop.example/kyc',
  ALLOWED_ORIGINS: 'https://shop.example',
};

function configError(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('Expected loadConfig to fail');
}

describe('loadConfig', () => {
  it('runs the sandbox with defaults when no Eko keys are set', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      env: 'sandbox',
      port: 8080,
      host: '127.0.0.1',
      sandboxPort: 8081,
      publicBaseUrl: 'http://127.0.0.1:8080/kyc',
      allowedOrigins: ['http://127.0.0.1:8080', 'http://localhost:8080'],
      rateLimitPerMinute: 10,
      eko: { baseUrl: 'http://127.0.0.1:8081/ekoapi/v3', ...EKO_UAT_CREDENTIALS },
    });
  });

  it('uses an external sandbox when EKO_BASE_URL is set in sandbox mode', () => {
    expect(loadConfig({}).startSandbox).toBe(true);
    const external = loadConfig({
      EKO_ENV: 'sandbox',
      EKO_BASE_URL: 'http://127.0.0.1:9999/ekoapi/v3',
    });
    expect(external).toMatchObject({ env: 'sandbox', startSandbox: false });
    expect(external.eko.baseUrl).toBe('http://127.0.0.1:9999/ekoapi/v3');
  });

  it('honours SANDBOX_PORT and PORT', () => {
    expect(loadConfig({ PORT: '9000' }).sandboxPort).toBe(9001);
    expect(loadConfig({ PORT: '9000', SANDBOX_PORT: '7000' }).eko.baseUrl).toBe(
      'http://127.0.0.1:7000/ekoapi/v3',
    );
  });

  it('calls its sandbox on loopback for a wildcard HOST, and brackets an IPv6 HOST', () => {
    for (const HOST of ['0.0.0.0', '::']) {
      expect(loadConfig({ HOST, SANDBOX_PORT: '7000' }).eko.baseUrl).toBe(
        'http://127.0.0.1:7000/ekoapi/v3',
      );
    }
    expect(loadConfig({ HOST: '::1', SANDBOX_PORT: '7000' }).eko.baseUrl).toBe(
      'http://[::1]:7000/ekoapi/v3',
    );
  });

  it('switches to production when keys are set, with the production base URL', () => {
    const config = loadConfig(PRODUCTION);
    expect(config.env).toBe('production');
    expect(config.eko.baseUrl).toBe(EKO_BASE_URLS.production);
    expect(config.sessionSecrets).toEqual([SECRET]);
  });

  it('uses the UAT base with EKO_ENV=uat, and EKO_BASE_URL overrides both', () => {
    expect(loadConfig({ ...PRODUCTION, EKO_ENV: 'uat' }).eko.baseUrl).toBe(EKO_BASE_URLS.uat);
    expect(
      loadConfig({ ...PRODUCTION, EKO_BASE_URL: 'https://api.eko.in:25002/ekoicici/v3' }).eko
        .baseUrl,
    ).toBe('https://api.eko.in:25002/ekoicici/v3');
  });

  it('accepts several SESSION_SECRETs for rotation', () => {
    expect(
      loadConfig({ ...PRODUCTION, SESSION_SECRET: `${SECRET},${SECRET}2` }).sessionSecrets,
    ).toHaveLength(2);
  });

  it.each([
    ['PORT', { PORT: 'eighty' }],
    ['PORT', { PORT: '70000' }],
    ['EKO_ENV', { EKO_ENV: 'staging' }],
    ['ALLOWED_ORIGINS', { ALLOWED_ORIGINS: 'https://shop.example/path' }],
    ['ALLOWED_ORIGINS', { ALLOWED_ORIGINS: '*' }],
    ['RETURN_URLS', { RETURN_URLS: '/relative' }],
    ['DIGILOCKER_URL_HOSTS', { DIGILOCKER_URL_HOSTS: 'https://digilocker.gov.in' }],
    ['RATE_LIMIT_PER_MINUTE', { RATE_LIMIT_PER_MINUTE: '-1' }],
    ['EKO_INITIATOR_ID', { EKO_INITIATOR_ID: '12345' }],
    ['LOG_LEVEL', { LOG_LEVEL: 'loud' }],
  ])('names %s when it is invalid', (variable, env) => {
    expect(configError(env)).toMatch(new RegExp(`^${variable} is invalid: .*expected`, 'i'));
  });

  it.each([
    'EKO_ACCESS_KEY',
    'EKO_INITIATOR_ID',
    'SESSION_SECRET',
    'PUBLIC_BASE_URL',
    'ALLOWED_ORIGINS',
  ])('requires %s in production, naming it', (variable) => {
    const env: Record<string, string> = { ...PRODUCTION };
    delete env[variable];
    expect(configError(env)).toMatch(new RegExp(`^${variable} is required`));
  });

  it('refuses a short SESSION_SECRET without printing it', () => {
    const message = configError({ ...PRODUCTION, SESSION_SECRET: 'short-secret-sentinel' });
    expect(message).toMatch(/^SESSION_SECRET is invalid/);
    expect(message).not.toContain('short-secret-sentinel');
  });

  it('never prints a value, whatever is wrong', () => {
    const message = configError({ ...PRODUCTION, PORT: 'secret-looking-port-value' });
    expect(message).not.toContain('secret-looking-port-value');
  });
});

describe('STATIC_DIR', () => {
  it('accepts an existing folder and names the variable for a missing one', () => {
    expect(loadConfig({ STATIC_DIR: '.' }).staticDir).toBe('.');
    expect(configError({ STATIC_DIR: '/no/such/folder' })).toMatch(
      /^STATIC_DIR is invalid: Expected an existing folder/,
    );
  });
});

describe('.env.example', () => {
  it('starts in production once its blanks are filled, and names each blank otherwise', () => {
    const text = readFileSync(new URL('../../../.env.example', import.meta.url), 'utf8');
    const example = Object.fromEntries(
      text
        .split('\n')
        .filter((line) => /^[A-Z_]+=/.test(line))
        .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
    );
    const blanks = Object.keys(example).filter((name) => example[name] === '');
    expect(blanks).toEqual([
      'EKO_DEVELOPER_KEY',
      'EKO_ACCESS_KEY',
      'EKO_INITIATOR_ID',
      'EKO_USER_CODE',
      'SESSION_SECRET',
      'RETURN_URLS',
      'REDIS_URL',
    ]);
    const filled = {
      ...example,
      EKO_DEVELOPER_KEY: 'prod-dev-key-sentinel',
      EKO_ACCESS_KEY: 'prod-access-key-sentinel',
      EKO_INITIATOR_ID: '9876543210',
      EKO_USER_CODE: '30000001',
      SESSION_SECRET: SECRET,
    };
    expect(loadConfig(filled)).toMatchObject({ env: 'production', trustProxyHops: 1 });
    const message = configError(example);
    for (const name of blanks.slice(0, 5)) expect(message).toContain(`- ${name} is required`);
  });
});
