// Entry @digilocker-kyc/server/express: digilockerKyc(), the router a merchant mounts in an Express app.
export {
  type DigilockerKycOptions,
  digilockerKyc,
  type KycRouter,
  MAX_CLOCK_SKEW_MS,
} from './adapters/express.js';
