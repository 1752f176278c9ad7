// Eko's DigiLocker API under /ekoapi/v3: faults, then routing (404/405), auth (403), body (415/413/400), the call.
import express, { type NextFunction, type Request, type Response, Router } from 'express';
import type { AttemptStore } from './attempts.js';
import { type EkoCredentials, ekoAuth } from './auth.js';
import { createUrl, getDocument, verificationStatus } from './eko-calls.js';
import {
  apiErrorHandler,
  ekoMethodNotAllowed,
  ekoNotFound,
  MAX_BODY_BYTES,
  requireJson,
  requireObjectBody,
} from './eko-gateway.js';
import type { FaultControl } from './fault-control.js';
import { sandboxFaults } from './fault-middleware.js';
import {
  type Agent,
  parseCreateRequest,
  parseDocumentRequest,
  parseOldDocumentRequest,
  parseStatusQuery,
} from './requests.js';
import { faultPlanOf, sendEkoReply } from './respond.js';

export interface EkoApiContext {
  credentials: EkoCredentials;
  agent: Agent;
  now: () => number;
  signatureToleranceMs: number;
  store: AttemptStore;
  faults: FaultControl;
  slowBodyMs: number;
  /** The consent link for a token, on the sandbox's own origin. */
  consentUrl: (req: Request, token: string) => string;
  /** Counts create calls that got past authentication, valid or not. */
  onCreateRequest: () => void;
}

type Input = Record<string, unknown>;

export function ekoApiRouter(context: EkoApiContext): Router {
  const router = Router({ caseSensitive: true, strict: false });
  // The Date header follows the injected clock, so a client measuring its skew from Eko's Date
  // sees the same time the signature window is checked against.
  router.use(function sandboxDate(_req: Request, res: Response, next: NextFunction) {
    res.setHeader('Date', new Date(context.now()).toUTCString());
    next();
  });
  router.use(sandboxFaults(context.faults, 'api', context.slowBodyMs));
  const auth = ekoAuth(context.credentials, context.now, context.signatureToleranceMs);
  const jsonBody = [
    requireJson,
    express.json({ limit: MAX_BODY_BYTES, strict: false, type: () => true }),
    requireObjectBody,
  ];
  const { store, agent } = context;

  router
    .route('/tools/kyc/digilocker')
    .post(auth, jsonBody, function createDigilockerUrl(req: Request, res: Response) {
      context.onCreateRequest();
      const parsed = parseCreateRequest(req.body as Input, agent);
      if (!parsed.ok) return sendEkoReply(res, 200, parsed.envelope);
      sendEkoReply(
        res,
        200,
        createUrl(
          store,
          parsed.value,
          (token) => context.consentUrl(req, token),
          faultPlanOf(res)?.faults.leakyLink,
        ),
      );
    })
    .all(ekoMethodNotAllowed('POST'));

  router
    .route('/tools/kyc/digilocker/status')
    .get(auth, function digilockerStatus(req: Request, res: Response) {
      const parsed = parseStatusQuery(req.query as Input, agent);
      if (!parsed.ok) return sendEkoReply(res, 200, parsed.envelope);
      sendEkoReply(res, 200, verificationStatus(store, parsed.value.referenceId));
    })
    .all(ekoMethodNotAllowed('GET'));

  router
    .route('/tools/kyc/digilocker/document')
    .post(auth, jsonBody, function digilockerDocument(req: Request, res: Response) {
      const parsed = parseDocumentRequest(req.body as Input, agent);
      if (!parsed.ok) return sendEkoReply(res, 200, parsed.envelope);
      sendEkoReply(res, 200, getDocument(store, parsed.value, 'list'));
    })
    .all(ekoMethodNotAllowed('POST'));

  router
    .route('/tools/kyc/digilocker/document/:documentType')
    .get(auth, function digilockerDocumentOld(req: Request, res: Response) {
      const documentType = String(req.params.documentType);
      const parsed = parseOldDocumentRequest(documentType, req.query as Input, agent);
      if (!parsed.ok) return sendEkoReply(res, 200, parsed.envelope);
      sendEkoReply(res, 200, getDocument(store, parsed.value, 'flat'));
    })
    .all(ekoMethodNotAllowed('GET'));

  router.use(ekoNotFound);
  router.use(apiErrorHandler);
  return router;
}
