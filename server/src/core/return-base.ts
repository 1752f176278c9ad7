// The base a created attempt's return URL is built on: PUBLIC_BASE_URL, or its loopback alias.

/** Names of this machine's loopback interface, as `URL.hostname` spells them. */
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * `publicBaseUrl`, unless `followLoopbackAlias` (sandbox mode only) and the request arrived
 * through another loopback name of the same base (`Host: localhost:8080` for a base of
 * `http://127.0.0.1:8080/kyc`): then the same base on that name. The return page must share
 * the widget page's origin to reach it, and the Continue page must see the cookie the return
 * page set; both fail when the tester opened the site at the other name. In production the
 * public base is authoritative: a Host header is the client's to choose.
 */
export function returnBase(
  publicBaseUrl: string,
  host: string | undefined,
  followLoopbackAlias: boolean,
): string {
  if (!followLoopbackAlias || host === undefined) return publicBaseUrl;
  const base = new URL(publicBaseUrl);
  if (!LOOPBACK.has(base.hostname)) return publicBaseUrl;
  let arrived: URL;
  try {
    arrived = new URL(`${base.protocol}//${host}`);
  } catch {
    return publicBaseUrl;
  }
  if (
    arrived.host !== host.toLowerCase() ||
    !LOOPBACK.has(arrived.hostname) ||
    arrived.port !== base.port ||
    arrived.hostname === base.hostname
  ) {
    return publicBaseUrl;
  }
  base.hostname = arrived.hostname;
  return base.href.replace(/\/+$/, '');
}
