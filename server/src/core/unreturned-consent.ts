// The operator's warning for a consent whose return never reached this server.
//
// DigiLocker sends the customer back to `{PUBLIC_BASE_URL}/return/<state>/<secret>`. When Eko
// already says `consented` but no return for the attempt ever arrived here (bound or not), the
// likeliest cause is a PUBLIC_BASE_URL that browsers cannot reach (a wrong host, port or path):
// every customer's journey then ends without a result, and nothing else names the cause.
import { createHash } from 'node:crypto';
import type { Logger } from 'pino';
import type { OnceStore } from '../limits/once-store.js';
import { referenceHash } from '../observability/logger.js';
import type { SessionClaims } from './session-token.js';

/** DigiLocker's redirect is on its way for a few seconds after Eko records the consent. */
export const UNRETURNED_GRACE_MS = 20_000;
const MAX_TRACKED = 10_000;

const seenKey = (state: string) =>
  `seen:${createHash('sha256').update(state).digest('base64url').slice(0, 22)}`;

export function unreturnedConsent(deps: {
  store: OnceStore;
  logger: Logger;
  publicBaseUrl: string;
  now: () => number;
  ttlMs: number;
}) {
  const { store, logger, publicBaseUrl, now, ttlMs } = deps;
  /** reference_id → when a consent without a receipt was first reported. */
  const firstSeen = new Map<string, number>();
  const warned = new Set<string>();

  return {
    /** A return with the right secret arrived for `state` (in any browser). */
    async returned(state: string): Promise<void> {
      await store.claim(seenKey(state), ttlMs).catch(() => false);
    },

    /** Eko says consented and the request carried no receipt: warn once if no return came. */
    async consentedWithoutReceipt(claims: SessionClaims): Promise<void> {
      const ref = claims.reference_id;
      if (warned.has(ref)) return;
      const first = firstSeen.get(ref);
      if (first === undefined) {
        if (firstSeen.size >= MAX_TRACKED) firstSeen.delete(firstSeen.keys().next().value!);
        firstSeen.set(ref, now());
        return;
      }
      if (now() - first < UNRETURNED_GRACE_MS) return;
      const seen = await store.has(seenKey(claims.state)).catch(() => true);
      if (seen) return;
      warned.add(ref);
      if (warned.size > MAX_TRACKED) warned.delete(warned.values().next().value!);
      firstSeen.delete(ref);
      logger.warn(
        { ref: referenceHash(ref), event: 'return_not_seen' },
        `Eko says this attempt was consented, but DigiLocker's return never reached this server: check PUBLIC_BASE_URL (${publicBaseUrl}); browsers must be able to open ${publicBaseUrl}/return/…`,
      );
    },
  };
}
