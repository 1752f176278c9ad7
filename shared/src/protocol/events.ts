// Event names and detail types of <digilocker-kyc>; the widget types them on
// HTMLElementEventMap.
import type { DocumentType } from './documents.js';
import type { KycErrorCode } from './error-codes.js';

export type KycMode = 'auto' | 'popup' | 'redirect';
export type OpenedMode = 'popup' | 'redirect';
export type WidgetStatus =
  | 'idle'
  | 'creating'
  | 'awaiting'
  | 'verifying'
  | 'complete'
  | 'cancelled'
  | 'error';

export type FallbackReason = 'popup_blocked' | 'in_app_browser';

export type CancelReason = 'denied' | 'closed' | 'expired' | 'cancelled';

export interface StartDetail {
  mode: KycMode;
}
export interface OpenDetail {
  reference_id: string;
  mode: OpenedMode;
}
export interface FallbackDetail {
  reason: FallbackReason;
}
export interface CompleteDetail {
  reference_id: string;
  verification_id?: string;
  documents: DocumentType[];
  /**
   * The completion token, for the merchant's backend: `fetchVerifiedDocument(token, …)` (or
   * `verifySessionToken`) refuses anything else, the create-time session token included.
   */
  session_token: string;
}
export interface CancelDetail {
  reference_id?: string;
  reason: CancelReason;
}
export interface ErrorDetail {
  code: KycErrorCode;
  message: string;
  retryable: boolean;
  reference_id?: string;
}

/** Every event the element fires, by name, with its detail type. */
export interface KycEventDetails {
  'digilocker-kyc-start': StartDetail;
  'digilocker-kyc-open': OpenDetail;
  'digilocker-kyc-fallback': FallbackDetail;
  'digilocker-kyc-complete': CompleteDetail;
  'digilocker-kyc-cancel': CancelDetail;
  'digilocker-kyc-error': ErrorDetail;
}
export type KycEventName = keyof KycEventDetails;

export const KYC_EVENT_NAMES = [
  'digilocker-kyc-start',
  'digilocker-kyc-open',
  'digilocker-kyc-fallback',
  'digilocker-kyc-complete',
  'digilocker-kyc-cancel',
  'digilocker-kyc-error',
] as const satisfies readonly KycEventName[];
