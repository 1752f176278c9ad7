// Property test of the message handler: it emits only when origin and state both match, for
// random and hostile origins and payloads (fast-check; ~1,000 cases per property).
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { listenForReturn } from './return-channel.js';
import { returnMessage, STATE } from './test-helpers.js';

const ORIGIN = 'https://kyc.merchant.example';

// A fixed seed keeps CI repeatable; drop it locally to explore new cases (a failure prints the
// seed and path that replay it).
fc.configureGlobal({ seed: 20261126 });

function deliverOnce(data: unknown, origin: string): unknown[] {
  const results: unknown[] = [];
  const dispose = listenForReturn({
    win: window,
    state: STATE,
    origin,
    source: () => null,
    onReturn: (message) => results.push(message),
  });
  window.dispatchEvent(new MessageEvent('message', { data, origin: ORIGIN }));
  dispose();
  return results;
}

/** Near-misses of the one accepted origin: the kind a prefix or regex check lets through. */
const origins = fc.oneof(
  fc.constant(ORIGIN),
  fc.webUrl().map((url) => new URL(url).origin),
  fc.string({ maxLength: 40 }).map((suffix) => ORIGIN + suffix),
  fc.string({ maxLength: 40 }).map((prefix) => prefix + ORIGIN),
  fc.constantFrom(ORIGIN.toUpperCase(), `${ORIGIN}/`, `${ORIGIN}:443`, 'null', '*', ''),
);

const states = fc.oneof(
  fc.constant(STATE),
  fc.stringMatching(/^[A-Za-z0-9_-]{22,64}$/),
  fc.string({ maxLength: 70 }),
);

/** The server's receipt, its near-misses, and nothing. */
const receipts = fc.oneof(
  fc.stringMatching(/^[0-9]{1,12}\.[A-Za-z0-9_-]{43}$/),
  fc.stringMatching(/^[0-9]{0,13}\.?[A-Za-z0-9_+/=-]{40,46}$/),
  fc.string({ maxLength: 60 }),
);

const payloads = fc.oneof(
  states.map((state) => returnMessage(state)),
  fc.record({ v: fc.anything(), type: fc.anything(), state: states }),
  fc.record({ v: fc.constant(1), type: fc.constant('dlkyc:result'), state: states }),
  fc.record(
    {
      v: fc.constant(1),
      type: fc.constant('dlkyc:result'),
      state: states,
      receipt: receipts,
      verification_id: fc.string({ maxLength: 140 }),
    },
    { requiredKeys: ['v', 'type', 'state'] },
  ),
  states.map((state) => ({ ...returnMessage(state), extra: 1 })),
  fc.anything(),
);

/**
 * The contract, stated independently of the code: `{v: 1, type, state, receipt,
 * verification_id?}` only, the receipt being seconds, a dot and 43 base64url characters.
 */
function isThisAttempt(data: unknown): boolean {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return false;
  const message = data as Record<string, unknown>;
  const allowed = ['v', 'type', 'state', 'receipt', 'verification_id'];
  if (!Object.keys(message).every((key) => allowed.includes(key))) return false;
  const id = message.verification_id;
  const receipt = message.receipt;
  const [seconds = '', mac = '', ...rest] = typeof receipt === 'string' ? receipt.split('.') : [];
  return (
    message.v === 1 &&
    message.type === 'dlkyc:result' &&
    message.state === STATE &&
    rest.length === 0 &&
    seconds.length >= 1 &&
    seconds.length <= 12 &&
    [...seconds].every((c) => c >= '0' && c <= '9') &&
    mac.length === 43 &&
    [...mac].every((c) => /[A-Za-z0-9_-]/.test(c)) &&
    (id === undefined || (typeof id === 'string' && id.length <= 128))
  );
}

describe('listenForReturn under random input', () => {
  it('emits only when the listener origin is the sender origin and the state is this attempt', () => {
    fc.assert(
      fc.property(payloads, origins, (data, listenOrigin) => {
        const results = deliverOnce(data, listenOrigin);
        expect(results.length).to.equal(listenOrigin === ORIGIN && isThisAttempt(data) ? 1 : 0);
      }),
      { numRuns: 1000 },
    );
  });

  it('never emits for a message from any origin other than the exact one', () => {
    fc.assert(
      fc.property(
        origins.filter((origin) => origin !== ORIGIN),
        (senderOrigin) => {
          const results: unknown[] = [];
          const dispose = listenForReturn({
            win: window,
            state: STATE,
            origin: ORIGIN,
            source: () => null,
            onReturn: (message) => results.push(message),
          });
          window.dispatchEvent(
            new MessageEvent('message', { data: returnMessage(), origin: senderOrigin }),
          );
          dispose();
          expect(results).to.deep.equal([]);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
