// Forwards the demo site's requests to the standalone signing server, as a merchant's reverse proxy
// (nginx, a load balancer) does: the site's own routes and `/kyc` share one origin.
import { Agent, request } from 'node:http';
import { pipeline } from 'node:stream';

/** Headers about one connection, not the message: never forwarded (RFC 9110 §7.6.1). */
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'transfer-encoding',
  'upgrade',
  'te',
  'trailer',
  'proxy-authenticate',
  'proxy-authorization',
]);

/**
 * `target`: the signing server's origin. It sees the browser's Origin and Host unchanged, and the
 * client address in X-Forwarded-For (start it with TRUST_PROXY_HOPS=1 so its limiter reads it).
 */
export function reverseProxy(target) {
  const { hostname, port } = new URL(target);
  // A connection per request, as nginx's proxy_pass does unless told otherwise. A kept-alive
  // connection races the signing server's idle timeout: a request sent on it just as the server
  // closes it fails with ECONNRESET, and the page got a 502 for one of its files (seen under load
  // in the journeys: a page whose script was refused never showed its start button).
  const agent = new Agent({ keepAlive: false });
  function forwardToSigningServer(req, res) {
    const headers = {};
    for (const [name, value] of Object.entries(req.headers)) {
      if (!HOP_BY_HOP.has(name)) headers[name] = value;
    }
    const client = req.socket.remoteAddress ?? '';
    const prior = req.headers['x-forwarded-for'];
    headers['x-forwarded-for'] = prior ? `${prior}, ${client}` : client;
    const upstream = request(
      { hostname, port, method: req.method, path: req.originalUrl ?? req.url, headers, agent },
      (reply) => {
        // The browser may have gone before the signing server answered (a popup closed, a page
        // left): there is nobody to send the reply to. Node 24's pipeline() throws on a destroyed
        // destination, and that exception stopped the whole demo in the journeys.
        if (res.destroyed) {
          reply.resume();
          return;
        }
        const raw = [];
        for (let i = 0; i < reply.rawHeaders.length; i += 2) {
          if (!HOP_BY_HOP.has(reply.rawHeaders[i].toLowerCase())) {
            raw.push(reply.rawHeaders[i], reply.rawHeaders[i + 1]);
          }
        }
        res.writeHead(reply.statusCode ?? 502, reply.statusMessage, raw);
        pipeline(reply, res, () => {});
      },
    );
    upstream.once('error', () => {
      if (res.destroyed) return;
      if (res.headersSent) res.destroy();
      else
        res
          .writeHead(502, { 'Content-Type': 'text/plain; charset=utf-8' })
          .end('The signing server is not answering.');
    });
    // pipe, not pipeline: a failed upstream must not destroy the socket the 502 goes out on.
    req.pipe(upstream);
  }
  /** Drops the open connections, so the signing server's drain does not wait on them. */
  forwardToSigningServer.close = () => agent.destroy();
  return forwardToSigningServer;
}
