// Eko's response envelope and the business errors the sandbox answers, as published by Eko.

/** Eko's reply wrapper: `status` 0 is success; anything else is a failure even with HTTP 200. */
export interface EkoReply {
  status: number;
  response_status_id: number;
  response_type_id: number;
  message: string;
  data: unknown;
}

/**
 * `response_type_id` per call. Eko's two doc generations disagree (1627/1628/1630 old, 1388/1389
 * new); the sandbox uses the new ids for the current calls and the old id for the old GET form.
 */
export const RESPONSE_TYPE = {
  create: 1388,
  status: 1389,
  document: 1388,
  documentOld: 1630,
} as const;

export interface BusinessError {
  response_status_id: number;
  message: string;
}

/**
 * Business errors, answered as HTTP 200 with `status: 1`. The first four are Eko's published
 * examples, word for word. Eko documents no code for the rest; they use 1 ("fail" in Eko's old
 * `response_status_id` table) with messages modelled on Eko's own wording.
 */
export const BUSINESS_ERRORS = {
  invalidRedirectUrl: { response_status_id: 301, message: 'Invalid redirect URL provided.' },
  documentPending: {
    response_status_id: 327,
    message: 'Verification pending. Customer has not completed DigiLocker consent.',
  },
  documentInvalidReference: {
    response_status_id: 463,
    message: 'Invalid reference ID. Please check and retry.',
  },
  statusPending: {
    response_status_id: -1,
    message: 'Verification pending. User has not completed DigiLocker consent.',
  },
  statusInvalidReference: { response_status_id: -1, message: 'Invalid reference_id' },
  documentInvalidVerification: {
    response_status_id: 463,
    message: 'Invalid verification ID. Please check and retry.',
  },
  agentNotAllowed: { response_status_id: 1, message: 'Agent not allowed' },
  consentDenied: {
    response_status_id: 1,
    message: 'Customer denied consent on DigiLocker. Create a new DigiLocker URL.',
  },
  linkExpired: {
    response_status_id: 1,
    message: 'DigiLocker consent session expired. Create a new DigiLocker URL.',
  },
  aadhaarNotLinked: {
    response_status_id: 1,
    message: "Aadhaar is not linked to the customer's DigiLocker account.",
  },
  documentNotConsented: {
    response_status_id: 1,
    message: 'Document was not requested in this DigiLocker session.',
  },
} as const satisfies Record<string, BusinessError>;

export function success(responseTypeId: number, message: string, data: unknown): EkoReply {
  return { status: 0, response_status_id: 0, response_type_id: responseTypeId, message, data };
}

export function businessErrorReply(
  responseTypeId: number,
  error: BusinessError,
  data: unknown = {},
): EkoReply {
  return { status: 1, ...error, response_type_id: responseTypeId, data };
}

/** A parameter that is missing or badly formed: Eko answers such calls with HTTP 200, status 1. */
export function invalidParameter(responseTypeId: number, detail: string): EkoReply {
  return businessErrorReply(responseTypeId, {
    response_status_id: 1,
    message: `Invalid parameter: ${detail}`,
  });
}

/** Body of a protocol-level (HTTP 4xx) refusal: no response ids, since no call was made. */
export function protocolError(message: string): { status: 1; message: string; data: object } {
  return { status: 1, message, data: {} };
}
