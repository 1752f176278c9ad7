import { describe, expect, it } from 'vitest';
import {
  ekoCreateUrlDataSchema,
  ekoDocumentDataSchema,
  ekoEnvelopeSchema,
  ekoStatusDataSchema,
} from './schemas.js';

describe('ekoEnvelopeSchema', () => {
  it('reads status as a number whether Eko sends a number or a numeric string', () => {
    expect(ekoEnvelopeSchema.parse({ status: 0, data: {} }).status).toBe(0);
    expect(ekoEnvelopeSchema.parse({ status: '1', message: 'x' }).status).toBe(1);
  });

  it('refuses a body without a status', () => {
    expect(ekoEnvelopeSchema.safeParse({ message: 'ok', data: {} }).success).toBe(false);
    expect(ekoEnvelopeSchema.safeParse({ status: 'OK' }).success).toBe(false);
  });
});

describe('ekoCreateUrlDataSchema', () => {
  it.each([
    [
      'old docs, numeric id',
      { reference_id: 123456, url: 'https://digilocker.gov.in/x' },
      '123456',
    ],
    ['string id', { reference_id: '7483920', url: 'https://digilocker.gov.in/x' }, '7483920'],
  ])('accepts %s and gives a string reference_id', (_name, data, expected) => {
    expect(ekoCreateUrlDataSchema.parse(data).reference_id).toBe(expected);
  });

  it('keeps a Cashfree-style verification_id when present', () => {
    const parsed = ekoCreateUrlDataSchema.parse({
      reference_id: 1,
      url: 'https://digilocker.gov.in/x',
      verification_id: 99,
    });
    expect(parsed.verification_id).toBe('99');
  });

  it.each([
    ['no url', { reference_id: 1 }],
    ['empty url', { reference_id: 1, url: '' }],
    ['no reference_id', { url: 'https://x' }],
    ['negative reference_id', { reference_id: -4, url: 'https://x' }],
    ['fractional reference_id', { reference_id: 1.5, url: 'https://x' }],
  ])('refuses %s', (_name, data) => {
    expect(ekoCreateUrlDataSchema.safeParse(data).success).toBe(false);
  });
});

describe('ekoStatusDataSchema', () => {
  it('accepts the old sample (bare Y consent, long gender)', () => {
    const data = ekoStatusDataSchema.parse({
      user_details: { name: 'John Doe', dob: '1990-05-15', gender: 'Male', eaadhaar: 'Available' },
      document_requested: ['AADHAAR'],
      document_consent: ['Y'],
    });
    expect(data.document_consent).toEqual(['Y']);
  });

  it('accepts the new sample (consent objects)', () => {
    const data = ekoStatusDataSchema.parse({
      user_details: { name: 'Rahul Sharma', dob: '15-08-1990', gender: 'M', eaadhaar: 'Y' },
      document_consent: [{ document_type: 'AADHAAR', consent: 'Y' }],
    });
    expect(data.document_consent).toEqual([{ document_type: 'AADHAAR', consent: 'Y' }]);
  });

  it('accepts the Cashfree pending shape with empty details', () => {
    expect(
      ekoStatusDataSchema.parse({ status: 'PENDING', user_details: {}, document_consent: [] })
        .status,
    ).toBe('PENDING');
  });
});

describe('ekoDocumentDataSchema', () => {
  it('accepts both the document-list and the flat Aadhaar shapes', () => {
    expect(
      ekoDocumentDataSchema.safeParse({
        verification_status: 'SUCCESS',
        documents: [{ name: 'A' }],
      }).success,
    ).toBe(true);
    expect(ekoDocumentDataSchema.safeParse({ name: 'A', uid: '123456789012' }).success).toBe(true);
  });
});
