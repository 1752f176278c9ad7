import type { IncomingMessage, ServerResponse } from 'node:http';

/** The demo site's forwarder to the standalone signing server at `target` (an origin). */
export declare function reverseProxy(target: string): ((
  req: IncomingMessage & { originalUrl?: string },
  res: ServerResponse,
) => void) & {
  close(): void;
};
