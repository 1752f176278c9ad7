// Status polling on its own: the backoff, the offline deadline, and when polling stops.
import { expect } from '@open-wc/testing';
import { type Attempt, createAttempt } from './attempt.js';
import { WidgetError } from './errors.js';
import { checkStatus, nextPollDelay, pollStatus } from './status-polling.js';
import { created, errorBody, FAST, json, sleep, status, stubFetch } from './test-helpers.js';

/** A popup-mode attempt with a created session, polling the stubbed server. */
function attemptWith(timings: Partial<typeof FAST> = {}) {
  const attempt = createAttempt('popup', `${location.origin}/kyc`, { ...FAST, ...timings });
  const { reference_id, state, session_token } = created();
  attempt.session = { reference_id, state, session_token };
  return attempt;
}

describe('nextPollDelay', () => {
  it('starts at the initial delay, grows by the factor and stops at the cap', () => {
    const timings = { pollInitialMs: 2000, pollMaxMs: 10_000, pollFactor: 1.5 };
    const delays = [0];
    for (let i = 0; i < 6; i++) delays.push(nextPollDelay(timings, delays.at(-1) ?? 0));
    expect(delays).to.deep.equal([0, 2000, 3000, 4500, 6750, 10_000, 10_000]);
  });
});

describe('checkStatus', () => {
  let fetchStub: ReturnType<typeof stubFetch> | undefined;
  afterEach(() => fetchStub?.restore());

  it('gives concurrent callers one request and its reply', async () => {
    fetchStub = stubFetch({ status: () => json(200, status('pending')) });
    const attempt = attemptWith();
    const [a, b] = await Promise.all([checkStatus(attempt), checkStatus(attempt)]);
    expect(a).to.deep.equal(status('pending'));
    expect(b).to.equal(a);
    expect(fetchStub.gets().length).to.equal(1);
    await checkStatus(attempt);
    expect(fetchStub.gets().length, 'a later check asks again').to.equal(2);
  });

  it('takes an unreachable server for a blip until it has been gone for offlineTimeoutMs', async () => {
    fetchStub = stubFetch({ status: () => 'network-error' });
    const attempt = attemptWith({ offlineTimeoutMs: 100 });
    expect(await checkStatus(attempt)).to.equal(undefined);
    const since = attempt.offlineSince;
    expect(since).to.be.a('number');
    await sleep(50);
    expect(await checkStatus(attempt)).to.equal(undefined);
    expect(attempt.offlineSince, 'the clock runs from the first failure').to.equal(since);
    await sleep(60);
    const failure = await checkStatus(attempt);
    expect(failure).to.be.instanceOf(WidgetError);
    expect(failure).to.include({ code: 'network_error', retryable: true });
  });

  it('restarts the offline clock on any reply, even an error reply', async () => {
    fetchStub = stubFetch({
      status: (n) =>
        n === 1 ? json(503, errorBody('upstream_unavailable', true)) : 'network-error',
    });
    const attempt = attemptWith();
    await checkStatus(attempt);
    expect(attempt.offlineSince).to.be.a('number');
    expect(await checkStatus(attempt), 'a retryable error is a blip').to.equal(undefined);
    expect(attempt.offlineSince).to.equal(undefined);
  });

  it('ends at once on an error a retry cannot fix, and on an expired session', async () => {
    for (const [code, retryable] of [
      ['unauthorized', false],
      ['session_expired', true],
    ] as const) {
      fetchStub = stubFetch({ status: () => json(401, errorBody(code, retryable)) });
      expect(await checkStatus(attemptWith()), code).to.include({ code });
      fetchStub.restore();
    }
    fetchStub = undefined;
  });
});

describe('pollStatus', () => {
  let fetchStub: ReturnType<typeof stubFetch> | undefined;
  afterEach(() => fetchStub?.restore());

  /** Polls with a check that records when it ran and applies `effect` to the attempt. */
  function poll(attempt: Attempt, effect: (n: number) => void = () => {}) {
    const times: number[] = [];
    const start = Date.now();
    const check = async () => {
      times.push(Date.now() - start);
      effect(times.length);
    };
    pollStatus(attempt, 0, check);
    return times;
  }

  it('checks at once, then backs off up to the cap', async () => {
    const attempt = attemptWith({ pollInitialMs: 20, pollFactor: 2, pollMaxMs: 40 });
    const times = poll(attempt);
    await sleep(170);
    attempt.release(window);
    // 0, then +20, +40, +40, +40…: four or five checks, never one every 20 ms.
    expect(times.length).to.be.within(4, 5);
    expect(times[1]! - times[0]!).to.be.within(15, 35);
    expect(times[2]! - times[1]!).to.be.within(35, 60);
  });

  it('retries at the first step while the server is unreachable', async () => {
    const attempt = attemptWith({ pollInitialMs: 20, pollFactor: 4, pollMaxMs: 1000 });
    attempt.offlineSince = Date.now();
    const times = poll(attempt);
    await sleep(130);
    attempt.release(window);
    expect(times.length, 'every 20 ms, not 20, 80, 320').to.be.greaterThanOrEqual(5);
  });

  it('stops at a consent waiting for its proof, and when the attempt settles', async () => {
    const waiting = attemptWith({ pollInitialMs: 10 });
    const consented = poll(waiting, (n) => {
      if (n === 2) waiting.consented = true;
    });
    const released = attemptWith({ pollInitialMs: 10 });
    const settled = poll(released, (n) => {
      if (n === 3) released.release(window);
    });
    await sleep(120);
    expect([consented.length, settled.length]).to.deep.equal([2, 3]);
    waiting.release(window);
  });

  it('keeps polling a consent whose return was seen, and a new call replaces the scheduled one', async () => {
    const attempt = attemptWith({ pollInitialMs: 30 });
    attempt.consented = attempt.returned = true;
    const times: number[] = [];
    pollStatus(attempt, 1000, async () => void times.push(1));
    pollStatus(attempt, 0, async () => void times.push(2));
    await sleep(100);
    attempt.release(window);
    expect(times.length).to.be.greaterThanOrEqual(2);
    expect(times.every((which) => which === 2)).to.equal(true);
  });
});
