// Graceful shutdown: stop accepting, let in-flight requests finish, then close within a deadline.
import type { Server } from 'node:http';

export interface ShutdownOptions {
  /** Longest wait for in-flight requests; keep it below the orchestrator's grace period. */
  deadlineMs?: number;
}

/**
 * `server.close()` refuses new connections and closes idle keep-alive sockets once; sockets that
 * become idle later (after their in-flight response) are closed by the interval, so the server
 * closes as soon as the last response is written. Past the deadline, everything is cut.
 */
export async function closeGracefully(
  server: Server,
  { deadlineMs = 10_000 }: ShutdownOptions = {},
) {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  const sweep = setInterval(() => server.closeIdleConnections(), 50);
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<'deadline'>((resolve) => {
    timer = setTimeout(() => resolve('deadline'), deadlineMs);
  });
  const outcome = await Promise.race([closed.then(() => 'closed' as const), deadline]);
  clearInterval(sweep);
  clearTimeout(timer);
  if (outcome === 'deadline') {
    server.closeAllConnections();
    await closed;
  }
  return outcome;
}
