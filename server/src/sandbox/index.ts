// Public entry of @digilocker-kyc/server/sandbox: the simulator's factory, its options and the
// constants tests and the CLI share. Never imported by the library's main entry.

export type { AttemptStatus, RandomSource, SandboxAttempt } from './attempts.js';
export { SIGNATURE_TOLERANCE_MS, verifyEkoAuth } from './auth.js';
export { CONSENT_PATH } from './consent-page.js';
export { FAULT_HEADER, type FaultScope } from './fault-control.js';
export { type FaultSet, formatFaults, parseFaults } from './faults.js';
export { DEFAULT_LINK_LIFETIME_MS, DEFAULT_MAX_ATTEMPTS, type SandboxOptions } from './options.js';
export { DEFAULT_PERSONA_ID, PERSONAS, type Persona } from './personas.js';
export {
  CONTROL_PREFIX,
  createSandbox,
  EKO_API_PREFIX,
  type RunningSandbox,
  type Sandbox,
} from './sandbox.js';
