// What the customer sees in each state of the journey: the actions, the status line and the error line.
import type { WidgetStatus } from '@digilocker-kyc/shared/protocol';
import type { KycState } from './kyc-state.js';
import { checkMark, lockMark } from './marks.js';
import { type Child, h } from './render.js';
import { errorText, type KycLocale, type KycStrings } from './strings.js';

interface KycViewInput {
  state: KycState;
  /** The lines of the language shown, and its code for the `lang` attributes. */
  strings: KycStrings;
  lang: KycLocale;
  /** The merchant's name for `{merchant}` in a line (a generic word when empty). */
  merchant: string;
  /** The start button is disabled (the element's `disabled`). */
  disabled: boolean;
  /** What each button does. */
  onStart: () => void;
  onCancel: () => void;
  onReopen: () => void;
  onContinue: () => void;
}

/** The element's shadow content for `input.state`, as render.ts views. */
export function kycView(input: KycViewInput): Child {
  const { state, strings, lang } = input;
  const { status } = state;
  // `{merchant}` in a line is the merchant's name, or a generic word when none is given.
  const fill = (text: string) => text.replace('{merchant}', input.merchant || strings.site);
  const running = 'attempt' in state;
  const outcome = state.status === 'complete' ? state.outcome : undefined;
  const error = state.status === 'error' ? state.error : undefined;
  // After complete (unless the page offered a retry), or failed in a way a retry cannot fix:
  // no control that starts another attempt.
  const final = (status === 'complete' && !outcome?.retry) || error?.retryable === false;
  // The page settled the complete as not verified: its message, or a generic line.
  const refused =
    outcome?.ok === false &&
    (outcome.message || errorText(strings, 'internal_error', Boolean(outcome.retry)));
  let actions: Child = null;
  // While a popup journey runs, Reopen and Cancel replace the start button.
  if (running && state.attempt.mode === 'popup' && status !== 'creating') {
    actions = h(
      'div',
      { lang },
      // Continue comes first when consent was given but its return has not reached this page.
      state.status === 'awaiting' &&
        state.prompt === 'continue' &&
        h('button', { part: 'continue-button', onclick: input.onContinue }, strings.continue),
      h('button', { part: 'reopen-button', onclick: input.onReopen }, strings.reopen),
      h('button', { part: 'cancel-button', onclick: input.onCancel }, strings.cancel),
    );
  } else if (!final) {
    actions = [
      h('p', { part: 'share', lang }, fill(strings.share)),
      h(
        'div',
        { lang },
        h(
          'button',
          {
            part: 'button',
            disabled: input.disabled || running,
            'aria-describedby': 'status error',
            onclick: input.onStart,
          },
          lockMark,
          h('slot', null, status === 'error' || refused ? strings.retry : strings.start),
        ),
      ),
    ];
  }
  const line = { tabindex: '-1', lang };
  return [
    actions,
    h(
      'p',
      { id: 'status', part: 'status', role: 'status', ...line },
      statusLine(state, strings, fill),
    ),
    h(
      'p',
      { id: 'error', part: 'error', role: 'alert', ...line },
      error ? fill(errorText(strings, error.code, error.retryable)) : refused && fill(refused),
    ),
  ];
}

function statusLine(state: KycState, strings: KycStrings, fill: (text: string) => string): Child {
  const { status } = state;
  const outcome = state.status === 'complete' ? state.outcome : undefined;
  // The spinner while we talk to the server: connecting (in redirect mode the page is about to
  // leave for DigiLocker while it is `awaiting`), checking, and after complete, checking until
  // the page settles it.
  const connecting =
    status === 'creating' || (status === 'awaiting' && state.attempt.mode === 'redirect');
  const checking = status === 'verifying' || (status === 'complete' && !outcome);
  if (connecting || checking) {
    return [
      h('span', { part: 'spinner' }),
      connecting
        ? strings.connecting
        : status === 'verifying'
          ? strings.verifying
          : strings.received,
    ];
  }
  // Settled: verified only when the page says so (a refusal is in the error line).
  if (outcome) {
    return (
      outcome.ok !== false && [
        outcome.ok && checkMark,
        h('b', null, outcome.ok ? strings.complete : fill(strings.shared)),
        h('br', null),
        h('span', { part: 'next' }, strings.next),
      ]
    );
  }
  if (state.status === 'cancelled' && state.reason === 'denied') return strings.denied;
  if (state.status === 'awaiting' && state.prompt === 'continue') return strings.unconfirmed;
  if (state.status === 'awaiting' && state.prompt === 'closed') return strings.closed;
  // Awaiting and cancelled have a line of the same name; idle and error have none.
  return (strings as Partial<Record<WidgetStatus, string>>)[status] ?? '';
}
