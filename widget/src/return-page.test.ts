// The return page's script, run against a real same-origin frame standing in for the page.
import { expect } from '@open-wc/testing';
import { runReturnPage } from './return-page.js';
import { RECEIPT, returnMessage, STATE, sleep } from './test-helpers.js';

// Paths look like the server's: {endpoint}/return/<state>/<secret>. The server writes the state,
// its receipt and Eko's verification id into meta tags; the script reads nothing else.
const SECRET = 'S'.repeat(43);
const RETURN_PATH = `/kyc/return/${STATE}/${SECRET}`;
const proof = (extra: Record<string, string> = {}) => ({
  'dlkyc-state': STATE,
  'dlkyc-receipt': RECEIPT,
  'dlkyc-verification': 'ver-1',
  ...extra,
});

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
    const { win } = await returnFrame(
      `${RETURN_PATH}?verification_id=ver-1`,
      proof({
        'dlkyc-origins': 'https://shop.example * javascript:alert(1) https://shop.example/path',
      }),
    );
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
    // Only the exact origins the server named: not this page's own, not a pattern or a path.
    expect(posts.map(([, origin]) => origin)).to.deep.equal(['https://shop.example']);
    expect(posts[0]?.[0]).to.deep.equal(returnMessage());
    expect(closed).to.equal(true);
    expect(win.location.search, 'query stripped').to.equal('');
    expect(win.location.pathname, 'the return secret leaves the address bar').to.equal(
      `/kyc/return/${STATE}`,
    );
  });

  it('without a receipt from the server, posts nothing: the state alone proves nothing', async () => {
    const { win, status } = await returnFrame(RETURN_PATH, { 'dlkyc-state': STATE });
    const channel = new BroadcastChannel(`dlkyc-${STATE}`);
    const heard: unknown[] = [];
    channel.onmessage = (event) => heard.push(event.data);
    expect(runReturnPage(win)).to.equal('invalid');
    await sleep(30);
    channel.close();
    expect(heard).to.deep.equal([]);
    expect(status.textContent).to.equal('You can close this window.');
  });

  it('writes the storage key for other documents and removes it at once', async () => {
    const { win } = await returnFrame(RETURN_PATH, proof());
    const seen: (string | null)[] = [];
    const onStorage = (event: StorageEvent) => seen.push(event.newValue);
    window.addEventListener('storage', onStorage);
    runReturnPage(win);
    expect(localStorage.getItem(`dlkyc:result:${STATE}`)).to.equal(null);
    await sleep(200);
    window.removeEventListener('storage', onStorage);
    expect(seen).to.have.length(2);
    expect(seen[1]).to.equal(null);
    expect(seen[0] && JSON.parse(seen[0])).to.deep.equal(returnMessage());
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
      `${RETURN_PATH}?verification_id=ver-9&next=https://evil.example/&redirect_url=https://evil.example/`,
      proof({ 'dlkyc-verification': 'ver-9' }),
    );
    win.sessionStorage.setItem(`dlkyc:pending:${STATE}`, JSON.stringify(pending));
    const navigated = new Promise((resolve) =>
      frame.addEventListener('load', resolve, { once: true }),
    );
    expect(runReturnPage(win)).to.equal('returned');
    await navigated;
    expect(frame.contentWindow?.location.href).to.equal(returnTo);
    const saved = JSON.parse(sessionStorage.getItem(`dlkyc:pending:${STATE}`) ?? '{}');
    expect(saved).to.include({ receipt: RECEIPT, verification_id: 'ver-9' });
  });

  it('refuses a cross-origin return_to and says the window can be closed', async () => {
    const { win, status } = await returnFrame(RETURN_PATH, proof());
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
    expect(win.location.pathname).to.equal(`/kyc/return/${STATE}`);
  });

  it('does nothing but tidy up without a valid state', async () => {
    const { win, status } = await returnFrame(
      `/kyc/return/bad/${SECRET}?verification_id=1`,
      proof({ 'dlkyc-state': 'bad' }),
    );
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
