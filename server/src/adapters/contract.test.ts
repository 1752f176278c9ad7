// One contract, every adapter: the Express router, the node:http handler and the fetch handler
// answer each request of the table alike. An edge check missing from one adapter fails here.
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CASES, type ContractCase } from '../../test/contract/cases.js';
import {
  contractOptions,
  expressTarget,
  fetchTarget,
  nodeTarget,
  type Reply,
  type Target,
  type TargetFactory,
} from '../../test/contract/harness.js';

const TARGETS: [string, TargetFactory][] = [
  ['express', expressTarget],
  ['node:http', nodeTarget],
  ['fetch', fetchTarget],
];

/**
 * The fetch handler leaves compression to its host (Next.js and the other fetch platforms
 * compress replies themselves), so where the table expects an encoded widget file it answers
 * the plain bytes, with the plain validator.
 */
function forAdapter(adapter: string, c: ContractCase): ContractCase {
  if (adapter !== 'fetch' || c.encoding === undefined) return c;
  const { encoding: _encoding, ...plain } = c;
  const etag = c.headers?.etag;
  return {
    ...plain,
    headers: {
      ...c.headers,
      'content-encoding': null,
      ...(typeof etag === 'string' ? { etag: etag.replace(/-(br|gz)"$/, '"') } : {}),
    },
  };
}

function check(adapter: string, raw: ContractCase, reply: Reply) {
  const c = forAdapter(adapter, raw);
  expect(reply.status, `status of ${c.name}: ${reply.body}`).toBe(c.status);
  for (const [name, expected] of Object.entries(c.headers ?? {})) {
    const actual = reply.headers[name];
    if (expected === null) expect(actual, name).toBeUndefined();
    else if (expected instanceof RegExp) expect(actual, name).toMatch(expected);
    else expect(actual, name).toBe(expected);
  }
  if (c.code !== undefined) {
    const error = JSON.parse(reply.body).error;
    expect(error.code).toBe(c.code);
    expect(error.request_id).toBe(reply.headers['x-request-id']);
    expect(typeof error.retryable).toBe('boolean');
  }
  if (c.encoding !== undefined) {
    expect(reply.headers['content-encoding'], 'content-encoding').toBe(c.encoding);
    const decoded = (c.encoding === 'br' ? brotliDecompressSync : gunzipSync)(reply.bytes);
    if (c.body) expect(decoded.toString()).toMatch(c.body);
    return;
  }
  if (c.body) expect(reply.body).toMatch(c.body);
}

describe.each(TARGETS)('the contract through %s', (adapter, factory) => {
  let target: Target;
  beforeAll(async () => {
    target = await factory(contractOptions(false));
  });
  afterAll(async () => {
    await target.close();
  });

  it.each(CASES.filter((c) => c.repeat === undefined).map((c) => [c.name, c] as const))(
    '%s',
    async (_n, c) => {
      check(adapter, c, await target.send(c.request));
    },
  );

  it.each(CASES.filter((c) => c.repeat !== undefined).map((c) => [c.name, c] as const))(
    '%s',
    async (_n, c) => {
      const limited = await factory(contractOptions(true));
      try {
        let reply = await limited.send(c.request);
        for (let i = 1; i < (c.repeat ?? 1); i++) reply = await limited.send(c.request);
        check(adapter, c, reply);
      } finally {
        await limited.close();
      }
    },
  );
});
