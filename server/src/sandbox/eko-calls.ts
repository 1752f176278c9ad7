// The three DigiLocker calls as pure functions from a validated request and the store to Eko's reply.
import type { AttemptStore } from './attempts.js';
import {
  BUSINESS_ERRORS,
  businessErrorReply,
  type EkoReply,
  RESPONSE_TYPE,
  success,
} from './envelope.js';
import { findPersona } from './personas.js';
import { documentEntry, flatAadhaar, statusData } from './replies.js';
import type { CreateRequest, DocumentRequest } from './requests.js';

/** Create DigiLocker URL. `consentUrl` turns the attempt's one-time token into a link. */
export function createUrl(
  store: AttemptStore,
  request: CreateRequest,
  consentUrl: (token: string) => string,
  leakyLink = false,
): EkoReply {
  const attempt = store.create(request);
  const link = new URL(consentUrl(attempt.token));
  if (leakyLink) link.searchParams.set('redirect_uri', attempt.redirectUrl);
  return success(RESPONSE_TYPE.create, 'DigiLocker URL created successfully', {
    reference_id: attempt.referenceId,
    url: link.href,
    document_requested: attempt.documents,
    redirect_url: attempt.redirectUrl,
  });
}

/** Verification Status: a business error while pending, else the decided or expired state. */
export function verificationStatus(store: AttemptStore, referenceId: number): EkoReply {
  const type = RESPONSE_TYPE.status;
  const attempt = store.byReference(referenceId);
  if (!attempt) return businessErrorReply(type, BUSINESS_ERRORS.statusInvalidReference);
  const status = store.statusOf(attempt);
  if (status === 'pending') return businessErrorReply(type, BUSINESS_ERRORS.statusPending);
  const persona =
    attempt.decision?.kind === 'consented' ? findPersona(attempt.decision.personaId) : undefined;
  return success(
    type,
    'Verification status fetched successfully',
    statusData(attempt, status, persona),
  );
}

/**
 * Get Document, both forms. Personal data only after consent, only for documents the customer
 * consented to, and never for a persona whose Aadhaar is not linked.
 */
export function getDocument(
  store: AttemptStore,
  request: DocumentRequest,
  form: 'list' | 'flat',
): EkoReply {
  const type = form === 'list' ? RESPONSE_TYPE.document : RESPONSE_TYPE.documentOld;
  const attempt = store.byReference(request.referenceId);
  if (!attempt) return businessErrorReply(type, BUSINESS_ERRORS.documentInvalidReference);
  if (request.verificationId !== undefined && request.verificationId !== attempt.verificationId) {
    return businessErrorReply(type, BUSINESS_ERRORS.documentInvalidVerification);
  }
  const status = store.statusOf(attempt);
  if (status === 'pending') return businessErrorReply(type, BUSINESS_ERRORS.documentPending);
  if (status === 'denied') return businessErrorReply(type, BUSINESS_ERRORS.consentDenied);
  if (status === 'expired' || attempt.decision?.kind !== 'consented') {
    return businessErrorReply(type, BUSINESS_ERRORS.linkExpired);
  }
  const persona = findPersona(attempt.decision.personaId);
  if (!persona) return businessErrorReply(type, BUSINESS_ERRORS.documentInvalidReference);
  if (!request.documents.every((document) => attempt.documents.includes(document))) {
    return businessErrorReply(type, BUSINESS_ERRORS.documentNotConsented);
  }
  if (!persona.aadhaarLinked && request.documents.includes('AADHAAR')) {
    const data =
      form === 'list'
        ? { verification_status: 'AADHAAR_NOT_LINKED' }
        : { status: 'AADHAAR_NOT_LINKED' };
    return businessErrorReply(type, BUSINESS_ERRORS.aadhaarNotLinked, data);
  }
  if (form === 'flat') {
    return success(type, 'DigiLocker Document Retrieved', flatAadhaar(attempt, persona));
  }
  return success(type, 'Documents retrieved successfully', {
    verification_status: 'SUCCESS',
    documents: request.documents.map((document) => documentEntry(document, persona)),
  });
}
