// @digilocker-kyc/shared/protocol is what the widget bundles: it must stay free of zod and of
// the zod-built main entry, in its sources and in what its built file loads.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadedModules, pathOf } from '../../../scripts/loaded-modules.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const packageRoot = fileURLToPath(new URL('../../', import.meta.url));

describe('the protocol entry', () => {
  it('imports only its own sibling modules, never zod or ../', () => {
    const sources = readdirSync(here).filter((name) => /^[^.]+\.ts$/.test(name));
    expect(sources).toContain('index.ts');
    for (const name of sources) {
      const code = readFileSync(`${here}${name}`, 'utf8');
      for (const [, specifier] of code.matchAll(/\bfrom\s+'([^']+)'/g)) {
        expect(specifier, `${name} imports ${specifier}`).toMatch(/^\.\/[\w-]+\.js$/);
      }
    }
  });

  it('loads from the built package without zod or the main entry', () => {
    const loaded = loadedModules(
      `const protocol = await import('@digilocker-kyc/shared/protocol');
       if (typeof protocol.isReturnMessage !== 'function') throw new Error('missing export');`,
      packageRoot,
    ).map(pathOf);
    expect(loaded.length, 'run the build first: dist/protocol is missing').toBeGreaterThan(0);
    expect(loaded.filter((path) => /[/\\]zod[/\\]/.test(path))).toEqual([]);
    for (const path of loaded) {
      expect(path.startsWith(`${packageRoot}dist/protocol/`), path).toBe(true);
    }
  });
});
