// Writing sandbox API answers, bending them as the request's faults say (malformed, reset, slow-body).
import type { Response } from 'express';
import type { FaultSet } from './faults.js';

/** What a fault-aware writer needs, kept on `res.locals.sandboxFaults` by the fault middleware. */
export interface FaultPlan {
  faults: FaultSet;
  /** How long `slow-body` takes to deliver the whole body. */
  slowBodyMs: number;
}

const JSON_TYPE = 'application/json; charset=utf-8';
const SLOW_BODY_CHUNKS = 10;

export function faultPlanOf(res: Response): FaultPlan | undefined {
  return res.locals.sandboxFaults as FaultPlan | undefined;
}

/** Sends `body` as JSON with `status`, unless the request's faults say to break the answer. */
export function sendEkoReply(res: Response, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  const plan = faultPlanOf(res);
  if (plan?.faults.malformed) {
    // Half of a JSON object is never valid JSON: the opening brace has no partner.
    writeWhole(res, 200, JSON_TYPE, text.slice(0, Math.max(1, Math.floor(text.length / 2))));
  } else if (plan?.faults.reset) {
    resetMidBody(res, status, text);
  } else if (plan?.faults.slowBody) {
    dribble(res, status, text, plan.slowBodyMs);
  } else {
    writeWhole(res, status, JSON_TYPE, text);
  }
}

function writeWhole(res: Response, status: number, type: string, text: string): void {
  res.status(status).set('content-type', type).send(text);
}

/** Promises the full length, delivers half, then kills the connection: a mid-response reset. */
function resetMidBody(res: Response, status: number, text: string): void {
  const body = Buffer.from(text);
  res.status(status);
  res.set({ 'content-type': JSON_TYPE, 'content-length': String(body.length) });
  res.write(body.subarray(0, Math.floor(body.length / 2)), () => res.socket?.destroy());
}

/** Sends the headers at once and the body in slices spread over `durationMs`. */
function dribble(res: Response, status: number, text: string, durationMs: number): void {
  const body = Buffer.from(text);
  res.status(status);
  res.set({ 'content-type': JSON_TYPE, 'content-length': String(body.length) });
  res.flushHeaders();
  const size = Math.ceil(body.length / SLOW_BODY_CHUNKS);
  let offset = 0;
  const timer = setInterval(
    () => {
      if (res.destroyed) return clearInterval(timer);
      res.write(body.subarray(offset, offset + size));
      offset += size;
      if (offset >= body.length) {
        clearInterval(timer);
        res.end();
      }
    },
    Math.max(1, Math.floor(durationMs / SLOW_BODY_CHUNKS)),
  );
  res.on('close', () => clearInterval(timer));
}

/** The answer for `error=<status>`: an HTML page for 5xx (as a gateway sends), JSON for 4xx. */
export function sendInjectedError(res: Response, status: number): void {
  if (status >= 500) {
    const page = `<!DOCTYPE html><html lang="en"><head><title>${status} Error</title></head><body><h1>${status} Error</h1><p>Sandbox fault injected: error=${status}.</p></body></html>`;
    writeWhole(res, status, 'text/html; charset=utf-8', page);
  } else {
    sendEkoReply(res, status, {
      status: 1,
      message: `Sandbox fault injected: error=${status}.`,
      data: {},
    });
  }
}
