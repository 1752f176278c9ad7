// The binding hop: a signing server on another origin binds the attempt through `{base}/go`.
import { expect, fixture, html } from '@open-wc/testing';
import { needsHop } from './binding-hop.js';
import './define.js';
import type { DigilockerKyc } from './define.js';
import {
  created,
  FAST,
  FakePopup,
  JOURNEY_URL,
  json,
  stubFetch,
  stubOpen,
  TOKEN,
  untilStatus,
} from './test-helpers.js';

const OTHER = 'https://kyc.other.example/kyc';

interface Posted {
  action: string;
  method: string;
  target: string;
  fields: Record<string, string>;
  connected: boolean;
}

/** Records form submissions instead of navigating the test page or a window. */
function recordSubmits() {
  const posted: Posted[] = [];
  const real = HTMLFormElement.prototype.submit;
  HTMLFormElement.prototype.submit = function submit(this: HTMLFormElement) {
    posted.push({
      action: this.action,
      method: this.method,
      target: this.target,
      fields: Object.fromEntries(new FormData(this) as unknown as Iterable<[string, string]>),
      connected: this.isConnected,
    });
  };
  return { posted, restore: () => (HTMLFormElement.prototype.submit = real) };
}

describe('binding hop', () => {
  let restore: (() => void)[] = [];
  afterEach(() => {
    for (const undo of restore) undo();
    restore = [];
    sessionStorage.clear();
  });

  it('is needed exactly when the endpoint is on another origin', () => {
    expect(needsHop(`${location.origin}/kyc`, window)).to.equal(false);
    expect(needsHop(OTHER, window)).to.equal(true);
    expect(needsHop(`${location.protocol}//127.0.0.2:${location.port}/kyc`, window)).to.equal(true);
  });

  const mount = (endpoint: string, mode = 'popup') =>
    fixture<DigilockerKyc>(
      html`<digilocker-kyc endpoint=${endpoint} mode=${mode} .timings=${FAST}></digilocker-kyc>`,
    );

  it('popup, server on another origin: the window gets a form post to {base}/go, not the link', async () => {
    const submits = recordSubmits();
    const popup = new FakePopup();
    const open = stubOpen(popup);
    const fetchStub = stubFetch({ create: () => json(201, created()) });
    restore = [submits.restore, open.restore, fetchStub.restore];
    const el = await mount(OTHER);
    el.start();
    await untilStatus(el, 'awaiting');
    expect(submits.posted).to.deep.equal([
      {
        action: `${OTHER}/go`,
        method: 'post',
        target: 'dlkyc-digilocker',
        fields: { session_token: TOKEN, url: JOURNEY_URL },
        connected: true,
      },
    ]);
    expect(popup.navigations, 'DigiLocker is reached through the hop').to.deep.equal([]);
    expect(document.querySelector('form'), 'the form is gone after the submit').to.equal(null);
    // The create request sent credentials, so a same-site server's binding cookie is kept.
    expect(fetchStub.posts()[0]?.url).to.equal(`${OTHER}/sessions`);
    expect(fetchStub.posts()[0]?.credentials).to.equal('include');
  });

  it('popup, server on this origin: no hop, the window goes straight to DigiLocker', async () => {
    const submits = recordSubmits();
    const popup = new FakePopup();
    const open = stubOpen(popup);
    const fetchStub = stubFetch({ create: () => json(201, created()) });
    restore = [submits.restore, open.restore, fetchStub.restore];
    const el = await mount('/kyc');
    el.start();
    await untilStatus(el, 'awaiting');
    expect(submits.posted).to.deep.equal([]);
    expect(popup.navigations).to.deep.equal([JOURNEY_URL]);
  });

  it('redirect, server on another origin: the page itself posts to {base}/go', async () => {
    const submits = recordSubmits();
    const fetchStub = stubFetch({ create: () => json(201, created()) });
    restore = [submits.restore, fetchStub.restore];
    const el = await mount(OTHER, 'redirect');
    const navigations: string[] = [];
    el.navigate = (url) => navigations.push(url);
    el.start();
    await untilStatus(el, 'awaiting');
    expect(submits.posted.map(({ action, target }) => [action, target])).to.deep.equal([
      [`${OTHER}/go`, '_self'],
    ]);
    expect(navigations).to.deep.equal([]);
  });
});
