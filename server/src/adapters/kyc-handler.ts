// createKycHandler(options): the core as a fetch handler and a node:http handler, mounted at basePath.
import type { IncomingMessage } from 'node:http';
import { hookRequests, type KycHookRequest } from '../core/hook-request.js';
import { createKycCore } from '../core/kyc-core.js';
import { type KycOptions, resolveOptions } from '../core/options.js';
import type { AssetInfo } from '../pages/built-asset.js';
import { fetchClient, nodeClient } from './client-address.js';
import { fetchAdapter } from './fetch.js';
import { type NodeHandler, nodeAdapter } from './node.js';

export interface KycHandlerOptions extends KycOptions<KycHookRequest> {
  /**
   * Where the routes live in the URL space (default `/kyc`): a Next.js route handler at
   * `app/kyc/[...path]/route.ts` keeps the default. `` or `/` serves at the root.
   */
  basePath?: string;
  /** How the per-client rate limits find the client's address. */
  clientAddress?: {
    /**
     * Proxies in front of this server whose X-Forwarded-For and X-Forwarded-Proto are believed
     * (default 0). The per-client rate limits key on the address before them.
     */
    trustProxyHops?: number;
    /**
     * The client's address when the platform knows it some other way (a fetch handler sees no
     * socket): the per-client limits key on it. Overrides `trustProxyHops` for the address.
     */
    clientIp?: (request: Request | IncomingMessage) => string | undefined;
  };
}

export interface KycHandler {
  /** For Next.js route handlers, Hono, Bun, Deno and serverless platforms. */
  fetch(request: Request): Promise<Response>;
  /** For node:http; with `next`, requests outside `basePath` go on to it. */
  node: NodeHandler;
  /**
   * Readiness: false while the circuit is open or the clock is badly skewed against Eko;
   * `redis_unavailable` in `reasons` leaves it ready (each instance holds the rate limits in its own memory).
   */
  health(): { ready: boolean; reasons: string[] };
  /** The widget bundle's content-hashed URL and `integrity` value; undefined when not built. */
  widgetAsset(): AssetInfo | undefined;
  close(): Promise<void>;
}

export function createKycHandler(input: KycHandlerOptions): KycHandler {
  const hookTable = hookRequests<KycHookRequest>();
  const options = resolveOptions(input, hookTable.of);
  const basePath = normaliseBasePath(input.basePath ?? '/kyc');
  const hops = input.clientAddress?.trustProxyHops ?? 0;
  if (!Number.isInteger(hops) || hops < 0) {
    throw new TypeError(
      'createKycHandler: expected clientAddress.trustProxyHops to be a whole number (0: none).',
    );
  }
  const clientIp = input.clientAddress?.clientIp;
  const core = createKycCore(options);
  const node = nodeAdapter(
    core,
    basePath,
    (req) => {
      const client = nodeClient(req, hops);
      return clientIp ? { ...client, ip: clientIp(req) ?? '' } : client;
    },
    hookTable.link,
  );
  let warned = false;
  const fetch = fetchAdapter(
    core,
    basePath,
    (request) => {
      const fetched = fetchClient(request.headers, request.url, hops);
      const client = clientIp ? { ...fetched, ip: clientIp(request) ?? '' } : fetched;
      if (client.ip === '' && !warned) {
        // A fetch handler sees no socket: without a proxy hop or clientIp, every client shares
        // one per-client counter. Said once, naming the fix.
        warned = true;
        options.logger.warn(
          "createKycHandler's fetch handler cannot see the client's address: set clientAddress.trustProxyHops (your platform's proxies) or clientAddress.clientIp, or every client shares one rate-limit counter",
        );
      }
      return client;
    },
    hookTable.link,
  );
  return {
    fetch,
    node,
    health: () => core.health(),
    widgetAsset: () => core.widgetAsset(),
    close: () => core.close(),
  };
}

function normaliseBasePath(value: unknown): string {
  if (typeof value !== 'string' || !/^(\/[A-Za-z0-9._~!$&'()*+,;=:@%-]+)*\/?$/.test(value)) {
    throw new TypeError(
      'createKycHandler: expected basePath to be a URL path such as /kyc (or / for the root).',
    );
  }
  return value.replace(/\/+$/, '');
}
