// The attempt store: ids, one-time decisions, expiry on the injected clock, the eviction bound.
import { describe, expect, it } from 'vitest';
import { START_MS, seededRandom } from '../../test/sandbox-support.js';
import { AttemptStore, statusOf } from './attempts.js';

function store(maxAttempts = 100, lifetime = 60_000) {
  const clock = { now: START_MS };
  const attempts = new AttemptStore({
    now: () => clock.now,
    random: seededRandom(),
    linkLifetimeMs: lifetime,
    maxAttempts,
  });
  return { clock, attempts };
}

const input = {
  documents: ['AADHAAR' as const],
  redirectUrl: 'https://shop.example/r',
  clientRefId: undefined,
};

describe('AttemptStore', () => {
  it('issues integer reference ids that only grow, with unguessable 256-bit link tokens', () => {
    const { attempts } = store();
    const ids = Array.from({ length: 50 }, () => attempts.create(input));
    for (const [i, attempt] of ids.entries()) {
      expect(Number.isSafeInteger(attempt.referenceId)).toBe(true);
      expect(attempt.referenceId).toBeGreaterThanOrEqual(1_000_000);
      if (i > 0) expect(attempt.referenceId).toBeGreaterThan(ids[i - 1]!.referenceId);
      expect(attempt.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(attempt.verificationId).toMatch(/^vrf_sbx_[0-9a-f]{16}$/);
    }
    expect(new Set(ids.map((a) => a.token)).size).toBe(50);
  });

  it('is deterministic for a given random source', () => {
    const a = store().attempts.create(input);
    const b = store().attempts.create(input);
    expect(a.referenceId).toBe(b.referenceId);
    expect(a.token).toBe(b.token);
  });

  it('is pending until the lifetime passes, then expired (boundary included)', () => {
    const { clock, attempts } = store(100, 60_000);
    const attempt = attempts.create(input);
    clock.now += 59_999;
    expect(attempts.statusOf(attempt)).toBe('pending');
    clock.now += 1;
    expect(attempts.statusOf(attempt)).toBe('expired');
    expect(attempts.decide(attempt.token, { kind: 'denied' })).toEqual({
      ok: false,
      reason: 'expired',
    });
  });

  it('takes one decision per link; a decision survives the link lifetime', () => {
    const { clock, attempts } = store();
    const attempt = attempts.create(input);
    const first = attempts.decide(attempt.token, { kind: 'consented', personaId: 'adult' });
    expect(first.ok).toBe(true);
    expect(attempts.decide(attempt.token, { kind: 'denied' })).toEqual({
      ok: false,
      reason: 'used',
    });
    clock.now += 3_600_000;
    expect(attempts.statusOf(attempt)).toBe('consented');
    expect(attempt.decision).toEqual({ kind: 'consented', personaId: 'adult', at: START_MS });
  });

  it('answers unknown for tokens it never issued', () => {
    expect(store().attempts.byToken('x'.repeat(43))).toEqual({ ok: false, reason: 'unknown' });
  });

  it('holds at most maxAttempts, forgetting the oldest first, and counts every creation', () => {
    const { attempts } = store(3);
    const made = Array.from({ length: 5 }, () => attempts.create(input));
    expect(attempts.counts()).toEqual({ held: 3, created: 5 });
    expect(attempts.byReference(made[0]!.referenceId)).toBeUndefined();
    expect(attempts.byReference(made[1]!.referenceId)).toBeUndefined();
    expect(attempts.byToken(made[1]!.token)).toEqual({ ok: false, reason: 'unknown' });
    expect(attempts.byReference(made[2]!.referenceId)).toBe(made[2]);
    expect(attempts.list().map((a) => a.referenceId)).toEqual(
      made.slice(2).map((a) => a.referenceId),
    );
  });

  it('statusOf reads a decision before the clock', () => {
    const { attempts } = store();
    const attempt = attempts.create(input);
    attempt.decision = { kind: 'denied', at: START_MS };
    expect(statusOf(attempt, START_MS + 10 * 3_600_000)).toBe('denied');
  });
});
