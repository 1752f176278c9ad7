// The client's address and scheme behind a known number of trusted proxies (TRUST_PROXY_HOPS).
import type { IncomingMessage } from 'node:http';
import proxyaddr from 'proxy-addr';

/**
 * For node:http, exactly Express's `trust proxy` with a hop count: the socket's peer and the
 * last `hops` entries of X-Forwarded-For are proxies; the address before them is the client.
 * Never `true`: then any client could pick its own address.
 */
export function nodeClient(req: IncomingMessage, hops: number): { ip: string; secure: boolean } {
  const trust = (_address: string, index: number) => index < hops;
  const encrypted = (req.socket as { encrypted?: boolean } | undefined)?.encrypted === true;
  if (hops === 0) return { ip: req.socket?.remoteAddress ?? '', secure: encrypted };
  let ip = '';
  try {
    ip = proxyaddr(req, trust);
  } catch {}
  const forwarded = firstValue(req.headers['x-forwarded-proto']);
  return { ip, secure: forwarded !== undefined ? forwarded === 'https' : encrypted };
}

/**
 * For fetch, where no socket is visible: the platform's proxy chain is all there is. With
 * `hops` trusted proxies, the client is the `hops`-th address from the right of
 * X-Forwarded-For (what the nearest proxy saw); with none trusted, unknown.
 */
export function fetchClient(
  headers: Headers,
  url: string,
  hops: number,
): { ip: string; secure: boolean } {
  const scheme = url.startsWith('https:');
  if (hops === 0) return { ip: '', secure: scheme };
  const chain = (headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  const ip = chain[Math.max(0, chain.length - hops)] ?? '';
  const forwarded = firstValue(headers.get('x-forwarded-proto') ?? undefined);
  return { ip, secure: forwarded !== undefined ? forwarded === 'https' : scheme };
}

function firstValue(value: string | string[] | undefined): string | undefined {
  const text = Array.isArray(value) ? value[0] : value;
  return text?.split(',')[0]?.trim().toLowerCase() || undefined;
}
