// Status polling on its own: the verdicts, the backoff, the offline deadline, and when polling stops.
import { expect } from '@open-wc/testing';
import { WidgetError } from './errors.js';
import { getSessionStatus } from './session-client.js';
import {
  createStatusPolling,
  nextPollDelay,
  type StatusPollingOptions,
  type Verdict,
} from './status-polling.js';
import { created, errorBody, FAST, json, sleep, status, stubFetch } from './test-helpers.js';

/**
 * Polling of a created session against the stubbed server, recording each reported verdict;
 * `keep` decides whether to go on after one (default: always).
 */
function pollingWith(
  options: Partial<Omit<StatusPollingOptions, 'waits'>> & { waits?: Partial<typeof FAST> } = {},
  keep: (verdict: Verdict, n: number) => boolean = () => true,
) {
  const { reference_id, session_token } = created();
  const ending = new AbortController();
  const waits = { ...FAST, ...options.waits };
  const verdicts: Verdict[] = [];
  const polling = createStatusPolling({
    ask: () =>
      getSessionStatus(
        `${location.origin}/kyc`,
        reference_id,
        session_token,
        waits.requestTimeoutMs,
        ending.signal,
      ),
    signal: ending.signal,
    onVerdict: (verdict) => {
      verdicts.push(verdict);
      return keep(verdict, verdicts.length);
    },
    ...options,
    waits,
  });
  return { polling, verdicts, end: () => ending.abort() };
}

describe('nextPollDelay', () => {
  it('starts at the initial delay, grows by the factor and stops at the cap', () => {
    const timings = { pollInitialMs: 2000, pollMaxMs: 10_000, pollFactor: 1.5 };
    const delays = [0];
    for (let i = 0; i < 6; i++) delays.push(nextPollDelay(timings, delays.at(-1) ?? 0));
    expect(delays).to.deep.equal([0, 2000, 3000, 4500, 6750, 10_000, 10_000]);
  });
});

describe('StatusPolling.check', () => {
  let fetchStub: ReturnType<typeof stubFetch> | undefined;
  afterEach(() => fetchStub?.restore());

  it('reports each server status as its verdict', async () => {
    for (const value of ['pending', 'consented', 'denied', 'expired'] as const) {
      fetchStub = stubFetch({ status: () => json(200, status(value)) });
      expect(await pollingWith().polling.check(), value).to.deep.equal(status(value));
      fetchStub.restore();
    }
    fetchStub = undefined;
  });

  it('gives concurrent callers one request and its verdict', async () => {
    fetchStub = stubFetch({ status: () => json(200, status('pending')) });
    const { polling } = pollingWith();
    const [a, b] = await Promise.all([polling.check(), polling.check()]);
    expect(a).to.deep.equal(status('pending'));
    expect(b).to.equal(a);
    expect(fetchStub.gets().length).to.equal(1);
    await polling.check();
    expect(fetchStub.gets().length, 'a later check asks again').to.equal(2);
  });

  it('takes an unreachable server for a blip until it has been gone for offlineTimeoutMs', async () => {
    fetchStub = stubFetch({ status: () => 'network-error' });
    const { polling } = pollingWith({ waits: { offlineTimeoutMs: 100 } });
    expect(await polling.check()).to.equal(undefined);
    await sleep(50);
    expect(await polling.check(), 'the clock runs from the first failure').to.equal(undefined);
    await sleep(60);
    const verdict = await polling.check();
    expect(verdict?.status).to.equal('error');
    const { error } = verdict as { error: WidgetError };
    expect(error).to.be.instanceOf(WidgetError);
    expect(error).to.include({ code: 'network_error', retryable: true });
  });

  it('restarts the offline clock on any reply, even an error reply', async () => {
    fetchStub = stubFetch({
      status: (n) =>
        n === 1 ? json(503, errorBody('upstream_unavailable', true)) : 'network-error',
    });
    const { polling } = pollingWith({ waits: { offlineTimeoutMs: 60 } });
    expect(await polling.check()).to.equal(undefined);
    await sleep(40);
    expect(await polling.check(), 'a retryable error reply is a blip').to.equal(undefined);
    await sleep(40);
    // 80 ms since the first failure, but only 40 since the reply: still a blip.
    expect(await polling.check()).to.equal(undefined);
  });

  it('ends at once on an error a retry cannot fix, and on an expired session', async () => {
    for (const [code, retryable] of [
      ['unauthorized', false],
      ['session_expired', true],
    ] as const) {
      fetchStub = stubFetch({ status: () => json(401, errorBody(code, retryable)) });
      const verdict = await pollingWith().polling.check();
      expect(verdict?.status, code).to.equal('error');
      expect((verdict as { error: WidgetError }).error).to.include({ code });
      fetchStub.restore();
    }
    fetchStub = undefined;
  });
});

describe('StatusPolling.every', () => {
  let fetchStub: ReturnType<typeof stubFetch> | undefined;
  afterEach(() => fetchStub?.restore());

  /** The times (ms since the start) of the status requests made so far. */
  function timed() {
    const start = Date.now();
    const times: number[] = [];
    fetchStub = stubFetch({
      status: () => {
        times.push(Date.now() - start);
        return json(200, status('pending'));
      },
    });
    return times;
  }

  it('checks at once, then backs off up to the cap, reporting each verdict', async () => {
    const times = timed();
    const { polling, verdicts, end } = pollingWith({
      waits: { pollInitialMs: 40, pollFactor: 2, pollMaxMs: 80 },
    });
    polling.every(0);
    await sleep(340);
    end();
    // 0, then +40, +80, +80, +80…: four or five checks, never one every 40 ms.
    expect(times.length).to.be.within(4, 5);
    expect(times[1]! - times[0]!).to.be.within(35, 70);
    expect(times[2]! - times[1]!).to.be.within(75, 120);
    expect(verdicts.length).to.equal(times.length);
    expect(verdicts.every((verdict) => verdict.status === 'pending')).to.equal(true);
  });

  it('retries at the first step while the server is unreachable, reporting no blip', async () => {
    let gets = 0;
    fetchStub = stubFetch({
      status: () => {
        gets++;
        return 'network-error';
      },
    });
    const { polling, verdicts, end } = pollingWith({
      waits: { pollInitialMs: 20, pollFactor: 4, pollMaxMs: 1000, offlineTimeoutMs: 10_000 },
    });
    polling.every(0);
    // Backing off (20, 80, 320, 1000 ms) would make the fifth request wait until 1420 ms;
    // retrying at the first step makes dozens by 1000 ms, even on a busy machine.
    await sleep(1000);
    end();
    expect(gets, 'every 20 ms, not 20, 80, 320').to.be.greaterThanOrEqual(5);
    expect(verdicts).to.deep.equal([]);
  });

  it('stops when the controller says so, and when the signal aborts: no request after either', async () => {
    const times = timed();
    const stopped = pollingWith({ waits: { pollInitialMs: 10 } }, (_verdict, n) => n < 2);
    const aborted = pollingWith({ waits: { pollInitialMs: 10 } }, (_verdict, n) => {
      if (n === 3) aborted.end();
      return true;
    });
    stopped.polling.every(0);
    aborted.polling.every(0);
    await sleep(120);
    expect([stopped.verdicts.length, aborted.verdicts.length]).to.deep.equal([2, 3]);
    expect(times.length).to.equal(5);
    aborted.polling.every(0);
    await sleep(30);
    expect(times.length, 'nothing is scheduled once aborted').to.equal(5);
    stopped.end();
  });

  it('aborts the request in flight when the signal aborts, and reports nothing', async () => {
    fetchStub = stubFetch({}); // The status request never answers.
    const { polling, verdicts, end } = pollingWith();
    polling.every(0);
    await sleep(20);
    expect(fetchStub.gets().length).to.equal(1);
    end();
    expect(fetchStub.gets()[0]?.signal?.aborted, 'the request was aborted').to.equal(true);
    await sleep(20);
    expect(verdicts).to.deep.equal([]);
  });

  it('a new call replaces the schedule: only its checks report', async () => {
    timed();
    const { polling, verdicts, end } = pollingWith({ waits: { pollInitialMs: 30 } });
    polling.every(10);
    polling.every(0);
    await sleep(100);
    end();
    // At 0, 30 and 90 ms at most (fewer when the machine is busy). Had the first schedule lived
    // on, its check at 10 ms and every one after it would double that. A request still in
    // flight at the end is aborted and reports nothing.
    expect(verdicts.length, 'at 0, 30 and 90 ms').to.be.within(1, 3);
    expect(fetchStub!.gets().length).to.be.within(verdicts.length, verdicts.length + 1);
  });
});
