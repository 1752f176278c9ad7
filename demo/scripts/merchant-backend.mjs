// The merchant's next step, as sample code to copy: verify the widget's completion token and fetch
// the verified document from Eko server to server (one call), and answer with masked fields only.
//
//   app.use(kycResultRoute({ sessionSecrets: [process.env.SESSION_SECRET], eko: { … } }).router);
//
// The page posts the `digilocker-kyc-complete` detail here (demo/public/demo-page.js,
// demo/src/kyc-result.ts). Aadhaar data stays on the server: never in the reply, never in a log.
import { createEkoClient, fetchVerifiedDocument, verifySessionToken } from '@digilocker-kyc/server';
import express from 'express';

export const RESULT_PATH = '/api/kyc/verified';
/**
 * A custom header the page must send. A cross-site form cannot send one, and a cross-site fetch
 * that does needs a CORS preflight this route never grants: the CSRF defence.
 */
export const CSRF_HEADER = 'X-Merchant-CSRF';
const ID = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * `sessionSecrets`: the signing server's SESSION_SECRET (the same value, shared by both).
 * `eko`: the same credentials and base URL the signing server uses (createEkoClient options).
 */
export function kycResultRoute({ sessionSecrets, eko, now = Date.now }) {
  const client = createEkoClient(eko);
  const router = express.Router();

  router.post(
    RESULT_PATH,
    function requireCsrfHeader(req, res, next) {
      if (req.get(CSRF_HEADER) !== '1' || !req.is('application/json')) {
        res.status(403).json(failed('forbidden', `Expected a JSON post with ${CSRF_HEADER}: 1.`));
        return;
      }
      next();
    },
    express.json({ limit: '4kb' }),
    async function kycVerified(req, res) {
      const body = req.body ?? {};
      // The completion token proves DigiLocker's return reached the browser that started this
      // attempt; fetchVerifiedDocument refuses anything else (the create-time token included),
      // then fetches the document for the attempt the token names. The demo has no accounts,
      // so no user is bound (`subject: null`); in your app pass the signed-in user's id.
      const verificationId =
        typeof body.verification_id === 'string' && ID.test(body.verification_id)
          ? body.verification_id
          : undefined;
      let claims;
      let documents;
      try {
        ({
          claims,
          document: { documents },
        } = await fetchVerifiedDocument(body.session_token, {
          secrets: sessionSecrets,
          subject: null,
          eko: client,
          now: now(),
          ...(verificationId ? { verificationId } : {}),
        }));
      } catch (error) {
        if (error?.code === 'unauthorized') {
          res
            .status(401)
            .json(failed('unauthorized', 'This verification could not be confirmed. Start again.'));
          return;
        }
        // The token was good (only the document call failed): explain with its attempt.
        const proven = verifySessionToken(body.session_token, {
          secrets: sessionSecrets,
          now: now(),
        });
        const failure = await explain(client, proven.reference_id, error);
        res.status(failure.http).json(failed(failure.code, failure.message));
        return;
      }
      // The page's origin must be the one the attempt was created for.
      if (req.get('origin') && claims.origin !== req.get('origin')) {
        res
          .status(401)
          .json(failed('unauthorized', 'This verification could not be confirmed. Start again.'));
        return;
      }
      // Store the full record here (your database, encrypted at rest). Do not log it.
      const document = documents.find((d) => d.document_type === 'AADHAAR') ?? documents[0];
      res.json({
        status: 'verified',
        reference_id: claims.reference_id,
        document: masked(document),
      });
    },
  );

  return { router, close: () => client.close() };
}

function failed(code, message) {
  return { status: 'failed', code, message };
}

/** What the page may show: a masked name, the masked Aadhaar number, the year of birth. */
function masked(document) {
  if (!document) return {};
  return {
    type: document.document_type,
    name: maskName(document.name),
    aadhaar: document.masked_aadhaar, // already "XXXX-XXXX-1234": the library keeps only 4 digits
    birth_year: document.dob?.slice(0, 4), // dob is ISO (YYYY-MM-DD) after normalisation
  };
}

/** "Asha Verma" → "A*** V****": enough for the customer to recognise, not to identify. */
function maskName(name) {
  if (typeof name !== 'string') return undefined;
  return name
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => {
      const [first = '', ...rest] = Array.from(word);
      return first + '*'.repeat(Math.max(rest.length, 1));
    })
    .join(' ');
}

/** Turns the client's KycError into a reason the customer can act on. */
async function explain(client, referenceId, error) {
  const code = error?.code;
  if (code === 'upstream_rejected') {
    // Eko gives no dedicated code for a refused document; the status call says why: consent
    // denied, or (user_details.eaadhaar not Y) no Aadhaar linked to the DigiLocker account.
    const status = await client.getVerificationStatus({ referenceId }).catch(() => undefined);
    if (status?.status === 'denied') {
      return {
        http: 422,
        code: 'consent_denied',
        message: 'The customer did not consent on DigiLocker.',
      };
    }
    const flag = String(status?.data?.user_details?.eaadhaar ?? '').toUpperCase();
    if (status?.status === 'consented' && flag !== '' && flag !== 'Y' && flag !== 'AVAILABLE') {
      return {
        http: 422,
        code: 'aadhaar_not_linked',
        message:
          "Aadhaar is not linked to this customer's DigiLocker account. Ask them to link it in DigiLocker, or verify another way.",
      };
    }
    return {
      http: 422,
      code: 'document_refused',
      message: 'DigiLocker did not return the document.',
    };
  }
  if (code === 'consent_pending') {
    return { http: 409, code, message: 'The customer has not finished on DigiLocker yet.' };
  }
  if (code === 'session_expired' || code === 'not_found') {
    return { http: 410, code: 'expired', message: 'This DigiLocker attempt expired. Start again.' };
  }
  // Network, timeout, circuit or signature problems: worth a retry; the code alone is logged.
  process.stderr.write(`merchant backend: document fetch failed (${code ?? 'unknown error'})\n`);
  return {
    http: 502,
    code: 'unavailable',
    message: 'DigiLocker could not be reached. Try again in a moment.',
  };
}
