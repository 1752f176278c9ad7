// The widget's built files as cacheable assets: a stable URL and a content-hashed immutable one,
// gzip and brotli made once per version, and the Subresource Integrity value of the bytes.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { KycError } from '@digilocker-kyc/shared';
import Negotiator from 'negotiator';
import type { CoreRequest, HeaderBag } from '../core/exchange.js';

/** One built file as a page references it. */
export interface AssetInfo {
  /** The content-hashed file name under the mount, e.g. `widget.3f9a0c1b2d.js`. */
  file: string;
  /** `file` under the mount's public URL (`publicBaseUrl`). */
  url: string;
  /** The first 10 hex digits of the bytes' SHA-256: a new build, a new URL. */
  hash: string;
  /** The `integrity` attribute's value: `sha384-` and the bytes' SHA-384 in base64. */
  integrity: string;
}

/** Stable URLs may change on a redeploy: browsers reuse them for 5 minutes, then revalidate. */
const STABLE_CACHE = 'public, max-age=300';
/** A hashed URL names one version's bytes forever. */
const IMMUTABLE_CACHE = 'public, max-age=31536000, immutable';
export const HASH_LENGTH = 10;

type Encoding = 'br' | 'gzip' | 'identity';
const ENCODINGS: Encoding[] = ['br', 'gzip', 'identity'];
const SUFFIX: Record<Encoding, string> = { br: '-br', gzip: '-gz', identity: '' };

interface Version {
  mtimeMs: number;
  size: number;
  hash: string;
  integrity: string;
  lastModified: string;
  bodies: Record<Encoding, Promise<Buffer>>;
}

/** negotiator 1.1's `encoding(available, { preferred })`, which @types/negotiator lacks. */
interface PreferringNegotiator {
  encoding(available: Encoding[], options: { preferred: Encoding[] }): Encoding | undefined;
}

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

/**
 * A version of the file: hashed at once; each compressed form made in the thread pool the first
 * time a client asks for it, then kept. Brotli at quality 11 takes ~150 ms of CPU for the bundle:
 * a server that never serves the widget (an API-only serverless route) never pays it, and a
 * start does not compete with it. A failed compression falls back to the plain bytes.
 */
function version(body: Buffer, mtime: Date, size: number): Version {
  const or = (encoded: Promise<Buffer>) => encoded.catch(() => body);
  let br: Promise<Buffer> | undefined;
  let gzip: Promise<Buffer> | undefined;
  return {
    mtimeMs: mtime.getTime(),
    size,
    hash: createHash('sha256').update(body).digest('hex').slice(0, HASH_LENGTH),
    integrity: `sha384-${createHash('sha384').update(body).digest('base64')}`,
    lastModified: mtime.toUTCString(),
    bodies: {
      identity: Promise.resolve(body),
      get br() {
        br ??= or(
          brotli(body, {
            params: {
              [constants.BROTLI_PARAM_QUALITY]: 11,
              [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
              [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
            },
          }),
        );
        return br;
      },
      get gzip() {
        gzip ??= or(gzipped(body, { level: 9 }));
        return gzip;
      },
    },
  };
}

export interface BuiltAsset {
  /** The current version, as a page should reference it; undefined when the file is missing. */
  info(): AssetInfo | undefined;
  /**
   * `GET {mount}/<name>.js` (`hash` undefined) or `{mount}/<name>.<hash>.js`: the bytes in the
   * best encoding the client accepts, or 304. A hash other than the current one is a 404.
   */
  serve(req: CoreRequest, headers: HeaderBag, hash: string | undefined): Promise<AssetReply>;
}

interface AssetReply {
  status: number;
  body: Uint8Array | null;
}

/**
 * `path`: the built file (undefined: not installed); `name`: its URL's stem (`widget`);
 * `label`: how errors name it. The file is read at creation, and again whenever it changes on
 * disk (a rebuilt widget in development), so the hash always names the bytes served.
 */
export function builtAsset(
  path: string | undefined,
  name: string,
  label: string,
  publicBaseUrl: string,
): BuiltAsset {
  let current: Version | undefined;
  // Compared through the same Date the version was made from: Node 24's stat rounds `mtime`
  // from nanoseconds, so `Math.trunc(mtimeMs)` can differ from it by a millisecond, and every
  // request would read, hash and compress the file again.
  const changed = (info: { mtime: Date; size: number }) =>
    current?.mtimeMs !== info.mtime.getTime() || current.size !== info.size;

  function loadSync(): Version | undefined {
    if (path === undefined) return undefined;
    const info = statSync(path, { throwIfNoEntry: false });
    if (info === undefined) return undefined;
    if (changed(info)) current = version(readFileSync(path), info.mtime, info.size);
    return current;
  }
  try {
    loadSync();
  } catch {
    // Unreadable now: each request says so, and info() stays undefined.
  }

  async function load(): Promise<Version> {
    if (path === undefined) {
      throw new KycError(
        'not_found',
        `${label} is not available: install and build @digilocker-kyc/widget beside the server.`,
      );
    }
    const info = await stat(path).catch(() => undefined);
    if (info === undefined) {
      throw new KycError('not_found', `${label} is not available: its built file is missing.`);
    }
    if (changed(info)) current = version(await readFile(path), info.mtime, info.size);
    return current as Version;
  }

  return {
    info() {
      const v = loadSync();
      if (v === undefined) return undefined;
      const file = `${name}.${v.hash}.js`;
      return { file, url: `${publicBaseUrl}/${file}`, hash: v.hash, integrity: v.integrity };
    },
    async serve(req, headers, hash) {
      const v = await load();
      if (hash !== undefined && hash !== v.hash) {
        throw new KycError(
          'not_found',
          `This build of ${name}.js is no longer served here: load ${req.mount}/${name}.${v.hash}.js (see ${req.mount}/widget.json).`,
        );
      }
      // Readable from any page (a module script is a CORS request; with `integrity` it must be),
      // cross-origin embeddable, and it holds no secret.
      headers.set('Content-Type', 'text/javascript; charset=utf-8');
      headers.set('Cross-Origin-Resource-Policy', 'cross-origin');
      headers.set('Access-Control-Allow-Origin', '*');
      headers.set('Cache-Control', hash === undefined ? STABLE_CACHE : IMMUTABLE_CACHE);
      headers.append('Vary', 'Accept-Encoding');
      headers.set('Last-Modified', v.lastModified);
      const negotiator = new Negotiator({
        headers: {
          'accept-encoding': req.hostCompresses ? 'identity' : req.header('accept-encoding'),
        },
      }) as unknown as PreferringNegotiator;
      // Ties go to our order (brotli is the smaller), not the order the client listed them in.
      const encoding = negotiator.encoding(ENCODINGS, { preferred: ENCODINGS }) ?? 'identity';
      // Strong validators from the content: the same on every instance, one per encoding.
      const etag = `"${v.hash}${SUFFIX[encoding]}"`;
      const known = ENCODINGS.map((e) => `"${v.hash}${SUFFIX[e]}"`);
      const presented = req
        .header('if-none-match')
        ?.split(',')
        .map((tag) => tag.trim().replace(/^W\//, ''))
        .find((tag) => tag === '*' || known.includes(tag));
      headers.set('ETag', presented && presented !== '*' ? presented : etag);
      if (presented !== undefined) return { status: 304, body: null };
      if (encoding !== 'identity') headers.set('Content-Encoding', encoding);
      return { status: 200, body: await v.bodies[encoding] };
    },
  };
}

/** A language file of the bundle: `ta.3f9a0c1b2d.js`, named by the first 10 hex of its SHA-256. */
export const LANGUAGE_FILE = new RegExp(`^([a-z]{2})\\.([0-9a-f]{${HASH_LENGTH}})\\.js$`);

/**
 * The script-tag bundle's language files, in `lang/` beside the bundle: the bundle imports them
 * from beside its own URL, so the server serves them at `{mount}/lang/<code>.<hash>.js`. The
 * widget's build names each by the same hash this server gives a file, so a file's URL is its
 * only name: always immutable, compressed like the bundle, and listed with its integrity value.
 */
export interface LanguageFiles {
  /** The current file of each language, by code (`ta`); empty when none are built. */
  list(): Record<string, AssetInfo>;
  /** `GET {mount}/lang/<code>.<hash>.js`. */
  serve(req: CoreRequest, headers: HeaderBag, code: string, hash: string): Promise<AssetReply>;
}

export function languageFiles(
  bundlePath: string | undefined,
  publicBaseUrl: string,
): LanguageFiles {
  const dir = bundlePath === undefined ? undefined : join(dirname(bundlePath), 'lang');
  // One served asset per file name; a rebuild brings new names (and drops the old files).
  const assets = new Map<string, BuiltAsset>();
  const current = (): Map<string, string> => {
    const byCode = new Map<string, string>();
    let names: string[] = [];
    try {
      names = dir === undefined ? [] : readdirSync(dir);
    } catch {
      // No lang/ directory: a bundle built without languages, or none installed.
    }
    for (const name of names) {
      const match = LANGUAGE_FILE.exec(name);
      if (match) byCode.set(match[1]!, name);
    }
    return byCode;
  };
  const asset = (code: string, name: string): BuiltAsset => {
    let found = assets.get(name);
    if (found === undefined) {
      found = builtAsset(
        join(dir!, name),
        `lang/${code}`,
        `The ${code} language file`,
        publicBaseUrl,
      );
      assets.set(name, found);
    }
    return found;
  };
  return {
    list() {
      const out: Record<string, AssetInfo> = {};
      for (const [code, name] of current()) {
        const info = asset(code, name).info();
        if (info) out[code] = info;
      }
      return out;
    },
    async serve(req, headers, code, hash) {
      const name = current().get(code);
      if (name === undefined) {
        throw new KycError(
          'not_found',
          `No language file for "${code}" is built beside the widget bundle (expected ${req.mount}/lang/<code>.<hash>.js for a language of the widget).`,
        );
      }
      return asset(code, name).serve(req, headers, hash);
    },
  };
}

/** The body of `GET {mount}/widget.json`: the current hashed URLs and their integrity values. */
export interface WidgetManifest {
  widget: AssetInfo;
  return_script?: AssetInfo;
  /**
   * The bundle's language files by code (`ta`): it imports the one a page asks for from beside
   * itself; listed for integrity checks and preloading.
   */
  languages?: Record<string, AssetInfo>;
}

/** `GET {mount}/widget.json`, for templates and build tools that render the script tag. */
export function assetManifest(
  widget: BuiltAsset,
  returnScript: BuiltAsset,
  languages?: LanguageFiles,
): WidgetManifest {
  const info = widget.info();
  if (info === undefined) {
    throw new KycError(
      'not_found',
      'The widget bundle is not available: install and build @digilocker-kyc/widget beside the server.',
    );
  }
  const script = returnScript.info();
  const langs = languages?.list() ?? {};
  return {
    widget: info,
    ...(script ? { return_script: script } : {}),
    ...(Object.keys(langs).length ? { languages: langs } : {}),
  };
}

/** Public facts about public files (widget.json): any page may read them, for a few minutes. */
export function publicJsonHeaders(headers: HeaderBag): void {
  headers.set('Cache-Control', STABLE_CACHE);
  headers.set('Access-Control-Allow-Origin', '*');
  headers.set('Cross-Origin-Resource-Policy', 'cross-origin');
}
