// Header-setting middleware (helmet) run once at start-up and replayed: the standalone app's
// probes, 404s and static site carry helmet's headers without its per-request chain.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { HeaderSet } from '../core/security-headers.js';

type Middleware = (
  req: IncomingMessage,
  res: ServerResponse,
  next: (error?: unknown) => void,
) => void;

/**
 * Runs a header-setting middleware such as `helmet()` once, at start-up, and records the
 * headers it sets and removes. helmet's values depend only on its options, so replaying them is
 * identical, without running its chain of thirteen middlewares per request. Throws if the
 * middleware does anything but set and remove headers synchronously.
 */
export function recordHeaders(middleware: Middleware): HeaderSet {
  const set: [string, string][] = [];
  const removed: string[] = [];
  const recorder = {
    setHeader(name: string, value: string | number | readonly string[]) {
      set.push([name, String(value)]);
    },
    removeHeader(name: string) {
      removed.push(name);
    },
  };
  let completed = false;
  middleware({} as IncomingMessage, recorder as unknown as ServerResponse, (error?: unknown) => {
    if (error) throw error;
    completed = true;
  });
  if (!completed) {
    throw new Error('Expected the header middleware to complete synchronously at start-up.');
  }
  return { set, removed };
}

/**
 * The recorded headers as a node:http (and Express) middleware: for the standalone app's
 * static files and probes, and for merchants' own routes.
 */
export function precomputedHeaders(middleware: Middleware) {
  const { set, removed } = recordHeaders(middleware);
  return function digilockerKycSecurityHeaders(
    _req: IncomingMessage,
    res: ServerResponse,
    next: (error?: unknown) => void,
  ): void {
    for (const [name, value] of set) res.setHeader(name, value);
    for (const name of removed) res.removeHeader(name);
    next();
  };
}
