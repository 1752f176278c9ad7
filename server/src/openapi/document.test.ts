// The OpenAPI document against the live server: real requests (happy path and error paths)
// through the node:http adapter, each reply's status, media type and JSON body checked against
// the document's entry for its route, method and status, with a JSON Schema 2020-12 validator.

import { RECEIPT_HEADER } from '@digilocker-kyc/shared';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import ajvFormats from 'ajv-formats';
import { MockAgent } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  contractOptions,
  EKO_ORIGIN,
  nodeTarget,
  type Reply,
  type Target,
} from '../../test/contract/harness.js';
import {
  API,
  bindingCookie,
  type ContractRequest,
  create,
  go,
  LANGUAGE_HASH,
  PAGE_ORIGIN,
  RETURN_HASH,
  receiptCookie,
  returnPath,
  SESSION_SECRET,
  STATE,
  status,
  tokenFor,
  WIDGET_HASH,
} from '../../test/contract/requests.js';
import { mintReceipt } from '../core/return-proof.js';
import { openApiDocument } from './document.js';

// The document is walked by key: a loose type, checked by the assertions on the way.
// biome-ignore lint/suspicious/noExplicitAny: see above
type Json = Record<string, any>;

/** The document with its component refs pointed at one schema resource ajv knows. */
const doc: Json = JSON.parse(
  JSON.stringify(openApiDocument()).replaceAll(
    '"#/components/schemas/',
    '"components.json#/$defs/',
  ),
);
const ajv = new Ajv2020({ strict: true, allErrors: true });
// A CommonJS module: under NodeNext its function is the `default` export.
ajvFormats.default(ajv);
ajv.addSchema({ $id: 'components.json', $defs: doc.components.schemas });

/**
 * The operation a request reached: its path template matched as the router matches. Another
 * method on a documented route is the 405 the document's description promises.
 */
function operation(path: string, method: string): { template: string; op: Json } {
  const bare = path.split('?')[0]!;
  let route: string | undefined;
  for (const [template, item] of Object.entries(doc.paths as Json)) {
    const pattern = template.replace(/\./g, '\\.').replace(/\{[^}]+\}/g, '[^/]+');
    if (new RegExp(`^${pattern}$`).test(bare)) {
      route ??= template;
      const op = (item as Json)[method.toLowerCase()];
      if (op) return { template, op };
    }
  }
  if (route !== undefined && /^\/(sessions|go$)/.test(route)) {
    return { template: route, op: NOT_ALLOWED };
  }
  throw new Error(`The document has no operation for ${method} ${bare}.`);
}

/** What the document says of any other method on the API routes (info.description). */
const NOT_ALLOWED: Json = {
  responses: {
    '405': {
      headers: { 'X-Request-Id': {} },
      content: {
        'application/json': {
          schema: {
            $ref: 'components.json#/$defs/ErrorBody',
            type: 'object',
            properties: {
              error: { type: 'object', properties: { code: { const: 'method_not_allowed' } } },
            },
          },
        },
      },
    },
  },
};

const validators = new Map<Json, ValidateFunction>();

/** Checks one reply against the document; returns the template matched, for coverage. */
function conforms(req: ContractRequest, reply: Reply): string {
  const { template, op } = operation(req.path, req.method);
  const where = `${req.method} ${template} → ${reply.status}`;
  const response = op.responses[String(reply.status)] as Json | undefined;
  expect(response, `${where} is not documented (body ${reply.body.slice(0, 200)})`).toBeDefined();
  if (response?.headers?.['X-Request-Id']) {
    expect(reply.headers['x-request-id'], `${where}: X-Request-Id`).toBeTruthy();
  }
  if (!response?.content) {
    expect(reply.body, `${where} documents no body`).toBe('');
    return template;
  }
  const type = (reply.headers['content-type'] ?? '').split(';')[0]!.trim();
  const media = response.content[type] as Json | undefined;
  expect(media, `${where}: ${type} is not a documented media type`).toBeDefined();
  if (type === 'application/json') {
    const schema = media!.schema as Json;
    let validate = validators.get(schema);
    if (!validate) {
      validate = ajv.compile(schema);
      validators.set(schema, validate);
    }
    const body = JSON.parse(reply.body);
    expect(validate(body), `${where}: ${JSON.stringify(validate.errors)}`).toBe(true);
  }
  return template;
}

/** Eko hands back a DigiLocker URL on a host nobody allowed: the 502 path. */
function unsafeUpstream(): MockAgent {
  const agent = new MockAgent();
  agent.disableNetConnect();
  agent
    .get(EKO_ORIGIN)
    .intercept({ path: '/ekoapi/v3/tools/kyc/digilocker', method: 'POST' })
    .reply(
      200,
      {
        status: 0,
        response_status_id: 0,
        response_type_id: 1388,
        message: 'ok',
        data: { reference_id: 1, url: 'https://phish.example/', document_requested: ['AADHAAR'] },
      },
      { headers: { 'content-type': 'application/json' } },
    )
    .persist();
  return agent;
}

const REQUESTS: [string, ContractRequest, number][] = [
  ['create', create(JSON.stringify({ documents: ['AADHAAR'], client_ref_id: 'order-1' })), 201],
  ['status', status({ Origin: PAGE_ORIGIN, Authorization: `Bearer ${tokenFor()}` }), 200],
  ['unknown document', create(JSON.stringify({ documents: ['PASSPORT'] })), 400],
  ['unknown field', create(JSON.stringify({ extra: 1 })), 400],
  [
    'no CSRF header',
    { ...create('{}'), headers: { Origin: PAGE_ORIGIN, 'Content-Type': 'application/json' } },
    403,
  ],
  ['foreign origin', create('{}', { Origin: 'https://evil.example' }), 403],
  ['form body', create('a=1', { 'Content-Type': 'application/x-www-form-urlencoded' }), 415],
  ['3 KB body', create(JSON.stringify({ client_ref_id: 'x'.repeat(3000) })), 413],
  ['GET on create', { method: 'GET', path: '/sessions' }, 405],
  ['status without token', status({ Origin: PAGE_ORIGIN }), 401],
  ['bad reference id', status({ Authorization: `Bearer ${tokenFor()}` }, 'a.b'), 400],
  [
    'preflight',
    {
      method: 'OPTIONS',
      path: '/sessions',
      headers: { Origin: PAGE_ORIGIN, 'Access-Control-Request-Method': 'POST' },
    },
    204,
  ],
  [
    'refused preflight',
    { method: 'OPTIONS', path: '/sessions', headers: { Origin: 'https://evil.example' } },
    403,
  ],
  ['OPTIONS without Origin', { method: 'OPTIONS', path: '/sessions' }, 405],
  [
    'return page',
    {
      method: 'GET',
      path: `${returnPath()}?verification_id=v1`,
      headers: { Cookie: bindingCookie() },
    },
    200,
  ],
  ['return without the binding', { method: 'GET', path: returnPath() }, 303],
  [
    'return with a wrong secret',
    { method: 'GET', path: `/return/${STATE}/${'x'.repeat(43)}` },
    404,
  ],
  ['bad return state', { method: 'GET', path: `/return/short/${'x'.repeat(43)}` }, 404],
  ['foreign return', { method: 'GET', path: '/foreign-return' }, 200],
  ['confirm without cookie', { method: 'GET', path: `/confirm/${STATE}` }, 403],
  [
    'confirm with the cookies',
    {
      method: 'GET',
      path: `/confirm/${STATE}`,
      headers: { Cookie: `${bindingCookie()}; ${receiptCookie()}` },
    },
    200,
  ],
  ['go', go({ session_token: tokenFor(), url: 'https://digilocker.gov.in/auth' }), 200],
  ['go from null', go({ session_token: tokenFor(), url: 'x' }, { Origin: 'null' }), 403],
  ['go with a bad token', go({ session_token: 'v1.x.y', url: 'x' }), 401],
  ['go to another host', go({ session_token: tokenFor(), url: 'https://evil.example/' }), 400],
  [
    'go as JSON',
    { ...go({}), headers: { Origin: PAGE_ORIGIN, 'Content-Type': 'application/json' } },
    415,
  ],
  ['GET on go', { method: 'GET', path: '/go' }, 405],
  [
    "status with another attempt's receipt",
    status({
      Origin: PAGE_ORIGIN,
      Authorization: `Bearer ${tokenFor()}`,
      [RECEIPT_HEADER]: mintReceipt('T'.repeat(43), 1_800_000_000, [SESSION_SECRET]),
    }),
    401,
  ],
  ['widget.js', { method: 'GET', path: '/widget.js', headers: { 'Accept-Encoding': 'br' } }, 200],
  ['hashed widget', { method: 'GET', path: `/widget.${WIDGET_HASH}.js` }, 200],
  [
    'revalidated widget',
    { method: 'GET', path: '/widget.js', headers: { 'If-None-Match': `"${WIDGET_HASH}"` } },
    304,
  ],
  ['old hash', { method: 'GET', path: '/widget.0000000000.js' }, 404],
  ['return.js', { method: 'GET', path: '/return.js' }, 200],
  ['hashed return.js', { method: 'GET', path: `/return.${RETURN_HASH}.js` }, 200],
  ['widget.json', { method: 'GET', path: '/widget.json' }, 200],
  ['language file', { method: 'GET', path: `/lang/ta.${LANGUAGE_HASH}.js` }, 200],
  ['openapi.json', { method: 'GET', path: '/openapi.json' }, 200],
];

describe('the OpenAPI document matches the live server', () => {
  let target: Target;
  const covered = new Set<string>();
  beforeAll(async () => {
    target = await nodeTarget(contractOptions(false));
  });
  afterAll(async () => {
    await target.close();
  });

  it.each(REQUESTS)('%s', async (_name, req, expected) => {
    const reply = await target.send(req);
    expect(reply.status, reply.body).toBe(expected);
    covered.add(conforms(req, reply));
  });

  it('429 after the limit, with Retry-After, as documented', async () => {
    const limited = await nodeTarget(contractOptions(true));
    try {
      const replies = [];
      for (let i = 0; i < 3; i++) replies.push(await limited.send(create('{}')));
      const reply = replies[2]!;
      expect(reply.status).toBe(429);
      covered.add(conforms(create('{}'), reply));
      expect(reply.headers['retry-after']).toMatch(/^\d+$/);
    } finally {
      await limited.close();
    }
  });

  it('502 upstream_unsafe_url, as documented', async () => {
    const agent = unsafeUpstream();
    const base = contractOptions(false);
    const unsafe = await nodeTarget({ ...base, testing: { ...base.testing, dispatcher: agent } });
    try {
      const reply = await unsafe.send(create('{}'));
      expect(reply.status).toBe(502);
      conforms(create('{}'), reply);
    } finally {
      await unsafe.close();
      await agent.close();
    }
  });

  it('a code the document does not allow for a status fails the check', () => {
    const reply: Reply = {
      status: 400,
      headers: { 'content-type': 'application/json', 'x-request-id': 'r' },
      body: JSON.stringify({
        error: { code: 'unauthorized', message: 'm', retryable: false, request_id: 'r' },
      }),
      bytes: Buffer.alloc(0),
    };
    expect(() => conforms(create('{}'), reply)).toThrow(/enum/);
  });

  it('serves the document at {mount}/openapi.json, with the public base as its server', async () => {
    const reply = await target.send({ method: 'GET', path: '/openapi.json', headers: API });
    expect(JSON.parse(reply.body)).toEqual(openApiDocument('https://kyc.shop.example/kyc'));
  });

  it('every documented path was exercised', () => {
    expect([...covered].sort()).toEqual(Object.keys(doc.paths).sort());
  });
});
