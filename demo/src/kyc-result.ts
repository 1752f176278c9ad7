// The React page's call to the merchant's backend after `complete`: the same request as
// public/kyc-result.js, typed. The backend (scripts/merchant-backend.mjs) answers masked fields only.
import type { CompleteDetail } from '@digilocker-kyc/widget';

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
