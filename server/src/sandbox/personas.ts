// The test customers a tester can be on the simulated consent page. All data is invented.

/**
 * A 1×1 grey baseline JPEG (159 bytes), base64: the shape of Eko's `photo` field without
 * anybody's face in it.
 */
export const PLACEHOLDER_PHOTO_JPEG_BASE64 =
  '/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQH/wAALCAABAAEBAREA/8QAFAABAAAAAAAAAAAAAAAAAAAAAP/EABQQAQAAAAAAAAAAAAAAAAAAAAD/2gAIAQEAAD8AP//Z';

interface PersonaAddress {
  house: string;
  street: string;
  village_or_city: string;
  district: string;
  state: string;
  pincode: string;
}

export interface Persona {
  id: string;
  /** What the radio button says. */
  label: string;
  /** What happens, in one line under the label. */
  description: string;
  /** `deny` makes Approve behave like Deny: the customer refuses on DigiLocker. */
  decision: 'consent' | 'deny';
  /** Consent succeeds either way; the document call fails when Aadhaar is not linked. */
  aadhaarLinked: boolean;
  name: string;
  /** DD-MM-YYYY, as Eko's current docs give it. */
  dob: string;
  gender: 'M' | 'F' | 'T';
  /** Masked as Eko sends it. */
  mobile: string;
  careOf: string;
  /** The only Aadhaar digits the sandbox ever holds: no full number exists anywhere. */
  aadhaarLast4: string;
  issueDate: string;
  address: PersonaAddress;
}

export const PERSONAS: readonly Persona[] = [
  {
    id: 'adult',
    label: 'Asha Verma — adult with Aadhaar',
    description: 'Consents; status is AUTHENTICATED and the Aadhaar document is returned.',
    decision: 'consent',
    aadhaarLinked: true,
    name: 'Asha Verma',
    dob: '15-08-1990',
    gender: 'F',
    mobile: '98XXXXXXXX',
    careOf: 'D/O Ramesh Verma',
    aadhaarLast4: '1234',
    issueDate: '01-01-2020',
    address: {
      house: '15B',
      street: 'Nehru Street',
      village_or_city: 'Chennai',
      district: 'Chennai',
      state: 'Tamil Nadu',
      pincode: '600001',
    },
  },
  {
    id: 'aadhaar-not-linked',
    label: 'Rohan Gupta — Aadhaar not linked',
    description: 'Consents, but the document call answers that Aadhaar is not linked.',
    decision: 'consent',
    aadhaarLinked: false,
    name: 'Rohan Gupta',
    dob: '02-03-1985',
    gender: 'M',
    mobile: '99XXXXXXXX',
    careOf: 'S/O Mahesh Gupta',
    aadhaarLast4: '5678',
    issueDate: '12-06-2019',
    address: {
      house: '42',
      street: 'MG Road',
      village_or_city: 'Pune',
      district: 'Pune',
      state: 'Maharashtra',
      pincode: '411001',
    },
  },
  {
    id: 'denies',
    label: 'Customer who refuses',
    description: 'Refuses on DigiLocker: even Approve denies consent (CONSENT_DENIED).',
    decision: 'deny',
    aadhaarLinked: true,
    name: 'Meera Iyer',
    dob: '30-11-1978',
    gender: 'F',
    mobile: '97XXXXXXXX',
    careOf: 'W/O Arjun Iyer',
    aadhaarLast4: '9012',
    issueDate: '05-09-2018',
    address: {
      house: '7',
      street: 'Lake View Road',
      village_or_city: 'Bengaluru',
      district: 'Bengaluru Urban',
      state: 'Karnataka',
      pincode: '560001',
    },
  },
];

export const DEFAULT_PERSONA_ID = 'adult';

export function findPersona(id: string): Persona | undefined {
  return PERSONAS.find((persona) => persona.id === id);
}
