// The simulated DigiLocker consent journey: show the page, take the decision once, send the customer back.
import express, { type NextFunction, type Request, type Response, Router } from 'express';
import type { AttemptStore, DecideOutcome } from './attempts.js';
import { consentCsp, renderConsentPage, renderMessagePage, SANDBOX_CSS } from './consent-page.js';
import type { FaultControl } from './fault-control.js';
import { sandboxFaults } from './fault-middleware.js';
import { DEFAULT_PERSONA_ID, findPersona, PERSONAS } from './personas.js';
import { appendVerificationId } from './return-url.js';

export interface ConsentContext {
  store: AttemptStore;
  faults: FaultControl;
  slowBodyMs: number;
}

/** Tokens are 32 random bytes in base64url; anything else cannot be ours. */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;
const MAX_FORM_BYTES = 2048;

function pageHeaders(_req: Request, res: Response, next: NextFunction): void {
  res.set({
    'Content-Security-Policy': consentCsp(),
    'Referrer-Policy': 'no-referrer',
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Cache-Control': 'no-store',
  });
  next();
}

function sendPage(res: Response, status: number, heading: string, explanation: string): void {
  res.status(status).type('html').send(renderMessagePage(heading, explanation));
}

/** The page for a link that cannot be used: 410 Gone when it existed but is spent, 404 when it never did. */
function refuse(res: Response, outcome: Exclude<DecideOutcome, { ok: true }>): void {
  const [status, heading, explanation] = REFUSALS[outcome.reason];
  sendPage(res, status, heading, explanation);
}

const REFUSALS: Record<'expired' | 'used' | 'unknown', [number, string, string]> = {
  expired: [
    410,
    'This link has expired',
    'DigiLocker links work for a limited time. Go back to the merchant and start again to get a new link.',
  ],
  used: [
    410,
    'This link was already used',
    'A DigiLocker link works once. Go back to the merchant and start again if you need to.',
  ],
  unknown: [
    404,
    'This link is not valid',
    'The sandbox does not know this link. It may belong to a sandbox that restarted.',
  ],
};

const EXPIRED_NOW: [string, string] = [
  'This link has expired',
  'Sandbox: you expired this link. The merchant page notices at its next status check; start again there for a new link.',
];

function tokenOf(value: unknown): string | undefined {
  return typeof value === 'string' && TOKEN_PATTERN.test(value) ? value : undefined;
}

export function consentRouter(context: ConsentContext): Router {
  const router = Router();
  const { store } = context;

  router.get('/sandbox.css', function sandboxStylesheet(_req: Request, res: Response) {
    res.type('text/css').set('Cache-Control', 'no-cache').send(SANDBOX_CSS);
  });

  router
    .route('/consent')
    .all(sandboxFaults(context.faults, 'consent', context.slowBodyMs), pageHeaders)
    .get(function showConsent(req: Request, res: Response) {
      const token = tokenOf(req.query.session);
      const outcome: DecideOutcome = token
        ? store.byToken(token)
        : { ok: false, reason: 'unknown' };
      if (!outcome.ok) {
        refuse(res, outcome);
        return;
      }
      const redirect = new URL(outcome.attempt.redirectUrl);
      res.set('Content-Security-Policy', consentCsp(redirect.origin));
      res
        .status(200)
        .type('html')
        .send(
          renderConsentPage({
            token: outcome.attempt.token,
            documents: outcome.attempt.documents,
            redirectHost: redirect.host,
            expiresAt: new Date(outcome.attempt.expiresAt),
            personas: PERSONAS,
            defaultPersonaId: DEFAULT_PERSONA_ID,
          }),
        );
    })
    .post(
      function requireForm(req: Request, res: Response, next: NextFunction) {
        const type = (req.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase();
        if (type === 'application/x-www-form-urlencoded') {
          next();
          return;
        }
        sendPage(
          res,
          415,
          'Unsupported form',
          'Expected the consent form to be posted as application/x-www-form-urlencoded.',
        );
      },
      express.urlencoded({ extended: false, limit: MAX_FORM_BYTES, parameterLimit: 10 }),
      function decideConsent(req: Request, res: Response) {
        const form = (req.body ?? {}) as Record<string, unknown>;
        const token = tokenOf(form.session);
        if (!token) {
          refuse(res, { ok: false, reason: 'unknown' });
          return;
        }
        if (form.decision === 'expire') {
          const expired = store.expire(token);
          if (!expired.ok) {
            refuse(res, expired);
            return;
          }
          // The widget learns of it from its next status check, as with a link that timed out.
          sendPage(res, 410, ...EXPIRED_NOW);
          return;
        }
        const personaId = form.persona === undefined ? DEFAULT_PERSONA_ID : String(form.persona);
        const persona = findPersona(personaId);
        if (!persona || (form.decision !== 'approve' && form.decision !== 'deny')) {
          return sendPage(
            res,
            400,
            'Choose a persona, then Approve or Deny',
            'Expected one of the listed personas and the Approve, Deny or Expire button.',
          );
        }
        const consents = form.decision === 'approve' && persona.decision === 'consent';
        const outcome = store.decide(
          token,
          consents ? { kind: 'consented', personaId: persona.id } : { kind: 'denied' },
        );
        if (!outcome.ok) {
          refuse(res, outcome);
          return;
        }
        const location = appendVerificationId(
          outcome.attempt.redirectUrl,
          outcome.attempt.verificationId,
        );
        res.status(303).set('Location', location).type('text/plain').send(`See Other: ${location}`);
      },
    )
    .all(function consentMethodNotAllowed(_req: Request, res: Response) {
      res.set('Allow', 'GET, POST');
      sendPage(
        res,
        405,
        'Method not allowed',
        'Expected GET to show the consent page or POST to decide.',
      );
    });

  router.use(function consentError(
    error: unknown,
    _req: Request,
    res: Response,
    next: NextFunction,
  ) {
    if (res.headersSent) {
      next(error);
      return;
    }
    const tooLarge = (error as { type?: unknown }).type === 'entity.too.large';
    if (tooLarge)
      return sendPage(res, 413, 'Form too large', `Expected at most ${MAX_FORM_BYTES} bytes.`);
    sendPage(res, 400, 'Bad request', 'The consent form could not be read.');
  });
  return router;
}
