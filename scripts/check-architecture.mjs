// The import rules of server/src and widget/src, checked from their import graphs (madge): no
// cycle in either; in the server, adapters that import only the core and neutral helpers, a library that never reaches the CLI or the sandbox,
// a sandbox that uses nothing of the library but its pure helpers, and no published file that
// only the tests use. `npm run lint` runs it.
// server/src/README.md draws the same layers.
import { fileURLToPath } from 'node:url';
import madge from 'madge';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const TESTS = /\.test\.ts$|\.test-d\.ts$/;

/** The import graph of `dir` (paths relative to it), test files left out: tests may import anything. */
export async function importGraph(dir, tsConfig) {
  const result = await madge(`${ROOT}${dir}`, {
    fileExtensions: ['ts'],
    tsConfig: `${ROOT}${tsConfig}`,
    excludeRegExp: [TESTS],
    detectiveOptions: { ts: { skipTypeImports: false } },
  });
  // madge also walks what the tests import (server/test/): keep the files of `dir` only.
  const graph = Object.fromEntries(
    Object.entries(result.obj()).filter(([file]) => !file.startsWith('../')),
  );
  return { graph, cycles: result.circular().filter((cycle) => cycle.every((f) => graph[f])) };
}

/** Every file `from` reaches through its imports, itself included. */
function reach(graph, from) {
  const seen = new Set();
  const queue = [...from];
  while (queue.length > 0) {
    const file = queue.pop();
    if (seen.has(file)) continue;
    seen.add(file);
    queue.push(...(graph[file] ?? []));
  }
  return seen;
}

const ADAPTERS = ['adapters/express.ts', 'adapters/node.ts', 'adapters/fetch.ts'];
const ADAPTER_HELPERS = ['adapters/node-io.ts', 'adapters/client-address.ts'];
const LIBRARY_ENTRIES = ['index.ts', 'express.ts'];
/** What server/package.json publishes as `exports` and `bin`, by source file. */
const PUBLISHED_ENTRIES = [
  ...LIBRARY_ENTRIES,
  'standalone.ts',
  'sandbox/index.ts',
  'cli/cli.ts',
  'sandbox/cli.ts',
];
const SANDBOX_MAY_USE = ['defaults.ts', 'issue-messages.ts', 'eko/signing.ts'];
const NEUTRAL = ['defaults.ts', 'issue-messages.ts', 'random-bytes.ts', 'url-rules.ts'];
const under = (folder) => (file) => file.startsWith(`${folder}/`);

/** Problems with server/src's import graph, as sentences; none when every rule holds. */
export function serverProblems({ graph, cycles }) {
  const problems = cycles.map((cycle) => `Import cycle: ${[...cycle, cycle[0]].join(' → ')}.`);
  const edges = Object.entries(graph).flatMap(([from, tos]) => tos.map((to) => [from, to]));
  const refuse = (test, why) => {
    for (const [from, to] of edges)
      if (test(from, to)) problems.push(`${from} imports ${to}: ${why}`);
  };
  refuse(
    (_from, to) => to.startsWith('../'),
    'published code imports nothing outside src/ (fixtures live in server/test/).',
  );
  refuse(
    (from, to) => ADAPTERS.includes(from) && under('adapters')(to) && !ADAPTER_HELPERS.includes(to),
    'an adapter imports the core and neutral helpers, never another adapter.',
  );
  refuse(
    (from, to) => under('core')(from) && /^(adapters|cli|sandbox)\//.test(to),
    'the core imports no adapter, CLI or sandbox module.',
  );
  refuse(
    (from, to) => under('eko')(from) && !under('eko')(to) && !NEUTRAL.includes(to),
    'the Eko client imports only eko/ and the neutral modules (constants, zod messages, URL rules, random bytes).',
  );
  refuse(
    (from, to) => under('sandbox')(from) && !under('sandbox')(to) && !SANDBOX_MAY_USE.includes(to),
    `the sandbox uses nothing of the library but ${SANDBOX_MAY_USE.join(', ')}.`,
  );
  refuse(
    (from, to) => under('cli')(to) && !under('cli')(from) && from !== 'standalone.ts',
    'only the CLI and its entry (standalone.ts) import cli/.',
  );
  // tsconfig.build.json compiles every file of src/ but the tests into dist/: one that no entry
  // reaches ships only for the tests, and belongs in server/test/.
  const published = reach(graph, PUBLISHED_ENTRIES);
  for (const file of Object.keys(graph)) {
    if (!published.has(file)) {
      problems.push(`${file} is published but no entry uses it: move it to server/test/.`);
    }
  }
  for (const file of reach(graph, LIBRARY_ENTRIES)) {
    if (under('cli')(file) || under('sandbox')(file)) {
      problems.push(`The library (${LIBRARY_ENTRIES.join(', ')}) reaches ${file}.`);
    }
  }
  return problems;
}

/** Problems with widget/src's import graph: a cycle is the one rule there. */
export function widgetProblems({ cycles }) {
  return cycles.map((cycle) => `Import cycle: ${[...cycle, cycle[0]].join(' → ')}.`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const server = serverProblems(await importGraph('server/src', 'server/tsconfig.json'));
  const widget = widgetProblems(await importGraph('widget/src', 'widget/tsconfig.json'));
  if (server.length > 0)
    console.error(`server/src breaks its import rules:\n- ${server.join('\n- ')}`);
  if (widget.length > 0)
    console.error(`widget/src breaks its import rules:\n- ${widget.join('\n- ')}`);
  if (server.length + widget.length > 0) process.exit(1);
  console.log(
    'server/src: no import cycle; adapters, core, eko, sandbox and CLI keep their layers. widget/src: no import cycle.',
  );
}
