// Property names the self-contained bundle shortens (rolldown's minify.mangleProps): internal only.
//
// A minifier renames variables but keeps property names, and the widget's own objects (an
// attempt, the popup watch, the controller the element talks to) repeat theirs throughout the
// bundle. Each name here is renamed everywhere in that one file, so it must never be: a public
// member, attribute or event field of the element, a field of anything that crosses a file or a
// window (JSON on the wire, the parked attempt in sessionStorage, the return message, an event
// detail), a timings or strings key, or a name the browser or Lit reads. src/internal-props.test.ts
// checks each name against all of those; test/internal-props.test.mjs checks that the built
// bundle no longer spells any of them and that each still names something in the sources.
export const INTERNAL_PROPS = [
  // Attempt (attempt.ts) and the status polling state it carries.
  'base',
  'session',
  'popup',
  'verificationId',
  'consented',
  'settled',
  'pollTimer',
  'checking',
  'offlineSince',
  'later',
  'onRelease',
  'release',
  // KycController, as the element reads it (kyc-controller.ts).
  'cancelReason',
  'busy',
  'dispose',
  'resume',
  // The page's verdict on a complete, kept by the controller for the element to render.
  'outcome',
  // KycHost and KycConfig (config.ts).
  'win',
  'config',
  'emit',
  'changed',
  'popupText',
  // Both KycConfig and Attempt: the resolved waits (not `timings`, the element's public property).
  'waits',
  // Both Attempt and the controller: the popup read closed (not `closed`, a Window's and a
  // strings key).
  'popupClosed',
  // PopupWatch (popup.ts), JourneyWindow (open-journey.ts), the return listener's options.
  'live',
  'closedBeforeNavigation',
  'handle',
  'onReturn',
];
