// Bundles the library's entries (package.json "exports" and the sandbox's bin) into dist/, after
// tsc has written the type declarations. A serverless cold start is mostly module loading:
// resolving, reading and compiling several hundred small files through pnpm's symlinks. One
// build with code splitting gives each entry a file and puts what entries share in chunks, so a
// merchant importing both `@digilocker-kyc/server` and `/express` gets one copy of the core.
//
// Left out of the bundle, imported from node_modules at run time:
// - express: a peer dependency; the merchant's own Express mounts the router.
// - prom-client, @redis/client, rate-limit-redis: loaded only when metrics or Redis are
//   configured, and prom-client's Registry is the merchant's own.
// - pino-pretty: loaded only for a terminal's pretty logs.
// Everything else (zod, pino, opossum, express-rate-limit, helmet, negotiator, proxy-addr) is
// bundled: the package still lists them as dependencies, as its type declarations name their types.
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { NODE_BUNDLE_OPTIONS } from './bundle-cli.mjs';

export const LIBRARY_BUILD_OPTIONS = {
  ...NODE_BUNDLE_OPTIONS,
  entryPoints: {
    index: 'src/index.ts',
    express: 'src/express.ts',
    standalone: 'src/standalone.ts',
    'sandbox/index': 'src/sandbox/index.ts',
    'sandbox/cli': 'src/sandbox/cli.ts',
  },
  chunkNames: 'chunks/[name]-[hash]',
  external: ['express', 'prom-client', '@redis/client', 'rate-limit-redis', 'pino-pretty'],
};

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  rmSync(new URL('../dist/chunks', import.meta.url), { recursive: true, force: true });
  await build(LIBRARY_BUILD_OPTIONS);
}
