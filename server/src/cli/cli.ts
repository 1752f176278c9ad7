#!/usr/bin/env node
// digilocker-kyc-server: the standalone signing server. The only module that reads process.env
// (besides the sandbox's own CLI) and calls listen.
import type { AddressInfo } from 'node:net';
import { setFlagsFromString } from 'node:v8';
import { loopbackFor } from '../defaults.js';
import { createLogger } from '../observability/logger.js';
import type { RunningSandbox } from '../sandbox/index.js';
import { createApp } from './app.js';
import { ConfigError, loadConfig } from './config.js';
import { createHttpServer } from './http-server.js';
import { drainable } from './lifecycle.js';
import { chooseLogFormat, prettyDestination } from './log-format.js';
import type { MetricsServer } from './metrics-server.js';

/**
 * How far V8 lets the heap grow past what was live after the last full collection, in percent.
 * Under a burst, requests in flight survive young-generation collections and are promoted, and
 * V8's default growth let the heap reach ~105 MB around a live set of ~25 MB (peak RSS ~185 MB
 * at 200 connections). At 30 % the peak stays near 125 MB, and the extra full collections cost
 * no CPU we could measure (test/bench). V8 reads this flag at every collection, so setting it at
 * start-up takes effect; `node --heap-growing-percent=N dist/cli.js` overrides it.
 */
const HEAP_GROWING_PERCENT = 30;

async function main(): Promise<void> {
  const started = performance.now();
  if (!process.execArgv.some((flag) => flag.startsWith('--heap-growing-percent'))) {
    setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
  }
  // Both readings run even when the first fails: one start names every problem.
  const problems: string[] = [];
  const read = <T>(reading: () => T): T | undefined => {
    try {
      return reading();
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      problems.push(...error.problems);
      return undefined;
    }
  };
  let config = read(() => loadConfig(process.env));
  const logFormat = read(() => chooseLogFormat(process.env, process.stdout.isTTY === true));
  if (config === undefined || logFormat === undefined) {
    process.stderr.write(`digilocker-kyc-server: ${new ConfigError(problems).message}\n`);
    process.exit(1);
  }
  const logger = createLogger(
    config.logLevel,
    logFormat === 'pretty' ? await prettyDestination() : undefined,
  );

  let sandbox: RunningSandbox | undefined;
  if (config.startSandbox) {
    // The sandbox accepts the credentials the client signs with: Eko's public UAT keys (sandbox
    // mode refuses keys of its own, see config-safety.ts).
    const { developerKey, accessKey, initiatorId, userCode } = config.eko;
    // Loaded only in sandbox mode: a production start does not pay for the simulator.
    const { createSandbox } = await import('../sandbox/index.js');
    sandbox = await createSandbox({
      developerKey,
      accessKey,
      initiatorId,
      userCode,
      ...(config.sandboxFaults ? { faults: config.sandboxFaults } : {}),
    }).listen(config.sandboxPort, loopbackFor(config.host));
    config = { ...config, eko: { ...config.eko, baseUrl: sandbox.apiBaseUrl } };
  }

  // Only with METRICS_PORT: prom-client is not loaded and nothing else listens without it.
  let metrics: MetricsServer | undefined;
  if (config.metricsPort !== undefined) {
    const { startMetricsServer } = await import('./metrics-server.js');
    metrics = await startMetricsServer(config.metricsPort, config.host);
  }

  const kyc = createApp({
    config,
    logger,
    ...(metrics ? { router: { metrics: { registry: metrics.registry } } } : {}),
  });
  const server = createHttpServer(kyc.app, config.http);
  const drain = drainable(server);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;

  if (config.env === 'sandbox') {
    process.stdout.write(
      [
        '',
        '  ┌──────────────────────────────────────────────────────────────────┐',
        '  │  SANDBOX MODE: no Eko keys are set. Eko and DigiLocker are        │',
        '  │  simulated; no real KYC happens and no real Aadhaar is read.      │',
        '  └──────────────────────────────────────────────────────────────────┘',
        `  Sandbox (simulated Eko + DigiLocker): ${sandbox?.origin ?? new URL(config.eko.baseUrl).origin}`,
        '',
      ].join('\n'),
    );
  }
  // The immutable, hashed bundle and its integrity value: what a page's script tag should say.
  const widget = kyc.handler.widgetAsset();
  process.stdout.write(
    `  digilocker-kyc server (${config.env}) listening on ${origin}\n` +
      `  API: ${origin}/kyc   widget: ${origin}/kyc/widget.js   health: ${origin}/readyz\n` +
      (widget
        ? `  widget (immutable): ${origin}/kyc/${widget.file}   integrity="${widget.integrity}"\n`
        : '') +
      (metrics ? `  metrics: ${metrics.url}\n` : '') +
      `  ready in ${Math.round(performance.now() - started)} ms\n`,
  );

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    const { connections, inFlight } = drain.stats();
    logger.info(
      { signal, connections, in_flight: inFlight },
      'shutting down: draining in-flight requests',
    );
    kyc.startDraining();
    const began = performance.now();
    const outcome = await drain.close({ deadlineMs: 10_000 });
    const drainedMs = Math.round(performance.now() - began);
    await kyc.close();
    await metrics?.close();
    await sandbox?.close();
    logger.info(
      { outcome, drained_ms: drainedMs, total_ms: Math.round(performance.now() - began) },
      'stopped',
    );
    // stdout is asynchronous when it is a pipe: exit once the log lines are out.
    logger.flush(() => process.stdout.write('', () => process.exit(0)));
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

if (process.argv[2] === 'doctor') {
  // The go-live check: loaded only for this subcommand, and it starts no server.
  import('./doctor.js')
    .then(({ runDoctor }) =>
      runDoctor(process.argv.slice(3), {
        env: process.env,
        write: (text) => process.stdout.write(text),
      }),
    )
    .then(
      (code) => process.stdout.write('', () => process.exit(code)),
      (error: unknown) => {
        process.stderr.write(`digilocker-kyc-server doctor: ${(error as Error)?.message}\n`);
        process.exit(1);
      },
    );
} else {
  main().catch((error: unknown) => {
    process.stderr.write(`digilocker-kyc-server: failed to start: ${(error as Error)?.message}\n`);
    process.exit(1);
  });
}
