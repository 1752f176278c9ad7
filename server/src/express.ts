// Entry @digilocker-kyc/server/express: digilockerKyc(), the router a merchant mounts in an Express app.
export { digilockerKyc, type KycRouter, MAX_CLOCK_SKEW_MS } from './adapters/express.js';
export type { DigilockerKycOptions } from './core/options.js';
