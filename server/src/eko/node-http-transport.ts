// The Eko client's default transport on Node: node:http or node:https with kept-alive connections.
import type { Agent, ClientRequest, IncomingMessage, RequestOptions } from 'node:http';
import { KycError } from '@digilocker-kyc/shared';
import type { EkoReply, EkoRequest, EkoTransport } from './transport.js';

export interface NodeHttpTransportOptions {
  /** Connections kept open to Eko at most; requests past it wait for a free one. */
  connections: number;
  /** How long an idle connection is kept (a shorter Keep-Alive hint from Eko wins). */
  keepAliveTimeoutMs: number;
  /** How long opening a connection may take. */
  connectTimeoutMs: number;
}

/** An error carrying the same codes as undici's, so classifyTransportError maps them alike. */
function transportError(message: string, code: string, name = 'Error'): Error {
  return Object.assign(new Error(message), { name, code });
}

/**
 * Node's own HTTP client: no second client to load at start. A kept-alive connection that Eko
 * closed while it sat idle fails the next request before any reply (ECONNRESET or EPIPE on a
 * reused socket); such a request is sent once more, at once, on a fresh connection. That is the
 * usual cause, but not a proof: a reset after Eko had read the request looks the same, so, rarely,
 * a create is sent twice and Eko mints a second link (the customer only ever gets the second).
 */
export function nodeHttpTransport(origin: string, options: NodeHttpTransportOptions): EkoTransport {
  const url = new URL(origin);
  // node:https (and TLS) is loaded only for an https origin; a loopback double needs node:http.
  const http =
    url.protocol === 'https:'
      ? (process.getBuiltinModule('node:https') as typeof import('node:https'))
      : (process.getBuiltinModule('node:http') as typeof import('node:http'));
  const agent: Agent = new http.Agent({
    keepAlive: true,
    maxSockets: options.connections,
    timeout: options.keepAliveTimeoutMs,
    scheduling: 'lifo',
  });
  const base: RequestOptions = {
    agent,
    protocol: url.protocol,
    hostname: url.hostname,
    port: url.port,
  };

  function attempt(request: EkoRequest, fresh: boolean): Promise<IncomingMessage> {
    return new Promise((resolve, reject) => {
      const headers: Record<string, string | number> = { ...request.headers };
      if (request.body !== undefined) headers['content-length'] = Buffer.byteLength(request.body);
      const req: ClientRequest = http.request({
        ...base,
        // A retried request gets a connection of its own instead of another idle one.
        ...(fresh ? { agent: false, headers: { ...headers, connection: 'close' } } : { headers }),
        method: request.method,
        path: request.path,
        signal: request.signal,
      });
      let answered = false;
      const headersTimer = setTimeout(
        () =>
          req.destroy(
            transportError(
              'Eko sent no headers in time.',
              'UND_ERR_HEADERS_TIMEOUT',
              'TimeoutError',
            ),
          ),
        request.headersTimeoutMs,
      );
      req.once('socket', (socket) => {
        if (!socket.connecting) return;
        const connectTimer = setTimeout(
          () =>
            req.destroy(
              transportError(
                'Connecting to Eko timed out.',
                'UND_ERR_CONNECT_TIMEOUT',
                'TimeoutError',
              ),
            ),
          options.connectTimeoutMs,
        );
        socket.once('connect', () => clearTimeout(connectTimer));
        socket.once('close', () => clearTimeout(connectTimer));
      });
      req.once('response', (response) => {
        answered = true;
        clearTimeout(headersTimer);
        resolve(response);
      });
      req.once('error', (error: Error & { code?: string }) => {
        clearTimeout(headersTimer);
        if (answered) return;
        const stale = req.reusedSocket && !fresh && !request.signal.aborted;
        if (stale && (error.code === 'ECONNRESET' || error.code === 'EPIPE')) {
          attempt(request, true).then(resolve, reject);
          return;
        }
        // An abort reports a bare AbortError; the deadline's reason says which one passed.
        reject(request.signal.aborted ? (request.signal.reason ?? error) : error);
      });
      req.end(request.body);
    });
  }

  return {
    async send(request: EkoRequest): Promise<EkoReply> {
      const response = await attempt(request, false);
      return {
        status: response.statusCode ?? 0,
        header(name) {
          const value = response.headers[name];
          return Array.isArray(value) ? value[0] : value;
        },
        text: (limit) => readCapped(response, limit, request.bodyTimeoutMs),
      };
    },
    async close() {
      agent.destroy();
    },
  };
}

/** Reads the body as UTF-8, at most `limit` bytes, each chunk within `idleMs` of the last. */
function readCapped(response: IncomingMessage, limit: number, idleMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const arm = () => {
      clearTimeout(timer);
      timer = setTimeout(
        () =>
          response.destroy(
            transportError(
              'Eko stopped sending its reply.',
              'UND_ERR_BODY_TIMEOUT',
              'TimeoutError',
            ),
          ),
        idleMs,
      );
    };
    arm();
    response.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        clearTimeout(timer);
        response.destroy();
        reject(new KycError('upstream_malformed', `Eko's reply exceeded ${limit} bytes.`));
        return;
      }
      chunks.push(chunk);
      arm();
    });
    response.once('end', () => {
      clearTimeout(timer);
      resolve(Buffer.concat(chunks).toString('utf8'));
    });
    response.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    // A reset mid-reply: 'aborted' without 'end'.
    response.once('close', () => {
      clearTimeout(timer);
      if (!response.complete) {
        reject(transportError('The connection to Eko closed mid-reply.', 'ECONNRESET'));
      }
    });
  });
}
