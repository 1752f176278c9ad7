// Warnings that name a PUBLIC_BASE_URL which cannot be where the customer's browser comes back.
import type { IncomingMessage } from 'node:http';
import type { Logger } from 'pino';

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * DigiLocker sends the customer back to PUBLIC_BASE_URL + `/return/…`: a path other than the
 * mount lands on a 404 and a wrong host or port on "site can't be reached", and nothing on this
 * server would otherwise say why. Logged at start when the path is not the mount (a proxy that
 * maps another prefix onto it is the one legitimate case, and the message says so).
 */
export function warnIfPathIsNotMount(publicBaseUrl: string, mount: string, logger: Logger): void {
  const path = new URL(publicBaseUrl).pathname.replace(/\/+$/, '');
  if (path === mount) return;
  logger.warn(
    { public_base_url: publicBaseUrl, mount },
    `PUBLIC_BASE_URL's path is ${path || '/'} but this server serves the API at ${mount}: DigiLocker would send customers back to a page this server does not have. Expected PUBLIC_BASE_URL to end in ${mount} (e.g. ${new URL(publicBaseUrl).origin}${mount}), unless a proxy maps that path to ${mount}.`,
  );
}

export interface HostCheckOptions {
  /** X-Forwarded-Host is believed only behind this many trusted proxies. */
  trustProxyHops: number;
  /** Sandbox: localhost and 127.0.0.1 on the same port are one place (the return follows). */
  loopbackAlias: boolean;
}

/**
 * Compares the host and port of the first request under the mount with PUBLIC_BASE_URL's, once:
 * the first browser request shows where customers really reach this server. Hosts are not
 * secret, so the warning names both.
 */
export function hostChecker(
  publicBaseUrl: string,
  { trustProxyHops, loopbackAlias }: HostCheckOptions,
  logger: Logger,
): (req: IncomingMessage) => void {
  const expected = new URL(publicBaseUrl);
  let checked = false;
  return (req) => {
    if (checked) return;
    const arrived = arrivedHost(req, trustProxyHops);
    if (arrived === undefined) return;
    checked = true;
    let actual: URL;
    try {
      actual = new URL(`${expected.protocol}//${arrived}`);
    } catch {
      return;
    }
    if (actual.host === expected.host) return;
    if (
      loopbackAlias &&
      LOOPBACK.has(actual.hostname) &&
      LOOPBACK.has(expected.hostname) &&
      actual.port === expected.port
    ) {
      return;
    }
    const shown = actual.host.slice(0, 200);
    logger.warn(
      { public_base_url: publicBaseUrl, request_host: shown },
      `PUBLIC_BASE_URL names ${expected.host} but requests arrive for ${shown}: DigiLocker sends customers back to PUBLIC_BASE_URL, so a wrong host or port ends the journey on an unreachable page. Expected PUBLIC_BASE_URL to be the address browsers use for this server (behind a proxy that rewrites Host, set TRUST_PROXY_HOPS so X-Forwarded-Host is read).`,
    );
  };
}

function arrivedHost(req: IncomingMessage, hops: number): string | undefined {
  const forwarded = req.headers['x-forwarded-host'];
  if (hops > 0 && typeof forwarded === 'string' && forwarded !== '') {
    // The last entry is the one our own proxy wrote.
    return forwarded.split(',').at(-1)!.trim().toLowerCase();
  }
  return req.headers.host?.toLowerCase();
}
