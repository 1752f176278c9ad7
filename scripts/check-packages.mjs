// Packs the three published packages as `pnpm publish` would and checks the tarballs a merchant
// would install: each carries README.md, LICENSE and built files, no `workspace:` range is left,
// the manifest has the registry metadata, and publint and Are the Types Wrong find nothing.
// `npm run check:packages` runs it alone; test/consumer/run.mjs reuses its functions.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const PUBLISHED = ['shared', 'server', 'widget'];
const PNPM = ['-y', 'pnpm@10.34.9'];
const PUBLINT = 'publint@0.3.25';
const ATTW = '@arethetypeswrong/cli@0.18.5';

/**
 * `pnpm pack` of the three packages into `dest`, from their current dist/ (no rebuild: run
 * `npm run build` first; a fresh clone's pack builds through each package's `prepack`).
 * Returns the tarball paths by folder name.
 */
export function packPackages(dest) {
  mkdirSync(dest, { recursive: true });
  const filters = PUBLISHED.flatMap((name) => ['--filter', `./${name}`]);
  const run = spawnSync(
    'npx',
    [...PNPM, '-r', ...filters, '--config.ignore-scripts=true', 'pack', '--pack-destination', dest],
    { cwd: ROOT, encoding: 'utf8', timeout: 120_000 },
  );
  if (run.status !== 0) throw new Error(`pnpm pack failed:\n${run.stdout}${run.stderr}`);
  const files = readdirSync(dest);
  return Object.fromEntries(
    PUBLISHED.map((name) => {
      const file = files.find((f) => f.startsWith(`digilocker-kyc-${name}-`) && f.endsWith('.tgz'));
      if (!file) throw new Error(`pnpm pack wrote no tarball for ${name} in ${dest}`);
      return [name, join(dest, file)];
    }),
  );
}

function tarList(tarball) {
  const run = spawnSync('tar', ['-tzf', tarball], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`Cannot list ${tarball}: ${run.stderr}`);
  return run.stdout.split('\n').filter(Boolean);
}

function tarManifest(tarball) {
  const run = spawnSync('tar', ['-xzOf', tarball, 'package/package.json'], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`No package.json in ${tarball}: ${run.stderr}`);
  return JSON.parse(run.stdout);
}

const DEP_FIELDS = ['dependencies', 'peerDependencies', 'optionalDependencies', 'devDependencies'];
const METADATA = ['description', 'keywords', 'homepage', 'bugs', 'license', 'engines'];

/** What is wrong with one packed tarball, as sentences; none when it is ready to publish. */
export function inspectTarball(tarball) {
  const problems = [];
  const files = tarList(tarball);
  for (const required of ['package/README.md', 'package/LICENSE', 'package/package.json']) {
    if (!files.includes(required)) problems.push(`${required.slice(8)} is missing.`);
  }
  if (!files.some((f) => f.startsWith('package/dist/') && f.endsWith('.d.ts'))) {
    problems.push('dist/ has no .d.ts files: was the package built before packing?');
  }
  const manifest = tarManifest(tarball);
  for (const field of DEP_FIELDS) {
    for (const [name, range] of Object.entries(manifest[field] ?? {})) {
      if (String(range).startsWith('workspace:')) {
        problems.push(`${field}.${name} is still "${range}": pack and publish with pnpm.`);
      }
    }
  }
  for (const field of METADATA) if (!manifest[field]) problems.push(`No "${field}".`);
  if (!manifest.repository?.url || !manifest.repository?.directory) {
    problems.push('"repository" needs a url and the package\'s directory.');
  }
  if (manifest.publishConfig?.access !== 'public')
    problems.push('publishConfig.access is not public.');
  if (manifest.private) problems.push('The package is private.');
  return { name: manifest.name, manifest, problems };
}

function npx(args, cwd) {
  const run = spawnSync('npx', ['-y', ...args], { cwd, encoding: 'utf8', timeout: 180_000 });
  return { ok: run.status === 0, output: `${run.stdout ?? ''}${run.stderr ?? ''}`.trim() };
}

/** publint on one tarball. */
export const publint = (tarball) => npx([PUBLINT, '--strict', tarball], ROOT);

/** Are the Types Wrong on one tarball; the packages are ESM-only, so CommonJS rows are ignored. */
export const attw = (tarball) =>
  npx([ATTW, tarball, '--profile', 'esm-only', '--format', 'ascii'], ROOT);

function main() {
  const dest = mkdtempSync(join(tmpdir(), 'dlkyc-pack-'));
  let failed = 0;
  try {
    const tarballs = packPackages(dest);
    for (const [folder, tarball] of Object.entries(tarballs)) {
      const checks = [
        [
          'tarball',
          () => {
            const { problems } = inspectTarball(tarball);
            return { ok: problems.length === 0, output: problems.join('\n') };
          },
        ],
        ['publint', () => publint(tarball)],
        ['attw', () => attw(tarball)],
      ];
      for (const [label, check] of checks) {
        const { ok, output } = check();
        console.log(`${ok ? '✓' : '✗'} ${folder}: ${label}`);
        if (!ok) {
          failed++;
          console.log(output);
        }
      }
    }
  } finally {
    rmSync(dest, { recursive: true, force: true });
  }
  console.log(failed === 0 ? 'All packages are ready to publish.' : `${failed} checks failed.`);
  return failed === 0 ? 0 : 1;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) process.exit(main());
