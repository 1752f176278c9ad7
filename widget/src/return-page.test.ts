// The return page's script, run against a real same-origin frame standing in for the page.
import { expect } from '@open-wc/testing';
import { runReturnPage } from './return-page.js';
import { returnMessage, STATE, sleep } from './test-helpers.js';

// Paths look like the server's: {endpoint}/return or {endpoint}/return/<state>.

/** A same-origin frame at `path`, holding what the server renders on the return page. */
async function returnFrame(path: string, metas: Record<string, string> = {}) {
  const frame = document.createElement('iframe');
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  frame.src = path;
  document.body.append(frame);
  await loaded;
  const win = frame.contentWindow as Window;
  for (const [name, content] of Object.entries(metas)) {
    const meta = win.document.createElement('meta');
    meta.name = name;
    meta.content = content;
    win.document.head.append(meta);
  }
  const status = win.document.createElement('p');
  status.id = 'dlkyc-return-status';
  win.document.body.append(status);
  return { frame, win, status };
}

describe('runReturnPage', () => {
  afterEach(() => {
    for (const frame of document.querySelectorAll('iframe')) frame.remove();
    sessionStorage.clear();
    localStorage.clear();
  });

  it('broadcasts the result, posts it to the opener at exact origins only, and closes', async () => {
    const { win } = await returnFrame('/kyc/return?verification_id=ver-1', {
      'dlkyc-state': STATE,
      'dlkyc-origins': 'https://shop.example * javascript:alert(1) https://shop.example/path',
    });
    const posts: [unknown, string][] = [];
    Object.defineProperty(win, 'opener', {
      value: { postMessage: (m: unknown, o: string) => posts.push([m, o]) },
    });
    let closed = false;
    win.close = () => (closed = true);
    const channel = new BroadcastChannel(`dlkyc-${STATE}`);
    const heard: unknown[] = [];
    channel.onmessage = (event) => heard.push(event.data);

    expect(runReturnPage(win)).to.equal('closed');
    await sleep(30);
    channel.close();
    expect(heard).to.deep.equal([returnMessage()]);
    expect(posts.map(([, origin]) => origin)).to.deep.equal([
      location.origin,
      'https://shop.example',
    ]);
    expect(posts[0]?.[0]).to.deep.equal(returnMessage());
    expect(closed).to.equal(true);
    expect(win.location.search, 'query stripped').to.equal('');
  });

  it('writes the storage key for other documents and removes it at once', async () => {
    const { win } = await returnFrame(`/kyc/return?dlkyc_state=${STATE}`);
    const seen: (string | null)[] = [];
    const onStorage = (event: StorageEvent) => seen.push(event.newValue);
    window.addEventListener('storage', onStorage);
    runReturnPage(win);
    expect(localStorage.getItem(`dlkyc:result:${STATE}`)).to.equal(null);
    await sleep(200);
    window.removeEventListener('storage', onStorage);
    expect(seen).to.have.length(2);
    expect(seen[1]).to.equal(null);
    expect(seen[0] && JSON.parse(seen[0])).to.deep.equal({
      v: 1,
      type: 'dlkyc:result',
      state: STATE,
    });
    expect(localStorage.getItem(`dlkyc:result:${STATE}`)).to.equal(null);
  });

  it('goes back to the same-origin page that started a redirect, never to a URL in its query', async () => {
    const returnTo = `${location.origin}/__merchant?step=kyc#/checkout`;
    const pending = {
      state: STATE,
      reference_id: '1',
      session_token: 't',
      documents: ['AADHAAR'],
      expires_at: new Date(Date.now() + 60_000).toISOString(),
      return_to: returnTo,
      endpoint: 'x',
    };
    const { frame, win } = await returnFrame(
      `/kyc/return/${STATE}?verification_id=ver-9&next=https://evil.example/&redirect_url=https://evil.example/`,
    );
    win.sessionStorage.setItem(`dlkyc:pending:${STATE}`, JSON.stringify(pending));
    const navigated = new Promise((resolve) =>
      frame.addEventListener('load', resolve, { once: true }),
    );
    expect(runReturnPage(win)).to.equal('returned');
    await navigated;
    expect(frame.contentWindow?.location.href).to.equal(returnTo);
    const saved = JSON.parse(sessionStorage.getItem(`dlkyc:pending:${STATE}`) ?? '{}');
    expect(saved).to.include({ returned: true, verification_id: 'ver-9' });
  });

  it('refuses a cross-origin return_to and says the window can be closed', async () => {
    const { win, status } = await returnFrame(`/kyc/return?dlkyc_state=${STATE}`);
    const pending = {
      state: STATE,
      reference_id: '1',
      session_token: 't',
      documents: ['AADHAAR'],
      expires_at: new Date(Date.now() + 60_000).toISOString(),
      return_to: 'https://evil.example/',
      endpoint: 'x',
    };
    win.sessionStorage.setItem(`dlkyc:pending:${STATE}`, JSON.stringify(pending));
    expect(runReturnPage(win)).to.equal('shown');
    expect(status.textContent).to.equal('You can close this window.');
    expect(win.location.pathname).to.equal('/kyc/return');
  });

  it('does nothing but tidy up without a valid state', async () => {
    const { win, status } = await returnFrame('/kyc/return?dlkyc_state=bad&verification_id=1');
    const channel = new BroadcastChannel('dlkyc-bad');
    const heard: unknown[] = [];
    channel.onmessage = (event) => heard.push(event.data);
    expect(runReturnPage(win)).to.equal('invalid');
    await sleep(30);
    channel.close();
    expect(heard).to.deep.equal([]);
    expect(status.textContent).to.equal('You can close this window.');
    expect(win.location.search).to.equal('');
  });
});
