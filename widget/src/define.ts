// Registers <digilocker-kyc>: the only customElements.define in the package, safe to import twice or on a server.
import { DigilockerKyc } from './digilocker-kyc.js';
import type { KycEventMap } from './emit.js';

export const TAG_NAME = 'digilocker-kyc';

/**
 * Defines the element under `tagName` (default `digilocker-kyc`) and returns its class.
 *
 * Harmless when the tag already holds this element (a second copy of the script) or when there is
 * no DOM (server-side rendering, Node): then it returns without defining anything. A registry
 * accepts a class only once, so another tag gets a subclass of its own. A tag already taken by a
 * different element throws; so does a name that is not a valid custom element name (the
 * registry's own SyntaxError names it).
 */
export function defineDigilockerKyc(tagName: string = TAG_NAME): typeof DigilockerKyc {
  const registry = globalThis.customElements;
  if (!registry) return DigilockerKyc;
  const existing = registry.get(tagName);
  if (existing) return claim(existing, tagName);
  const element = tagName === TAG_NAME ? DigilockerKyc : class extends DigilockerKyc {};
  try {
    registry.define(tagName, element);
  } catch (error) {
    // Lost a race with another copy defining the same tag; anything else is a real failure.
    if (!(error instanceof DOMException && error.name === 'NotSupportedError')) throw error;
    return claim(registry.get(tagName), tagName);
  }
  return element;
}

/** The tag's class when it is this element (or a copy of it), else a clear error. */
function claim(existing: CustomElementConstructor | undefined, tagName: string) {
  if (existing && (existing === DigilockerKyc || existing.prototype instanceof DigilockerKyc)) {
    return existing as typeof DigilockerKyc;
  }
  // A second copy of the script brings a second class with the same behaviour: keep the first.
  if (existing && tagName === TAG_NAME) return existing as unknown as typeof DigilockerKyc;
  throw new Error(`<${tagName}> is already taken by another element`);
}

defineDigilockerKyc();

// The events bubble and are composed, so listeners on the element, on `document` and on `window`
// all receive them: each of the three maps knows their typed details.
declare global {
  interface HTMLElementTagNameMap {
    'digilocker-kyc': DigilockerKyc;
  }
  interface HTMLElementEventMap extends KycEventMap {}
  interface DocumentEventMap extends KycEventMap {}
  interface WindowEventMap extends KycEventMap {}
}

export { DigilockerKyc };
