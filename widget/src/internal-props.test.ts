// The property names the bundle shortens (scripts/internal-props.mjs) are ours alone: no browser,
// Lit, public-API, wire, storage or event-detail name among them.
import { expect } from '@open-wc/testing';
import { INTERNAL_PROPS } from '../scripts/internal-props.mjs';
import { DEFAULT_TIMINGS } from './config.js';
import './define.js';
import { DigilockerKyc } from './digilocker-kyc.js';
import { BUILT_IN_STRINGS } from './strings.js';
import { created, errorBody, returnMessage, status } from './test-helpers.js';

/** Every property name an object and its prototype chain answer to. */
function namesOf(value: object | null): Set<string> {
  const names = new Set<string>();
  for (let o = value; o; o = Object.getPrototypeOf(o)) {
    for (const name of Object.getOwnPropertyNames(o)) names.add(name);
  }
  return names;
}

describe('INTERNAL_PROPS', () => {
  it('names nothing the browser or Lit reads on a window, document, element, event or API object', () => {
    const el = document.createElement('digilocker-kyc') as DigilockerKyc;
    const channel = new BroadcastChannel('dlkyc-names');
    const objects: object[] = [
      window,
      document,
      el,
      new MessageEvent('message'),
      new StorageEvent('storage'),
      new PageTransitionEvent('pageshow'),
      new CustomEvent('x'),
      channel,
      location,
      history,
      sessionStorage,
      new URL(location.href),
      new URL(location.href).searchParams,
      new Response(''),
      new Headers(),
      new CSSStyleSheet(),
      AbortSignal.timeout(1),
      new TextDecoder(),
      Promise.resolve(),
      new Set(),
      new Map(),
      [],
      String.prototype,
      new Error('x'),
      { ...DigilockerKyc },
    ];
    channel.close();
    for (const object of objects) {
      const names = namesOf(object);
      for (const name of INTERNAL_PROPS) {
        expect(names.has(name), `${name} on ${object.constructor?.name}`).to.equal(false);
      }
    }
  });

  it('names no field of the wire, the parked attempt, the return message, the events, timings or strings', () => {
    const shapes: object[] = [
      created(),
      status('consented'),
      errorBody('rate_limited', true),
      errorBody('rate_limited', true).error,
      returnMessage(),
      { return_to: '', endpoint: '', returned: true, verification_id: '' },
      { reference_id: '', verification_id: '', documents: [], session_token: '' },
      { reason: '', mode: '', code: '', message: '', retryable: true, bubbles: true },
      DEFAULT_TIMINGS,
      BUILT_IN_STRINGS.en,
    ];
    for (const shape of shapes) {
      for (const name of Object.keys(shape)) expect(INTERNAL_PROPS, name).to.not.include(name);
    }
  });

  it('names no public member, attribute or event of the element (custom-elements.json)', async () => {
    const manifest = await (
      await fetch(new URL('../custom-elements.json', import.meta.url))
    ).json();
    const element = manifest.modules
      .flatMap((module: { declarations?: unknown[] }) => module.declarations ?? [])
      .find((declaration: { tagName?: string }) => declaration.tagName === 'digilocker-kyc');
    const publicNames = [...element.members, ...element.attributes, ...element.events].map(
      (entry: { name: string }) => entry.name,
    );
    expect(publicNames).to.include.members(['endpoint', 'navigate', 'start', 'timings']);
    for (const name of publicNames) expect(INTERNAL_PROPS, name).to.not.include(name);
  });
});
