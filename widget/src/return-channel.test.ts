// The return channel's two halves: the sender's three channels, and how strictly the listener checks each.
import type { ReturnMessage } from '@digilocker-kyc/shared/protocol';
import { expect, waitUntil } from '@open-wc/testing';
import { listenForReturn, sendReturn } from './return-channel.js';
import { returnMessage, STATE, sleep } from './test-helpers.js';

const ORIGIN = 'https://kyc.merchant.example';

function listen(source: () => Window | null = () => null) {
  const results: unknown[] = [];
  const dispose = listenForReturn({
    win: window,
    state: STATE,
    origin: ORIGIN,
    source,
    onReturn: (message) => results.push(message),
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
    // A BroadcastChannel message arrives in a task of its own: on a loaded machine (Firefox
    // especially) that can take longer than a fixed wait, so wait for it, up to two seconds.
    for (const until = Date.now() + 2000; !results.length && Date.now() < until; ) await sleep(10);
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

describe('sendReturn', () => {
  const message = returnMessage() as ReturnMessage;
  afterEach(() => localStorage.clear());

  /** This window's origin and BroadcastChannel, with an opener that records its posts. */
  function sender(opener: boolean) {
    const posts: [unknown, string][] = [];
    const win = {
      location,
      localStorage,
      BroadcastChannel,
      opener: opener ? { postMessage: (m: unknown, o: string) => posts.push([m, o]) } : null,
    } as unknown as Window;
    return { win, posts };
  }

  it('posts to the opener at each exact origin named, nothing else', () => {
    const { win, posts } = sender(true);
    const origins = ['https://shop.example', '*', 'javascript:alert(1)', 'https://a.example/path'];
    sendReturn(win, message, origins);
    expect(posts).to.deep.equal([[returnMessage(), 'https://shop.example']]);
  });

  it("posts to the page's own origin only when no origin is named", () => {
    const { win, posts } = sender(true);
    sendReturn(win, message, []);
    expect(posts).to.deep.equal([[returnMessage(), location.origin]]);
  });

  it('broadcasts and writes (then removes) the storage key, without an opener too', async () => {
    const { results, dispose } = listen();
    const heard: unknown[] = [];
    const channel = new BroadcastChannel(`dlkyc-${STATE}`);
    channel.onmessage = (event) => heard.push(event.data);
    const written: [string | null, string | null][] = [];
    const onStorage = (event: StorageEvent) => written.push([event.key, event.newValue]);
    window.addEventListener('storage', onStorage);
    // The sender is another same-origin document: that is what fires `storage` here.
    const frame = document.createElement('iframe');
    document.body.append(frame);
    const win = frame.contentWindow as Window;
    expect(win.opener).to.equal(null);
    sendReturn(win, message, ['https://shop.example']);
    // Delivery is asynchronous on both paths; a busy browser may take longer than a few ms.
    await waitUntil(
      () => heard.length >= 1 && written.length >= 2,
      'the broadcast and both storage events',
      {
        timeout: 3000,
      },
    );
    window.removeEventListener('storage', onStorage);
    channel.close();
    frame.remove();
    dispose();
    expect(heard).to.deep.equal([returnMessage()]);
    const key = `dlkyc:result:${STATE}`;
    expect(written.map(([k, value]) => [k, value && JSON.parse(value)])).to.deep.equal([
      [key, returnMessage()],
      [key, null],
    ]);
    expect(localStorage.getItem(key)).to.equal(null);
    expect(results, 'a listener in this page takes it once').to.deep.equal([returnMessage()]);
  });

  it('still writes the storage key without BroadcastChannel (older Safari)', () => {
    const { win } = sender(false);
    (win as { BroadcastChannel?: unknown }).BroadcastChannel = undefined;
    const written: string[] = [];
    const realSet = Storage.prototype.setItem;
    Storage.prototype.setItem = function setItem(key, value) {
      written.push(key);
      return realSet.call(this, key, value);
    };
    try {
      sendReturn(win, message, []);
    } finally {
      Storage.prototype.setItem = realSet;
    }
    expect(written).to.deep.equal([`dlkyc:result:${STATE}`]);
  });
});
