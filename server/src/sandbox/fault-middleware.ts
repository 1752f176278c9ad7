// Express middleware that picks a request's faults and applies the ones that act before the handler.
import type { NextFunction, Request, Response } from 'express';
import { protocolError } from './envelope.js';
import { FAULT_HEADER, type FaultControl } from './fault-control.js';
import type { FaultSet, FaultTarget } from './faults.js';
import { type FaultPlan, sendInjectedError } from './respond.js';

/**
 * Chooses the faults (header, armed, process), stores them for the response writer, then applies
 * `latency`, `coop` (consent pages only) and `error` (API only, instead of the handler: a
 * failing gateway never reaches the service behind it).
 */
export function sandboxFaults(control: FaultControl, target: FaultTarget, slowBodyMs: number) {
  return function applySandboxFaults(req: Request, res: Response, next: NextFunction): void {
    let faults: FaultSet;
    try {
      faults = control.select(target, req.get(FAULT_HEADER));
    } catch (error) {
      const message = `Invalid ${FAULT_HEADER} header. ${(error as Error).message}`;
      if (target === 'api') res.status(400).json(protocolError(message));
      else res.status(400).type('text/plain').send(message);
      return;
    }
    const plan: FaultPlan = { faults, slowBodyMs };
    res.locals.sandboxFaults = plan;
    if (target === 'consent' && faults.coop) res.set('Cross-Origin-Opener-Policy', 'same-origin');
    const proceed = (): void => {
      if (target === 'api' && faults.errorStatus !== undefined) {
        sendInjectedError(res, faults.errorStatus);
      } else {
        next();
      }
    };
    if (!faults.latencyMs) {
      proceed();
      return;
    }
    const timer = setTimeout(proceed, faults.latencyMs);
    res.on('close', () => clearTimeout(timer));
  };
}
