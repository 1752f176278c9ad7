// Where the installed widget package's built files are (the bundle and the return script).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export interface WidgetAssets {
  bundle?: string;
  returnScript?: string;
}

/**
 * Finds the installed widget package's built files. The server never imports the widget's
 * source; it only serves what the widget's build produced, when that package is installed.
 */
export function locateWidgetAssets(): WidgetAssets {
  return {
    bundle: browserFile('./bundle'),
    returnScript: browserFile('./return.js'),
  };
}

const WIDGET_PACKAGE = '@digilocker-kyc/widget';

type ExportTarget = string | { [condition: string]: ExportTarget } | undefined;

/**
 * The file a browser gets for one of the widget's exports: its `default` condition. Resolving
 * the specifier from Node would pick the `node` condition instead (the SSR-safe module, which
 * imports other chunks), so the package's own export map is read.
 */
function browserFile(subpath: string): string | undefined {
  try {
    // Resolved at run time, out of bundlers' sight: a bundler that inlines this module (Next.js's
    // Turbopack does for a workspace package) drops import.meta.resolve and replaces a visible
    // require.resolve with a module id; it keeps import.meta.url, the file's real location.
    const { createRequire } = process.getBuiltinModule('node:module');
    const manifest = createRequire(import.meta.url).resolve(`${WIDGET_PACKAGE}/package.json`);
    const { exports } = JSON.parse(readFileSync(manifest, 'utf8')) as {
      exports?: Record<string, ExportTarget>;
    };
    let target = exports?.[subpath];
    while (target !== undefined && typeof target !== 'string') target = target.default;
    if (target === undefined) return undefined;
    const path = join(dirname(manifest), target);
    return existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  }
}
