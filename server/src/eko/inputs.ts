// Checks on what callers hand the Eko client, before anything is sent.
import { KycError } from '@digilocker-kyc/shared';
import { HTTP_URL_EXPECTED, isHttpUrl } from '../url-rules.js';

export function parseBaseUrl(value: string): { origin: string; path: string } {
  if (!isHttpUrl(value)) {
    throw new TypeError(
      `Expected baseUrl to be ${HTTP_URL_EXPECTED} such as https://api.eko.in/ekoicici/v3 (http: for the sandbox only).`,
    );
  }
  const url = new URL(value);
  return { origin: url.origin, path: url.pathname.replace(/\/+$/, '') };
}

export function requireAbsoluteUrl(value: string): string {
  if (isHttpUrl(value)) return value;
  throw new KycError('invalid_request', `Expected redirect_url to be ${HTTP_URL_EXPECTED}.`);
}

export function requireReferenceId(value: string): void {
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(value)) {
    throw new KycError(
      'invalid_request',
      'Expected reference_id to be 1-64 letters, digits, _ or -.',
    );
  }
}
