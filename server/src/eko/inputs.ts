// Checks on what callers hand the Eko client, before anything is sent.
import { KycError } from '@digilocker-kyc/shared';

export function parseBaseUrl(value: string): { origin: string; path: string } {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new TypeError(
      'Expected baseUrl to be an absolute http(s) URL such as https://api.eko.in/ekoicici/v3.',
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new TypeError(
      `Expected baseUrl to use https: (or http: for the sandbox), received ${url.protocol}.`,
    );
  }
  return { origin: url.origin, path: url.pathname.replace(/\/+$/, '') };
}

export function requireAbsoluteUrl(value: string): string {
  try {
    const url = new URL(value);
    if (url.protocol === 'https:' || url.protocol === 'http:') return value;
  } catch {}
  throw new KycError('invalid_request', 'Expected redirect_url to be an absolute http(s) URL.');
}

export function requireReferenceId(value: string): void {
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(value)) {
    throw new KycError(
      'invalid_request',
      'Expected reference_id to be 1-64 letters, digits, _ or -.',
    );
  }
}
