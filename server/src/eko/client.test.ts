import { KycError } from '@digilocker-kyc/shared';
import { MockAgent } from 'undici';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEkoClient } from './client.js';
import { computeSecretKey } from './signing.js';
import type { EkoClientOptions } from './types.js';

const ORIGIN = 'https://staging.eko.in';
const BASE = `${ORIGIN}/ekoapi/v3`;
const NOW = 1_700_000_000_000;
const CREDENTIALS = {
  developerKey: 'dev-key-sentinel',
  accessKey: 'test-access-key-123',
  initiatorId: '9962981729',
  userCode: '20810200',
};
const CREATE_OK = {
  status: 0,
  response_status_id: 0,
  response_type_id: 1388,
  message: 'DigiLocker URL created successfully',
  data: {
    reference_id: 7483920,
    url: 'https://digilocker.gov.in/auth?session_id=abc123xyz',
    document_requested: ['AADHAAR'],
    redirect_url: 'https://shop.example/kyc/return',
  },
};
const JSON_HEADERS = { headers: { 'content-type': 'application/json' } };

let agent: MockAgent;
let clock: number;

function client(overrides: Partial<EkoClientOptions> = {}) {
  return createEkoClient({
    baseUrl: BASE,
    ...CREDENTIALS,
    dispatcher: agent,
    now: () => clock++,
    random: (size) => new Uint8Array(size).fill(7),
    retry: { baseDelayMs: 1, maxDelayMs: 2 },
    ...overrides,
  });
}

function pool() {
  return agent.get(ORIGIN);
}

function calls() {
  return agent.getCallHistory()?.calls() ?? [];
}

async function rejection(promise: Promise<unknown>): Promise<KycError> {
  const error = await promise.then(
    () => {
      throw new Error('Expected the call to fail');
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(KycError);
  return error as KycError;
}

beforeEach(() => {
  clock = NOW;
  agent = new MockAgent({ enableCallHistory: true });
  agent.disableNetConnect();
});

afterEach(async () => {
  agent.assertNoPendingInterceptors();
  await agent.close();
});

describe('createDigilockerUrl', () => {
  it('sends exactly the seed request: method, path, signed headers and body', async () => {
    pool()
      .intercept({ path: '/ekoapi/v3/tools/kyc/digilocker', method: 'POST' })
      .reply(200, CREATE_OK, JSON_HEADERS);
    const result = await client({ now: () => NOW }).createDigilockerUrl({
      redirectUrl: 'https://shop.example/kyc/return',
    });
    expect(result).toMatchObject({
      referenceId: '7483920',
      url: 'https://digilocker.gov.in/auth?session_id=abc123xyz',
      documents: ['AADHAAR'],
    });
    const [sent] = calls();
    expect(sent?.method).toBe('POST');
    expect(sent?.path).toBe('/ekoapi/v3/tools/kyc/digilocker');
    expect(sent?.headers).toMatchObject({
      developer_key: 'dev-key-sentinel',
      'secret-key-timestamp': String(NOW),
      'secret-key': computeSecretKey('test-access-key-123', NOW),
      'content-type': 'application/json',
    });
    const body = JSON.parse(String(sent?.body));
    expect(Object.keys(body).sort()).toEqual([
      'client_ref_id',
      'document_requested',
      'initiator_id',
      'redirect_url',
      'user_code',
    ]);
    expect(body).toMatchObject({
      initiator_id: '9962981729',
      user_code: '20810200',
      document_requested: ['AADHAAR'],
      redirect_url: 'https://shop.example/kyc/return',
    });
    expect(body.client_ref_id).toMatch(/^[A-Za-z0-9-]{1,20}$/);
    expect(result.clientRefId).toBe(body.client_ref_id);
  });

  it('uses the given documents, client_ref_id and user_code', async () => {
    pool()
      .intercept({ path: '/ekoapi/v3/tools/kyc/digilocker', method: 'POST' })
      .reply(200, CREATE_OK, JSON_HEADERS);
    await client().createDigilockerUrl({
      redirectUrl: 'https://shop.example/r',
      documents: ['AADHAAR', 'PAN'],
      clientRefId: 'order-42',
      userCode: '99999999',
    });
    const body = JSON.parse(String(calls()[0]?.body));
    expect(body).toMatchObject({
      client_ref_id: 'order-42',
      user_code: '99999999',
      document_requested: ['AADHAAR', 'PAN'],
    });
  });

  it('generates unique client_ref_ids of at most 20 characters', async () => {
    pool().intercept({ path: /.*/, method: 'POST' }).reply(200, CREATE_OK, JSON_HEADERS).times(50);
    const real = createEkoClient({ baseUrl: BASE, ...CREDENTIALS, dispatcher: agent });
    const ids = new Set<string>();
    for (let i = 0; i < 50; i++) {
      const { clientRefId } = await real.createDigilockerUrl({ redirectUrl: 'https://s.example/' });
      expect(clientRefId.length).toBeLessThanOrEqual(20);
      ids.add(clientRefId);
    }
    expect(ids.size).toBe(50);
  });

  it('signs every attempt afresh: a retried call carries a new timestamp and signature', async () => {
    const error = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
    pool().intercept({ path: /.*/, method: 'POST' }).replyWithError(error);
    pool().intercept({ path: /.*/, method: 'POST' }).reply(200, CREATE_OK, JSON_HEADERS);
    await client().createDigilockerUrl({ redirectUrl: 'https://shop.example/r' });
    const [first, second] = calls();
    expect(first?.headers?.['secret-key-timestamp']).not.toBe(
      second?.headers?.['secret-key-timestamp'],
    );
    const ts = String(second?.headers?.['secret-key-timestamp']);
    expect(second?.headers?.['secret-key']).toBe(computeSecretKey(CREDENTIALS.accessKey, ts));
  });

  it('never retries a POST that may have reached Eko (a reset after sending)', async () => {
    const error = Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' });
    pool().intercept({ path: /.*/, method: 'POST' }).replyWithError(error);
    const failure = await rejection(
      client().createDigilockerUrl({ redirectUrl: 'https://s.example/' }),
    );
    expect(failure.code).toBe('upstream_error');
    expect(calls()).toHaveLength(1);
  });

  it('refuses a relative redirect_url before calling Eko', async () => {
    const failure = await rejection(client().createDigilockerUrl({ redirectUrl: '/kyc/return' }));
    expect(failure.code).toBe('invalid_request');
    expect(calls()).toHaveLength(0);
  });
});

describe('failure mapping', () => {
  const create = () => client().createDigilockerUrl({ redirectUrl: 'https://shop.example/r' });
  const intercept = () =>
    pool().intercept({ path: '/ekoapi/v3/tools/kyc/digilocker', method: 'POST' });

  it('403 (signature or clock) → upstream_auth_failed, not retried', async () => {
    intercept().reply(403, 'Forbidden');
    const failure = await rejection(create());
    expect(failure).toMatchObject({ code: 'upstream_auth_failed', status: 502, retryable: false });
    expect(failure.message).not.toContain(CREDENTIALS.accessKey);
    expect(calls()).toHaveLength(1);
  });

  it.each([500, 502, 503])('HTTP %d → upstream_error (retryable)', async (status) => {
    intercept().reply(status, { message: 'busy' }, JSON_HEADERS);
    const failure = await rejection(create());
    expect(failure).toMatchObject({ code: 'upstream_error', retryable: true });
    expect(calls()).toHaveLength(1);
  });

  it.each([404, 405, 415])('HTTP %d → upstream_rejected', async (status) => {
    intercept().reply(status, 'No mapping rule matched');
    expect((await rejection(create())).code).toBe('upstream_rejected');
  });

  it.each([
    ['an HTML page', '<html><body>Gateway</body></html>', { 'content-type': 'text/html' }],
    ['truncated JSON', '{"status":0,"data":{"refer', JSON_HEADERS.headers],
    ['an empty body', '', {}],
  ])('200 with %s → upstream_malformed', async (_name, body, headers) => {
    intercept().reply(200, body, { headers });
    expect((await rejection(create())).code).toBe('upstream_malformed');
  });

  it.each([
    ['no status', { message: 'ok', data: CREATE_OK.data }],
    ['no data', { status: 0 }],
    ['data without url', { status: 0, data: { reference_id: 1 } }],
  ])('200 JSON with %s → upstream_malformed', async (_name, body) => {
    intercept().reply(200, body, JSON_HEADERS);
    expect((await rejection(create())).code).toBe('upstream_malformed');
  });

  it("status != 0 → upstream_rejected, without Eko's message text", async () => {
    intercept().reply(
      200,
      {
        status: 1,
        response_status_id: 301,
        message: 'Invalid redirect URL provided.',
        response_type_id: 1388,
        data: {},
      },
      JSON_HEADERS,
    );
    const failure = await rejection(create());
    expect(failure.code).toBe('upstream_rejected');
    expect(failure.message).toContain('301');
    expect(failure.message).not.toContain('Invalid redirect URL provided');
  });

  it('a reply slower than the deadline → upstream_timeout within the deadline', async () => {
    intercept().reply(200, CREATE_OK, JSON_HEADERS).delay(2_000);
    const started = performance.now();
    const failure = await rejection(
      client({ timeouts: { deadlineMs: 150 } }).createDigilockerUrl({
        redirectUrl: 'https://shop.example/r',
      }),
    );
    expect(failure).toMatchObject({ code: 'upstream_timeout', status: 504, retryable: true });
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it('a connection refused on every attempt → upstream_error after the bounded retries', async () => {
    const error = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
    pool().intercept({ path: /.*/, method: 'POST' }).replyWithError(error).times(3);
    const failure = await rejection(create());
    expect(failure.code).toBe('upstream_error');
    expect(calls()).toHaveLength(3);
  });
});

describe('getVerificationStatus', () => {
  const statusPath =
    '/ekoapi/v3/tools/kyc/digilocker/status?initiator_id=9962981729&reference_id=7483920';

  it('sends a signed GET with initiator_id and reference_id and reads consent', async () => {
    pool()
      .intercept({ path: statusPath, method: 'GET' })
      .reply(
        200,
        {
          status: 0,
          response_status_id: 0,
          response_type_id: 1389,
          data: {
            user_details: { name: 'Rahul Sharma', dob: '15-08-1990', gender: 'M' },
            document_consent: [{ document_type: 'AADHAAR', consent: 'Y' }],
          },
        },
        JSON_HEADERS,
      );
    const result = await client().getVerificationStatus({ referenceId: '7483920' });
    expect(result.status).toBe('consented');
    expect(calls()[0]?.headers?.['secret-key']).toBe(
      computeSecretKey(
        CREDENTIALS.accessKey,
        String(calls()[0]?.headers?.['secret-key-timestamp']),
      ),
    );
  });

  it("reads Eko's 'pending' business error as pending, not as a failure", async () => {
    pool().intercept({ path: statusPath, method: 'GET' }).reply(
      200,
      {
        status: 1,
        response_status_id: -1,
        message: 'Verification pending. User has not completed DigiLocker consent.',
      },
      JSON_HEADERS,
    );
    expect((await client().getVerificationStatus({ referenceId: '7483920' })).status).toBe(
      'pending',
    );
  });

  it('retries a 503 once and then succeeds (GET is safe to retry)', async () => {
    pool().intercept({ path: statusPath, method: 'GET' }).reply(503, 'busy');
    pool()
      .intercept({ path: statusPath, method: 'GET' })
      .reply(200, { status: 0, data: { status: 'EXPIRED' } }, JSON_HEADERS);
    expect((await client().getVerificationStatus({ referenceId: '7483920' })).status).toBe(
      'expired',
    );
    expect(calls()).toHaveLength(2);
  });

  it('gives up after the bounded number of attempts', async () => {
    pool().intercept({ path: statusPath, method: 'GET' }).reply(502, 'bad gateway').times(3);
    expect((await rejection(client().getVerificationStatus({ referenceId: '7483920' }))).code).toBe(
      'upstream_error',
    );
    expect(calls()).toHaveLength(3);
  });

  it('never retries a 403', async () => {
    pool().intercept({ path: statusPath, method: 'GET' }).reply(403, '');
    expect((await rejection(client().getVerificationStatus({ referenceId: '7483920' }))).code).toBe(
      'upstream_auth_failed',
    );
    expect(calls()).toHaveLength(1);
  });

  it("measures clock skew from Eko's Date header", async () => {
    const skews: number[] = [];
    pool()
      .intercept({ path: statusPath, method: 'GET' })
      .reply(
        200,
        { status: 0, data: {} },
        {
          headers: {
            'content-type': 'application/json',
            date: new Date(NOW + 300_000).toUTCString(),
          },
        },
      )
      .times(3);
    const c = client({ onClockSkew: (skew) => skews.push(skew) });
    await c.getVerificationStatus({ referenceId: '7483920' });
    expect(skews).toHaveLength(1);
    expect(skews[0]).toBeGreaterThan(299_000);
    expect(skews[0]).toBeLessThan(301_000);
    // One reply is not enough to judge the clock by; three are.
    expect(c.clockSkewMs).toBeUndefined();
    await c.getVerificationStatus({ referenceId: '7483920' });
    await c.getVerificationStatus({ referenceId: '7483920' });
    expect(c.clockSkewMs).toBe(skews[1]);
  });

  it('refuses a malformed reference id before calling Eko', async () => {
    expect((await rejection(client().getVerificationStatus({ referenceId: '1&x=2' }))).code).toBe(
      'invalid_request',
    );
  });
});

describe('getDocument', () => {
  const DOCUMENT_OK = {
    status: 0,
    response_type_id: 1388,
    data: {
      verification_status: 'SUCCESS',
      documents: [
        {
          document_type: 'AADHAAR',
          name: 'Vikram Singh',
          dob: '12-11-1987',
          gender: 'M',
          masked_aadhaar: 'XXXX-XXXX-2345',
        },
      ],
    },
  };

  it('POSTs the current-docs body and normalises the document', async () => {
    pool()
      .intercept({ path: '/ekoapi/v3/tools/kyc/digilocker/document', method: 'POST' })
      .reply(200, DOCUMENT_OK, JSON_HEADERS);
    const result = await client().getDocument({ referenceId: '7483920', verificationId: 'vrf_1' });
    expect(result.documents[0]).toMatchObject({
      name: 'Vikram Singh',
      dob: '1987-11-12',
      gender: 'M',
    });
    const body = JSON.parse(String(calls()[0]?.body));
    expect(body).toMatchObject({
      initiator_id: '9962981729',
      user_code: '20810200',
      document_type: ['AADHAAR'],
      verification_id: 'vrf_1',
      reference_id: '7483920',
    });
    expect(body.client_ref_id).toMatch(/^[A-Za-z0-9-]{1,20}$/);
  });

  it('uses the older GET form when configured, with the flat reply', async () => {
    pool()
      .intercept({
        path: (path) => path.startsWith('/ekoapi/v3/tools/kyc/digilocker/document/AADHAAR?'),
        method: 'GET',
      })
      .reply(
        200,
        { status: 0, data: { name: 'John Doe', uid: '123456789012', dob: '1990-05-15' } },
        JSON_HEADERS,
      );
    const result = await client({ documentCall: 'get' }).getDocument({ referenceId: '123456' });
    expect(result.documents[0]?.masked_aadhaar).toBe('XXXX-XXXX-9012');
    expect(calls()[0]?.path).toBe('/ekoapi/v3/tools/kyc/digilocker/document/AADHAAR');
    expect(calls()[0]?.searchParams).toMatchObject({
      initiator_id: '9962981729',
      reference_id: '123456',
    });
  });

  it('maps pending consent (327) to consent_pending', async () => {
    pool()
      .intercept({ path: '/ekoapi/v3/tools/kyc/digilocker/document', method: 'POST' })
      .reply(
        200,
        { status: 1, response_status_id: 327, message: 'Verification pending.' },
        JSON_HEADERS,
      );
    const failure = await rejection(
      client().getDocument({ referenceId: '1', verificationId: 'v' }),
    );
    expect(failure.code).toBe('consent_pending');
  });

  it('reads an invalid or expired reference (463) as the status call does: session_expired', async () => {
    pool()
      .intercept({ path: '/ekoapi/v3/tools/kyc/digilocker/document', method: 'POST' })
      .reply(
        200,
        { status: 1, response_status_id: 463, message: 'Invalid reference ID.' },
        JSON_HEADERS,
      );
    expect(
      (await rejection(client().getDocument({ referenceId: '1', verificationId: 'v' }))).code,
    ).toBe('session_expired');
  });

  it.each([
    [
      'pending',
      { status: 1, response_status_id: -1, message: 'Verification pending.' },
      'consent_pending',
    ],
    ['expired', { status: 0, data: { status: 'EXPIRED' } }, 'session_expired'],
    ['denied', { status: 0, data: { status: 'CONSENT_DENIED' } }, 'upstream_rejected'],
  ])('without a verification_id, a %s attempt is reported as %s', async (_name, reply, code) => {
    pool()
      .intercept({ path: (p) => p.includes('/status?'), method: 'GET' })
      .reply(200, reply, JSON_HEADERS);
    expect((await rejection(client().getDocument({ referenceId: '7483920' }))).code).toBe(code);
  });

  it('looks up the verification_id from the status call when none is given', async () => {
    pool()
      .intercept({ path: (p) => p.includes('/status?'), method: 'GET' })
      .reply(
        200,
        { status: 0, data: { status: 'AUTHENTICATED', verification_id: 'vrf_9' } },
        JSON_HEADERS,
      );
    pool()
      .intercept({ path: '/ekoapi/v3/tools/kyc/digilocker/document', method: 'POST' })
      .reply(200, DOCUMENT_OK, JSON_HEADERS);
    await client().getDocument({ referenceId: '7483920' });
    expect(JSON.parse(String(calls()[1]?.body)).verification_id).toBe('vrf_9');
  });
});

describe('createEkoClient options', () => {
  it.each([
    ['a relative base URL', { baseUrl: '/ekoapi/v3' }, /absolute http\(s\) URL/],
    ['an ftp base URL', { baseUrl: 'ftp://eko.in/v3' }, /https:/],
    ['an empty access key', { accessKey: '' }, /"accessKey"/],
  ])('refuses %s with a message naming the option', (_name, override, message) => {
    expect(() => createEkoClient({ baseUrl: BASE, ...CREDENTIALS, ...override })).toThrow(message);
  });
});
