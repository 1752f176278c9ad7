// Runs a snippet of ES module code in a fresh Node process and returns the URL of every module
// it resolved (see load-recorder.mjs): "importing X loads no Y" becomes a plain assertion.
// A bundled file counts as the files it was made from too, read from its source map: the
// server's entries are esbuild bundles, and "loads no Express" must still see Express inside one.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const RECORDER = fileURLToPath(new URL('./load-recorder.mjs', import.meta.url));

/** `code` runs as an ES module in `cwd`; a non-zero exit throws with the child's stderr. */
export function loadedModules(code, cwd) {
  const dir = mkdtempSync(join(tmpdir(), 'dlkyc-loads-'));
  const log = join(dir, 'loads.txt');
  try {
    const run = spawnSync(
      process.execPath,
      ['--import', RECORDER, '--input-type=module', '--eval', code],
      {
        cwd,
        env: { PATH: process.env.PATH ?? '', DLKYC_LOAD_LOG: log },
        encoding: 'utf8',
        timeout: 20_000,
      },
    );
    if (run.status !== 0) throw new Error(`node exited with ${run.status}: ${run.stderr}`);
    const urls = readFileSync(log, 'utf8').split('\n').filter(Boolean);
    return [...new Set(urls.flatMap((url) => [url, ...bundledSources(url)]))];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The files a loaded bundle was made from, as file: URLs, read from the source map beside it. A
 * map with one source is a compiled file (tsc's output), not a bundle: it adds nothing.
 */
function bundledSources(url) {
  if (!url.startsWith('file:')) return [];
  const path = fileURLToPath(url);
  let map;
  try {
    map = JSON.parse(readFileSync(`${path}.map`, 'utf8'));
  } catch {
    return [];
  }
  if (!Array.isArray(map.sources) || map.sources.length < 2) return [];
  const root = resolve(dirname(path), map.sourceRoot ?? '');
  return map.sources.map((source) => pathToFileURL(resolve(root, source)).href);
}

/** The file path of a recorded module URL (node: builtins stay as they are). */
export const pathOf = (url) => (url.startsWith('file:') ? fileURLToPath(url) : url);

/**
 * The npm packages among loaded module paths, by name (`@scope/name` or `name`): pnpm's store
 * path and a plain node_modules path both count, and a file of the workspace counts as none.
 */
export function packagesOf(paths) {
  const names = new Set();
  for (const path of paths) {
    const parts = path.split(/[/\\]/);
    const at = parts.lastIndexOf('node_modules');
    if (at === -1 || at + 1 >= parts.length) continue;
    const first = parts[at + 1];
    names.add(first.startsWith('@') ? `${first}/${parts[at + 2]}` : first);
  }
  return [...names].sort();
}
