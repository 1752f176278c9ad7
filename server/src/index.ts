// Public entry of @digilocker-kyc/server: the core behind createKycHandler (fetch and node:http),
// session tokens and the Eko client. It loads neither Express nor the CLI: the Express adapter
// is @digilocker-kyc/server/express, the standalone app @digilocker-kyc/server/standalone, and
// the sandbox @digilocker-kyc/server/sandbox, none of which this file imports.

// The same core as a fetch handler (Next.js, Hono, serverless) and a node:http handler.
export {
  createKycHandler,
  type KycHandler,
  type KycHandlerOptions,
} from './adapters/kyc-handler.js';
// What the `hooks.onComplete` option receives, once per attempt, on the server.
export type { KycCompletion, OnComplete } from './core/completion.js';
// What createKycHandler's hooks receive.
export type { KycHookRequest } from './core/hook-request.js';
// The option groups of createKycHandler and digilockerKyc.
export type {
  KycHooks,
  KycLimitOptions,
  KycSessionOptions,
  KycTestingOptions,
} from './core/options.js';
// Merchants' backends verify the token the widget hands them before fetching the document.
export {
  type SessionClaims,
  signSessionToken,
  type VerifyOptions,
  verifySessionToken,
} from './core/session-token.js';
// ...or do both in one call: the completion token, for this user, then Eko's document.
export {
  type FetchVerifiedDocumentOptions,
  fetchVerifiedDocument,
  type VerifiedDocumentResult,
} from './core/verified-document.js';
export {
  DEFAULT_HOST,
  DEFAULT_PORT,
  DEFAULT_SANDBOX_PORT,
  EKO_BASE_URLS,
  EKO_UAT_CREDENTIALS,
} from './defaults.js';
// The Eko client, for fetching the verified document server-side.
export { createEkoClient } from './eko/client.js';
// What `getDocument` returns: Aadhaar data normalised to one shape, whatever Eko's variant.
export type { AadhaarAddress, Gender, VerifiedDocument } from './eko/identity.js';
export { computeSecretKey, signEkoRequest } from './eko/signing.js';
export {
  type CreatedUrl,
  type CreateUrlInput,
  DEFAULT_EKO_RETRY,
  DEFAULT_EKO_TIMEOUTS,
  type DocumentResult,
  type EkoClient,
  type EkoClientOptions,
  type VerificationStatus,
} from './eko/types.js';
export { readBusinessError, readStatusData } from './eko/verification-status.js';
export { createLogger } from './observability/logger.js';
// The HTTP API as an OpenAPI 3.1 document (also served at {mount}/openapi.json).
export { HTTP_API_VERSION, openApiDocument } from './openapi/document.js';
// The widget's built files as the server serves them: hashed URL and integrity.
export type { AssetInfo, WidgetManifest } from './pages/built-asset.js';
