// The core's metric hooks (no-ops by default) and the Eko client wrapper that times each call.
import { KycError } from '@digilocker-kyc/shared';
import type { Registry } from 'prom-client';
import type { EkoClient } from '../eko/types.js';
import type { EkoCall, KycMetrics } from './metric-hooks.js';

/** The option merchants pass: their own prom-client registry. */
export interface MetricsOption {
  registry: Registry;
}

const noop = () => {};
const NO_METRICS: KycMetrics = {
  sessionCreated: noop,
  ekoRequest: noop,
  completed: noop,
  cancelled: noop,
  error: noop,
  rateLimited: noop,
  foreignReturn: noop,
  watchBreaker: noop,
};

/**
 * The hooks for `option`. prom-client is imported only here and only when metrics are asked
 * for; calls made before it has loaded are queued and replayed, so none is lost.
 */
export function resolveMetrics(option: MetricsOption | undefined): KycMetrics {
  if (option === undefined) return NO_METRICS;
  if (typeof option?.registry?.registerMetric !== 'function') {
    throw new TypeError(
      'digilockerKyc: expected metrics.registry to be a prom-client Registry (new Registry() or register).',
    );
  }
  let ready: KycMetrics | undefined;
  const queued: Array<(metrics: KycMetrics) => void> = [];
  void import('./metrics-prom.js').then(({ promMetrics }) => {
    ready = promMetrics(option.registry);
    for (const call of queued.splice(0)) call(ready);
  });
  const forward = (call: (metrics: KycMetrics) => void) => {
    if (ready) call(ready);
    else queued.push(call);
  };
  return {
    sessionCreated: () => forward((m) => m.sessionCreated()),
    ekoRequest: (call, outcome, seconds) => forward((m) => m.ekoRequest(call, outcome, seconds)),
    completed: () => forward((m) => m.completed()),
    cancelled: (reason) => forward((m) => m.cancelled(reason)),
    error: (code) => forward((m) => m.error(code)),
    rateLimited: (route) => forward((m) => m.rateLimited(route)),
    foreignReturn: () => forward((m) => m.foreignReturn()),
    watchBreaker: (isOpen) => forward((m) => m.watchBreaker(isOpen)),
  };
}

/** The same client, each Eko call timed and reported with how it ended. */
export function measuredEko(eko: EkoClient, metrics: KycMetrics): EkoClient {
  if (metrics === NO_METRICS) return eko;
  async function timed<T>(call: EkoCall, run: () => Promise<T>): Promise<T> {
    const started = performance.now();
    let outcome = 'ok';
    try {
      return await run();
    } catch (error) {
      outcome = error instanceof KycError ? error.code : 'internal_error';
      throw error;
    } finally {
      metrics.ekoRequest(call, outcome, (performance.now() - started) / 1000);
    }
  }
  return {
    get clockSkewMs() {
      return eko.clockSkewMs;
    },
    createDigilockerUrl: (input) => timed('create', () => eko.createDigilockerUrl(input)),
    getVerificationStatus: (input) => timed('status', () => eko.getVerificationStatus(input)),
    getDocument: (input) => timed('document', () => eko.getDocument(input)),
    close: () => eko.close(),
  };
}
