// A built asset is compressed when a client first asks for that encoding, once, never at creation.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it, vi } from 'vitest';
import { type CoreRequest, HeaderBag } from '../core/exchange.js';
import { builtAsset } from './built-asset.js';

const calls = vi.hoisted(() => ({ br: 0, gzip: 0 }));
vi.mock('node:zlib', async (importOriginal) => {
  const zlib = await importOriginal<typeof import('node:zlib')>();
  return {
    ...zlib,
    brotliCompress: (...args: Parameters<typeof zlib.brotliCompress>) => {
      calls.br += 1;
      return zlib.brotliCompress(...args);
    },
    gzip: (...args: Parameters<typeof zlib.gzip>) => {
      calls.gzip += 1;
      return zlib.gzip(...args);
    },
  };
});

function get(encoding: string): CoreRequest {
  return {
    id: 'r1',
    method: 'GET',
    path: '/widget.js',
    query: '',
    mount: '/kyc',
    header: (name) => (name === 'accept-encoding' ? encoding : undefined),
    ip: '',
    secure: false,
    hasBody: false,
    readBody: () => Promise.reject(new Error('no body')),
  };
}

describe('builtAsset compression', () => {
  it('compresses nothing at creation, then each encoding once, on its first request', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dlkyc-asset-'));
    const file = join(dir, 'bundle.js');
    writeFileSync(file, 'export const v = 1;\n'.repeat(50));
    const asset = builtAsset(file, 'widget', 'The widget bundle', 'https://kyc.shop.example/kyc');
    const { hash } = asset.info()!;
    expect(calls).toEqual({ br: 0, gzip: 0 });

    const br = await asset.serve(get('br'), new HeaderBag(), hash);
    expect(brotliDecompressSync(br.body!).toString()).toBe('export const v = 1;\n'.repeat(50));
    await asset.serve(get('br'), new HeaderBag(), hash);
    expect(calls).toEqual({ br: 1, gzip: 0 });

    const gzip = await asset.serve(get('gzip'), new HeaderBag(), hash);
    expect(gunzipSync(gzip.body!).toString()).toBe('export const v = 1;\n'.repeat(50));
    await asset.serve(get('gzip'), new HeaderBag(), undefined);
    expect(calls).toEqual({ br: 1, gzip: 1 });
  });
});
