// Every error code's customer line, in English and Hindi: it says what the customer can do, and
// says "try again" exactly when a Try again button stands beside it.
import { ERROR_CODES, type KycErrorCode } from '@digilocker-kyc/shared/protocol';
import { expect } from '@open-wc/testing';
import { BUILT_IN_STRINGS, errorText, type KycStrings } from './strings.js';

// As the element fills it in: the merchant's name, or the generic `site`.
const withMerchant = (text: string, strings: KycStrings, merchant: string) =>
  text.replace('{merchant}', merchant || strings.site);

const TRY_AGAIN = { en: /try again/i, hi: /फिर से कोशिश/ };

/** What each kind of fault asks of the customer, per language. */
const ACTION: Record<string, { en: RegExp; hi: RegExp }> = {
  popup_blocked: {
    en: /Allow pop-ups for this site, then reload/,
    hi: /पॉप-अप चालू करें, फिर पेज रीलोड/,
  },
  unauthorized: { en: /Reload the page/, hi: /पेज रीलोड करें/ },
  upstream_retryable: { en: /in a few minutes/, hi: /कुछ मिनट बाद/ },
  final: { en: /contact Acme Bank/, hi: /Acme Bank से संपर्क करें/ },
  retryable: TRY_AGAIN,
};

function kind(code: KycErrorCode, retryable: boolean): string {
  if (code === 'popup_blocked' || code === 'unauthorized') return code;
  if (!retryable) return 'final';
  return code.startsWith('upstream_') ? 'upstream_retryable' : 'retryable';
}

describe('error texts', () => {
  for (const locale of ['en', 'hi'] as const) {
    const strings = BUILT_IN_STRINGS[locale];
    for (const [code, { retryable }] of Object.entries(ERROR_CODES) as [
      KycErrorCode,
      { retryable: boolean },
    ][]) {
      it(`${locale} ${code}: says what to do${retryable ? ', and to try again' : ', never "try again"'}`, () => {
        const line = withMerchant(errorText(strings, code, retryable), strings, 'Acme Bank');
        expect(line).to.match(ACTION[kind(code, retryable)]?.[locale] as RegExp);
        expect(TRY_AGAIN[locale].test(line), line).to.equal(retryable);
        expect(line).not.to.match(/support|सहायता से/);
        expect(line).not.to.contain('{merchant}');
      });
    }
    it(`${locale}: without a merchant name the line names the site`, () => {
      const line = withMerchant(errorText(strings, 'config_error', false), strings, '');
      expect(line).to.contain(strings.site);
    });
  }
});
