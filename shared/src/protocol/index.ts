// Public entry of @digilocker-kyc/shared/protocol: the zod-free wire contract the widget imports.

export * from './bodies.js';
export * from './constants.js';
export * from './documents.js';
export * from './error-codes.js';
export * from './events.js';
export {
  isCreateSessionResponse,
  isDocumentList,
  isSessionStatusResponse,
  readErrorBody,
} from './guards.js';
export * from './return-message.js';
