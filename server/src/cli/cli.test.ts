// The standalone server as a merchant runs it: the built CLI in its own process, in sandbox mode.
import { afterEach, describe, expect, it } from 'vitest';
import { connectError, killAll, ORIGIN, start } from '../../test/cli-process.js';

afterEach(killAll);

describe('digilocker-kyc-server', () => {
  it('starts in sandbox mode with a loud banner and creates a sandbox attempt', async () => {
    const cli = start({});
    const url = await cli.ready;
    expect(cli.output()).toMatch(/SANDBOX MODE/);
    const res = await fetch(`${url}/kyc/sessions`, {
      method: 'POST',
      headers: { origin: ORIGIN, 'x-digilocker-kyc': '1', 'content-type': 'application/json' },
      body: '{}',
    });
    expect(res.status).toBe(201);
    const body = (await res.json()) as { url: string };
    expect(new URL(body.url).hostname).toBe('127.0.0.1');
    expect((await fetch(`${url}/readyz`)).status).toBe(200);
  });

  it('finishes in-flight requests on SIGTERM, then refuses connections and exits 0', async () => {
    const cli = start({ SANDBOX_FAULTS: 'latency=2500', RATE_LIMIT_PER_MINUTE: '0' });
    const url = await cli.ready;
    const inflight = Array.from({ length: 10 }, () =>
      fetch(`${url}/kyc/sessions`, {
        method: 'POST',
        headers: { origin: ORIGIN, 'x-digilocker-kyc': '1', 'content-type': 'application/json' },
        body: '{}',
      }).then((res) => res.status),
    );
    await new Promise((resolve) => setTimeout(resolve, 200));
    cli.process.kill('SIGTERM');
    // The listener keeps accepting for a 1 s grace, then refuses new connections.
    let refused = false;
    for (let waited = 0; !refused && waited < 2_000; waited += 50) {
      refused = (await connectError(url)) === 'ECONNREFUSED';
      if (!refused) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(refused).toBe(true);
    expect(await Promise.all(inflight)).toEqual(Array(10).fill(201));
    expect(await cli.exited).toBe(0);
  });

  it('refuses to start on bad configuration, naming the variable and not the value', async () => {
    const cli = start({ EKO_ACCESS_KEY: 'cli-sentinel-access-key', EKO_ENV: 'production' });
    await expect(cli.ready).rejects.toThrow();
    expect(await cli.exited).toBe(1);
    expect(cli.output()).toMatch(/EKO_DEVELOPER_KEY is required/);
    expect(cli.output()).not.toContain('cli-sentinel-access-key');
  });
});

describe('production configuration', () => {
  it('names every missing variable in one run', async () => {
    const cli = start({ EKO_ENV: 'production', ALLOWED_ORIGINS: '' });
    await expect(cli.ready).rejects.toThrow();
    expect(await cli.exited).toBe(1);
    const missing = [
      'EKO_DEVELOPER_KEY',
      'EKO_ACCESS_KEY',
      'EKO_INITIATOR_ID',
      'EKO_USER_CODE',
      'PUBLIC_BASE_URL',
      'ALLOWED_ORIGINS',
      'SESSION_SECRET',
    ];
    expect(cli.output()).toMatch(/^digilocker-kyc-server: 7 configuration problems:\n/);
    for (const name of missing) {
      expect(cli.output()).toContain(`  - ${name} is required when EKO_ENV=production`);
    }
  });
});

describe('sandbox mode with Eko keys', () => {
  it('refuses to start, naming the variable and never printing the keys', async () => {
    const cli = start({
      EKO_ENV: 'sandbox',
      EKO_DEVELOPER_KEY: 'SENTINEL-CLI-DEVELOPER-KEY',
      EKO_ACCESS_KEY: 'SENTINEL-CLI-ACCESS-KEY',
      LOG_LEVEL: 'debug',
    });
    await expect(cli.ready).rejects.toThrow();
    expect(await cli.exited).toBe(1);
    expect(cli.output()).toMatch(/EKO_DEVELOPER_KEY is set but EKO_ENV is sandbox/);
    expect(cli.output()).not.toMatch(/SANDBOX MODE|SENTINEL-CLI/);
  });
});
