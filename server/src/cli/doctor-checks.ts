// The go-live checks of `digilocker-kyc-server doctor` on Eko, the clock, the public URL and Redis.
import { lookup } from 'node:dns/promises';
import { connect as tlsConnect } from 'node:tls';
import { KycError } from '@digilocker-kyc/shared';
import { MAX_CLOCK_SKEW_MS } from '../core/kyc-core.js';
import type { EkoClient } from '../eko/types.js';

/** One line of the report; `--json` prints these as they are. */
export interface Check {
  name: string;
  ok: boolean;
  message: string;
}

export const pass = (name: string, message: string): Check => ({ name, ok: true, message });
export const fail = (name: string, message: string): Check => ({ name, ok: false, message });
const TIMEOUT_MS = 5_000;

/** Loopback hosts, where plain http is a local sandbox or test double, not the network. */
export function isLoopback(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '');
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/** DNS for the Eko host, then (https) a TLS handshake that must verify and not expire soon. */
export async function checkDnsTls(baseUrl: string): Promise<Check> {
  const name = 'eko_dns_tls';
  const url = new URL(baseUrl);
  if (url.protocol === 'http:') {
    return isLoopback(url.hostname)
      ? pass(
          name,
          `${url.host} is plain http on loopback (a local sandbox or test double): no DNS or TLS to check.`,
        )
      : fail(name, `EKO_BASE_URL is plain http off loopback: use Eko's https base.`);
  }
  let addresses: string[];
  try {
    addresses = (await lookup(url.hostname, { all: true })).map((entry) => entry.address);
  } catch (error) {
    const code = (error as { code?: string }).code ?? 'error';
    return fail(
      name,
      `${url.hostname} does not resolve (${code}): check this machine's DNS and EKO_BASE_URL.`,
    );
  }
  const port = Number(url.port || 443);
  return new Promise((resolve) => {
    // Verified below rather than refused: the report then names why the certificate fails.
    // Nothing is sent on this connection.
    const socket = tlsConnect({
      host: url.hostname,
      port,
      servername: url.hostname,
      timeout: TIMEOUT_MS,
      rejectUnauthorized: false,
    });
    const done = (check: Check) => {
      socket.destroy();
      resolve(check);
    };
    socket.once('secureConnect', () => {
      if (!socket.authorized) {
        done(
          fail(
            name,
            `TLS to ${url.host} is not trusted (${socket.authorizationError}): check the CA store and any TLS-intercepting proxy.`,
          ),
        );
        return;
      }
      const days = Math.floor(
        (Date.parse(socket.getPeerCertificate().valid_to) - Date.now()) / 86_400_000,
      );
      done(
        pass(
          name,
          `${url.hostname} resolves (${addresses.join(', ')}); TLS verified, certificate valid for ${days} more days.`,
        ),
      );
    });
    socket.once('timeout', () =>
      done(
        fail(
          name,
          `No TLS handshake with ${url.host} within ${TIMEOUT_MS / 1000} s: check the firewall and outbound proxy.`,
        ),
      ),
    );
    socket.once('error', (error: NodeJS.ErrnoException) =>
      done(
        fail(
          name,
          `TLS to ${url.host} failed (${error.code ?? error.message}): check the firewall, proxy and CA store.`,
        ),
      ),
    );
  });
}

/** A status query for a reference that does not exist: free, and signed like every call. */
export async function checkCredentials(
  eko: EkoClient,
): Promise<{ check: Check; reachedEko: boolean }> {
  const name = 'eko_credentials';
  try {
    const { status } = await eko.getVerificationStatus({ referenceId: 'doctor-check-0' });
    return {
      check: pass(
        name,
        `Eko accepted the credentials and the signature (an unknown reference read as ${status}).`,
      ),
      reachedEko: true,
    };
  } catch (error) {
    const failure = error instanceof KycError ? error : undefined;
    const httpStatus = (failure?.cause as { httpStatus?: number } | undefined)?.httpStatus;
    if (failure?.code === 'upstream_rejected' && httpStatus !== undefined) {
      return {
        check: fail(
          name,
          `Eko answered HTTP ${httpStatus} to a status query: check EKO_BASE_URL (it ends in the API version, e.g. /ekoapi/v3).`,
        ),
        reachedEko: true,
      };
    }
    if (failure?.code === 'upstream_rejected') {
      // A business refusal of the made-up reference: Eko verified the signature first.
      return {
        check: pass(
          name,
          'Eko accepted the credentials and the signature (it refused the made-up reference, as expected).',
        ),
        reachedEko: true,
      };
    }
    if (failure?.code === 'upstream_auth_failed') {
      return {
        check: fail(
          name,
          'Eko refused the signature (HTTP 403): check EKO_DEVELOPER_KEY and EKO_ACCESS_KEY belong to this EKO_ENV, and that the clock is right.',
        ),
        reachedEko: true,
      };
    }
    const code = failure?.code ?? 'internal_error';
    return {
      check: fail(name, `Eko could not be asked (${code}): ${failure?.message ?? String(error)}`),
      reachedEko: false,
    };
  }
}

/** Eko refuses signatures whose timestamp is off from its own clock. */
export function checkClockSkew(skewMs: number | undefined, reachedEko: boolean): Check {
  const name = 'clock_skew';
  if (skewMs === undefined) {
    return fail(
      name,
      reachedEko
        ? "Eko's reply had no Date header to compare with: the clock could not be checked."
        : 'Eko could not be reached, so the clock could not be compared with its Date header.',
    );
  }
  const seconds = Math.round(skewMs / 1000);
  const ahead = seconds < 0 ? `${-seconds} s ahead of` : `${seconds} s behind`;
  if (Math.abs(skewMs) > MAX_CLOCK_SKEW_MS) {
    return fail(
      name,
      `This machine's clock is ${ahead} Eko's Date header (limit ${MAX_CLOCK_SKEW_MS / 1000} s): sync it with NTP (e.g. systemd-timesyncd or chrony), or Eko refuses the signatures.`,
    );
  }
  return pass(
    name,
    `This machine's clock is within ${Math.max(1, Math.abs(seconds))} s of Eko's Date header.`,
  );
}

/** The server's liveness probe at PUBLIC_BASE_URL's origin, fetched from this machine. */
export async function checkPublicBase(publicBaseUrl: string): Promise<Check> {
  const name = 'public_base_url';
  const livez = new URL('/livez', publicBaseUrl).href;
  try {
    const res = await fetch(livez, { signal: AbortSignal.timeout(TIMEOUT_MS), redirect: 'manual' });
    await res.body?.cancel();
    if (res.status === 200)
      return pass(name, `${livez} answers 200: DigiLocker's return reaches this server.`);
    return fail(
      name,
      `${livez} answered HTTP ${res.status}, expected 200: check the proxy routes PUBLIC_BASE_URL's origin to this server.`,
    );
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).name;
    return fail(
      name,
      `${livez} did not answer (${cause}): start the server, or set PUBLIC_BASE_URL to the address customers reach it at.`,
    );
  }
}

/** Redis answers PING, and how long it took; skipped when REDIS_URL is unset. */
export async function checkRedis(redisUrl: string | undefined): Promise<Check> {
  const name = 'redis';
  if (redisUrl === undefined)
    return pass(
      name,
      'REDIS_URL is unset: rate-limit counters stay in memory (fine for one instance).',
    );
  const redis = await import('@redis/client');
  const createClient =
    redis.createClient ?? (redis as unknown as { default: typeof redis }).default.createClient;
  const client = createClient({
    url: redisUrl,
    socket: { connectTimeout: TIMEOUT_MS, reconnectStrategy: false },
  });
  let problem: unknown;
  client.on('error', (error) => {
    problem ??= error;
  });
  try {
    await client.connect();
    const started = performance.now();
    await client.ping();
    const ms = (performance.now() - started).toFixed(1);
    return pass(name, `Redis at REDIS_URL answers PING in ${ms} ms.`);
  } catch (error) {
    // The URL may carry a password: never echoed, only the failure's code.
    const code =
      (problem as { code?: string })?.code ??
      (error as { code?: string }).code ??
      (error as Error).name;
    return fail(
      name,
      `Redis at REDIS_URL did not answer (${code}): check the host, port, password and TLS (rediss://) in REDIS_URL, and the firewall.`,
    );
  } finally {
    await client.close().catch(() => client.destroy());
  }
}
