// Field-by-field validation of the three DigiLocker calls, answering the business error Eko would.
import { type DocumentType, documentListSchema } from '@digilocker-kyc/shared';
import * as z from 'zod/mini';
import { IN_ENGLISH } from '../issue-messages.js';
import {
  BUSINESS_ERRORS,
  type BusinessError,
  businessErrorReply,
  type EkoReply,
  invalidParameter,
  RESPONSE_TYPE,
} from './envelope.js';

export interface Agent {
  initiatorId: string;
  userCode: string;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; envelope: EkoReply };

/** Eko ids are strings in its docs; some clients send numbers, so both are read as text. */
const idText = z.pipe(
  z.union([z.string().check(z.minLength(1), z.maxLength(32)), z.int().check(z.nonnegative())]),
  z.transform((value) => String(value)),
);
const clientRefId = z.optional(z.string().check(z.minLength(1), z.maxLength(20)));
const referenceId = z.pipe(
  z.union([z.string().check(z.regex(/^\d{1,12}$/)), z.int().check(z.nonnegative())]),
  z.transform((value) => Number(value)),
);
const redirectUrl = z.string().check(
  z.maxLength(2048),
  z.refine((value) => {
    if (!URL.canParse(value)) return false;
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== '';
  }),
);

type Input = Record<string, unknown>;

/** Runs one field's schema; on failure answers `onError` or Eko's "invalid parameter" error. */
function field<S extends z.ZodMiniType>(
  input: Input,
  name: string,
  schema: S,
  typeId: number,
  onError?: BusinessError,
): Parsed<z.output<S>> {
  const result = schema.safeParse(input[name], IN_ENGLISH);
  if (result.success) return { ok: true, value: result.data };
  if (onError) return { ok: false, envelope: businessErrorReply(typeId, onError) };
  const issue = result.error.issues[0];
  const detail = input[name] === undefined ? 'Required' : (issue?.message ?? 'Invalid');
  return { ok: false, envelope: invalidParameter(typeId, `${name}: ${detail}`) };
}

/** initiator_id (required) and user_code (required on create, else optional) must be ours. */
function agent(input: Input, own: Agent, typeId: number, userCodeRequired: boolean): Parsed<null> {
  const initiator = field(input, 'initiator_id', idText, typeId);
  if (!initiator.ok) return initiator;
  const userCode = field(
    input,
    'user_code',
    userCodeRequired ? idText : z.optional(idText),
    typeId,
  );
  if (!userCode.ok) return userCode;
  const wrongUser = userCode.value !== undefined && userCode.value !== own.userCode;
  if (initiator.value !== own.initiatorId || wrongUser) {
    return { ok: false, envelope: businessErrorReply(typeId, BUSINESS_ERRORS.agentNotAllowed) };
  }
  return { ok: true, value: null };
}

export interface CreateRequest {
  documents: DocumentType[];
  redirectUrl: string;
  clientRefId: string | undefined;
}

export function parseCreateRequest(input: Input, own: Agent): Parsed<CreateRequest> {
  const type = RESPONSE_TYPE.create;
  const who = agent(input, own, type, true);
  if (!who.ok) return who;
  const ref = field(input, 'client_ref_id', clientRefId, type);
  if (!ref.ok) return ref;
  const documents = field(input, 'document_requested', documentListSchema, type);
  if (!documents.ok) return documents;
  const url = field(input, 'redirect_url', redirectUrl, type, BUSINESS_ERRORS.invalidRedirectUrl);
  if (!url.ok) return url;
  return {
    ok: true,
    value: { documents: documents.value, redirectUrl: url.value, clientRefId: ref.value },
  };
}

export function parseStatusQuery(input: Input, own: Agent): Parsed<{ referenceId: number }> {
  const type = RESPONSE_TYPE.status;
  const who = agent(input, own, type, false);
  if (!who.ok) return who;
  const ref = field(input, 'client_ref_id', clientRefId, type);
  if (!ref.ok) return ref;
  const id = field(
    input,
    'reference_id',
    referenceId,
    type,
    BUSINESS_ERRORS.statusInvalidReference,
  );
  if (!id.ok) return id;
  return { ok: true, value: { referenceId: id.value } };
}

export interface DocumentRequest {
  referenceId: number;
  verificationId: string | undefined;
  documents: DocumentType[];
}

/** The current form: POST with a JSON body. `verification_id` is checked when sent. */
export function parseDocumentRequest(input: Input, own: Agent): Parsed<DocumentRequest> {
  const type = RESPONSE_TYPE.document;
  const who = agent(input, own, type, false);
  if (!who.ok) return who;
  const ref = field(input, 'client_ref_id', clientRefId, type);
  if (!ref.ok) return ref;
  const invalidReference = BUSINESS_ERRORS.documentInvalidReference;
  const id = field(input, 'reference_id', referenceId, type, invalidReference);
  if (!id.ok) return id;
  const verification = field(input, 'verification_id', z.optional(idText), type);
  if (!verification.ok) return verification;
  const documents = field(input, 'document_type', documentListSchema, type);
  if (!documents.ok) return documents;
  return {
    ok: true,
    value: {
      referenceId: id.value,
      verificationId: verification.value,
      documents: documents.value,
    },
  };
}

/** The old form: GET /document/{document_type} with query parameters; Aadhaar only. */
export function parseOldDocumentRequest(
  documentType: string,
  input: Input,
  own: Agent,
): Parsed<DocumentRequest> {
  const type = RESPONSE_TYPE.documentOld;
  const who = agent(input, own, type, false);
  if (!who.ok) return who;
  if (documentType !== 'AADHAAR') {
    return {
      ok: false,
      envelope: invalidParameter(
        type,
        'document_type: Expected AADHAAR, the only type this call supports',
      ),
    };
  }
  const ref = field(input, 'client_ref_id', clientRefId, type);
  if (!ref.ok) return ref;
  const invalidReference = BUSINESS_ERRORS.documentInvalidReference;
  const id = field(input, 'reference_id', referenceId, type, invalidReference);
  if (!id.ok) return id;
  const verification = field(input, 'verification_id', z.optional(idText), type);
  if (!verification.ok) return verification;
  return {
    ok: true,
    value: { referenceId: id.value, verificationId: verification.value, documents: ['AADHAAR'] },
  };
}
