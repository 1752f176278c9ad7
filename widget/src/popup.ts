// The DigiLocker popup: opened blank on the click, navigated later, and watched with suspicion.
//
// `popup.closed` is only a hint. A Cross-Origin-Opener-Policy header on any page of the journey
// moves the popup to another browsing context group: our handle then reads `closed === true`
// while the customer is still looking at DigiLocker.
//
// Heuristic: when `closed` flips within `severedWindowMs` of a navigation this module made, we
// assume COOP may have severed the handle, not that the customer closed the window. The flip is
// reported at once either way (the element asks "Closed DigiLocker? Reopen it, or cancel.", a
// question that is true in both cases), marked `severed`. A severed handle is never trusted
// again: no cancel comes from it; the result must arrive on a channel or through Continue
// (status polling only shows that consent exists), and Cancel or the journey timeout ends the
// wait. A flip later than that window is a close: the caller checks the status and waits a grace
// period before it calls the attempt cancelled.
//
// Residual risk, both sides: a customer who really closes the window within the first
// `severedWindowMs` gets no automatic cancel (the prompt offers Cancel and Reopen, and the
// timeout ends it); and a COOP page that appears later in the journey (after a redirect chain
// longer than the window) looks like a close: the status check and the grace period cover a
// customer who finishes within the grace, not one who stays on DigiLocker longer.

import { LOCALE_KEY } from './page-locale.js';
import { placeholderStyles } from './placeholder.styles.js';

export const POPUP_NAME = 'dlkyc-digilocker';
const POPUP_FEATURES = 'popup,width=520,height=720';

export interface PopupTimings {
  /** How often `closed` is read. Default 500. */
  closedCheckMs: number;
  /** A `closed` flip this soon after our own navigation means "severed by COOP". Default 10 000. */
  severedWindowMs: number;
}

/**
 * Opens the journey window, blank. Must run synchronously inside the click, before any await, or
 * Safari and Firefox block it.
 */
export function openPopup(win: Window, url = '', name = POPUP_NAME): Window | null {
  try {
    return win.open(url, name, POPUP_FEATURES);
  } catch {
    return null;
  }
}

/** What the placeholder window says while the link is made, in the journey's language. */
export interface PlaceholderText {
  text: string;
  lang: string;
}

/**
 * Shows `text` in the window while the link is made, through the DOM (no HTML strings: Trusted
 * Types), styled by a stylesheet constructed in that window (no <style>, no style attribute:
 * the merchant page's CSP governs this about:blank window too). A window of that name already at
 * a cross-origin page keeps it, and is navigated anyway.
 */
export function showPlaceholder(popup: Window, { text, lang }: PlaceholderText): void {
  try {
    const doc = popup.document;
    doc.documentElement.lang = lang;
    doc.title = text;
    const spinner = doc.createElement('span');
    const line = doc.createElement('p');
    spinner.part.add('spinner');
    line.textContent = text;
    doc.body?.replaceChildren(spinner, line);
    // A sheet must be built by the window that adopts it; where constructable stylesheets are
    // missing (Safari before 16.4) the page stays plain and the text still shows.
    const sheet = new (popup as typeof window).CSSStyleSheet();
    sheet.replaceSync(placeholderStyles.cssText);
    doc.adoptedStyleSheets = [sheet];
    // For the return page DigiLocker will send this window to (page-locale.ts).
    popup.sessionStorage.setItem(LOCALE_KEY, lang);
  } catch {
    // Its document is unreadable.
  }
}

/** The journey window, watched: see the heuristic at the top of this file. */
export interface PopupWatch {
  /** The handle while it can be trusted: null once closed or severed. */
  readonly live: Window | null;
  /** True when the placeholder was closed before we ever navigated it (then `closed` is reliable). */
  readonly closedBeforeNavigation: boolean;
  /**
   * Sends the window (or `handle`, a window opened again) to `url`, or by `go` (the binding hop),
   * and watches it from now.
   */
  navigate(url: string, handle?: Window, go?: (popup: Window) => void): void;
  focus(): void;
  close(): void;
}

/**
 * Watches `handle`; `onClosed` runs when its `closed` flips, with `severed` true when that was
 * within the severed window (maybe COOP, maybe a close).
 */
export function watchPopup(
  handle: Window,
  timings: PopupTimings,
  onClosed: (severed: boolean) => void,
): PopupWatch {
  /** When this module last navigated the window; unset before the first navigation. */
  let navigatedAt: number | undefined;
  let severed: boolean | undefined;
  let timer: ReturnType<typeof setInterval> | undefined;
  // `closed`, `focus()` and `close()` are allowed on a cross-origin window: no try needed.
  const watch: PopupWatch = {
    get live() {
      return severed || handle.closed ? null : handle;
    },
    get closedBeforeNavigation() {
      return !navigatedAt && handle.closed;
    },
    navigate(url, next = handle, go) {
      handle = next;
      if (go) go(next);
      else next.location.replace(url);
      navigatedAt = Date.now();
      severed = false;
      clearInterval(timer);
      timer = setInterval(() => {
        if (!next.closed) return;
        clearInterval(timer);
        severed = Date.now() - navigatedAt! <= timings.severedWindowMs;
        onClosed(severed);
      }, timings.closedCheckMs);
    },
    focus() {
      watch.live?.focus();
    },
    close() {
      clearInterval(timer);
      if (!handle.closed) handle.close();
    },
  };
  return watch;
}
