// What the merchant's hooks receive under createKycHandler, and how an adapter links them to core requests.
import type { IncomingMessage } from 'node:http';
import type { CoreRequest } from './exchange.js';

/**
 * The request as the merchant's hooks (`authorize`, `resolveSubject`, `resolveUserCode`,
 * `rateLimit.key`) see it under `createKycHandler`. `get(name)` reads a header as Express's
 * `req.get()` does, so a hook written for `digilockerKyc` works unchanged; `raw` is the
 * server's own request (a fetch `Request`, or node's `IncomingMessage`) for anything else.
 */
export interface KycHookRequest {
  method: string;
  /** The path below the mount, as sent (no query). */
  path: string;
  /** The client's address, after the configured proxy hops; `` when unknown. */
  ip: string;
  /** A request header, any case; repeated ones joined with `, `. */
  get(name: string): string | undefined;
  raw: Request | IncomingMessage;
}

/**
 * Remembers, for each core request an adapter builds, how to build the request its hooks
 * receive; `of` builds it once, on the first hook that asks. An adapter's own table, so the
 * core passes only its own request and never needs the adapter's request type.
 */
export function hookRequests<Req>() {
  const makers = new WeakMap<CoreRequest, () => Req>();
  const built = new WeakMap<CoreRequest, { value: Req }>();
  return {
    link(req: CoreRequest, make: () => Req): void {
      makers.set(req, make);
    },
    of(req: CoreRequest): Req {
      const done = built.get(req);
      if (done) return done.value;
      const make = makers.get(req);
      if (!make) {
        throw new Error(
          'digilocker-kyc: a hook was called for a request its adapter did not build.',
        );
      }
      const value = make();
      built.set(req, { value });
      return value;
    },
  };
}
