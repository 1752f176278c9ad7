// Public entry of @digilocker-kyc/shared: the wire contract (also zod-free at ./protocol), its
// zod schemas for the server, and the project's one error class.

export * from './kyc-error.js';
export * from './protocol/index.js';
export * from './schemas.js';
