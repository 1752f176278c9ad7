import { describe, expect, it } from 'vitest';
import { randomBytes } from './random-bytes.js';

describe('randomBytes (pooled)', () => {
  it('gives the size asked for, as a Buffer', () => {
    for (const size of [0, 1, 20, 32, 512, 513, 10_000]) {
      const bytes = randomBytes(size);
      expect(Buffer.isBuffer(bytes)).toBe(true);
      expect(bytes.length).toBe(size);
    }
  });

  it('hands out copies: refilling the pool does not change bytes already given', () => {
    const kept = randomBytes(32);
    const before = kept.toString('hex');
    // 200 × 32 bytes: the 4 KB pool is refilled at least once.
    for (let i = 0; i < 200; i++) randomBytes(32);
    expect(kept.toString('hex')).toBe(before);
  });

  it('never hands out the same bytes twice, across refills of the pool', () => {
    const seen = new Set<string>();
    // 1,000 × 32 bytes: eight refills of the 4 KB pool.
    for (let i = 0; i < 1_000; i++) seen.add(randomBytes(32).toString('hex'));
    expect(seen.size).toBe(1_000);
  });

  it('a caller that alters its bytes does not change the next caller’s', () => {
    const first = randomBytes(32);
    first.fill(0);
    const next = randomBytes(32);
    expect(next.equals(Buffer.alloc(32))).toBe(false);
  });

  it('refuses a size that is not a whole number of bytes', () => {
    for (const size of [-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => randomBytes(size)).toThrow(/whole number of random bytes/);
    }
  });
});
