// The element's two drawings, as inline SVG (no image files, nothing fetched, nothing to allow in CSP).
// Written whole, <svg> and its children, inside html``: the HTML parser puts the children in the SVG
// namespace itself, so Lit's `svg` tag (for fragments without their <svg>) is not needed.
import { html } from 'lit/html.js';

// Our own simple locker mark for the call to action (a padlock: DigiLocker is a digital locker).
// It is not DigiLocker's logo: that is a government mark this widget has no licence to ship.
export const lockMark = html`<svg part=mark viewBox="0 0 16 16" aria-hidden=true><path d="M5 7V5a3 3 0 0 1 6 0v2M3 7h10v7H3z"/></svg>`;

/** The success state's check mark (its disc is the svg's own round background). */
export const checkMark = html`<svg part=check viewBox="0 0 16 16" aria-hidden=true><path d="m4.5 8.2 2.3 2.3 4.7-4.9"/></svg>`;
