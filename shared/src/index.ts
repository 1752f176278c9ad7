export * from './contract.js';
export * from './documents.js';
export * from './eko-schemas.js';
export * from './error-codes.js';
export * from './events.js';
export * from './identity.js';
export * from './kyc-error.js';
