// Type-checks every TypeScript and JavaScript code block of the user-facing docs (README.md,
// docs/*.md, CONTRIBUTING.md and the packages' READMEs; strict, with
// the workspace packages resolvable as a merchant's app sees them), so an example cannot rot.
// A block that is deliberately partial is preceded by `<!-- snippet: skip -->`; skips are counted.
// A block preceded by `<!-- snippet: next-build -->` is a Next.js route handler: it is also built
// with `next build` as app/kyc/[...path]/route.ts, with no Eko key or secret in the environment,
// as a CI build machine has none.
// Run after `npm run build` (the packages' types live in dist/). With DLKYC_TEST_REPORT set it
// writes its counts (one test per block) to `${DLKYC_TEST_REPORT}-docs.json`.
import { spawnSync } from 'node:child_process';
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** The user-facing docs: the README, every page in docs/, CONTRIBUTING.md and the packages' READMEs. */
export const DOCS = [
  'README.md',
  ...readdirSync(join(ROOT, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => `docs/${name}`),
  'CONTRIBUTING.md',
  'shared/README.md',
  'server/README.md',
  'widget/README.md',
  'demo/README.md',
];
const LANGS = { ts: 'ts', typescript: 'ts', tsx: 'tsx', js: 'js', javascript: 'js', jsx: 'jsx' };
const SKIP = /^snippet:\s*skip\b/;
const NEXT_BUILD = /^snippet:\s*next-build\b/;
const NEXT_APP = join(ROOT, 'demo', 'next');

/**
 * Code blocks of one Markdown file: language, first code line (1-based), text, and the HTML
 * comments right above the block (`snippet: skip`, `recipe: <name>`).
 */
export function extractBlocks(markdown) {
  const blocks = [];
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const open = /^```(\w+)?\s*$/.exec(lines[i]);
    if (!open) continue;
    const end = lines.findIndex((line, j) => j > i && /^```\s*$/.test(line));
    if (end === -1) break;
    const markers = [];
    for (let j = i - 1; j >= 0; j--) {
      const line = lines[j].trim();
      if (line === '' && markers.length === 0) continue;
      const comment = /^<!--\s*(.*?)\s*-->$/.exec(line);
      if (!comment) break;
      markers.unshift(comment[1]);
    }
    const recipe = markers.map((m) => /^recipe:\s*(\S+)/.exec(m)?.[1]).find(Boolean);
    blocks.push({
      lang: open[1] ?? '',
      line: i + 2,
      code: lines.slice(i + 1, end).join('\n'),
      skip: markers.some((m) => SKIP.test(m)),
      nextBuild: markers.some((m) => NEXT_BUILD.test(m)),
      recipe,
    });
    i = end;
  }
  return blocks;
}

// Where the snippet project finds what a merchant's app would have installed.
const LINKS = {
  '@digilocker-kyc/shared': 'shared',
  '@digilocker-kyc/server': 'server',
  '@digilocker-kyc/widget': 'widget',
  express: 'server/node_modules/express',
  '@types/express': 'server/node_modules/@types/express',
  pino: 'server/node_modules/pino',
  zod: 'shared/node_modules/zod',
  lit: 'widget/node_modules/lit',
  react: 'widget/node_modules/react',
  '@types/react': 'widget/node_modules/@types/react',
  '@lit/react': 'widget/node_modules/@lit/react',
  '@types/node': 'node_modules/@types/node',
};

const TSCONFIG = {
  compilerOptions: {
    target: 'ES2022',
    module: 'NodeNext',
    moduleResolution: 'NodeNext',
    lib: ['ES2023', 'DOM', 'DOM.Iterable'],
    types: ['node'],
    strict: true,
    noEmit: true,
    skipLibCheck: false,
    allowJs: true,
    checkJs: true,
    jsx: 'react-jsx',
    esModuleInterop: true,
  },
  include: ['snippets', 'globals.d.ts'],
};

function main() {
  const project = mkdtempSync(join(tmpdir(), 'dlkyc-doc-snippets-'));
  try {
    for (const [name, target] of Object.entries(LINKS)) {
      const link = join(project, 'node_modules', name);
      mkdirSync(dirname(link), { recursive: true });
      symlinkSync(join(ROOT, target), link, 'dir');
    }
    writeFileSync(join(project, 'package.json'), '{ "type": "module", "private": true }\n');
    writeFileSync(join(project, 'tsconfig.json'), JSON.stringify(TSCONFIG, null, 2));
    // A page script in a <script type="module"> has the element's event types once the widget's
    // types are loaded; a JS block stands for such a script.
    writeFileSync(
      join(project, 'globals.d.ts'),
      '/// <reference types="@digilocker-kyc/widget" />\n',
    );
    mkdirSync(join(project, 'snippets'));

    const checked = [];
    const nextRoutes = [];
    let skipped = 0;
    for (const doc of DOCS) {
      const blocks = extractBlocks(readFileSync(join(ROOT, doc), 'utf8'));
      for (const block of blocks) {
        const ext = LANGS[block.lang];
        if (!ext) continue;
        if (block.skip) {
          skipped++;
          continue;
        }
        const file = `${doc.replace(/[/.]/g, '_')}_L${block.line}.${ext}`;
        // Each block is a module of its own: `export {}` keeps its names out of the others.
        writeFileSync(join(project, 'snippets', file), `${block.code}\nexport {};\n`);
        checked.push({ doc, line: block.line, file });
        if (block.nextBuild) nextRoutes.push({ doc, line: block.line, file, code: block.code });
      }
    }

    const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
    const run = spawnSync(process.execPath, [tsc, '-p', project, '--pretty', 'false'], {
      cwd: project,
      encoding: 'utf8',
    });
    const output = `${run.stdout}${run.stderr}`;
    const failing = new Map();
    for (const line of output.split('\n')) {
      const match = /^snippets\/(\S+)\((\d+),(\d+)\): (.*)$/.exec(line);
      if (!match) continue;
      const block = checked.find((b) => b.file === match[1]);
      if (!block) continue;
      const at = `${block.doc}:${block.line + Number(match[2]) - 1}`;
      failing.set(block.file, [...(failing.get(block.file) ?? []), `${at}: ${match[4]}`]);
    }
    const unexplained = run.status !== 0 && failing.size === 0;
    for (const messages of failing.values()) for (const m of messages) console.log(`✗ ${m}`);
    if (unexplained) console.log(output);

    for (const route of nextRoutes) {
      if (failing.has(route.file)) continue;
      const problem = nextBuild(route.code);
      if (problem) {
        console.log(
          `✗ ${route.doc}:${route.line}: next build failed with no secrets set:\n${problem}`,
        );
        failing.set(route.file, [problem]);
      }
    }

    const passed = checked.length - failing.size;
    console.log(
      `doc snippets: ${passed} of ${checked.length} code blocks type-check (strict), ${skipped} skipped (${DOCS.length} files: ${DOCS.map((d) => relative(ROOT, join(ROOT, d))).join(', ')})`,
    );
    const prefix = process.env.DLKYC_TEST_REPORT;
    if (prefix) {
      writeFileSync(
        `${prefix}-docs.json`,
        JSON.stringify({
          numPassedTests: passed,
          numFailedTests: failing.size + (unexplained ? 1 : 0),
          numPendingTests: skipped,
        }),
      );
    }
    return failing.size > 0 || unexplained ? 1 : 0;
  } finally {
    rmSync(project, { recursive: true, force: true });
  }
}

/**
 * Builds a Next.js app whose only route is the snippet, beside the demo (so `next`, React and the
 * workspace packages resolve as they do for demo/next), with an environment holding no Eko key
 * and no secret. Returns the build's output when it fails, undefined when it passes.
 */
export function nextBuild(code) {
  const app = mkdtempSync(join(NEXT_APP, '.doc-snippet-'));
  try {
    const route = join(app, 'app', 'kyc', '[...path]');
    mkdirSync(route, { recursive: true });
    writeFileSync(join(route, 'route.ts'), code);
    writeFileSync(
      join(app, 'app', 'layout.tsx'),
      'export default function Layout({ children }: { children: React.ReactNode }) {\n  return (\n    <html lang="en">\n      <body>{children}</body>\n    </html>\n  );\n}\n',
    );
    writeFileSync(join(app, 'package.json'), '{ "type": "module", "private": true }\n');
    writeFileSync(
      join(app, 'next.config.mjs'),
      `export default { serverExternalPackages: ['@digilocker-kyc/server'], turbopack: { root: ${JSON.stringify(ROOT)} } };\n`,
    );
    writeFileSync(
      join(app, 'tsconfig.json'),
      JSON.stringify({
        extends: '../tsconfig.json',
        include: ['next-env.d.ts', 'app', '.next/types/**/*.ts'],
        exclude: ['node_modules', '.next'],
      }),
    );
    const run = spawnSync(
      process.execPath,
      [join(NEXT_APP, 'node_modules', 'next', 'dist', 'bin', 'next'), 'build', app],
      {
        cwd: app,
        encoding: 'utf8',
        // Only what a build machine needs: no EKO_*, no SESSION_SECRET.
        env: { PATH: process.env.PATH ?? '', HOME: app, NEXT_TELEMETRY_DISABLED: '1' },
        timeout: 240_000,
      },
    );
    return run.status === 0 ? undefined : `${run.stdout}${run.stderr}`.trim().slice(-4000);
  } finally {
    rmSync(app, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) process.exit(main());
