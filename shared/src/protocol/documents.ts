// The DigiLocker document types a journey can ask for.

/**
 * Eko's endpoint docs say only AADHAAR is supported today; its product page and Cashfree (which
 * Eko appears to wrap) also name PAN and DRIVING_LICENSE. We accept all three and let Eko answer.
 */
export const DOCUMENT_TYPES = ['AADHAAR', 'PAN', 'DRIVING_LICENSE'] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];
export const DEFAULT_DOCUMENTS: readonly DocumentType[] = ['AADHAAR'];
