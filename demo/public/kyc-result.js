// The page's half of the merchant's next step: post the `complete` detail to the merchant's own
// backend (demo/scripts/merchant-backend.mjs) and show its answer, masked fields or the reason
// it failed, in the result panel. DOM API and textContent only: nothing is parsed as HTML.

export const RESULT_PATH = '/api/kyc/verified';

/**
 * Posts the ids and the session token (never anything else) with the backend's CSRF header.
 * Resolves to `{ status: 'verified', document }` or `{ status: 'failed', code, message }`.
 */
export async function verifyOnBackend(detail) {
  try {
    const response = await fetch(RESULT_PATH, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Merchant-CSRF': '1' },
      body: JSON.stringify({
        reference_id: detail.reference_id,
        verification_id: detail.verification_id,
        session_token: detail.session_token,
      }),
    });
    const body = await response.json().catch(() => null);
    if (body?.status === 'verified' || body?.status === 'failed') return body;
    return {
      status: 'failed',
      code: `http_${response.status}`,
      message: 'The backend gave no usable answer.',
    };
  } catch {
    return { status: 'failed', code: 'network', message: 'The backend could not be reached.' };
  }
}

/**
 * What the customer reads in the widget when the backend has no document, by the backend's code:
 * the backend's own `message` is written for the merchant.
 */
const CUSTOMER_TEXT = {
  aadhaar_not_linked:
    'Your Aadhaar is not linked to your DigiLocker account. Link it in DigiLocker, then try again.',
  consent_denied: 'You did not share your documents. Try again to share them.',
  expired: 'This verification expired. Try again.',
};

/**
 * The widget's `settle()` argument for the backend's answer: verified, or not with a line for the
 * customer and a Try again (every failure here is one the customer can retry).
 */
export function outcomeFor(result) {
  if (result.status === 'verified') return { ok: true };
  const message = CUSTOMER_TEXT[result.code] ?? 'We could not get your documents. Try again.';
  return { ok: false, message, retry: true };
}

const FIELDS = [
  ['name', 'Name'],
  ['aadhaar', 'Aadhaar'],
  ['birth_year', 'Year of birth'],
];

function element(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

/**
 * Shows one outcome: `waiting` (nothing yet), `checking`, `verified` or `failed`. The panel is a
 * `role="status"` region, so a screen reader hears each change without losing its place.
 */
export function renderResult(panel, outcome) {
  panel.dataset.outcome = outcome.status;
  if (outcome.status === 'waiting') {
    panel.replaceChildren(element('p', 'Verify above: the backend’s answer appears here.'));
  } else if (outcome.status === 'checking') {
    panel.replaceChildren(element('p', 'Consent confirmed. Fetching the document on the backend…'));
  } else if (outcome.status === 'verified') {
    const list = element('dl');
    for (const [key, label] of FIELDS) {
      const value = outcome.document?.[key];
      if (value) list.append(element('dt', label), element('dd', value));
    }
    panel.replaceChildren(
      element('p', 'Verified: the backend fetched the document from DigiLocker.', 'result-title'),
      list,
      element(
        'p',
        'The page receives masked fields only; the full record stays on the server.',
        'note',
      ),
    );
  } else {
    panel.replaceChildren(
      element('p', `Not verified: ${outcome.message}`, 'result-title'),
      element('p', `Reason code: ${outcome.code}`, 'note'),
    );
  }
}
