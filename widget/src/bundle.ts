// Entry of dist/digilocker-kyc.bundle.js, the self-contained <script type="module"> build.
//
// It defines only the default tag, where defineDigilockerKyc (define.ts) never throws: a tag
// already defined (a second copy of this script, or the ES module build) is left as it is.
// Defining it here rather than through define.ts keeps the custom-tag and race handling, which
// this file never needs, out of the bundle (~0.15 KB gzipped).
import { DigilockerKyc } from './digilocker-kyc.js';

// Types only, for <digilocker-kyc> and its events on HTMLElementTagNameMap/HTMLElementEventMap.
export type * from './define.js';

const registry = globalThis.customElements;
if (registry && !registry.get('digilocker-kyc')) registry.define('digilocker-kyc', DigilockerKyc);

export { DigilockerKyc };
