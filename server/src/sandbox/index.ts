// Public entry of the sandbox: the factory, its options and the constants tests and the CLI share.

export type { Attempt, AttemptStatus, RandomSource } from './attempts.js';
export { SIGNATURE_TOLERANCE_MS, verifyEkoAuth } from './auth.js';
export { CONSENT_PATH } from './consent-page.js';
export { FAULT_HEADER, type FaultScope } from './fault-control.js';
export { type FaultSet, formatFaults, parseFaults } from './faults.js';
export {
  DEFAULT_LINK_LIFETIME_MS,
  DEFAULT_MAX_ATTEMPTS,
  DEFAULT_SANDBOX_PORT,
  EKO_UAT_CREDENTIALS,
  type SandboxOptions,
} from './options.js';
export { DEFAULT_PERSONA_ID, PERSONAS, type Persona } from './personas.js';
export {
  CONTROL_PREFIX,
  createSandbox,
  EKO_API_PREFIX,
  type RunningSandbox,
  type Sandbox,
} from './sandbox.js';
