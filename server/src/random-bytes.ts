// Random bytes for ids and state, drawn from a pool that one call to the CSPRNG refills.
import { randomFillSync } from 'node:crypto';

/** One refill serves ~80 creations (a 32-byte state and a 20-byte client_ref_id each). */
const POOL_BYTES = 4096;

let pool: Buffer | undefined;
let used = 0;

/**
 * `size` bytes from the operating system's CSPRNG, as `crypto.randomBytes` gives them. Each call
 * into the CSPRNG costs ~3 µs whatever the size, and a session creation makes two such calls, so
 * small requests are served from a pool (as Node serves `randomUUID`); each byte is handed out
 * once, as a copy. The pool is filled on first use, not at load: Workers refuse random generation
 * while a module loads.
 */
export function randomBytes(size: number): Buffer {
  if (!Number.isSafeInteger(size) || size < 0) {
    throw new RangeError(`Expected a whole number of random bytes, received ${size}.`);
  }
  if (size > POOL_BYTES / 8) return randomFillSync(Buffer.allocUnsafe(size));
  if (pool === undefined || used + size > POOL_BYTES) {
    pool ??= Buffer.allocUnsafeSlow(POOL_BYTES);
    randomFillSync(pool);
    used = 0;
  }
  const bytes = Buffer.from(pool.subarray(used, used + size));
  used += size;
  return bytes;
}
