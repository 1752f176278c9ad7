// Registers <digilocker-kyc>: the only customElements.define in the package, safe to import twice or on a server.
import type {
  CancelDetail,
  CompleteDetail,
  ErrorDetail,
  FallbackDetail,
  OpenDetail,
  StartDetail,
} from '@digilocker-kyc/shared';
import { DigilockerKyc } from './digilocker-kyc.js';

export const TAG_NAME = 'digilocker-kyc';

/**
 * Defines the element unless the tag is taken (a second copy of the script) or there is no DOM
 * (server-side rendering, Node): both are normal, neither should throw.
 */
export function defineDigilockerKyc(tagName: string = TAG_NAME): void {
  const registry = globalThis.customElements;
  if (!registry || registry.get(tagName)) return;
  try {
    registry.define(tagName, DigilockerKyc);
  } catch (error) {
    // Lost a race with another copy defining the same tag.
    if (!(error instanceof DOMException && error.name === 'NotSupportedError')) throw error;
  }
}

defineDigilockerKyc();

declare global {
  interface HTMLElementTagNameMap {
    'digilocker-kyc': DigilockerKyc;
  }
  interface HTMLElementEventMap {
    'digilocker-kyc-start': CustomEvent<StartDetail>;
    'digilocker-kyc-open': CustomEvent<OpenDetail>;
    'digilocker-kyc-fallback': CustomEvent<FallbackDetail>;
    'digilocker-kyc-complete': CustomEvent<CompleteDetail>;
    'digilocker-kyc-cancel': CustomEvent<CancelDetail>;
    'digilocker-kyc-error': CustomEvent<ErrorDetail>;
  }
}

export { DigilockerKyc };
