// The wire constants of the widget ↔ server contract: header, id patterns, names and size limits.
// The zod schemas (../schemas.ts) and the hand-written guards (./guards.ts) both read these.

/** Header every `POST {base}/sessions` must carry: a custom header forces a CORS preflight. */
export const CSRF_HEADER = 'X-DigiLocker-KYC';
export const CSRF_HEADER_VALUE = '1';

/** Eko's `client_ref_id`: at most 20 characters (eps.eko.in); we also restrict the alphabet. */
export const CLIENT_REF_ID_PATTERN = /^[A-Za-z0-9-]{1,20}$/;
/** Eko's retailer/agent code. */
export const USER_CODE_PATTERN = /^[A-Za-z0-9]{1,20}$/;
/** The per-attempt state: 128+ bits from a CSPRNG, base64url. */
export const STATE_PATTERN = /^[A-Za-z0-9_-]{22,64}$/;
/** Our reference ids are Eko's numeric ids as strings; the sandbox uses the same form. */
export const REFERENCE_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

/** The query parameter that carries the attempt's state on a merchant-chosen `redirect_url`. */
export const STATE_QUERY_PARAM = 'dlkyc_state';
/** The query parameter that carries the return receipt to a merchant-chosen `redirect_url`. */
export const RECEIPT_QUERY_PARAM = 'dlkyc_receipt';
/** Header of a status request that presents the attempt's return receipt. */
export const RECEIPT_HEADER = 'X-DigiLocker-KYC-Receipt';
/**
 * A return receipt: the time the server saw the bound return (unix seconds) and a MAC over the
 * state and that time, base64url. Only the server can mint one.
 */
export const RECEIPT_PATTERN = /^[0-9]{1,12}\.[A-Za-z0-9_-]{43}$/;
/** The query parameter Eko appends to `redirect_url` after consent. */
export const VERIFICATION_QUERY_PARAM = 'verification_id';

/** BroadcastChannel name and storage key for one attempt: both carry the state. */
export const RETURN_CHANNEL_PREFIX = 'dlkyc-';
export const RETURN_STORAGE_PREFIX = 'dlkyc:result:';
/** sessionStorage key prefix of a redirect-mode attempt waiting for the customer to come back. */
export const PENDING_STORAGE_PREFIX = 'dlkyc:pending:';

/** Longest `redirect_url` a create request may name. */
export const MAX_REDIRECT_URL_CHARS = 2048;
/** Longest DigiLocker `url` a create reply may carry. */
export const MAX_URL_CHARS = 4096;
/** Longest `session_token` a create reply may carry. */
export const MAX_SESSION_TOKEN_CHARS = 2048;
/** Longest `verification_id` the return message may carry. */
export const MAX_VERIFICATION_ID = 128;
/** Anything bigger than this is not a return message, whatever it parses to. */
export const MAX_MESSAGE_CHARS = 1024;
