// The JSON bodies of the server's HTTP API (create, status, error) as plain TypeScript types.
// schemas.test-d.ts checks that the zod schemas in ../schemas.ts produce exactly these types.
import type { DocumentType } from './documents.js';
import type { KycErrorCode } from './error-codes.js';

/** Body of `POST {base}/sessions`. Every field is optional; unknown fields are refused. */
export interface CreateSessionRequest {
  documents?: DocumentType[];
  redirect_url?: string;
  client_ref_id?: string;
  user_code?: string;
}

/**
 * `201` reply of `POST {base}/sessions`. It names no return URL: the one Eko is given carries a
 * per-attempt secret that reaches a browser only through DigiLocker's return.
 */
export interface CreateSessionResponse {
  reference_id: string;
  url: string;
  documents: DocumentType[];
  state: string;
  session_token: string;
  expires_at: string;
}

export const SESSION_STATUSES = ['pending', 'consented', 'denied', 'expired'] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];

/** `200` reply of `GET {base}/sessions/{reference_id}`: ids and status only, never personal data. */
export interface SessionStatusResponse {
  reference_id: string;
  status: SessionStatus;
  documents: DocumentType[];
  /**
   * Present when the request carried this attempt's return receipt and Eko says `consented`: the
   * signed proof, for the merchant's backend, that the consent came back to this browser.
   */
  completion_token?: string;
}

/** Body of every non-2xx reply. */
export interface ErrorBody {
  error: {
    code: KycErrorCode;
    message: string;
    retryable: boolean;
    request_id: string;
  };
}
