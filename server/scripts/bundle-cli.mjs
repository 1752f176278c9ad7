// Bundles the standalone server's CLI (src/cli/cli.ts) into dist/cli.js, after tsc has built the
// library. Start-up time is module loading: resolving and reading several hundred small files
// through pnpm's symlinks takes most of it, and one pre-linked file removes that cost. The
// library (dist/index.js) is not bundled: merchants import it with their own copies of express,
// undici and pino.
//
// The sandbox is reached only through the CLI's dynamic import() in sandbox mode, so esbuild's
// code splitting gives it chunks of its own. A chunk that holds sandbox code and is also loaded
// by a production start would defeat that; checkSandboxSplit() fails the build if one appears
// (src/cli/cli-bundle.test.ts runs the same check).
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

/** What both bundles share: ES modules for Node 20.19, readable stack traces, licences kept. */
export const NODE_BUNDLE_OPTIONS = {
  absWorkingDir: fileURLToPath(new URL('..', import.meta.url)),
  outdir: 'dist',
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
  metafile: true,
  // Some dependencies are CommonJS and call require() (for Node's built-ins); an ES module bundle
  // has to supply it. A merchant's bundler may bundle the library again for a runtime with no
  // import.meta.url (Cloudflare's workerd): require() then resolves from '/', which is all a
  // built-in needs.
  banner: {
    js: "import { createRequire as __bundleRequire } from 'node:module'; const require = __bundleRequire(import.meta.url || '/');",
  },
  logLevel: 'warning',
};

export const CLI_BUILD_OPTIONS = {
  ...NODE_BUNDLE_OPTIONS,
  entryPoints: { cli: 'src/cli/cli.ts' },
  chunkNames: 'cli-chunks/[name]-[hash]',
};

/** Library modules the sandbox may share with the production path: pure helpers and constants. */
export const NEUTRAL_MODULES = ['src/defaults.ts', 'src/issue-messages.ts', 'src/eko/signing.ts'];

const isSandboxSource = (input) => input.startsWith('src/sandbox/');
const isServerSource = (input) => input.startsWith('src/');

/** The outputs `from` loads before it runs: its static imports, transitively. */
function staticClosure(outputs, from) {
  const seen = new Set();
  const queue = [...from];
  while (queue.length > 0) {
    const path = queue.pop();
    if (seen.has(path) || !outputs[path]) continue;
    seen.add(path);
    for (const edge of outputs[path].imports) {
      if (edge.kind === 'import-statement') queue.push(edge.path);
    }
  }
  return seen;
}

/**
 * Problems with how the sandbox was split from the CLI's production path, as sentences; none
 * when every chunk a production start loads is free of sandbox code, and the sandbox shares
 * nothing with that path but NEUTRAL_MODULES, shared and third-party packages.
 */
export function checkSandboxSplit(metafile, entry = 'dist/cli.js') {
  const { outputs } = metafile;
  if (!outputs[entry]) return [`The bundle has no ${entry}.`];
  const production = staticClosure(outputs, [entry]);
  const dynamicTargets = [...production].flatMap((path) =>
    outputs[path].imports.filter((edge) => edge.kind === 'dynamic-import').map((e) => e.path),
  );
  // Other lazily loaded parts (`doctor`, the metrics listener) are production code: only the
  // dynamic imports that bring sandbox code in count as the sandbox.
  const holdsSandbox = (target) =>
    [...staticClosure(outputs, [target])].some((path) =>
      Object.keys(outputs[path]?.inputs ?? {}).some(isSandboxSource),
    );
  const sandbox = staticClosure(outputs, dynamicTargets.filter(holdsSandbox));
  const problems = [];
  for (const path of production) {
    const leaked = Object.keys(outputs[path].inputs).filter(isSandboxSource);
    if (leaked.length > 0) {
      problems.push(
        `${path} is loaded by every start but holds sandbox code: ${leaked.join(', ')}.`,
      );
    }
  }
  if (![...sandbox].some((path) => Object.keys(outputs[path].inputs).some(isSandboxSource))) {
    problems.push(`No chunk loaded by ${entry}'s dynamic import() holds the sandbox.`);
  }
  for (const path of sandbox) {
    if (!production.has(path)) continue;
    const shared = Object.keys(outputs[path].inputs).filter(
      (input) =>
        isServerSource(input) && !isSandboxSource(input) && !NEUTRAL_MODULES.includes(input),
    );
    if (shared.length > 0) {
      problems.push(
        `${path} is shared by the sandbox and the production path and holds library code the sandbox must not use: ${shared.join(', ')}.`,
      );
    }
  }
  return problems;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  rmSync(new URL('../dist/cli-chunks', import.meta.url), { recursive: true, force: true });
  const { metafile } = await build(CLI_BUILD_OPTIONS);
  const problems = checkSandboxSplit(metafile);
  if (problems.length > 0) {
    console.error(`The CLI bundle does not keep the sandbox apart:\n- ${problems.join('\n- ')}`);
    process.exit(1);
  }
}
