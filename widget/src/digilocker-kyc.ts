// The <digilocker-kyc> element: its API, language and focus; the controller runs it, kyc-view.ts draws it.
import type { DocumentType, KycMode, WidgetStatus } from '@digilocker-kyc/shared/protocol';
import { type PropertyValues, ReactiveElement } from '@lit/reactive-element';
import {
  DEFAULT_TIMINGS,
  type KycConfig,
  type KycOutcome,
  type KycResult,
  type KycTimings,
} from './config.js';
import { styles } from './digilocker-kyc.styles.js';
import { emit } from './emit.js';
import { KycController } from './kyc-controller.js';
import { kycView } from './kyc-view.js';
import { fetchWords, pickLocale, wordsOf } from './locale.js';
import { rememberLocale } from './page-locale.js';
import { type Child, render } from './render.js';
import { type KycLocale, type KycStrings, resolveStrings } from './strings.js';

const MODES: readonly string[] = ['popup', 'redirect'];

/**
 * A button that runs a DigiLocker KYC journey through your signing server, in a popup or, where
 * popups cannot work, a full-page redirect, and reports the verified result as events.
 *
 * After `complete` the element says "Consent received, checking…" until your page calls
 * `settle()` with what its backend found: `{ ok: true }` shows a check mark, "Verified with
 * DigiLocker" and the next step; `{ ok: false, message, retry: true }` shows the message and a
 * Try again button. A page that never calls it gets the neutral "Consent shared with
 * {merchant}." after `settleTimeoutMs`. Verified, or after an error a retry cannot fix
 * (`retryable: false`), there is no start control: `start()` does nothing then, and `reset()`
 * offers a new attempt.
 *
 * @summary Verify a customer's Aadhaar (and other documents) with DigiLocker, in one element.
 * @tag digilocker-kyc
 *
 * @fires digilocker-kyc-start - The customer asked to start. Cancelable: `preventDefault()` vetoes the journey. Detail `{ mode }`.
 * @fires digilocker-kyc-open - DigiLocker opened. Detail `{ reference_id, mode: 'popup' | 'redirect' }`.
 * @fires digilocker-kyc-fallback - A popup is impossible; switching to a full-page redirect. Detail `{ reason }`.
 * @fires digilocker-kyc-complete - DigiLocker's return reached this browser and the server confirmed consent. Detail `{ reference_id, verification_id?, documents, session_token }`; `session_token` is the completion token your backend verifies (`fetchVerifiedDocument`).
 * @fires digilocker-kyc-cancel - The customer denied consent or gave up. Detail `{ reference_id?, reason }`.
 * @fires digilocker-kyc-error - Anything else failed. Detail `{ code, message, retryable, reference_id? }`.
 *
 * @slot - The start button's label (default "Verify with DigiLocker").
 *
 * @csspart share - The line above the start button: what is shared from DigiLocker, with whom.
 * @csspart button - The start button (also Try again after an error a retry can fix).
 * @csspart mark - The locker mark in the start button (inline SVG, `currentColor` stroke).
 * @csspart reopen-button - "Reopen DigiLocker", while the popup journey runs.
 * @csspart cancel-button - "Cancel", while the popup journey runs.
 * @csspart continue-button - "Continue": consent was given but its return did not reach this page; the click confirms it in this browser.
 * @csspart status - The polite live status line; once settled, the check mark, heading and next step.
 * @csspart spinner - The busy indicator in the status line while connecting or checking.
 * @csspart check - The success check mark (inline SVG).
 * @csspart next - The next step under the success heading (the `next` string).
 * @csspart error - The error line (`role="alert"`): what went wrong and what to do; also the page's `settle()` message.
 *
 * @cssproperty --digilocker-kyc-accent - Start button background; border and text of the others (default #1a56db).
 * @cssproperty --digilocker-kyc-accent-hover - Start button background on hover (default #1e429f).
 * @cssproperty --digilocker-kyc-accent-text - Start button text colour (default #fff).
 * @cssproperty --digilocker-kyc-radius - Button corner radius (default 0.5rem).
 * @cssproperty --digilocker-kyc-padding - Button padding (default 0.625rem 1.25rem).
 * @cssproperty --digilocker-kyc-font - Font family (default inherit).
 * @cssproperty --digilocker-kyc-error-color - Error line colour (default #c81e1e).
 * @cssproperty --digilocker-kyc-focus-ring - Focus outline (default 3px solid #1a56db, 6.2:1 on white).
 * @cssproperty --digilocker-kyc-gap - Space between buttons (default 0.5rem).
 * @cssproperty --digilocker-kyc-success-color - Check mark disc colour (default #057a55).
 */
export class DigilockerKyc extends ReactiveElement {
  static override styles = styles;

  // A static map rather than decorators: Lit's decorator code costs ~0.5 KB gzipped, and the
  // script-tag bundle has a 13 KB budget.
  static override properties = {
    endpoint: {},
    documents: {},
    mode: {},
    redirectUrl: { attribute: 'redirect-url' },
    locale: {},
    merchant: {},
    disabled: { type: Boolean, reflect: true },
    strings: { attribute: false },
  };

  /** URL of the signing server's mount point, e.g. `/kyc` (required). */
  endpoint = '';

  /** Documents to request, space-separated, e.g. `AADHAAR PAN` (default: the server's choice). */
  documents = '';

  /** `auto` (popup, redirect where a popup cannot work), `popup` or `redirect`. */
  mode: KycMode = 'auto';

  /** Where DigiLocker sends the customer back (`redirect-url`): one of the server's RETURN_URLS. */
  redirectUrl = '';

  /**
   * Language of the built-in text: `en` `hi` `bn` `gu` `kn` `ml` `mr` `or` `pa` `ta` `te`, or
   * `auto` (the browser's first of these). English is built in; another language's file loads on
   * demand, and the element renders once it is here (English if it has not come in `localeWaitMs`).
   */
  locale = 'en';

  /** Your business name, for "Share your documents from DigiLocker with {merchant}" (default: "this site"). */
  merchant = '';

  /** Disables the start button. */
  disabled = false;

  /** Overrides for any built-in text (see `KycStrings`). */
  strings: Partial<KycStrings> = {};

  /**
   * Overrides for the journey's timings in ms: polling, grace periods, timeouts (see
   * docs/timings.md; each one's default is in `KycTimings`).
   */
  timings: Partial<KycTimings> = {};

  /** How redirect mode leaves the page; replace it to route through your app (or in tests). */
  navigate: (url: string) => void = (url) => window.location.assign(url);

  readonly #controller = new KycController(this, {
    win: window,
    config: () => this.#config(),
    emit: (name, detail, options) => emit(this, name, detail, options),
  });
  // Unset until first used (no constructor assignments in the bundle).
  #focusBefore?: Element | null;
  #shownStatus?: WidgetStatus;
  /** The language whose file this element has asked for, and one it stopped waiting for. */
  #awaited?: KycLocale;
  #gaveUp?: KycLocale;

  /** Where the journey is: `idle creating awaiting verifying complete cancelled error`. */
  get status(): WidgetStatus {
    return this.#controller.state.status;
  }

  /**
   * The last journey's end, `{ type, detail }` of its `complete`, `cancel` or `error` event, for
   * code that attaches its listeners late; unset before one ends, while one runs, after `reset()`.
   */
  get result(): KycResult | undefined {
    return this.#controller.result;
  }

  /**
   * Starts a journey. While one runs, brings its DigiLocker window to the front instead. Does
   * nothing after `complete` (unless `settle()` offered a retry): call `reset()` first.
   */
  start(): void {
    const controller = this.#controller;
    const { state } = controller;
    if (this.disabled || (state.status === 'complete' && !state.outcome?.retry)) return;
    if (!controller.busy) this.#focusBefore = document.activeElement;
    controller.start();
  }

  /** Ends the running journey with `digilocker-kyc-cancel` (`reason: 'cancelled'`). */
  cancel(): void {
    this.#controller.cancel();
  }

  /** Forgets any journey and its result, without an event, and shows the start button again. */
  reset(): void {
    this.#controller.reset();
  }

  /**
   * After `complete`, says how it ended once your backend has checked it: `{ ok: true }` (shows
   * verified) or `{ ok: false, message?, retry? }` (shows `message`; `retry: true` adds a Try
   * again button that starts a new attempt). Ignored in any other state.
   */
  settle(outcome: KycOutcome): void {
    if (typeof outcome?.ok !== 'boolean') {
      throw new TypeError('settle() expects { ok: true } or { ok: false, message?, retry? }');
    }
    this.#controller.settle(outcome);
  }

  protected override updated(): void {
    // Busy for assistive technology while we talk to the server; not while the customer is on
    // DigiLocker (that wait is theirs, and the status line says so).
    const state = this.#controller.state;
    const { status } = state;
    const working =
      status === 'creating' ||
      status === 'verifying' ||
      (state.status === 'complete' && !state.outcome);
    if (working) this.setAttribute('aria-busy', 'true');
    else this.removeAttribute('aria-busy');
    if (status === this.#shownStatus) return;
    this.#shownStatus = status;
    this.#moveFocus(status);
  }

  /** Renders `render()` into the shadow root (render.ts: why not lit-html). */
  protected override update(changed: PropertyValues): void {
    const view = this.render();
    super.update(changed);
    render(view, this.renderRoot);
  }

  render(): Child {
    const language = this.#language();
    // Nothing until the language's lines are here: no flash of English before them.
    if (!language) return null;
    const controller = this.#controller;
    return kycView({
      ...language,
      state: controller.state,
      merchant: this.merchant,
      disabled: this.disabled,
      onStart: () => this.start(),
      onCancel: () => this.cancel(),
      onReopen: () => controller.reopen(),
      onContinue: () => controller.confirm(),
    });
  }

  /**
   * The language to show and its lines, or undefined while its file is on its way (asked for
   * here, once); English when the file failed, or has not come within `localeWaitMs`. A file
   * that comes later still switches the element to its language.
   */
  #language(): { lang: KycLocale; strings: KycStrings } | undefined {
    let lang = pickLocale(this.locale);
    // English's lines are always here.
    const words = wordsOf(lang);
    if (!words) {
      if (words === undefined && this.#gaveUp !== lang) {
        if (this.#awaited !== lang) {
          const asked = lang as Exclude<KycLocale, 'en'>;
          this.#awaited = asked;
          const update = () => this.requestUpdate();
          fetchWords(asked).then(update);
          setTimeout(
            () => {
              this.#gaveUp = asked;
              update();
            },
            { ...DEFAULT_TIMINGS, ...this.timings }.localeWaitMs,
          );
        }
        return undefined;
      }
      lang = 'en';
    }
    return { lang, strings: resolveStrings(words, this.strings) };
  }

  #config(): KycConfig {
    const { lang, strings } = this.#language() ?? {
      lang: 'en',
      strings: resolveStrings(undefined, this.strings),
    };
    const tokens = this.documents.split(/[\s,]+/).filter(Boolean) as DocumentType[];
    return {
      endpoint: this.endpoint,
      // The server validates the names; an unknown one comes back as `invalid_request`.
      documents: tokens.length ? tokens : undefined,
      redirectUrl: this.redirectUrl || undefined,
      mode: MODES.includes(this.mode) ? this.mode : 'auto',
      waits: { ...DEFAULT_TIMINGS, ...this.timings },
      popupText: { text: strings.connecting, lang },
      // A redirect journey's return page, on this origin, speaks its language (page-locale.ts).
      navigate: (url) => {
        rememberLocale(window, lang);
        this.navigate(url);
      },
    };
  }

  /** Keeps keyboard focus in place as buttons come and go, and gives it back after the journey. */
  #moveFocus(status: WidgetStatus): void {
    const before = this.#focusBefore;
    const active = document.activeElement;
    // Only when the focus is ours to move: inside this element, or fallen to the body.
    if (!before || (active !== this && active !== document.body && active)) return;
    const find = (part: string) => this.renderRoot.querySelector<HTMLElement>(`[part=${part}]`);
    if (status === 'awaiting' && this.#controller.mode === 'popup') find('reopen-button')?.focus();
    if (this.#controller.busy) return;
    this.#focusBefore = null;
    // Back to where it was; to the start button when that was (a button of) this element, or to
    // the line that says why there is none (verified, or an error a retry cannot fix).
    (before !== this && before.isConnected && before instanceof HTMLElement
      ? before
      : (find('button') ?? find(status === 'error' ? 'error' : 'status'))
    )?.focus();
  }
}
