// The one call a merchant's backend needs after `digilocker-kyc-complete`: verify the completion
// token (for this user) and fetch the verified document from Eko with the token's reference_id.
import { type DocumentType, KycError } from '@digilocker-kyc/shared';
import type { DocumentResult, EkoClient } from '../eko/types.js';
import { type SessionClaims, verifySessionToken } from './session-token.js';

export interface FetchVerifiedDocumentOptions {
  /** The session secrets the signing server uses (`SESSION_SECRET`); the first signs, all verify. */
  secrets: readonly string[];
  /**
   * The merchant's user making this request, as `resolveSubject` named them when the attempt was
   * created: the token must carry exactly this subject. `null` when the signing server binds no
   * user (no `resolveSubject`): a token that names a user is then refused, so a forgotten
   * subject never accepts another user's completion.
   */
  subject: string | null;
  /** An Eko client (`createEkoClient(...)`) with the same keys as the signing server. */
  eko: Pick<EkoClient, 'getDocument'>;
  /** `detail.verification_id` of the complete event, when it had one (else Eko is asked). */
  verificationId?: string;
  /** Which documents to fetch; default: the ones the attempt asked for. */
  documents?: readonly DocumentType[];
  /** Unix milliseconds; default `Date.now()`. */
  now?: number;
}

export interface VerifiedDocumentResult {
  /** The completion token's claims: the attempt, its user, and when the return was seen. */
  claims: SessionClaims;
  /** What Eko's document call returned for the token's reference_id (personal data). */
  document: DocumentResult;
}

/**
 * Verifies `token` as a completion token (refusing the create-time token with
 * `return_not_seen`, another user's token, an expired or forged one: KycError `unauthorized`),
 * then fetches the document for the attempt the token names. Never pass a reference_id from the
 * browser: the token's is the one that was proven.
 */
export async function fetchVerifiedDocument(
  token: unknown,
  options: FetchVerifiedDocumentOptions,
): Promise<VerifiedDocumentResult> {
  if (options?.subject === undefined) {
    throw new TypeError(
      'fetchVerifiedDocument: expected options.subject to be the user the attempt was started for, or null when the signing server binds no user (resolveSubject).',
    );
  }
  if (typeof options.eko?.getDocument !== 'function') {
    throw new TypeError(
      'fetchVerifiedDocument: expected options.eko to be an Eko client (createEkoClient).',
    );
  }
  const claims = verifySessionToken(token, {
    secrets: options.secrets,
    now: options.now ?? Date.now(),
    ...(options.subject !== null ? { subject: options.subject } : {}),
  });
  if (options.subject === null && claims.subject !== undefined) {
    throw new KycError(
      'unauthorized',
      'The completion token was issued to a named user: pass that user as subject.',
    );
  }
  const document = await options.eko.getDocument({
    referenceId: claims.reference_id,
    ...(options.verificationId !== undefined ? { verificationId: options.verificationId } : {}),
    documents: options.documents ?? claims.documents,
  });
  return { claims, document };
}
