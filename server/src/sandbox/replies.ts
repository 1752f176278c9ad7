// The `data` payloads of the status and document calls, built from an attempt and its persona.
import type { DocumentType } from '@digilocker-kyc/shared';
import type { AttemptStatus, SandboxAttempt } from './attempts.js';
import { type Persona, PLACEHOLDER_PHOTO_JPEG_BASE64 } from './personas.js';

/** Cashfree's status words, which Eko's wrapper passes through in `data.status`. */
const STATUS_WORDS = {
  pending: 'PENDING',
  consented: 'AUTHENTICATED',
  denied: 'CONSENT_DENIED',
  expired: 'EXPIRED',
} as const satisfies Record<AttemptStatus, string>;

/** `data` of a status call once the attempt is decided or expired (pending is a business error). */
export function statusData(
  attempt: SandboxAttempt,
  status: Exclude<AttemptStatus, 'pending'>,
  persona: Persona | undefined,
): Record<string, unknown> {
  const base = {
    status: STATUS_WORDS[status],
    reference_id: attempt.referenceId,
    verification_id: attempt.verificationId,
    document_requested: attempt.documents,
  };
  if (status === 'consented' && persona) {
    return {
      ...base,
      user_details: {
        name: persona.name,
        dob: persona.dob,
        gender: persona.gender,
        eaadhaar: persona.aadhaarLinked ? 'Y' : 'N',
        mobile: persona.mobile,
      },
      document_consent: attempt.documents.map((type) => ({ document_type: type, consent: 'Y' })),
    };
  }
  if (status === 'denied') {
    return {
      ...base,
      user_details: {},
      document_consent: attempt.documents.map((type) => ({ document_type: type, consent: 'N' })),
    };
  }
  return { ...base, user_details: {}, document_consent: [] };
}

/** One entry of the current (POST) form's `documents` list. */
export function documentEntry(type: DocumentType, persona: Persona): Record<string, unknown> {
  const common = {
    document_type: type,
    name: persona.name,
    dob: persona.dob,
    gender: persona.gender,
  };
  if (type === 'AADHAAR') {
    return {
      ...common,
      masked_aadhaar: `XXXX-XXXX-${persona.aadhaarLast4}`,
      photo: PLACEHOLDER_PHOTO_JPEG_BASE64,
      issue_date: persona.issueDate,
      address: { ...persona.address },
    };
  }
  // Eko documents no shape for PAN or driving licence; a masked number is the least one can expect.
  const masked =
    type === 'PAN' ? `XXXXXX${persona.aadhaarLast4}X` : `XXXXXXXXXXX${persona.aadhaarLast4}`;
  return { ...common, masked_number: masked, issue_date: persona.issueDate };
}

/**
 * The old (GET) form's flat Aadhaar record. It uses the old docs' formats (`YYYY-MM-DD`,
 * `Female`), so clients exercise both parsers, and masks `uid` the way Cashfree does: a full
 * Aadhaar number never leaves the sandbox because it never exists in it.
 */
export function flatAadhaar(attempt: SandboxAttempt, persona: Persona): Record<string, unknown> {
  const [day, month, year] = persona.dob.split('-');
  const a = persona.address;
  return {
    name: persona.name,
    dob: `${year}-${month}-${day}`,
    gender: { M: 'Male', F: 'Female', T: 'Transgender' }[persona.gender],
    care_of: persona.careOf,
    uid: `xxxxxxxx${persona.aadhaarLast4}`,
    photo_link: PLACEHOLDER_PHOTO_JPEG_BASE64,
    split_address: {
      country: 'India',
      dist: a.district,
      house: a.house,
      landmark: '',
      pincode: a.pincode,
      po: a.village_or_city,
      state: a.state,
      street: a.street,
      subdist: a.district,
      vtc: a.village_or_city,
    },
    reference_id: attempt.referenceId,
  };
}
