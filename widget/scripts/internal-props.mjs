// Property names the self-contained bundle shortens (rolldown's minify.mangleProps): internal only.
//
// A minifier renames variables but keeps property names, and the widget's own objects (an
// attempt, the popup watch, the controller the element talks to) repeat theirs throughout the
// bundle. Each name here is renamed everywhere in that one file, so it must never be: a public
// member, attribute or event field of the element, a field of anything that crosses a file or a
// window (JSON on the wire, the parked attempt in sessionStorage, the return message, an event
// detail), a timings or strings key, a name the browser or Lit reads, or a name the code tests
// with `in` (the string stays as written while the property is renamed). src/internal-props.test.ts
// checks each name against all of those; test/internal-props.test.mjs checks that the built
// bundle no longer spells any of them and that each still names something in the sources.
export const INTERNAL_PROPS = [
  // Attempt (attempt.ts): its settings and resources.
  'base',
  'session',
  'popup',
  'polling',
  'later',
  'onRelease',
  'release',
  // KycController and its KycState, as the element and the view read them (kyc-controller.ts).
  // Not `attempt`: the code asks `'attempt' in state`, and a string is never renamed.
  'busy',
  'verificationId',
  'outcome',
  // KycContext and KycConfig (config.ts).
  'win',
  'config',
  'emit',
  'popupText',
  // Both KycConfig and Attempt: the resolved waits (`timings` is the element's public property).
  'waits',
  // StatusPolling's options (status-polling.ts).
  'ask',
  'onVerdict',
  // The view's input (kyc-view.ts).
  'onStart',
  'onCancel',
  'onReopen',
  'onContinue',
  // PopupWatch (popup.ts), JourneyWindow (open-journey.ts), the return listener's options.
  'live',
  'closedBeforeNavigation',
  'handle',
  'onReturn',
];
