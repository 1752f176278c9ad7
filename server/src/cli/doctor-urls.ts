// The doctor's checks of the browser-facing URLs: https in production, and (--create) Eko's real link.
import { KycError } from '@digilocker-kyc/shared';
import { linkLeaksReturn } from '../core/link-leak.js';
import type { EkoClient } from '../eko/types.js';
import type { ServerConfig } from './config.js';
import { type Check, fail, isLoopback, pass } from './doctor-checks.js';

/** Browser-facing URLs in production: https only, loopback included (customers never use it). */
export function checkHttpsUrls(config: ServerConfig): Check {
  const name = 'https_urls';
  if (config.env !== 'production') {
    return pass(
      name,
      `EKO_ENV=${config.env}: https is required of ALLOWED_ORIGINS, RETURN_URLS and PUBLIC_BASE_URL only in production.`,
    );
  }
  const plain = (
    [
      ['ALLOWED_ORIGINS', config.allowedOrigins],
      ['RETURN_URLS', config.returnUrls],
      ['PUBLIC_BASE_URL', [config.publicBaseUrl]],
    ] as const
  ).filter(([, values]) => values.some((value) => !value.startsWith('https://')));
  if (plain.length > 0) {
    const names = plain.map(([variable]) => variable).join(', ');
    return fail(
      name,
      `${names} must be https in production: the session token and DigiLocker's return travel through them.`,
    );
  }
  return pass(name, 'ALLOWED_ORIGINS, RETURN_URLS and PUBLIC_BASE_URL are all https.');
}

/**
 * `--create`, which Eko bills: one real Create DigiLocker URL. The link must point to an allowed
 * host and must not carry the return URL (its secret must reach only DigiLocker's redirect).
 */
export async function checkCreate(
  eko: EkoClient,
  config: ServerConfig,
  allowedHosts: readonly string[],
  random: () => string,
): Promise<Check> {
  const name = 'eko_create';
  const secret = random();
  const redirectUrl = `${config.publicBaseUrl}/return/doctor/${secret}`;
  let url: string;
  try {
    ({ url } = await eko.createDigilockerUrl({ redirectUrl }));
  } catch (error) {
    const failure = error instanceof KycError ? `${error.code}: ${error.message}` : String(error);
    return fail(name, `Eko did not create a DigiLocker URL (${failure}).`);
  }
  let link: URL;
  try {
    link = new URL(url);
  } catch {
    return fail(name, 'Eko answered with a DigiLocker link that is not a URL.');
  }
  if (!allowedHosts.includes(link.hostname.toLowerCase())) {
    return fail(
      name,
      `The DigiLocker link points to ${link.hostname}, which is not in DIGILOCKER_URL_HOSTS (${allowedHosts.join(', ')}): add it if it is DigiLocker's, else ask Eko.`,
    );
  }
  const insecure =
    link.protocol !== 'https:' && !(config.env === 'sandbox' && isLoopback(link.hostname));
  if (insecure)
    return fail(
      name,
      `The DigiLocker link is ${link.protocol} rather than https: the server would refuse it (502).`,
    );
  // The server's own check of every create (raw, percent-encoded, base64 in a parameter).
  if (linkLeaksReturn(url, secret)) {
    return fail(
      name,
      'The DigiLocker link embeds the return URL and its secret: anyone who sees the link could complete the return. Ask Eko; do not go live.',
    );
  }
  return pass(
    name,
    `Eko created a DigiLocker link on ${link.hostname} (allowed) that does not embed the return URL.`,
  );
}
