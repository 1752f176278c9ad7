// Defaults the library, the CLI and the sandbox all need, kept here so that none of them has to
// import another's module for a constant (the library must never load the sandbox).

/** Eko's published UAT test credentials: public, not secrets. The sandbox accepts them, and
 *  they work against Eko's real UAT (`EKO_ENV=uat`); production refuses them. */
export const EKO_UAT_CREDENTIALS = {
  developerKey: 'becbbce45f79c6f5109f848acd540567',
  accessKey: 'd2fe1d99-6298-4af2-8cc5-d97dcf46df30',
  initiatorId: '9962981729',
  userCode: '20810200',
} as const;

/** Where the standalone server listens by default (`PORT`, `HOST`). */
export const DEFAULT_PORT = 8080;
export const DEFAULT_HOST = '127.0.0.1';
/** The sandbox's own port when it runs alone; beside the server it is `PORT + 1`. */
export const DEFAULT_SANDBOX_PORT = 8081;

/**
 * A development-only session secret for sandbox mode. It is published in this source file, so
 * anyone can forge tokens signed with it: outside sandbox mode it is refused.
 */
export const SANDBOX_SESSION_SECRET = 'sandbox-only-session-secret-never-use-in-production';

/** Eko's API bases, version included; `EKO_BASE_URL` or `eko.baseUrl` picks one (or a sandbox). */
export const EKO_BASE_URLS = {
  uat: 'https://staging.eko.in/ekoapi/v3',
  production: 'https://api.eko.in/ekoicici/v3',
} as const;

/**
 * Hosts Eko's `url` may point to. Eko's samples show digilocker.gov.in; the host Eko really
 * returns is unconfirmed (it may wrap Cashfree), so merchants check it in UAT and set
 * DIGILOCKER_URL_HOSTS. A refused host is logged (hosts are not secret) and answered with 502.
 */
export const DEFAULT_DIGILOCKER_URL_HOSTS = [
  'digilocker.gov.in',
  'www.digilocker.gov.in',
  'digilocker.meripehchaan.gov.in',
];

/**
 * The address a client on this machine uses for a server bound to `host`: a wildcard bind
 * (`0.0.0.0`, `::`) is reached on IPv4 loopback, which a dual-stack `::` socket accepts too.
 */
export function loopbackFor(host: string): string {
  return host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
}

/** `http://host:port`, an IPv6 literal in brackets. */
export function httpOrigin(host: string, port: number): string {
  return `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
}
