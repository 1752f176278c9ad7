import { describe, expect, it } from 'vitest';
import { maskAadhaar, normaliseDate, normaliseDocuments, normaliseGender } from './identity.js';
import { ekoDocumentDataSchema } from './schemas.js';

describe('normaliseDate', () => {
  it.each([
    ['1990-05-15', '1990-05-15'],
    ['15-08-1990', '1990-08-15'],
    ['15/08/1990', '1990-08-15'],
    ['31-02-1990', undefined],
    ['1990/05/15', undefined],
    ['', undefined],
    [19900515, undefined],
  ])('%s → %s', (input, expected) => {
    expect(normaliseDate(input)).toBe(expected);
  });
});

describe('normaliseGender', () => {
  it.each([
    ['M', 'M'],
    ['male', 'M'],
    ['Female', 'F'],
    ['T', 'T'],
    ['X', undefined],
    [undefined, undefined],
  ])('%s → %s', (input, expected) => {
    expect(normaliseGender(input)).toBe(expected);
  });
});

describe('maskAadhaar', () => {
  it('keeps only the last four digits of a full number', () => {
    expect(maskAadhaar('123456789012')).toBe('XXXX-XXXX-9012');
  });
  it('re-masks an already masked number', () => {
    expect(maskAadhaar('xxxxxxxx5647')).toBe('XXXX-XXXX-5647');
    expect(maskAadhaar('XXXX-XXXX-2345')).toBe('XXXX-XXXX-2345');
  });
  it('gives nothing for too few digits', () => {
    expect(maskAadhaar('12')).toBeUndefined();
  });
});

describe('normaliseDocuments', () => {
  it('reads the new document-list shape', () => {
    const data = ekoDocumentDataSchema.parse({
      verification_status: 'SUCCESS',
      documents: [
        {
          document_type: 'AADHAAR',
          name: 'Vikram Singh',
          dob: '12-11-1987',
          gender: 'M',
          masked_aadhaar: 'XXXX-XXXX-2345',
          photo: '/9j/4AAQ',
          address: {
            house: '15B',
            village_or_city: 'Chennai',
            district: 'Chennai',
            pincode: '600001',
          },
        },
      ],
    });
    expect(normaliseDocuments(data)).toEqual([
      {
        document_type: 'AADHAAR',
        name: 'Vikram Singh',
        dob: '1987-11-12',
        gender: 'M',
        masked_aadhaar: 'XXXX-XXXX-2345',
        photo: '/9j/4AAQ',
        address: { house: '15B', locality: 'Chennai', district: 'Chennai', pincode: '600001' },
      },
    ]);
  });

  it('reads the old flat shape and masks the full uid', () => {
    const data = ekoDocumentDataSchema.parse({
      care_of: "John Doe's Father",
      dob: '1990-05-15',
      gender: 'Male',
      name: 'John Doe',
      photo_link: 'https://link_to_photo.com',
      split_address: { dist: 'Delhi', vtc: 'Delhi', pincode: '110001', country: 'India' },
      uid: '123456789012',
      reference_id: 123456,
    });
    const [doc] = normaliseDocuments(data);
    expect(doc).toMatchObject({
      document_type: 'AADHAAR',
      name: 'John Doe',
      dob: '1990-05-15',
      gender: 'M',
      masked_aadhaar: 'XXXX-XXXX-9012',
      address: { district: 'Delhi', locality: 'Delhi', pincode: '110001', country: 'India' },
    });
    expect(JSON.stringify(doc)).not.toContain('123456789012');
  });
});
