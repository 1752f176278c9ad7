// createKycHandler's own options: basePath, next() for paths outside it, the client address
// behind proxies for the per-client limit, and what the hooks receive.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { bindingCookie, PAGE_ORIGIN, returnPath } from '../../test/contract/cases.js';
import { contractOptions } from '../../test/contract/harness.js';
import type { KycHookRequest } from '../core/hook-request.js';
import { createLogger } from '../observability/logger.js';
import { createKycHandler, type KycHandler } from './kyc-handler.js';

let handler: KycHandler | undefined;
afterEach(async () => {
  await handler?.close();
  handler = undefined;
});

const create = (url: string, headers: Record<string, string> = {}) =>
  new Request(url, {
    method: 'POST',
    headers: {
      Origin: PAGE_ORIGIN,
      'X-DigiLocker-KYC': '1',
      'Content-Type': 'application/json',
      ...headers,
    },
    body: '{}',
  });

describe('createKycHandler', () => {
  it('serves under any basePath, and its pages name their script under it', async () => {
    handler = createKycHandler({ ...contractOptions(false), basePath: '/api/kyc/' });
    const bound = { headers: { Cookie: bindingCookie() } };
    const page = await handler.fetch(
      new Request(`https://shop.example/api/kyc${returnPath()}`, bound),
    );
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('src="/api/kyc/return.js"');
    const outside = await handler.fetch(
      new Request(`https://shop.example/kyc${returnPath()}`, bound),
    );
    expect(outside.status).toBe(404);
    expect(((await outside.json()) as { error: { message: string } }).error.message).toMatch(
      /^No route for GET \/kyc\/return\//,
    );
    // The warning page of a foreign return is under the base path too.
    const foreign = await handler.fetch(new Request(`https://shop.example/api/kyc${returnPath()}`));
    expect(foreign.headers.get('location')).toBe('/api/kyc/foreign-return');
  });

  it('serves at the root with basePath "/"', async () => {
    handler = createKycHandler({ ...contractOptions(false), basePath: '/' });
    expect((await handler.fetch(create('https://kyc.shop.example/sessions'))).status).toBe(201);
  });

  it('refuses a basePath that is not a URL path, naming the option', () => {
    expect(() => createKycHandler({ ...contractOptions(false), basePath: 'kyc' })).toThrow(
      /basePath/,
    );
    expect(() =>
      createKycHandler({ ...contractOptions(false), clientAddress: { trustProxyHops: -1 } }),
    ).toThrow(/trustProxyHops/);
  });

  it('node: hands requests outside basePath to next, and answers those under it', async () => {
    const kyc = createKycHandler(contractOptions(false));
    handler = kyc;
    const server = createServer((req, res) =>
      kyc.node(req, res, () => {
        res.statusCode = 299;
        res.end('next');
      }),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const other = await fetch(`http://127.0.0.1:${port}/kycx`);
      expect(other.status).toBe(299);
      const ours = await fetch(`http://127.0.0.1:${port}/kyc/foreign-return`);
      expect(ours.status).toBe(200);
    } finally {
      server.close();
    }
  });

  it('node: a reply that cannot be written goes to next, or closes the socket; never unhandled', async () => {
    const kyc = createKycHandler(contractOptions(false));
    handler = kyc;
    const failures: unknown[] = [];
    const server = createServer((req, res) => {
      // The headers are already out (an earlier layer sent them): writing the reply throws.
      res.flushHeaders();
      if (req.url?.startsWith('/kyc/foreign-return?next')) {
        kyc.node(req, res, (error) => {
          failures.push(error);
          res.end();
        });
      } else kyc.node(req, res);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      await fetch(`http://127.0.0.1:${port}/kyc/foreign-return?next`).then((r) => r.text());
      expect((failures[0] as { code?: string }).code).toBe('ERR_HTTP_HEADERS_SENT');
      await expect(
        fetch(`http://127.0.0.1:${port}/kyc/foreign-return`).then((r) => r.text()),
      ).rejects.toThrow();
    } finally {
      server.close();
    }
  });

  it('fetch: counts the per-client limit by the address the trusted proxy saw', async () => {
    handler = createKycHandler({ ...contractOptions(true), clientAddress: { trustProxyHops: 1 } });
    const from = (chain: string) =>
      handler!.fetch(create('https://kyc.shop.example/kyc/sessions', { 'X-Forwarded-For': chain }));
    expect((await from('1.1.1.1')).status).toBe(201);
    expect((await from('1.1.1.1')).status).toBe(201);
    expect((await from('1.1.1.1')).status).toBe(429);
    // A client cannot pick another address by prepending to the header.
    expect((await from('9.9.9.9, 1.1.1.1')).status).toBe(429);
    expect((await from('2.2.2.2')).status).toBe(201);
  });

  it('fetch: clientIp, when given, is the address the limit counts', async () => {
    handler = createKycHandler({
      ...contractOptions(true),
      clientAddress: {
        clientIp: (request) => (request as Request).headers.get('x-test-client') ?? undefined,
      },
    });
    const from = (client: string) =>
      handler!.fetch(create('https://kyc.shop.example/kyc/sessions', { 'X-Test-Client': client }));
    for (const expected of [201, 201, 429]) expect((await from('a')).status).toBe(expected);
    expect((await from('b')).status).toBe(201);
  });

  it('fetch: says once, naming the fix, when it cannot see the client address', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    handler = createKycHandler({ ...contractOptions(false), logger: createLogger('warn', sink) });
    await handler.fetch(create('https://kyc.shop.example/kyc/sessions'));
    await handler.fetch(create('https://kyc.shop.example/kyc/sessions'));
    const warnings = lines.filter((line) => line.includes("cannot see the client's address"));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/trustProxyHops.*clientIp/);
  });

  it('gives hooks the method, path, address, headers and the raw request', async () => {
    const seen: KycHookRequest[] = [];
    handler = createKycHandler({
      ...contractOptions(false),
      clientAddress: { trustProxyHops: 1 },
      hooks: {
        authorize: (req) => {
          seen.push(req);
          return true;
        },
      },
    });
    const request = create('https://kyc.shop.example/kyc/sessions', {
      'X-Forwarded-For': '3.3.3.3',
      Cookie: 'session=ok',
    });
    expect((await handler.fetch(request)).status).toBe(201);
    expect(seen[0]).toMatchObject({ method: 'POST', path: '/sessions', ip: '3.3.3.3' });
    expect(seen[0]?.get('Cookie')).toBe('session=ok');
    expect(seen[0]?.raw).toBe(request);
  });
});
