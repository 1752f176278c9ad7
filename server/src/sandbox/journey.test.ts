// The three Eko calls end to end over loopback HTTP, through approve, deny, expiry and replay.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  AGENT,
  call,
  createAttempt,
  getPage,
  type Harness,
  startSandbox,
  submitConsent,
} from '../../test/sandbox-support.js';
import { PLACEHOLDER_PHOTO_JPEG_BASE64 } from './personas.js';

let h: Harness;
beforeEach(async () => {
  h = await startSandbox({ linkLifetimeMs: 60_000 });
});
afterEach(() => h.close());

const status = (referenceId: number | string) =>
  call(h, '/tools/kyc/digilocker/status', {
    query: { initiator_id: AGENT.initiator_id, reference_id: String(referenceId) },
  });
const documentPost = (body: Record<string, unknown>) =>
  call(h, '/tools/kyc/digilocker/document', {
    body: { ...AGENT, document_type: ['AADHAAR'], client_ref_id: 'doc-1', ...body },
  });
const documentGet = (referenceId: number | string, type = 'AADHAAR') =>
  call(h, `/tools/kyc/digilocker/document/${type}`, {
    query: {
      initiator_id: AGENT.initiator_id,
      reference_id: String(referenceId),
      client_ref_id: 'doc-2',
    },
  });

describe('the whole journey, over loopback HTTP', () => {
  it('create → consent page → approve → 303 with verification_id → status → both document forms', async () => {
    const created = await createAttempt(h, {
      redirect_url: 'https://shop.example/return?a=1&state=x%2By#/kyc',
    });
    expect(Number.isInteger(created.reference_id)).toBe(true);
    expect(created.document_requested).toEqual(['AADHAAR']);
    expect(created.redirect_url).toBe('https://shop.example/return?a=1&state=x%2By#/kyc');
    const consentUrl = new URL(created.url);
    expect(consentUrl.origin).toBe(h.running.origin);
    expect(consentUrl.pathname).toBe('/digilocker/consent');
    expect(consentUrl.searchParams.get('session')).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const pending = await status(created.reference_id);
    expect(pending.json).toMatchObject({
      status: 1,
      response_status_id: -1,
      message: 'Verification pending. User has not completed DigiLocker consent.',
    });
    const early = await documentPost({ reference_id: String(created.reference_id) });
    expect(early.json).toMatchObject({ status: 1, response_status_id: 327 });

    const page = await getPage(created.url);
    expect(page.status).toBe(200);

    const decided = await submitConsent(created.url, { persona: 'adult', decision: 'approve' });
    expect(decided.status).toBe(303);
    const location = new URL(String(decided.headers.location));
    expect(location.origin + location.pathname).toBe('https://shop.example/return');
    expect(location.search).toMatch(/^\?a=1&state=x%2By&verification_id=vrf_sbx_[0-9a-f]{16}$/);
    expect(location.hash).toBe('#/kyc');
    const verificationId = location.searchParams.get('verification_id');

    const done = await status(created.reference_id);
    expect(done.status).toBe(200);
    expect(done.json).toMatchObject({ status: 0, response_status_id: 0, response_type_id: 1389 });
    expect(done.json.data).toEqual({
      status: 'AUTHENTICATED',
      reference_id: created.reference_id,
      verification_id: verificationId,
      user_details: {
        name: 'Asha Verma',
        dob: '15-08-1990',
        gender: 'F',
        eaadhaar: 'Y',
        mobile: '98XXXXXXXX',
      },
      document_requested: ['AADHAAR'],
      document_consent: [{ document_type: 'AADHAAR', consent: 'Y' }],
    });

    const list = await documentPost({
      reference_id: String(created.reference_id),
      verification_id: verificationId,
    });
    expect(list.json).toMatchObject({ status: 0, response_type_id: 1388 });
    expect(list.json.data.verification_status).toBe('SUCCESS');
    expect(list.json.data.documents).toEqual([
      {
        document_type: 'AADHAAR',
        name: 'Asha Verma',
        dob: '15-08-1990',
        gender: 'F',
        masked_aadhaar: 'XXXX-XXXX-1234',
        photo: PLACEHOLDER_PHOTO_JPEG_BASE64,
        issue_date: '01-01-2020',
        address: {
          house: '15B',
          street: 'Nehru Street',
          village_or_city: 'Chennai',
          district: 'Chennai',
          state: 'Tamil Nadu',
          pincode: '600001',
        },
      },
    ]);
    expect(Buffer.from(list.json.data.documents[0].photo, 'base64').subarray(0, 3)).toEqual(
      Buffer.from([0xff, 0xd8, 0xff]),
    );

    const flat = await documentGet(created.reference_id);
    expect(flat.json).toMatchObject({ status: 0, response_type_id: 1630 });
    expect(flat.json.data).toMatchObject({
      name: 'Asha Verma',
      dob: '1990-08-15',
      gender: 'Female',
      care_of: 'D/O Ramesh Verma',
      uid: 'xxxxxxxx1234',
      reference_id: created.reference_id,
      split_address: { pincode: '600001', state: 'Tamil Nadu', vtc: 'Chennai' },
    });
    // No twelve-digit number anywhere: a full Aadhaar number never exists in the sandbox.
    expect(`${list.text}${flat.text}${done.text}`).not.toMatch(/\d{12}/);
  });

  it('deny → redirected with verification_id, status CONSENT_DENIED, documents refused', async () => {
    const created = await createAttempt(h, { redirect_url: 'https://shop.example/back' });
    const decided = await submitConsent(created.url, { persona: 'adult', decision: 'deny' });
    expect(decided.status).toBe(303);
    const location = new URL(String(decided.headers.location));
    expect(location.searchParams.get('verification_id')).toMatch(/^vrf_sbx_/);
    const reply = await status(created.reference_id);
    expect(reply.json.status).toBe(0);
    expect(reply.json.data).toMatchObject({
      status: 'CONSENT_DENIED',
      user_details: {},
      document_consent: [{ document_type: 'AADHAAR', consent: 'N' }],
    });
    const doc = await documentPost({ reference_id: created.reference_id });
    expect(doc.json).toMatchObject({ status: 1, message: expect.stringMatching(/denied consent/) });
    expect(doc.text).not.toContain('Asha');
  });

  it('the "denies" persona denies even when Approve is pressed', async () => {
    const created = await createAttempt(h);
    const decided = await submitConsent(created.url, { persona: 'denies', decision: 'approve' });
    expect(decided.status).toBe(303);
    expect((await status(created.reference_id)).json.data.status).toBe('CONSENT_DENIED');
  });

  it('the "Aadhaar not linked" persona consents, but the document call is a business error', async () => {
    const created = await createAttempt(h);
    await submitConsent(created.url, { persona: 'aadhaar-not-linked', decision: 'approve' });
    const reply = await status(created.reference_id);
    expect(reply.json.data).toMatchObject({
      status: 'AUTHENTICATED',
      user_details: { eaadhaar: 'N' },
    });
    for (const doc of [
      await documentPost({ reference_id: created.reference_id }),
      await documentGet(created.reference_id),
    ]) {
      expect(doc.status).toBe(200);
      expect(doc.json.status).toBe(1);
      expect(doc.json.message).toMatch(/Aadhaar is not linked/);
      expect(doc.text).not.toContain('Rohan');
    }
  });

  it('expiry via the injected clock: status EXPIRED, link 410, document refused', async () => {
    const created = await createAttempt(h);
    h.clock.now += 59_999;
    expect((await status(created.reference_id)).json.status).toBe(1);
    h.clock.now += 1;
    const reply = await status(created.reference_id);
    expect(reply.json.status).toBe(0);
    expect(reply.json.data).toMatchObject({
      status: 'EXPIRED',
      user_details: {},
      document_consent: [],
    });
    const page = await getPage(created.url);
    expect(page.status).toBe(410);
    expect(page.text).toContain('This link has expired');
    const late = await submitConsent(created.url, { decision: 'approve' });
    expect(late.status).toBe(410);
    expect(late.headers.location).toBeUndefined();
    const doc = await documentPost({ reference_id: created.reference_id });
    expect(doc.json).toMatchObject({ status: 1, message: expect.stringMatching(/expired/) });
  });

  it('a used link cannot be replayed, and the first decision stands', async () => {
    const created = await createAttempt(h);
    expect((await submitConsent(created.url, { decision: 'approve' })).status).toBe(303);
    const replay = await submitConsent(created.url, { decision: 'deny' });
    expect(replay.status).toBe(410);
    expect(replay.text).toContain('This link was already used');
    expect((await getPage(created.url)).status).toBe(410);
    expect((await status(created.reference_id)).json.data.status).toBe('AUTHENTICATED');
  });

  it('answers the documented invalid-reference errors', async () => {
    expect((await status(424242)).json).toMatchObject({
      status: 1,
      response_status_id: -1,
      message: 'Invalid reference_id',
    });
    expect((await status('abc')).json).toMatchObject({
      status: 1,
      response_status_id: -1,
      message: 'Invalid reference_id',
    });
    expect((await documentPost({ reference_id: '424242' })).json).toMatchObject({
      status: 1,
      response_status_id: 463,
    });
    expect((await documentGet(424242)).json).toMatchObject({ status: 1, response_status_id: 463 });
  });

  it('checks verification_id on the document call when it is sent', async () => {
    const created = await createAttempt(h);
    await submitConsent(created.url, { decision: 'approve' });
    const wrong = await documentPost({
      reference_id: created.reference_id,
      verification_id: 'vrf_other',
    });
    expect(wrong.json).toMatchObject({
      status: 1,
      response_status_id: 463,
      message: expect.stringMatching(/verification ID/),
    });
    expect(wrong.text).not.toContain('Asha');
  });

  it('returns only documents the customer consented to', async () => {
    const created = await createAttempt(h, { document_requested: ['AADHAAR', 'PAN'] });
    await submitConsent(created.url, { decision: 'approve' });
    const both = await documentPost({
      reference_id: created.reference_id,
      document_type: ['AADHAAR', 'PAN'],
    });
    expect(both.json.data.documents.map((d: { document_type: string }) => d.document_type)).toEqual(
      ['AADHAAR', 'PAN'],
    );
    const other = await documentPost({
      reference_id: created.reference_id,
      document_type: ['DRIVING_LICENSE'],
    });
    expect(other.json).toMatchObject({
      status: 1,
      message: expect.stringMatching(/not requested/),
    });
    expect((await documentGet(created.reference_id, 'PAN')).json).toMatchObject({
      status: 1,
      message: expect.stringMatching(/AADHAAR/),
    });
  });
});
