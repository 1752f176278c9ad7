import { describe, expect, it } from 'vitest';
import { ekoStatusDataSchema } from './schemas.js';
import { readBusinessError, readStatusData } from './verification-status.js';

describe('readStatusData (each branch of the written rule)', () => {
  it.each([
    ['Cashfree AUTHENTICATED', { status: 'AUTHENTICATED' }, 'consented'],
    [
      'Cashfree PENDING despite a name',
      { status: 'PENDING', user_details: { name: 'X' } },
      'pending',
    ],
    ['Cashfree EXPIRED', { status: 'EXPIRED' }, 'expired'],
    ['Cashfree CONSENT_DENIED', { status: 'consent_denied' }, 'denied'],
    [
      'old sample, bare Y',
      { document_consent: ['Y'], user_details: { name: 'John' } },
      'consented',
    ],
    [
      'new sample, consent object',
      { document_consent: [{ document_type: 'AADHAAR', consent: 'Y' }] },
      'consented',
    ],
    ['all N', { document_consent: ['N'] }, 'denied'],
    ['name only', { user_details: { name: 'Rahul Sharma' } }, 'consented'],
    [
      'empty details (Cashfree pending shape)',
      { user_details: {}, document_consent: [] },
      'pending',
    ],
    ['blank name', { user_details: { name: '  ' } }, 'pending'],
    [
      'unknown status word falls through to consent',
      { status: 'WEIRD', document_consent: ['N'] },
      'denied',
    ],
  ])('%s → %s', (_name, data, expected) => {
    expect(readStatusData(ekoStatusDataSchema.parse(data))).toBe(expected);
  });
});

describe('readBusinessError', () => {
  const envelope = (response_status_id: number, message: string) => ({
    status: 1,
    response_status_id,
    message,
  });
  it.each([
    [
      'eps pending',
      envelope(-1, 'Verification pending. User has not completed DigiLocker consent.'),
      'pending',
    ],
    ['327', envelope(327, 'Enrollment done, verification pending'), 'pending'],
    ['invalid reference', envelope(-1, 'Invalid reference_id'), 'expired'],
    ['463', envelope(463, 'Invalid reference ID. Please check and retry.'), 'expired'],
    ['agent not allowed', envelope(1, 'Agent not allowed'), 'error'],
  ])('%s → %s', (_name, env, expected) => {
    expect(readBusinessError(env)).toBe(expected);
  });
});
