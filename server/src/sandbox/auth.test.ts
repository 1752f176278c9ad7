// Eko's signature check, pure and over loopback HTTP: every way a request can earn a 403.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AGENT,
  call,
  createBody,
  type Harness,
  signedHeaders,
  startSandbox,
} from '../../test/sandbox-support.js';
import { EKO_UAT_CREDENTIALS } from '../defaults.js';
import { computeSecretKey } from '../eko/signing.js';
import { SIGNATURE_TOLERANCE_MS, verifyEkoAuth } from './auth.js';

const { developerKey, accessKey } = EKO_UAT_CREDENTIALS;

describe('verifyEkoAuth', () => {
  const now = 1_700_000_000_000;
  const good = {
    developerKey,
    timestamp: String(now),
    secretKey: computeSecretKey(accessKey, now),
  };

  it('accepts the published UAT keys signed at the server time', () => {
    expect(verifyEkoAuth(good, { developerKey, accessKey }, now)).toEqual({ ok: true });
  });

  it.each([
    ['missing developer_key', { ...good, developerKey: undefined }, 'missing_headers'],
    ['missing secret-key', { ...good, secretKey: undefined }, 'missing_headers'],
    ['missing timestamp', { ...good, timestamp: undefined }, 'missing_headers'],
    [
      'wrong developer_key',
      { ...good, developerKey: `${developerKey.slice(0, -1)}0` },
      'developer_key',
    ],
    ['seconds-looking float', { ...good, timestamp: '1700000000.5' }, 'timestamp_format'],
    [
      'signed with the developer key',
      { ...good, secretKey: computeSecretKey(developerKey, now) },
      'signature',
    ],
    [
      'signature of another ms',
      { ...good, secretKey: computeSecretKey(accessKey, now + 1) },
      'signature',
    ],
    ['truncated signature', { ...good, secretKey: good.secretKey.slice(0, 20) }, 'signature'],
  ])('refuses %s', (_name, presented, reason) => {
    expect(verifyEkoAuth(presented, { developerKey, accessKey }, now)).toEqual({
      ok: false,
      reason,
    });
  });
});

describe('authentication over HTTP', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startSandbox();
  });
  afterAll(() => h.close());

  const create = (headers: Record<string, string>) =>
    call(h, '/tools/kyc/digilocker', {
      body: createBody(),
      headers: { ...headers, 'content-type': 'application/json' },
    });
  const status = (headers: Record<string, string>) =>
    call(h, '/tools/kyc/digilocker/status', {
      query: { ...AGENT, reference_id: '1' },
      headers,
    });

  it('answers with the Eko envelope when correctly signed', async () => {
    const reply = await create(signedHeaders(h.clock.now));
    expect(reply.status).toBe(200);
    expect(reply.json.status).toBe(0);
  });

  const cases: [string, () => Record<string, string>, RegExp][] = [
    [
      'a wrong developer_key',
      () => ({ ...signedHeaders(h.clock.now), developer_key: 'a'.repeat(32) }),
      /developer_key/,
    ],
    [
      'a signature made with a wrong access key',
      () => signedHeaders(h.clock.now, 'not-the-access-key'),
      /secret-key does not match/,
    ],
    [
      'a timestamp 1 ms too old',
      () => signedHeaders(h.clock.now - SIGNATURE_TOLERANCE_MS - 1),
      /too far from the server clock/,
    ],
    [
      'a timestamp 1 ms too far in the future',
      () => signedHeaders(h.clock.now + SIGNATURE_TOLERANCE_MS + 1),
      /too far from the server clock/,
    ],
    [
      'a timestamp in seconds',
      () => signedHeaders(Math.floor(h.clock.now / 1000)),
      /too far from the server clock/,
    ],
    [
      'no headers at all',
      () => ({}),
      /expected the developer_key, secret-key and secret-key-timestamp/,
    ],
    [
      'no secret-key',
      () => {
        const { 'secret-key': _, ...rest } = signedHeaders(h.clock.now);
        return rest;
      },
      /expected the developer_key/,
    ],
    [
      'no secret-key-timestamp',
      () => {
        const { 'secret-key-timestamp': _, ...rest } = signedHeaders(h.clock.now);
        return rest;
      },
      /expected the developer_key/,
    ],
    [
      'no developer_key',
      () => {
        const { developer_key: _, ...rest } = signedHeaders(h.clock.now);
        return rest;
      },
      /expected the developer_key/,
    ],
    [
      'a non-digit timestamp',
      () => ({ ...signedHeaders(h.clock.now), 'secret-key-timestamp': `${h.clock.now}Z` }),
      /milliseconds \(digits only\)/,
    ],
    [
      'a signature for another timestamp',
      () => ({ ...signedHeaders(h.clock.now), 'secret-key-timestamp': String(h.clock.now + 1) }),
      /secret-key does not match/,
    ],
  ];

  it.each(cases)('answers 403 to %s, on POST and GET alike', async (_name, headers, message) => {
    for (const reply of [await create(headers()), await status(headers())]) {
      expect(reply.status).toBe(403);
      expect(reply.json.status).toBe(1);
      expect(reply.json.message).toMatch(message);
    }
  });

  it('accepts timestamps exactly at the edge of the window in both directions', async () => {
    for (const skew of [-SIGNATURE_TOLERANCE_MS, SIGNATURE_TOLERANCE_MS]) {
      const reply = await create(signedHeaders(h.clock.now + skew));
      expect(reply.status).toBe(200);
      expect(reply.json.status).toBe(0);
    }
  });

  it('sends a Date header from its own clock, so clients can measure their skew', async () => {
    const reply = await create(signedHeaders(h.clock.now));
    expect(Date.parse(String(reply.headers.date))).toBe(Math.floor(h.clock.now / 1000) * 1000);
  });

  it('never echoes the presented signature or keys', async () => {
    const headers = signedHeaders(h.clock.now, 'wrong-access-key');
    const reply = await create(headers);
    expect(reply.status).toBe(403);
    expect(reply.text).not.toContain(headers['secret-key']);
    expect(reply.text).not.toContain(accessKey);
    expect(reply.text).not.toContain(developerKey);
  });

  it('refuses before creating anything', async () => {
    const before = h.sandbox.store.counts().created;
    await create(signedHeaders(h.clock.now, 'wrong'));
    expect(h.sandbox.store.counts().created).toBe(before);
  });

  it('uses the configured keys, not the defaults, when given', async () => {
    const custom = await startSandbox({ developerKey: 'dev-key-2', accessKey: 'access-key-2' });
    try {
      const defaults = await call(custom, '/tools/kyc/digilocker', { body: createBody() });
      expect(defaults.status).toBe(403);
      const headers = {
        ...signedHeaders(custom.clock.now, 'access-key-2'),
        developer_key: 'dev-key-2',
        'content-type': 'application/json',
      };
      const ok = await call(custom, '/tools/kyc/digilocker', { body: createBody(), headers });
      expect(ok.json.status).toBe(0);
    } finally {
      await custom.close();
    }
  });
});
