// The three return channels and how strictly each one checks what arrives.
import { expect } from '@open-wc/testing';
import { listenForReturn } from './return-channel.js';
import { returnMessage, STATE, sleep } from './test-helpers.js';

const ORIGIN = 'https://kyc.merchant.example';

function listen(source: () => Window | null = () => null) {
  const results: unknown[] = [];
  const dispose = listenForReturn({
    win: window,
    state: STATE,
    origin: ORIGIN,
    source,
    onResult: (message) => results.push(message),
  });
  return { results, dispose };
}

const postMessage = (data: unknown, origin = ORIGIN, source: Window | null = null) =>
  window.dispatchEvent(new MessageEvent('message', { data, origin, source }));

const broadcast = (data: unknown, state = STATE) => {
  const channel = new BroadcastChannel(`dlkyc-${state}`);
  channel.postMessage(data);
  channel.close();
};

/** A write from another same-origin document: that is what fires `storage` here. */
function writeFromFrame(key: string, value: string) {
  const frame = document.createElement('iframe');
  document.body.append(frame);
  frame.contentWindow?.localStorage.setItem(key, value);
  frame.remove();
}

describe('listenForReturn', () => {
  afterEach(() => localStorage.clear());

  it('accepts a valid postMessage from the exact origin', async () => {
    const { results, dispose } = listen();
    postMessage(returnMessage());
    expect(results).to.deep.equal([returnMessage()]);
    dispose();
  });

  const spoofs: [string, unknown, string?][] = [
    ['wrong origin', returnMessage(), 'https://evil.example'],
    ['look-alike origin', returnMessage(), `${ORIGIN}.evil.example`],
    ['origin with a path-like suffix', returnMessage(), `${ORIGIN}:443`],
    ['wrong state', returnMessage('Z'.repeat(22))],
    ['empty string', ''],
    ['empty object', {}],
    ['{data: "test"}', { data: 'test' }],
    ['another type', { ...returnMessage(), type: 'other' }],
    ['version 2', { ...returnMessage(), v: 2 }],
    ['an unknown field', { ...returnMessage(), extra: 1 }],
    ['oversized verification_id', returnMessage(STATE, { verification_id: 'x'.repeat(129) })],
    ['oversized payload', { ...returnMessage(), padding: 'x'.repeat(100_000) }],
    ['a JSON string of a valid message', JSON.stringify(returnMessage())],
  ];
  for (const [name, data, origin] of spoofs) {
    it(`ignores a postMessage with ${name}`, () => {
      const { results, dispose } = listen();
      postMessage(data, origin ?? ORIGIN);
      expect(results).to.deep.equal([]);
      dispose();
    });
  }

  it('requires event.source to be the popup while its handle is trusted', () => {
    const frame = document.createElement('iframe');
    document.body.append(frame);
    const popup = frame.contentWindow as Window;
    const { results, dispose } = listen(() => popup);
    postMessage(returnMessage(), ORIGIN, window);
    postMessage(returnMessage(), ORIGIN, null);
    expect(results).to.deep.equal([]);
    postMessage(returnMessage(), ORIGIN, popup);
    expect(results.length).to.equal(1);
    dispose();
    frame.remove();
  });

  it('takes the first valid delivery only: replays on any channel are ignored', async () => {
    const { results } = listen();
    postMessage(returnMessage());
    postMessage(returnMessage());
    broadcast(returnMessage());
    await sleep(30);
    expect(results.length).to.equal(1);
  });

  it('accepts a BroadcastChannel delivery for this state only', async () => {
    const { results, dispose } = listen();
    broadcast(returnMessage('Z'.repeat(22)), 'Z'.repeat(22));
    broadcast({ ...returnMessage(), state: 'Z'.repeat(22) });
    await sleep(30);
    expect(results).to.deep.equal([]);
    broadcast(returnMessage());
    await sleep(30);
    expect(results).to.deep.equal([returnMessage()]);
    dispose();
  });

  it('works without BroadcastChannel, through the storage event', async () => {
    const Original = window.BroadcastChannel;
    // @ts-expect-error: older Safari has none
    delete window.BroadcastChannel;
    try {
      const { results, dispose } = listen();
      writeFromFrame(
        `dlkyc:result:${'Z'.repeat(22)}`,
        JSON.stringify(returnMessage('Z'.repeat(22))),
      );
      writeFromFrame(`dlkyc:result:${STATE}`, 'not json');
      writeFromFrame(
        `dlkyc:result:${STATE}`,
        JSON.stringify({ ...returnMessage(), pad: 'x'.repeat(2000) }),
      );
      await sleep(50);
      expect(results).to.deep.equal([]);
      writeFromFrame(`dlkyc:result:${STATE}`, JSON.stringify(returnMessage()));
      await sleep(50);
      expect(results).to.deep.equal([returnMessage()]);
      expect(localStorage.getItem(`dlkyc:result:${STATE}`), 'key removed').to.equal(null);
      dispose();
    } finally {
      window.BroadcastChannel = Original;
    }
  });

  it('stops listening on dispose', async () => {
    const { results, dispose } = listen();
    dispose();
    postMessage(returnMessage());
    broadcast(returnMessage());
    await sleep(30);
    expect(results).to.deep.equal([]);
  });
});
