// Every error code's customer line, in every language: it says what the customer can do, and
// says "try again" exactly when a Try again button stands beside it.
import { ERROR_CODES, type KycErrorCode } from '@digilocker-kyc/shared/protocol';
import { expect } from '@open-wc/testing';
import bn from './locales/bn.js';
import gu from './locales/gu.js';
import hi from './locales/hi.js';
import kn from './locales/kn.js';
import ml from './locales/ml.js';
import mr from './locales/mr.js';
import or from './locales/or.js';
import pa from './locales/pa.js';
import ta from './locales/ta.js';
import te from './locales/te.js';
import { BUILT_IN_STRINGS, errorText, type KycStrings, resolveStrings } from './strings.js';

// As the element fills it in: the merchant's name, or the generic `site`.
const withMerchant = (text: string, strings: KycStrings, merchant: string) =>
  text.replace('{merchant}', merchant || strings.site);

/** "Try again", in each language: in a line exactly when the Try again button is beside it. */
const TRY_AGAIN: Record<string, RegExp> = {
  en: /try again/i,
  hi: /फिर से कोशिश/,
  bn: /আবার চেষ্টা/,
  gu: /ફરી પ્રયાસ/,
  kn: /ಮತ್ತೆ ಪ್ರಯತ್ನಿಸಿ/,
  ml: /വീണ്ടും ശ്രമിക്കുക/,
  mr: /पुन्हा प्रयत्न/,
  or: /ପୁଣି ଚେଷ୍ଟା/,
  pa: /ਦੁਬਾਰਾ ਕੋਸ਼ਿਸ਼/,
  ta: /மீண்டும் முயல/,
  te: /మళ్లీ ప్రయత్నించ/,
};

/** What each kind of fault asks of the customer, in English and Hindi (the others: try again or not). */
const ACTION: Record<string, { en: RegExp; hi: RegExp }> = {
  popup_blocked: {
    en: /Allow pop-ups for this site, then reload/,
    hi: /पॉप-अप चालू करें, फिर पेज रीलोड/,
  },
  unauthorized: { en: /Reload the page/, hi: /पेज रीलोड करें/ },
  upstream_retryable: { en: /in a few minutes/, hi: /कुछ मिनट बाद/ },
  final: { en: /contact Acme Bank/, hi: /Acme Bank से संपर्क करें/ },
  retryable: TRY_AGAIN as { en: RegExp; hi: RegExp },
};

const FILES: Record<string, Partial<KycStrings>> = { hi, bn, gu, kn, ml, mr, or, pa, ta, te };

function kind(code: KycErrorCode, retryable: boolean): string {
  if (code === 'popup_blocked' || code === 'unauthorized') return code;
  if (!retryable) return 'final';
  return code.startsWith('upstream_') ? 'upstream_retryable' : 'retryable';
}

describe('error texts', () => {
  for (const locale of Object.keys(TRY_AGAIN)) {
    const strings = locale === 'en' ? BUILT_IN_STRINGS.en : resolveStrings(FILES[locale]);
    for (const [code, { retryable }] of Object.entries(ERROR_CODES) as [
      KycErrorCode,
      { retryable: boolean },
    ][]) {
      it(`${locale} ${code}: says what to do${retryable ? ', and to try again' : ', never "try again"'}`, () => {
        const line = withMerchant(errorText(strings, code, retryable), strings, 'Acme Bank');
        const action = ACTION[kind(code, retryable)]?.[locale as 'en' | 'hi'];
        if (action) expect(line).to.match(action);
        expect(TRY_AGAIN[locale]?.test(line), line).to.equal(retryable);
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
