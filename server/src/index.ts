// Public entry of @digilocker-kyc/server. The sandbox is a separate entry
// (@digilocker-kyc/server/sandbox) that nothing here imports, so production never loads it.

// The standalone app, for programs that embed it or test it.
export { type AppDeps, createApp, type KycApp, MOUNT_PATH } from './app.js';
// The widget's built files as the server serves them: hashed URL and integrity.
export type { AssetInfo, WidgetManifest } from './built-asset.js';
// What the `onComplete` option receives, once per attempt, on the server.
export type { KycCompletion, OnComplete } from './completion.js';
export { ConfigError, EKO_BASE_URLS, loadConfig, type ServerConfig } from './config.js';
export {
  DEFAULT_HOST,
  DEFAULT_PORT,
  DEFAULT_SANDBOX_PORT,
  EKO_UAT_CREDENTIALS,
} from './defaults.js';
// The Eko client, for fetching the verified document server-side.
export { createEkoClient } from './eko-client.js';
export {
  type CreatedUrl,
  type CreateUrlInput,
  DEFAULT_EKO_RETRY,
  DEFAULT_EKO_TIMEOUTS,
  type DocumentResult,
  type EkoClient,
  type EkoClientOptions,
  type VerificationStatus,
} from './eko-types.js';
// The same core as a fetch handler (Next.js, Hono, serverless) and a node:http handler.
export type { KycHookRequest } from './hook-request.js';
// What `getDocument` returns: Aadhaar data normalised to one shape, whatever Eko's variant.
export type { AadhaarAddress, Gender, VerifiedDocument } from './identity.js';
export { createKycHandler, type KycHandler, type KycHandlerOptions } from './kyc-handler.js';
export { type Drainable, drainable, type ShutdownOptions } from './lifecycle.js';
export { createLogger } from './logger.js';
// The HTTP API as an OpenAPI 3.1 document (also served at {mount}/openapi.json).
export { HTTP_API_VERSION, openApiDocument } from './openapi.js';
// The router merchants mount in their own Express app, and its options.
export { digilockerKyc, type KycRouter, MAX_CLOCK_SKEW_MS } from './router.js';
export type { DigilockerKycOptions } from './router-options.js';
// Merchants' backends verify the token the widget hands them before fetching the document.
export {
  type SessionClaims,
  signSessionToken,
  type VerifyOptions,
  verifySessionToken,
} from './session-token.js';
export { computeSecretKey, signEkoRequest } from './signing.js';
export { readBusinessError, readStatusData } from './verification-status.js';
// ...or do both in one call: the completion token, for this user, then Eko's document.
export {
  type FetchVerifiedDocumentOptions,
  fetchVerifiedDocument,
  type VerifiedDocumentResult,
} from './verified-document.js';
