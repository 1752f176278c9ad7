// What createKycHandler's hooks receive: one shape for node:http and fetch requests alike.
import type { IncomingMessage } from 'node:http';

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
