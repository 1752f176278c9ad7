// A `css` tag for the element's own, static style sheets: the text, as Lit's CSSResult.
//
// Lit's own `css` tag checks every interpolated value and carries two long developer error
// messages (~150 bytes gzipped in the script-tag bundle); these sheets interpolate only each
// other (a CSSResult's toString is its text) and are never built from input.
import { type CSSResult, unsafeCSS } from '@lit/reactive-element/css-tag.js';

export const css = (strings: TemplateStringsArray, ...values: CSSResult[]): CSSResult =>
  unsafeCSS(String.raw(strings, ...values));
