// Field-by-field validation of the three calls and the business errors Eko answers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AGENT, call, createBody, type Harness, startSandbox } from '../../test/sandbox-support.js';

let h: Harness;
beforeAll(async () => {
  h = await startSandbox();
});
afterAll(() => h.close());

const create = (overrides: Record<string, unknown>, remove: string[] = []) => {
  const body = createBody(overrides);
  for (const key of remove) delete body[key];
  return call(h, '/tools/kyc/digilocker', { body });
};

describe('Create DigiLocker URL: each field', () => {
  it.each([
    ['initiator_id', { initiator_id: '9999999999' }],
    ['user_code', { user_code: '11111111' }],
  ])('a foreign %s → "Agent not allowed" (HTTP 200, status 1)', async (_field, overrides) => {
    const reply = await create(overrides);
    expect(reply.status).toBe(200);
    expect(reply.json).toMatchObject({
      status: 1,
      message: 'Agent not allowed',
      response_type_id: 1388,
    });
  });

  it('accepts initiator_id sent as a number, as some clients do', async () => {
    const reply = await create({ initiator_id: Number(AGENT.initiator_id) });
    expect(reply.json.status).toBe(0);
  });

  it.each([
    ['initiator_id', 'Required'],
    ['user_code', 'Required'],
    ['document_requested', 'Required'],
  ])('a missing %s → invalid parameter naming it', async (field, detail) => {
    const reply = await create({}, [field]);
    expect(reply.status).toBe(200);
    expect(reply.json).toMatchObject({ status: 1, response_status_id: 1 });
    expect(reply.json.message).toBe(`Invalid parameter: ${field}: ${detail}`);
  });

  it.each([[[]], [['PASSPORT']], [['AADHAAR', 'AADHAAR']], ['AADHAAR'], [[1]]])(
    'document_requested %j → invalid parameter',
    async (value) => {
      const reply = await create({ document_requested: value });
      expect(reply.json.status).toBe(1);
      expect(reply.json.message).toMatch(/^Invalid parameter: document_requested: /);
    },
  );

  it('accepts every known document type', async () => {
    const reply = await create({ document_requested: ['AADHAAR', 'PAN', 'DRIVING_LICENSE'] });
    expect(reply.json.status).toBe(0);
    expect(reply.json.data.document_requested).toEqual(['AADHAAR', 'PAN', 'DRIVING_LICENSE']);
  });

  it.each([
    ['relative', '/kyc/return'],
    ['javascript:', 'javascript:alert(1)'],
    ['ftp:', 'ftp://shop.example/r'],
    ['data:', 'data:text/html,hi'],
    ['empty', ''],
    ['not a string', 42],
    ['missing', undefined],
    ['too long', `https://shop.example/${'a'.repeat(2100)}`],
  ])('redirect_url %s → the documented 301 business error', async (_name, value) => {
    const reply = await create({ redirect_url: value });
    expect(reply.status).toBe(200);
    expect(reply.json).toEqual({
      status: 1,
      response_status_id: 301,
      message: 'Invalid redirect URL provided.',
      response_type_id: 1388,
      data: {},
    });
  });

  it('accepts http redirect URLs (a laptop merchant) as well as https', async () => {
    expect((await create({ redirect_url: 'http://127.0.0.1:8080/kyc/return' })).json.status).toBe(
      0,
    );
  });

  it.each([
    ['21 characters', 'a'.repeat(21)],
    ['empty', ''],
    ['a number', 12],
  ])('client_ref_id %s → invalid parameter', async (_name, value) => {
    const reply = await create({ client_ref_id: value });
    expect(reply.json.status).toBe(1);
    expect(reply.json.message).toMatch(/^Invalid parameter: client_ref_id: /);
  });

  it('client_ref_id is optional and may be 20 characters', async () => {
    expect((await create({}, ['client_ref_id'])).json.status).toBe(0);
    expect((await create({ client_ref_id: 'b'.repeat(20) })).json.status).toBe(0);
  });

  it('makes no attempt for an invalid request', async () => {
    const before = h.sandbox.store.counts().created;
    await create({ redirect_url: 'nope' });
    await create({ user_code: 'x' });
    expect(h.sandbox.store.counts().created).toBe(before);
  });
});

describe('status and document calls: fields', () => {
  it('status: foreign initiator → Agent not allowed; missing reference → Invalid reference_id', async () => {
    const foreign = await call(h, '/tools/kyc/digilocker/status', {
      query: { initiator_id: '1', reference_id: '1' },
    });
    expect(foreign.json).toMatchObject({
      status: 1,
      message: 'Agent not allowed',
      response_type_id: 1389,
    });
    const missing = await call(h, '/tools/kyc/digilocker/status', {
      query: { initiator_id: AGENT.initiator_id },
    });
    expect(missing.json).toMatchObject({
      status: 1,
      response_status_id: -1,
      message: 'Invalid reference_id',
    });
  });

  it('document POST: document_type must be a non-empty array of known types', async () => {
    for (const value of [undefined, [], ['X'], 'AADHAAR']) {
      const reply = await call(h, '/tools/kyc/digilocker/document', {
        body: { ...AGENT, reference_id: '1', document_type: value },
      });
      expect(reply.json.status).toBe(1);
      expect(reply.json.message).toMatch(/^Invalid parameter: document_type: /);
    }
  });

  it('document POST: a foreign user_code is refused even though user_code is optional there', async () => {
    const reply = await call(h, '/tools/kyc/digilocker/document', {
      body: { ...AGENT, user_code: '999', reference_id: '1', document_type: ['AADHAAR'] },
    });
    expect(reply.json).toMatchObject({ status: 1, message: 'Agent not allowed' });
  });

  it('document GET: only AADHAAR exists in the old form', async () => {
    const reply = await call(h, '/tools/kyc/digilocker/document/PASSPORT', {
      query: { initiator_id: AGENT.initiator_id, reference_id: '1' },
    });
    expect(reply.json).toMatchObject({ status: 1, response_type_id: 1630 });
    expect(reply.json.message).toMatch(/document_type: Expected AADHAAR/);
  });
});
