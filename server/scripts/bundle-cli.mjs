// Bundles the standalone server's CLI (src/cli.ts) into dist/cli.js, after tsc has built the
// library. Start-up time is module loading: resolving and reading several hundred small files
// through pnpm's symlinks takes most of it, and one pre-linked file removes that cost. The
// sandbox stays a separate chunk, loaded only in sandbox mode. The library (dist/index.js) is
// not bundled: merchants import it with their own copies of express, undici and pino.
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

rmSync('dist/cli-chunks', { recursive: true, force: true });

await build({
  entryPoints: ['src/cli.ts'],
  outdir: 'dist',
  entryNames: '[name]',
  chunkNames: 'cli-chunks/[name]-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20.19',
  // Identifiers are kept, so stack traces stay readable; the source map maps them to src/.
  minifyWhitespace: true,
  minifySyntax: true,
  sourcemap: true,
  legalComments: 'linked',
  // Some dependencies are CommonJS and call require(); an ES module bundle has to supply it.
  banner: {
    js: "import { createRequire as __bundleRequire } from 'node:module'; const require = __bundleRequire(import.meta.url);",
  },
  logLevel: 'warning',
});
