// The widget's built files as assets: hash and integrity of the bytes served, a rebuilt file
// gets a new URL, and the adapters expose the script tag's values.
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { contractOptions } from '../../test/contract/harness.js';
import { digilockerKyc } from '../adapters/express.js';
import { createKycHandler, type KycHandler } from '../adapters/kyc-handler.js';
import { type CoreRequest, HeaderBag } from '../core/exchange.js';
import { builtAsset } from './built-asset.js';
import { locateWidgetAssets } from './widget-files.js';

const BASE = 'https://kyc.shop.example/kyc';

function get(headers: Record<string, string> = {}): CoreRequest {
  return {
    id: 'r1',
    method: 'GET',
    path: '/widget.js',
    query: '',
    mount: '/kyc',
    header: (name) => headers[name],
    ip: '',
    secure: false,
    hasBody: false,
    readBody: () => Promise.reject(new Error('no body')),
  };
}

let handler: KycHandler | undefined;
afterEach(async () => {
  await handler?.close();
  handler = undefined;
});

describe('builtAsset', () => {
  it('names the bytes it serves: hash in the URL, SRI integrity of the plain bytes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dlkyc-asset-'));
    const file = join(dir, 'bundle.js');
    writeFileSync(file, 'export const v = 1;\n');
    const asset = builtAsset(file, 'widget', 'The widget bundle', BASE);
    const first = asset.info()!;
    const sha384 = createHash('sha384').update('export const v = 1;\n').digest('base64');
    expect(first.integrity).toBe(`sha384-${sha384}`);
    expect(first.file).toBe(`widget.${first.hash}.js`);
    expect(first.url).toBe(`${BASE}/widget.${first.hash}.js`);
    const reply = await asset.serve(get({ 'accept-encoding': 'br' }), new HeaderBag(), first.hash);
    expect(brotliDecompressSync(reply.body!).toString()).toBe('export const v = 1;\n');

    // A rebuild (development): a new hash, and the old hashed URL is no longer served.
    writeFileSync(file, 'export const v = 22;\n');
    const second = asset.info()!;
    expect(second.hash).not.toBe(first.hash);
    await expect(asset.serve(get(), new HeaderBag(), first.hash)).rejects.toMatchObject({
      code: 'not_found',
    });
    const headers = new HeaderBag();
    expect((await asset.serve(get(), headers, second.hash)).body?.toString()).toBe(
      'export const v = 22;\n',
    );
    expect(headers.get('ETag')).toBe(`"${second.hash}"`);
  });

  it('has no info and answers 404 when the file is not built', async () => {
    const asset = builtAsset(join(tmpdir(), 'no-such-bundle.js'), 'widget', 'The bundle', BASE);
    expect(asset.info()).toBeUndefined();
    await expect(asset.serve(get(), new HeaderBag(), undefined)).rejects.toMatchObject({
      code: 'not_found',
    });
  });
});

describe('widgetAsset() on the adapters', () => {
  it('gives the real bundle’s hashed URL and integrity, and that URL serves those bytes', async () => {
    const options = { ...contractOptions(false), widgetAssets: locateWidgetAssets() };
    handler = createKycHandler(options);
    const router = digilockerKyc(options);
    const info = handler.widgetAsset()!;
    expect(router.widgetAsset()).toEqual(info);
    await router.close();
    expect(info.url).toMatch(/^https:\/\/kyc\.shop\.example\/kyc\/widget\.[0-9a-f]{10}\.js$/);
    const bytes = readFileSync(locateWidgetAssets().bundle!);
    expect(info.integrity).toBe(`sha384-${createHash('sha384').update(bytes).digest('base64')}`);
    const res = await handler.fetch(new Request(info.url));
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer()).equals(bytes)).toBe(true);
  });
});

describe('the bundle’s language files', () => {
  it('widget.json lists each language’s file, and its URL serves those bytes for good', async () => {
    const options = { ...contractOptions(false), widgetAssets: locateWidgetAssets() };
    handler = createKycHandler(options);
    const manifest = (await (await handler.fetch(new Request(`${BASE}/widget.json`))).json()) as {
      languages: Record<string, { file: string; url: string; hash: string; integrity: string }>;
    };
    expect(Object.keys(manifest.languages).sort()).toEqual(
      ['bn', 'gu', 'hi', 'kn', 'ml', 'mr', 'or', 'pa', 'ta', 'te'].sort(),
    );
    const ta = manifest.languages.ta!;
    expect(ta.url).toMatch(/^https:\/\/kyc\.shop\.example\/kyc\/lang\/ta\.[0-9a-f]{10}\.js$/);
    const bytes = readFileSync(join(dirname(locateWidgetAssets().bundle!), ta.file));
    // The widget's build names the file by the hash this server gives its bytes.
    expect(ta.hash).toBe(createHash('sha256').update(bytes).digest('hex').slice(0, 10));
    expect(ta.integrity).toBe(`sha384-${createHash('sha384').update(bytes).digest('base64')}`);
    expect(bytes.toString()).toMatch(/சரிபார்/);

    const res = await handler.fetch(
      new Request(ta.url, { headers: { 'accept-encoding': 'gzip' } }),
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    // fetch() decodes the gzip body it was sent.
    expect(Buffer.from(await res.arrayBuffer()).equals(bytes)).toBe(true);
  });

  it('answers 404 for another hash, an unknown language and a name that is not a language file', async () => {
    handler = createKycHandler({ ...contractOptions(false), widgetAssets: locateWidgetAssets() });
    for (const path of [
      'lang/ta.0000000000.js',
      'lang/xx.0000000000.js',
      'lang/ta.js',
      'lang/ta.js.map',
    ]) {
      const res = await handler.fetch(new Request(`${BASE}/${path}`));
      expect(res.status, path).toBe(404);
    }
  });

  it('lists no languages when the bundle has none beside it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dlkyc-lang-'));
    const bundle = join(dir, 'bundle.js');
    writeFileSync(bundle, 'export {};\n');
    handler = createKycHandler({ ...contractOptions(false), widgetAssets: { bundle } });
    const manifest = await (await handler.fetch(new Request(`${BASE}/widget.json`))).json();
    expect(manifest).not.toHaveProperty('languages');
  });
});
