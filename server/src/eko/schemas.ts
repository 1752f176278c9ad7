// Schemas for Eko's DigiLocker replies, tolerant of the documented variants (two doc generations).
import * as z from 'zod/mini';

/** Eko ids arrive as numbers in one doc generation and strings in the other; ours are strings. */
const ekoId = z.pipe(
  z.union([z.string().check(z.minLength(1), z.maxLength(64)), z.int().check(z.nonnegative())]),
  z.transform((value) => String(value)),
);

const looseString = z.optional(z.nullable(z.union([z.string(), z.number()])));

/**
 * The envelope around every Eko reply. `status` 0 is success; anything else is a business error,
 * even with HTTP 200. `response_status_id` is a finer code (-1 also means success for GETs in the
 * old docs, so success is decided by `status` alone).
 */
export const ekoEnvelopeSchema = z.looseObject({
  status: z.pipe(
    z.union([z.int(), z.string().check(z.regex(/^-?\d+$/))]),
    z.transform((value) => Number(value)),
  ),
  message: z.optional(z.nullable(z.string())),
  response_status_id: z.optional(z.nullable(z.union([z.int(), z.string()]))),
  response_type_id: z.optional(z.nullable(z.union([z.int(), z.string()]))),
  data: z.optional(z.unknown()),
});
export type EkoEnvelope = z.output<typeof ekoEnvelopeSchema>;

/** `data` of Create DigiLocker URL. `verification_id` appears only in Cashfree-style replies. */
export const ekoCreateUrlDataSchema = z.looseObject({
  reference_id: ekoId,
  url: z.string().check(z.minLength(1), z.maxLength(4096)),
  document_requested: z.optional(z.array(z.string())),
  redirect_url: z.optional(z.string()),
  verification_id: z.optional(ekoId),
});

/** One consent entry: a bare "Y"/"N" (old docs) or `{ document_type, consent }` (new docs). */
const consentEntry = z.union([
  z.string(),
  z.looseObject({ document_type: z.optional(z.string()), consent: z.optional(z.string()) }),
]);

/** `data` of DigiLocker Verification Status. Every field is optional: a pending attempt has few. */
export const ekoStatusDataSchema = z.looseObject({
  status: z.optional(z.nullable(z.string())),
  reference_id: z.optional(z.nullable(ekoId)),
  verification_id: z.optional(z.nullable(ekoId)),
  user_details: z.optional(
    z.nullable(
      z.looseObject({
        name: looseString,
        dob: looseString,
        gender: looseString,
        eaadhaar: looseString,
        mobile: looseString,
      }),
    ),
  ),
  document_requested: z.optional(z.nullable(z.array(z.string()))),
  document_consent: z.optional(z.nullable(z.array(consentEntry))),
});
export type EkoStatusData = z.output<typeof ekoStatusDataSchema>;

const addressFields = {
  house: looseString,
  street: looseString,
  landmark: looseString,
  village_or_city: looseString,
  vtc: looseString,
  po: looseString,
  subdist: looseString,
  district: looseString,
  dist: looseString,
  state: looseString,
  pincode: looseString,
  country: looseString,
};

/** Get Document, new docs (POST): `{ verification_status, documents: [...] }`. */
const ekoDocumentListDataSchema = z.looseObject({
  verification_status: z.optional(z.nullable(z.string())),
  documents: z.array(
    z.looseObject({
      document_type: z.optional(z.string()),
      name: looseString,
      dob: looseString,
      gender: looseString,
      masked_aadhaar: looseString,
      photo: looseString,
      issue_date: looseString,
      address: z.optional(z.nullable(z.looseObject(addressFields))),
    }),
  ),
});

/** Get Document, old docs (GET) and Cashfree: one flat Aadhaar record. */
const ekoFlatAadhaarDataSchema = z.looseObject({
  name: looseString,
  dob: looseString,
  gender: looseString,
  care_of: looseString,
  uid: looseString,
  photo_link: looseString,
  split_address: z.optional(z.nullable(z.looseObject(addressFields))),
  reference_id: z.optional(z.nullable(ekoId)),
  status: z.optional(z.nullable(z.string())),
});

export const ekoDocumentDataSchema = z.union([ekoDocumentListDataSchema, ekoFlatAadhaarDataSchema]);
export type EkoDocumentData = z.output<typeof ekoDocumentDataSchema>;
