// The element's two drawings, as inline SVG (no image files, nothing fetched, nothing to allow in CSP).
// Each is a fixed view (render.ts builds it in the SVG namespace), shared by every render.
import { h } from './render.js';

// Our own simple locker mark for the call to action (a padlock: DigiLocker is a digital locker).
// It is not DigiLocker's logo: that is a government mark this widget has no licence to ship.
export const lockMark = h(
  'svg',
  { part: 'mark', viewBox: '0 0 16 16', 'aria-hidden': 'true' },
  h('path', { d: 'M5 7V5a3 3 0 0 1 6 0v2M3 7h10v7H3z' }),
);

/** The success state's check mark (its disc is the svg's own round background). */
export const checkMark = h(
  'svg',
  { part: 'check', viewBox: '0 0 16 16', 'aria-hidden': 'true' },
  h('path', { d: 'm4.5 8.2 2.3 2.3 4.7-4.9' }),
);
