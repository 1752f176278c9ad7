// Where DigiLocker sends the customer back: the merchant's redirect_url plus verification_id.

/**
 * Appends `verification_id` the way DigiLocker does. The existing query is kept byte for byte
 * (re-serialising it through URLSearchParams would re-encode a merchant's signed parameters),
 * and the fragment stays last, so hash-routed pages like `https://shop/?a=1#/kyc` still route.
 */
export function appendVerificationId(redirectUrl: string, verificationId: string): string {
  const url = new URL(redirectUrl);
  const pair = `verification_id=${encodeURIComponent(verificationId)}`;
  const query = url.search.length > 1 ? `${url.search}&${pair}` : `?${pair}`;
  url.search = query;
  return url.href;
}
