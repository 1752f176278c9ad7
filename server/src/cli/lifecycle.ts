// Graceful shutdown: stop accepting, let in-flight requests finish, then close within a deadline.
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { Server as NetServer, type Socket } from 'node:net';

export interface ShutdownOptions {
  /** Longest wait for in-flight requests; keep it below the orchestrator's grace period. */
  deadlineMs?: number;
  /**
   * How long the listener keeps accepting after shutdown begins. Connections the kernel has
   * queued but Node has not accepted yet are reset when the listener closes; under load the
   * signal can be handled before those accepts. Responses in this window close their connection.
   */
  acceptGraceMs?: number;
  /**
   * How long connections already accepted may take to send their request before idle ones are
   * closed. Under load a socket is accepted some time before its request arrives; closing it at
   * once would drop a request the client has already sent.
   */
  idleGraceMs?: number;
}

export interface Drainable {
  /** Resolves 'closed' once every connection has ended, or 'deadline' after cutting the rest. */
  close(options?: ShutdownOptions): Promise<'closed' | 'deadline'>;
  /** Open connections, and those with a request in progress. */
  stats(): { connections: number; inFlight: number };
}

/**
 * Tracks which connections have a request in progress, so shutdown can close the idle ones and
 * end each busy one right after its response. Node's own `closeIdleConnections()` misses
 * keep-alive sockets that finish their response after shutdown began (measured: 72 of 200
 * lingered until the client's keep-alive timeout), and `server.close()` also drops sockets
 * accepted a moment ago whose request has not arrived yet. Call this when the server is created.
 */
export function drainable(server: Server): Drainable {
  const sockets = new Set<Socket>();
  const inProgress = new Map<Socket, ServerResponse>();
  let draining = false;

  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => {
      sockets.delete(socket);
      inProgress.delete(socket);
    });
  });
  // Prepended, so it runs before the application: a handler that answers synchronously (a CORS
  // preflight, /readyz, a 404) has already sent its headers when a later listener runs, and
  // setting `Connection: close` then threw ERR_HTTP_HEADERS_SENT and crashed the process during
  // the drain. Before the application, the header is always settable and the 'finish' listener
  // is in place before any response can finish.
  server.prependListener('request', (req: IncomingMessage, res: ServerResponse) => {
    inProgress.set(req.socket, res);
    if (draining && !res.headersSent) res.setHeader('Connection', 'close');
    res.once('finish', () => {
      if (inProgress.get(req.socket) === res) inProgress.delete(req.socket);
      if (draining) req.socket.end();
    });
  });

  const endIdle = () => {
    for (const socket of sockets) if (!inProgress.has(socket)) socket.end();
  };

  return {
    stats: () => ({ connections: sockets.size, inFlight: inProgress.size }),
    async close({ deadlineMs = 10_000, acceptGraceMs = 1_000, idleGraceMs = 1_000 } = {}) {
      draining = true;
      for (const res of inProgress.values()) {
        if (!res.headersSent) res.setHeader('Connection', 'close');
      }
      let timer: NodeJS.Timeout | undefined;
      const deadline = new Promise<'deadline'>((resolve) => {
        timer = setTimeout(() => resolve('deadline'), deadlineMs);
      });
      await new Promise((resolve) => setTimeout(resolve, Math.min(acceptGraceMs, deadlineMs)));
      // net's close() only stops accepting; http's would also end idle sockets at once.
      const closed = new Promise<void>((resolve) =>
        NetServer.prototype.close.call(server, () => resolve()),
      );
      const grace = setTimeout(endIdle, idleGraceMs);
      const outcome = await Promise.race([closed.then(() => 'closed' as const), deadline]);
      clearTimeout(grace);
      clearTimeout(timer);
      if (outcome === 'deadline') {
        for (const socket of sockets) socket.destroy();
        await closed;
      }
      // Stops http's own timers (request and headers timeouts) now that nothing is left.
      server.close(() => {});
      return outcome;
    },
  };
}
