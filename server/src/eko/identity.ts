// Normalising the personal data Eko returns, so merchants read one shape whatever the doc variant.
import type { EkoDocumentData } from './schemas.js';

export type Gender = 'M' | 'F' | 'T';

export interface AadhaarAddress {
  house?: string;
  street?: string;
  landmark?: string;
  locality?: string;
  district?: string;
  state?: string;
  pincode?: string;
  country?: string;
}

/** One verified document, normalised. Server-side only: this never reaches the browser. */
export interface VerifiedDocument {
  document_type: string;
  name?: string;
  /** ISO 8601 date, `YYYY-MM-DD`. */
  dob?: string;
  gender?: Gender;
  care_of?: string;
  /** Only the last four digits are kept, as UIDAI asks: `XXXX-XXXX-1234`. */
  masked_aadhaar?: string;
  /** Base64 JPEG, or a link, exactly as Eko sent it. */
  photo?: string;
  address?: AadhaarAddress;
}

function text(value: unknown): string | undefined {
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

/** Accepts `YYYY-MM-DD`, `DD-MM-YYYY` and `DD/MM/YYYY`; anything else is left out, not guessed. */
export function normaliseDate(value: unknown): string | undefined {
  const raw = text(value);
  if (raw === undefined) return undefined;
  let match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(raw);
  if (match) return valid(match[1]!, match[2]!, match[3]!);
  match = /^(\d{2})[-/](\d{2})[-/](\d{4})$/.exec(raw);
  if (match) return valid(match[3]!, match[2]!, match[1]!);
  return undefined;
}

function valid(year: string, month: string, day: string): string | undefined {
  const date = new Date(`${year}-${month}-${day}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return undefined;
  const iso = `${year}-${month}-${day}`;
  return date.toISOString().startsWith(iso) ? iso : undefined;
}

/** Accepts `M`/`F`/`T` and `Male`/`Female`/`Transgender` in any case. */
export function normaliseGender(value: unknown): Gender | undefined {
  const raw = text(value)?.toUpperCase();
  if (raw === undefined) return undefined;
  if (raw === 'M' || raw === 'MALE') return 'M';
  if (raw === 'F' || raw === 'FEMALE') return 'F';
  if (raw === 'T' || raw === 'TRANSGENDER' || raw === 'OTHER') return 'T';
  return undefined;
}

/** Keeps only the last four digits of an Aadhaar number, masked or not. */
export function maskAadhaar(value: unknown): string | undefined {
  const digits = text(value)?.replace(/[^0-9]/g, '');
  if (digits === undefined || digits.length < 4) return undefined;
  return `XXXX-XXXX-${digits.slice(-4)}`;
}

function normaliseAddress(
  raw: Record<string, unknown> | null | undefined,
): AadhaarAddress | undefined {
  if (!raw) return undefined;
  const address: AadhaarAddress = {
    house: text(raw.house),
    street: text(raw.street),
    landmark: text(raw.landmark),
    locality: text(raw.village_or_city) ?? text(raw.vtc) ?? text(raw.po),
    district: text(raw.district) ?? text(raw.dist),
    state: text(raw.state),
    pincode: text(raw.pincode),
    country: text(raw.country),
  };
  return dropUndefined(address);
}

function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** Turns either Get Document shape into a list of normalised documents. */
export function normaliseDocuments(data: EkoDocumentData): VerifiedDocument[] {
  if ('documents' in data && Array.isArray(data.documents)) {
    return data.documents.map((doc) =>
      dropUndefined({
        document_type: text(doc.document_type) ?? 'AADHAAR',
        name: text(doc.name),
        dob: normaliseDate(doc.dob),
        gender: normaliseGender(doc.gender),
        masked_aadhaar: maskAadhaar(doc.masked_aadhaar),
        photo: text(doc.photo),
        address: normaliseAddress(doc.address),
      }),
    );
  }
  const flat = data as Record<string, unknown>;
  return [
    dropUndefined({
      document_type: 'AADHAAR',
      name: text(flat.name),
      dob: normaliseDate(flat.dob),
      gender: normaliseGender(flat.gender),
      care_of: text(flat.care_of),
      masked_aadhaar: maskAadhaar(flat.uid),
      photo: text(flat.photo_link),
      address: normaliseAddress(flat.split_address as Record<string, unknown> | undefined),
    }),
  ];
}
