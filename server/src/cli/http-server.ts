// The standalone server's HTTP listener, with limits against slow, dribbling or piled-up clients.
import { createServer, type RequestListener, type Server } from 'node:http';

export interface HttpLimits {
  /** A request's head must arrive within this (Node's default is 60 s). Answered 408. */
  headersTimeoutMs: number;
  /** The whole request, body included, must arrive within this (Node's default is 300 s). */
  requestTimeoutMs: number;
  /** An idle kept-alive connection is closed after this. */
  keepAliveTimeoutMs: number;
  /** Connections beyond this are closed as soon as they are accepted. */
  maxConnections: number;
  /** Header lines parsed per request; Node's default is 2000, our requests need a dozen. */
  maxHeadersCount?: number;
  /**
   * How often Node checks the two timeouts above; a dribbling client is cut between the timeout
   * and the timeout plus this. Node's default of 30 s would let a 10 s limit stretch to 40 s.
   */
  checkIntervalMs?: number;
}

const DEFAULT_MAX_HEADERS_COUNT = 100;

/**
 * Node enforces the head and request timeouts itself (a 408, then the socket is closed), so a
 * client that sends one header byte a second cannot hold a connection for minutes.
 */
export function createHttpServer(app: RequestListener, limits: HttpLimits): Server {
  const server = createServer(
    {
      headersTimeout: limits.headersTimeoutMs,
      requestTimeout: limits.requestTimeoutMs,
      keepAliveTimeout: limits.keepAliveTimeoutMs,
      connectionsCheckingInterval:
        limits.checkIntervalMs ?? Math.min(1_000, limits.headersTimeoutMs),
    },
    app,
  );
  server.maxConnections = limits.maxConnections;
  server.maxHeadersCount = limits.maxHeadersCount ?? DEFAULT_MAX_HEADERS_COUNT;
  return server;
}
