// The demo pages' shared script: applies ?mode, ?locale and ?theme, keeps a live log of the
// widget's events, and hands `complete` to the merchant's backend for the result panel. Text only
// (textContent): nothing from an event is ever parsed as HTML.
import { outcomeFor, renderResult, verifyOnBackend } from './kyc-result.js';

const EVENTS = [
  'digilocker-kyc-start',
  'digilocker-kyc-open',
  'digilocker-kyc-fallback',
  'digilocker-kyc-complete',
  'digilocker-kyc-cancel',
  'digilocker-kyc-error',
];
const MODES = ['auto', 'popup', 'redirect'];
const LOCALES = ['en', 'hi', 'bn', 'gu', 'kn', 'ml', 'mr', 'or', 'pa', 'ta', 'te', 'auto'];
const params = new URLSearchParams(location.search);

/** Sets mode and locale on an element from the page's query, when they are valid values. */
export function applyParams(element) {
  const mode = params.get('mode');
  const locale = params.get('locale');
  if (mode && MODES.includes(mode)) element.setAttribute('mode', mode);
  if (locale && LOCALES.includes(locale)) element.setAttribute('locale', locale);
}

/** The session token is for the merchant's backend: the log shows only its start and length. */
function describe(detail) {
  if (!detail || typeof detail !== 'object') return '';
  const shown = { ...detail };
  if (typeof shown.session_token === 'string') {
    shown.session_token = `${shown.session_token.slice(0, 10)}… (${shown.session_token.length} chars)`;
  }
  return JSON.stringify(shown);
}

function time() {
  const now = new Date();
  return `${now.toTimeString().slice(0, 8)}.${String(now.getMilliseconds()).padStart(3, '0')}`;
}

function startLog() {
  const log = document.getElementById('event-log');
  if (!log) return;
  const write = (text) => {
    const line = document.createElement('div');
    line.textContent = text;
    log.append(line);
    log.scrollTop = log.scrollHeight;
  };
  for (const name of EVENTS) {
    document.addEventListener(name, (event) => {
      const source =
        event.target instanceof Element && event.target.id ? `#${event.target.id} ` : '';
      write(`${time()} ${source}${name} ${describe(event.detail)}`);
      // The element updates its status after the event; read it once that has happened.
      queueMicrotask(() => {
        if (event.target && 'status' in event.target)
          write(`           status = ${event.target.status}`);
      });
    });
  }
  // A page under a strict CSP counts violations here; the demo expects zero.
  const violations = document.getElementById('csp-violations');
  document.addEventListener('securitypolicyviolation', (event) => {
    if (violations) violations.textContent = String(Number(violations.textContent) + 1);
    write(`${time()} CSP violation: ${event.effectiveDirective} ${event.blockedURI}`);
  });
  const clear = document.getElementById('clear-log');
  clear?.addEventListener('click', () => log.replaceChildren());
}

function applyPage() {
  if (params.get('theme') === 'brand') document.documentElement.classList.add('theme-brand');
  for (const element of document.querySelectorAll('digilocker-kyc')) applyParams(element);
  // Reflect the query in the controls form, so a reload keeps the choice visible.
  for (const name of ['mode', 'locale', 'theme']) {
    const select = document.querySelector(`.controls select[name="${name}"]`);
    const value = params.get(name);
    if (select && value && [...select.options].some((option) => option.value === value)) {
      select.value = value;
    }
  }
  // The cross-origin demo runs on PORT+2 by default (demo/scripts/start.mjs).
  const crossOrigin = document.getElementById('cross-origin-link');
  if (crossOrigin && location.port) {
    const port = Number(location.port) + 2;
    crossOrigin.href = `${location.protocol}//${location.hostname}:${port}/xo/cross-origin.html`;
    crossOrigin.textContent = crossOrigin.href;
  }
  const frame = document.getElementById('merchant-frame');
  if (frame && location.port) {
    const port = Number(location.port) + 2;
    frame.src = `${location.protocol}//${location.hostname}:${port}/xo/cross-origin.html${location.search}`;
  }
  const strict = document.getElementById('strict-csp-link');
  if (strict && location.port) {
    const port = Number(location.port) + 2;
    strict.href = `${location.protocol}//${location.hostname}:${port}/xo/strict-csp.html`;
    strict.textContent = strict.href;
  }
}

/**
 * The merchant's next step: `complete` means consent was confirmed, not that the document is in
 * hand. The backend verifies the token and fetches the document; the widget is told how that
 * ended (`settle()`: verified, or why not with a Try again), the panel shows the backend's answer,
 * and `demo-kyc-result` tells the page's own code (the hash app's "Done" view).
 */
function startResultPanel() {
  const panel = document.getElementById('kyc-result');
  const show = (outcome) => {
    if (panel) renderResult(panel, outcome);
    if (outcome.status === 'verified' || outcome.status === 'failed') {
      document.dispatchEvent(
        new CustomEvent('demo-kyc-result', { detail: { status: outcome.status } }),
      );
    }
  };
  show({ status: 'waiting' });
  document.addEventListener('digilocker-kyc-start', () => show({ status: 'waiting' }));
  document.addEventListener('digilocker-kyc-complete', async (event) => {
    const element = event.target;
    show({ status: 'checking' });
    const result = await verifyOnBackend(event.detail);
    element.settle(outcomeFor(result));
    show(result);
  });
  document.addEventListener('digilocker-kyc-cancel', (event) => {
    const message = 'the customer did not finish on DigiLocker.';
    show({ status: 'failed', code: event.detail?.reason ?? 'cancelled', message });
  });
  document.addEventListener('digilocker-kyc-error', (event) => {
    show({
      status: 'failed',
      code: event.detail?.code ?? 'error',
      message: event.detail?.message ?? '',
    });
  });
}

startLog();
applyPage();
startResultPanel();
