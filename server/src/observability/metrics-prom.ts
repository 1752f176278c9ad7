// The core's metric hooks as prom-client metrics, prefixed digilocker_kyc_; loaded only when metrics are on.
import { Counter, Gauge, Histogram, type Metric, type Registry } from 'prom-client';
import type { KycMetrics } from './metric-hooks.js';

/** Eko answers in well under a second when healthy; the client gives up at 10 s. */
const EKO_BUCKETS = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** Each registry's breaker readers: the gauge is registered once, whichever handler came first. */
const breakersOf = new WeakMap<Registry, Array<() => boolean>>();

export function promMetrics(registry: Registry): KycMetrics {
  /** Two handlers on one registry share its metrics: prom-client refuses a name twice. */
  function metric<M extends Metric>(name: string, make: () => M): M {
    return (registry.getSingleMetric(name) as M | undefined) ?? make();
  }
  const registers = [registry];
  const created = metric(
    'digilocker_kyc_sessions_created_total',
    () =>
      new Counter({
        name: 'digilocker_kyc_sessions_created_total',
        help: 'DigiLocker sessions created (POST /sessions answered 201).',
        registers,
      }),
  );
  const eko = metric(
    'digilocker_kyc_eko_request_duration_seconds',
    () =>
      new Histogram({
        name: 'digilocker_kyc_eko_request_duration_seconds',
        help: 'Duration of each Eko call, retries included, by call (create, status, document) and outcome (ok or the error code).',
        labelNames: ['call', 'outcome'],
        buckets: EKO_BUCKETS,
        registers,
      }),
  );
  const completions = metric(
    'digilocker_kyc_completions_total',
    () =>
      new Counter({
        name: 'digilocker_kyc_completions_total',
        help: 'Status replies that carried a completion token.',
        registers,
      }),
  );
  const cancels = metric(
    'digilocker_kyc_cancels_total',
    () =>
      new Counter({
        name: 'digilocker_kyc_cancels_total',
        help: 'Status replies that said the customer denied consent or the link expired, by reason.',
        labelNames: ['reason'],
        registers,
      }),
  );
  const errors = metric(
    'digilocker_kyc_errors_total',
    () =>
      new Counter({
        name: 'digilocker_kyc_errors_total',
        help: 'Error replies of the KYC routes, by error code.',
        labelNames: ['code'],
        registers,
      }),
  );
  const limited = metric(
    'digilocker_kyc_rate_limited_total',
    () =>
      new Counter({
        name: 'digilocker_kyc_rate_limited_total',
        help: 'Requests refused by a rate limit, by route (create, status).',
        labelNames: ['route'],
        registers,
      }),
  );
  const foreign = metric(
    'digilocker_kyc_foreign_returns_total',
    () =>
      new Counter({
        name: 'digilocker_kyc_foreign_returns_total',
        help: 'Returns from DigiLocker that reached a browser without the attempt binding (a forwarded link).',
        registers,
      }),
  );
  const breakers = breakersOf.get(registry) ?? [];
  breakersOf.set(registry, breakers);
  metric(
    'digilocker_kyc_circuit_open',
    () =>
      new Gauge({
        name: 'digilocker_kyc_circuit_open',
        help: '1 while the circuit breaker to Eko is open (calls refused with upstream_unavailable), else 0.',
        registers,
        collect() {
          this.set(breakers.some((isOpen) => isOpen()) ? 1 : 0);
        },
      }),
  );
  return {
    sessionCreated: () => created.inc(),
    ekoRequest: (call, outcome, seconds) => eko.observe({ call, outcome }, seconds),
    completed: () => completions.inc(),
    cancelled: (reason) => cancels.inc({ reason }),
    error: (code) => errors.inc({ code }),
    rateLimited: (route) => limited.inc({ route }),
    foreignReturn: () => foreign.inc(),
    watchBreaker: (isOpen) => {
      breakers.push(isOpen);
    },
  };
}
