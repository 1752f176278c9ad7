// The wire constants the browser needs, mirrored from shared's contract.ts without pulling in zod.
//
// Why a mirror: `@digilocker-kyc/shared`'s contract module builds zod/mini schemas at import time,
// and importing even one constant from it adds ~6 KB gzipped of zod to the self-contained bundle
// (measured with vite 8; the budget is 13 KB). protocol.test.ts asserts that every value here
// equals the one in shared, so the two cannot drift silently.

export const CSRF_HEADER = 'X-DigiLocker-KYC';
export const CSRF_HEADER_VALUE = '1';
export const STATE_PATTERN = /^[A-Za-z0-9_-]{22,64}$/;
export const REFERENCE_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
export const STATE_QUERY_PARAM = 'dlkyc_state';
export const VERIFICATION_QUERY_PARAM = 'verification_id';
export const RETURN_CHANNEL_PREFIX = 'dlkyc-';
export const RETURN_STORAGE_PREFIX = 'dlkyc:result:';
/** sessionStorage key prefix of a redirect-mode attempt waiting for the customer to come back. */
export const PENDING_STORAGE_PREFIX = 'dlkyc:pending:';
/** Longest `verification_id` the return message may carry (shared: `z.maxLength(128)`). */
export const MAX_VERIFICATION_ID = 128;
/** Anything bigger than this is not a return message, whatever it parses to. */
export const MAX_MESSAGE_CHARS = 1024;

/** A message the return page hands back to the waiting widget (shared `ReturnMessage`). */
export interface ReturnMessage {
  v: 1;
  type: 'dlkyc:result';
  state: string;
  verification_id?: string;
}

/** Builds the return message, leaving out a missing or oversized `verification_id`. */
export function returnMessage(state: string, verificationId?: string | null): ReturnMessage {
  const message: ReturnMessage = { v: 1, type: 'dlkyc:result', state };
  if (verificationId && verificationId.length <= MAX_VERIFICATION_ID) {
    message.verification_id = verificationId;
  }
  return message;
}
