// The rule that turns Eko's verification-status reply into pending | consented | denied | expired.
import type { SessionStatus } from '@digilocker-kyc/shared';
import type { EkoEnvelope, EkoStatusData } from './schemas.js';

/**
 * Eko documents no status string for this call, and its two doc generations disagree
 * (docs/eko-notes.md). The rule, in order, first match wins:
 *
 * 1. Envelope `status` != 0: a message or `response_status_id` 327 that says "pending" → pending;
 *    one that says the reference is invalid or expired (463, "invalid", "expired") → expired
 *    (the attempt is gone upstream). Anything else is an error for the caller to raise.
 * 2. `data.status` in Cashfree's vocabulary, which Eko appears to wrap:
 *    AUTHENTICATED / SUCCESS / CONSENTED / COMPLETED → consented; PENDING / INITIATED → pending;
 *    EXPIRED / LINK_EXPIRED / CONSENT_EXPIRED → expired; CONSENT_DENIED / DENIED / REJECTED → denied.
 * 3. `data.document_consent`: any "Y" → consented; non-empty and all "N" → denied.
 * 4. A `user_details.name` → consented (an integrator's note: pending attempts have empty details).
 * 5. Otherwise → pending.
 */
export type StatusReading = SessionStatus | 'error';

const CONSENTED = new Set(['AUTHENTICATED', 'SUCCESS', 'CONSENTED', 'COMPLETED', 'VERIFIED']);
const PENDING = new Set(['PENDING', 'INITIATED', 'IN_PROGRESS']);
const EXPIRED = new Set(['EXPIRED', 'LINK_EXPIRED', 'CONSENT_EXPIRED']);
const DENIED = new Set(['CONSENT_DENIED', 'DENIED', 'REJECTED', 'USER_DENIED']);

export function readBusinessError(envelope: EkoEnvelope): StatusReading {
  const id = String(envelope.response_status_id ?? '');
  const message = (envelope.message ?? '').toLowerCase();
  if (id === '327' || message.includes('pending') || message.includes('not completed')) {
    return 'pending';
  }
  if (id === '463' || message.includes('invalid reference') || message.includes('expired')) {
    return 'expired';
  }
  if (message.includes('invalid') && message.includes('reference')) return 'expired';
  return 'error';
}

export function readStatusData(data: EkoStatusData): SessionStatus {
  const word = data.status?.trim().toUpperCase();
  if (word) {
    if (CONSENTED.has(word)) return 'consented';
    if (PENDING.has(word)) return 'pending';
    if (EXPIRED.has(word)) return 'expired';
    if (DENIED.has(word)) return 'denied';
  }
  const consents = (data.document_consent ?? []).map((entry) =>
    (typeof entry === 'string' ? entry : (entry.consent ?? '')).trim().toUpperCase(),
  );
  if (consents.some((c) => c === 'Y' || c === 'YES')) return 'consented';
  if (consents.length > 0 && consents.every((c) => c === 'N' || c === 'NO')) return 'denied';
  const name = data.user_details?.name;
  if (typeof name === 'string' && name.trim() !== '') return 'consented';
  return 'pending';
}
