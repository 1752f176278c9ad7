// The URL rules the library, the CLI and the Eko client share, each written once; every caller
// words the error for its own setting with the same expectation.

/** An absolute http: or https: URL. */
export function isHttpUrl(value: string): boolean {
  try {
    const { protocol } = new URL(value);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}

/** An exact http(s) origin: scheme, host and optional port, nothing more (no path or slash). */
export function isExactOrigin(value: string): boolean {
  return isHttpUrl(value) && new URL(value).origin === value;
}

/** What an http(s) URL setting expects, for its error message. */
export const HTTP_URL_EXPECTED = 'an absolute http(s) URL';

/** What an origin setting expects, for its error message. */
export const ORIGIN_EXPECTED =
  'an exact origin such as https://shop.example (scheme, host and optional port; no path or trailing slash)';
