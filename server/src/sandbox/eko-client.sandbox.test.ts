// The real Eko client against the sandbox over loopback: the journey, and each fault as the KycError it becomes.
import { isKycError, type KycError } from '@digilocker-kyc/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Harness, startSandbox, submitConsent } from '../../test/sandbox-support.js';
import { EKO_UAT_CREDENTIALS } from '../defaults.js';
import { createEkoClient } from '../eko/client.js';
import type { EkoClient, EkoClientOptions } from '../eko/types.js';

let h: Harness;
const clients: EkoClient[] = [];

beforeEach(async () => {
  h = await startSandbox({ slowBodyMs: 2_000 });
});
afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.close()));
  await h.close();
});

function client(options: Partial<EkoClientOptions> = {}): EkoClient {
  const made = createEkoClient({
    baseUrl: h.api,
    ...EKO_UAT_CREDENTIALS,
    now: () => h.clock.now,
    retry: { attempts: 1 },
    ...options,
  });
  clients.push(made);
  return made;
}

async function failure(promise: Promise<unknown>): Promise<KycError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!isKycError(error)) throw new Error(`Expected a KycError, got ${String(error)}`);
  return error;
}

const redirectUrl = 'https://shop.example/kyc/return?state=abc#/done';

describe('createEkoClient against the sandbox', () => {
  it('runs the whole journey: create, consent, status, document (POST form)', async () => {
    const eko = client();
    const created = await eko.createDigilockerUrl({ redirectUrl, documents: ['AADHAAR'] });
    expect(created.referenceId).toMatch(/^\d+$/);
    expect(created.url.startsWith(`${h.running.origin}/digilocker/consent?session=`)).toBe(true);
    expect((await eko.getVerificationStatus({ referenceId: created.referenceId })).status).toBe(
      'pending',
    );

    const decided = await submitConsent(created.url, { persona: 'adult', decision: 'approve' });
    const verificationId = new URL(String(decided.headers.location)).searchParams.get(
      'verification_id',
    );
    const status = await eko.getVerificationStatus({ referenceId: created.referenceId });
    expect(status.status).toBe('consented');
    expect(status.verificationId).toBe(verificationId);

    const result = await eko.getDocument({
      referenceId: created.referenceId,
      verificationId: verificationId!,
    });
    expect(result.documents).toHaveLength(1);
    expect(result.documents[0]).toMatchObject({
      document_type: 'AADHAAR',
      name: 'Asha Verma',
      dob: '1990-08-15',
      gender: 'F',
      masked_aadhaar: 'XXXX-XXXX-1234',
    });
  });

  it('reads the old GET document form too', async () => {
    const eko = client({ documentCall: 'get' });
    const created = await eko.createDigilockerUrl({ redirectUrl });
    const early = await failure(eko.getDocument({ referenceId: created.referenceId }));
    expect(early.code).toBe('consent_pending');
    await submitConsent(created.url, { decision: 'approve' });
    const result = await eko.getDocument({ referenceId: created.referenceId });
    expect(result.documents[0]).toMatchObject({
      name: 'Asha Verma',
      dob: '1990-08-15',
      gender: 'F',
      masked_aadhaar: 'XXXX-XXXX-1234',
      care_of: 'D/O Ramesh Verma',
    });
  });

  it('reports denied and expired attempts', async () => {
    const eko = client();
    const denied = await eko.createDigilockerUrl({ redirectUrl });
    await submitConsent(denied.url, { decision: 'deny' });
    expect((await eko.getVerificationStatus({ referenceId: denied.referenceId })).status).toBe(
      'denied',
    );

    const expired = await eko.createDigilockerUrl({ redirectUrl });
    h.clock.now += 10 * 60_000;
    expect((await eko.getVerificationStatus({ referenceId: expired.referenceId })).status).toBe(
      'expired',
    );
  });

  it('turns the "Aadhaar not linked" business error into a KycError', async () => {
    const eko = client();
    const created = await eko.createDigilockerUrl({ redirectUrl });
    await submitConsent(created.url, { persona: 'aadhaar-not-linked', decision: 'approve' });
    const error = await failure(eko.getDocument({ referenceId: created.referenceId }));
    expect(error.code).toBe('upstream_rejected');
  });

  it('403 (wrong access key) → upstream_auth_failed', async () => {
    const error = await failure(
      client({ accessKey: 'wrong' }).createDigilockerUrl({ redirectUrl }),
    );
    expect(error.code).toBe('upstream_auth_failed');
  });

  it('403 (client clock 5 minutes off) → upstream_auth_failed', async () => {
    const eko = client({ now: () => h.clock.now - 5 * 60_000 });
    expect((await failure(eko.createDigilockerUrl({ redirectUrl }))).code).toBe(
      'upstream_auth_failed',
    );
  });

  it.each([
    ['error=503', 'upstream_error'],
    ['error=500', 'upstream_error'],
    ['reset', 'upstream_error'],
    ['malformed', 'upstream_malformed'],
  ])('%s → %s', async (fault, code) => {
    h.sandbox.faults.arm(fault, null, 'api');
    const eko = client();
    expect((await failure(eko.createDigilockerUrl({ redirectUrl }))).code).toBe(code);
    expect((await failure(eko.getVerificationStatus({ referenceId: '1234567' }))).code).toBe(code);
  });

  it('latency past the deadline → upstream_timeout', async () => {
    h.sandbox.faults.arm('latency=1500', null, 'api');
    const eko = client({ timeouts: { deadlineMs: 300, headersMs: 1_000 } });
    const start = performance.now();
    expect((await failure(eko.createDigilockerUrl({ redirectUrl }))).code).toBe('upstream_timeout');
    expect(performance.now() - start).toBeLessThan(1_200);
  });

  // undici's body timer has about one second of resolution, so the call's deadline is what a
  // sub-second test can rely on: headers arrive at once, the body would take 2 s.
  it('a body that dribbles past the deadline → upstream_timeout', async () => {
    h.sandbox.faults.arm('slow-body', null, 'api');
    const eko = client({ timeouts: { deadlineMs: 600 } });
    const start = performance.now();
    expect((await failure(eko.getVerificationStatus({ referenceId: '1234567' }))).code).toBe(
      'upstream_timeout',
    );
    expect(performance.now() - start).toBeLessThan(1_500);
  });

  it('a GET retried after one 503 succeeds, and the sandbox saw both requests', async () => {
    const eko = client({ retry: { attempts: 2, baseDelayMs: 10 } });
    const created = await eko.createDigilockerUrl({ redirectUrl });
    h.sandbox.faults.arm('error=503', 1, 'api');
    expect((await eko.getVerificationStatus({ referenceId: created.referenceId })).status).toBe(
      'pending',
    );
    expect(h.sandbox.faults.snapshot().armed).toBeNull();
  });

  it('a POST whose connection reset mid-answer is not retried: one create call, one attempt', async () => {
    const eko = client({ retry: { attempts: 3, baseDelayMs: 10 } });
    h.sandbox.faults.arm('reset', 1, 'api');
    expect((await failure(eko.createDigilockerUrl({ redirectUrl }))).code).toBe('upstream_error');
    expect(h.sandbox.createRequests()).toBe(1);
    expect(h.sandbox.store.counts().created).toBe(1);
  });
});
