// Loopback-only control API, so end-to-end tests that reach the sandbox through the signing server can steer it.
import express, { type NextFunction, type Request, type Response, Router } from 'express';
import * as z from 'zod/mini';
import { IN_ENGLISH } from '../issue-messages.js';
import type { AttemptStore, SandboxAttempt } from './attempts.js';
import type { FaultControl } from './fault-control.js';
import { DEFAULT_PERSONA_ID, findPersona } from './personas.js';
import { appendVerificationId } from './return-url.js';

export interface ControlContext {
  store: AttemptStore;
  faults: FaultControl;
  createRequests: () => number;
  reset: () => void;
}

const armSchema = z.strictObject({
  faults: z.string().check(z.maxLength(200)),
  times: z.optional(z.int().check(z.minimum(1), z.maximum(1_000_000))),
  scope: z.optional(z.enum(['api', 'consent', 'all'])),
});

const decisionSchema = z.strictObject({
  decision: z.enum(['approve', 'deny']),
  persona: z.optional(z.string().check(z.maxLength(64))),
});

export function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  return address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.');
}

/** Only this machine may steer the sandbox; others see nothing there. */
function loopbackOnly(req: Request, res: Response, next: NextFunction): void {
  if (isLoopback(req.socket.remoteAddress)) {
    next();
    return;
  }
  res.status(404).json({ error: 'Not Found' });
}

/**
 * Writes must be JSON: a web page cannot send that cross-origin without a CORS preflight, which
 * the sandbox never grants, so a page open in the tester's browser cannot reset the sandbox.
 */
function jsonWrites(req: Request, res: Response, next: NextFunction): void {
  if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'DELETE') {
    next();
    return;
  }
  const type = (req.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase();
  if (type === 'application/json') {
    next();
    return;
  }
  res.status(415).json({ error: 'Expected Content-Type: application/json.' });
}

function describe(store: AttemptStore, attempt: SandboxAttempt): Record<string, unknown> {
  return {
    reference_id: attempt.referenceId,
    status: store.statusOf(attempt),
    documents: attempt.documents,
    created_at: new Date(attempt.createdAt).toISOString(),
    expires_at: new Date(attempt.expiresAt).toISOString(),
    decided_at: attempt.decision ? new Date(attempt.decision.at).toISOString() : null,
    persona: attempt.decision?.kind === 'consented' ? attempt.decision.personaId : null,
  };
}

export function controlRouter(context: ControlContext): Router {
  const router = Router();
  const { store, faults } = context;
  router.use(loopbackOnly, jsonWrites, express.json({ limit: 1024 }));

  router.get('/faults', (_req, res) => {
    res.json(faults.snapshot());
  });
  router.put('/faults', (req, res) => {
    const parsed = armSchema.safeParse(req.body, IN_ENGLISH);
    if (!parsed.success) {
      res.status(400).json({
        error: `Expected {faults: string, times?: integer ≥ 1, scope?: "api" | "consent" | "all"}. ${parsed.error.issues[0]?.message ?? ''}`,
      });
      return;
    }
    try {
      faults.arm(parsed.data.faults, parsed.data.times ?? null, parsed.data.scope ?? 'all');
    } catch (error) {
      res.status(400).json({ error: (error as Error).message });
      return;
    }
    res.json(faults.snapshot());
  });
  router.delete('/faults', (_req, res) => {
    faults.clear();
    res.json(faults.snapshot());
  });

  router.get('/attempts', (_req, res) => {
    const counts = store.counts();
    res.json({
      create_requests: context.createRequests(),
      attempts_created: counts.created,
      attempts_held: counts.held,
      attempts: store.list().map((attempt) => describe(store, attempt)),
    });
  });

  /** Decides an attempt without a browser, as the consent form would, for API-only tests. */
  router.post('/attempts/:referenceId/decision', (req, res) => {
    const parsed = decisionSchema.safeParse(req.body);
    const persona = findPersona(parsed.data?.persona ?? DEFAULT_PERSONA_ID);
    if (!parsed.success || !persona) {
      res
        .status(400)
        .json({ error: 'Expected {decision: "approve" | "deny", persona?: a persona id}.' });
      return;
    }
    const attempt = store.byReference(Number(req.params.referenceId));
    if (!attempt) {
      res.status(404).json({ error: 'No attempt with this reference_id.' });
      return;
    }
    const consents = parsed.data.decision === 'approve' && persona.decision === 'consent';
    const outcome = store.decide(
      attempt.token,
      consents ? { kind: 'consented', personaId: persona.id } : { kind: 'denied' },
    );
    if (!outcome.ok) {
      res
        .status(410)
        .json({ error: `The attempt can no longer be decided: it is ${outcome.reason}.` });
      return;
    }
    res.json({
      ...describe(store, attempt),
      redirect: appendVerificationId(attempt.redirectUrl, attempt.verificationId),
    });
  });

  /** Ends an unused link's time now: tests and testers see expiry in seconds, not minutes. */
  router.post('/attempts/:referenceId/expire', (req, res) => {
    const attempt = store.byReference(Number(req.params.referenceId));
    if (!attempt) {
      res.status(404).json({ error: 'No attempt with this reference_id.' });
      return;
    }
    const outcome = store.expire(attempt.token);
    if (!outcome.ok) {
      res.status(410).json({ error: `The attempt can no longer expire: it is ${outcome.reason}.` });
      return;
    }
    res.json(describe(store, attempt));
  });

  router.post('/reset', (_req, res) => {
    context.reset();
    res.status(204).end();
  });

  router.use((_req: Request, res: Response) => {
    res.status(404).json({ error: 'Not Found' });
  });
  router.use((error: unknown, _req: Request, res: Response, _next: NextFunction) => {
    const status = (error as { status?: unknown }).status;
    res.status(typeof status === 'number' && status >= 400 && status < 500 ? status : 500);
    res.json({ error: 'The control request could not be read.' });
  });
  return router;
}
