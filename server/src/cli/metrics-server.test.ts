// The standalone server's METRICS_PORT: Prometheus text on its own port, nothing when unset.
import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { connectError, killAll, ORIGIN, start } from '../../test/cli-process.js';

afterEach(killAll);

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

const createSession = (url: string) =>
  fetch(`${url}/kyc/sessions`, {
    method: 'POST',
    headers: { origin: ORIGIN, 'x-digilocker-kyc': '1', 'content-type': 'application/json' },
    body: '{}',
  });

describe('METRICS_PORT', { timeout: 20_000 }, () => {
  it('serves GET /metrics on that port after a create, and the API port never does', async () => {
    const metricsPort = await freePort();
    const cli = start({ METRICS_PORT: String(metricsPort) });
    const url = await cli.ready;
    expect(cli.output()).toContain(`metrics: http://127.0.0.1:${metricsPort}/metrics`);
    expect((await createSession(url)).status).toBe(201);

    const res = await fetch(`http://127.0.0.1:${metricsPort}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await res.text();
    expect(text).toMatch(/^digilocker_kyc_sessions_created_total 1$/m);
    expect(text).toMatch(
      /^digilocker_kyc_eko_request_duration_seconds_count\{call="create",outcome="ok"\} 1$/m,
    );
    // prom-client's default process metrics.
    expect(text).toMatch(/^process_cpu_user_seconds_total /m);
    expect(text).toMatch(/^nodejs_eventloop_lag_seconds /m);

    expect((await fetch(`${url}/metrics`)).status).toBe(404);
    expect((await fetch(`${url}/kyc/metrics`)).status).toBe(404);
    expect((await fetch(`http://127.0.0.1:${metricsPort}/kyc/sessions`)).status).toBe(404);
  });

  it('listens on nothing extra when METRICS_PORT is unset', async () => {
    const metricsPort = await freePort();
    const cli = start({});
    const url = await cli.ready;
    expect((await createSession(url)).status).toBe(201);
    expect(cli.output()).not.toContain('metrics:');
    expect(await connectError(`http://127.0.0.1:${metricsPort}`)).toBe('ECONNREFUSED');
  });

  it('refuses a METRICS_PORT that is not a port, naming the variable', async () => {
    const cli = start({ METRICS_PORT: 'ninety' });
    await expect(cli.ready).rejects.toThrow();
    expect(await cli.exited).toBe(1);
    expect(cli.output()).toMatch(/METRICS_PORT/);
  });
});
