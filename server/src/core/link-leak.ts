// Whether a DigiLocker link from Eko carries the attempt's return secret, in any usual spelling.
//
// The return secret must reach a browser only through DigiLocker's return. A link that embeds the
// return URL (as an OAuth `redirect_uri`, percent-encoded once or twice, or base64 inside a
// parameter) hands it to whoever holds the link: the one person who must not have it.

/** Up to three rounds of percent-decoding, and base64(url) decoding of each query value. */
export function linkLeaksReturn(link: string, secret: string): boolean {
  const seen = new Set<string>();
  const queue = [link];
  while (queue.length > 0) {
    const text = queue.shift()!;
    if (seen.has(text) || seen.size > 32) continue;
    seen.add(text);
    if (text.includes(secret)) return true;
    // Every creation runs this on Eko's link, and most candidates (a token's decoded bytes) are
    // neither percent-encoded nor URLs: the checks below skip what could only throw.
    if (text.includes('%')) {
      try {
        const decoded = decodeURIComponent(text);
        if (decoded !== text) queue.push(decoded);
      } catch {}
    }
    const url = URL.canParse(text) ? new URL(text) : undefined;
    for (const value of url?.searchParams.values() ?? []) {
      queue.push(value);
      if (/^[A-Za-z0-9+/_-]{16,}={0,2}$/.test(value)) {
        queue.push(Buffer.from(value, 'base64url').toString('latin1'));
        queue.push(Buffer.from(value, 'base64').toString('latin1'));
      }
    }
  }
  return false;
}
