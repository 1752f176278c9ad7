// The React page's call to the merchant's backend after `complete`: the same request as
// public/kyc-result.js, typed. The backend (scripts/merchant-backend.mjs) answers masked fields only.
import type { CompleteDetail, KycOutcome } from '@digilocker-kyc/widget';

export interface MaskedDocument {
  type?: string;
  /** "A*** V****" */
  name?: string;
  /** "XXXX-XXXX-1234" */
  aadhaar?: string;
  birth_year?: string;
}

export type KycResult =
  | { status: 'verified'; reference_id: string; document: MaskedDocument }
  | { status: 'failed'; code: string; message: string };

/**
 * What the customer reads in the widget when the backend has no document, by the backend's code
 * (its own `message` is written for the merchant); the same lines as public/kyc-result.js.
 */
const CUSTOMER_TEXT: Record<string, string> = {
  aadhaar_not_linked:
    'Your Aadhaar is not linked to your DigiLocker account. Link it in DigiLocker, then try again.',
  consent_denied: 'You did not share your documents. Try again to share them.',
  expired: 'This verification expired. Try again.',
};

/** The widget's `settle()` argument for the backend's answer; every failure here can be retried. */
export function outcomeFor(result: KycResult): KycOutcome {
  if (result.status === 'verified') return { ok: true };
  const message = CUSTOMER_TEXT[result.code] ?? 'We could not get your documents. Try again.';
  return { ok: false, message, retry: true };
}

export async function verifyOnBackend(detail: CompleteDetail): Promise<KycResult> {
  try {
    const response = await fetch('/api/kyc/verified', {
      method: 'POST',
      // The custom header is the backend's CSRF check: a cross-site page cannot send it unasked.
      headers: { 'Content-Type': 'application/json', 'X-Merchant-CSRF': '1' },
      body: JSON.stringify({
        reference_id: detail.reference_id,
        verification_id: detail.verification_id,
        session_token: detail.session_token,
      }),
    });
    const body = (await response.json().catch(() => null)) as KycResult | null;
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
