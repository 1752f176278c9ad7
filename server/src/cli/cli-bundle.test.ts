// The CLI bundle keeps the sandbox in chunks of its own, loaded only by sandbox mode's import().
import { build, type Metafile } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { CLI_BUILD_OPTIONS, checkSandboxSplit } from '../../scripts/bundle-cli.mjs';

type Edge = { kind: 'import-statement' | 'dynamic-import'; path: string };

/** A hand-made metafile: output path → its source inputs and its imports. */
function metafile(outputs: Record<string, { inputs: string[]; imports: Edge[] }>): Metafile {
  return {
    inputs: {},
    outputs: Object.fromEntries(
      Object.entries(outputs).map(([path, { inputs, imports }]) => [
        path,
        {
          bytes: 1,
          exports: [],
          imports,
          inputs: Object.fromEntries(inputs.map((input) => [input, { bytesInOutput: 1 }])),
        },
      ]),
    ),
  };
}

const staticEdge = (path: string): Edge => ({ kind: 'import-statement', path });
const dynamicEdge = (path: string): Edge => ({ kind: 'dynamic-import', path });

describe('checkSandboxSplit', () => {
  it('passes the real bundle', async () => {
    const { metafile: real } = await build({
      ...CLI_BUILD_OPTIONS,
      write: false,
      logLevel: 'silent',
    });
    expect(checkSandboxSplit(real)).toEqual([]);
  }, 30_000);

  it('accepts a sandbox chunk that shares only neutral helpers with the production path', () => {
    const ok = metafile({
      'dist/cli.js': {
        inputs: ['src/cli/cli.ts', 'src/cli/app.ts'],
        imports: [staticEdge('dist/c/common.js'), dynamicEdge('dist/c/sandbox.js')],
      },
      'dist/c/common.js': {
        inputs: ['src/eko/signing.ts', 'node_modules/express/index.js'],
        imports: [],
      },
      'dist/c/sandbox.js': {
        inputs: ['src/sandbox/index.ts'],
        imports: [staticEdge('dist/c/common.js')],
      },
    });
    expect(checkSandboxSplit(ok)).toEqual([]);
  });

  it('refuses a chunk that every start loads when it holds sandbox code', () => {
    const leaky = metafile({
      'dist/cli.js': {
        inputs: ['src/cli/cli.ts'],
        imports: [staticEdge('dist/c/common.js'), dynamicEdge('dist/c/sandbox.js')],
      },
      'dist/c/common.js': { inputs: ['src/cli/config.ts', 'src/sandbox/options.ts'], imports: [] },
      'dist/c/sandbox.js': {
        inputs: ['src/sandbox/index.ts'],
        imports: [staticEdge('dist/c/common.js')],
      },
    });
    expect(checkSandboxSplit(leaky)).toContainEqual(
      expect.stringMatching(
        /dist\/c\/common\.js is loaded by every start but holds sandbox code: src\/sandbox\/options\.ts/,
      ),
    );
  });

  it('refuses a sandbox that uses library code beyond the neutral helpers', () => {
    const tangled = metafile({
      'dist/cli.js': {
        inputs: ['src/cli/cli.ts'],
        imports: [staticEdge('dist/c/common.js'), dynamicEdge('dist/c/sandbox.js')],
      },
      'dist/c/common.js': {
        inputs: ['src/eko/signing.ts', 'src/adapters/express.ts'],
        imports: [],
      },
      'dist/c/sandbox.js': {
        inputs: ['src/sandbox/index.ts'],
        imports: [staticEdge('dist/c/common.js')],
      },
    });
    expect(checkSandboxSplit(tangled)).toEqual([
      expect.stringMatching(/must not use: src\/adapters\/express\.ts\.$/),
    ]);
  });

  it('refuses a bundle whose dynamic import() does not reach the sandbox', () => {
    const missing = metafile({ 'dist/cli.js': { inputs: ['src/cli/cli.ts'], imports: [] } });
    expect(checkSandboxSplit(missing)).toEqual([
      expect.stringMatching(/No chunk .* holds the sandbox/),
    ]);
  });
});
