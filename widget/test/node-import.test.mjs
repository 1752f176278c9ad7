// The built package imports in plain Node (server-side rendering, tests, tooling) without throwing.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { loadedModules } from '../../scripts/loaded-modules.mjs';

const dist = new URL('../dist/', import.meta.url);

test('dist/ exists (run `pnpm build` first)', () => {
  assert.ok(existsSync(new URL('index.js', dist)), 'dist/index.js is missing: run pnpm build');
});

test('importing dist/index.js defines nothing and throws nothing without a DOM', async () => {
  assert.equal(globalThis.customElements, undefined, 'this test needs a DOM-less Node');
  const widget = await import(new URL('index.js', dist).href);
  assert.equal(typeof widget.DigilockerKyc, 'function');
  assert.equal(widget.TAG_NAME, 'digilocker-kyc');
  // Calling the guarded define again is still harmless.
  widget.defineDigilockerKyc();
});

test('every entry imports by its package name in Node, /bundle included', async () => {
  // The self-contained bundle is a browser build of lit (it extends HTMLElement as it loads), so
  // the "node" export condition hands server-side renderers the ES module entry instead.
  for (const entry of ['', '/bundle', '/react']) {
    const mod = await import(`@digilocker-kyc/widget${entry}`);
    assert.equal(typeof mod.DigilockerKyc, entry === '/react' ? 'object' : 'function', entry);
  }
});

test('defining a custom tag on a server does not throw', async () => {
  // lit's Node build brings its own registry shim once loaded: the tag gets a subclass there.
  const widget = await import(new URL('index.js', dist).href);
  const element = widget.defineDigilockerKyc('acme-kyc');
  assert.ok(element === widget.DigilockerKyc || element.prototype instanceof widget.DigilockerKyc);
});

test('importing the React wrapper works in Node too', async () => {
  const react = await import(new URL('react.js', dist).href);
  assert.equal(typeof react.DigilockerKyc, 'object');
});

test('package.json exports resolve to files the build made', async () => {
  const { default: pkg } = await import('../package.json', { with: { type: 'json' } });
  for (const [entry, target] of Object.entries(pkg.exports)) {
    const files = typeof target === 'string' ? [target] : Object.values(target);
    for (const file of files) {
      if (file.endsWith('custom-elements.json')) continue;
      assert.ok(
        existsSync(new URL(`../${file}`, import.meta.url)),
        `${entry} → ${file} is missing`,
      );
    }
  }
});

test('library sources stay Trusted-Types and strict-CSP safe, with no console output', () => {
  const src = new URL('../src/', import.meta.url);
  const library = readdirSync(src).filter(
    (name) => name.endsWith('.ts') && !/test|\.d\.ts$/.test(name),
  );
  assert.ok(library.length > 10);
  for (const name of library) {
    const code = readFileSync(new URL(name, src), 'utf8');
    for (const banned of [
      /innerHTML/,
      /outerHTML/,
      /unsafeHTML/,
      /insertAdjacentHTML/,
      /document\.write/,
      /\bstyle=/,
      /\beval\(/,
      /new Function/,
      /console\.log/,
      /postMessage\([^)]*'\*'\)/,
    ]) {
      assert.doesNotMatch(code, banned, `${name} uses ${banned}`);
    }
  }
});

test('widget sources import only the zod-free @digilocker-kyc/shared/protocol', () => {
  const src = new URL('../src/', import.meta.url);
  const files = readdirSync(src).filter((name) => /\.tsx?$/.test(name));
  assert.ok(files.length > 10);
  for (const name of files) {
    const code = readFileSync(new URL(name, src), 'utf8');
    for (const [, specifier] of code.matchAll(/(?:\bfrom|\bimport\(?)\s*'([^']+)'/g)) {
      assert.doesNotMatch(specifier, /^zod(\/|$)/, `${name} imports ${specifier}`);
      assert.doesNotMatch(specifier, /^@digilocker-kyc\/server/, `${name} imports ${specifier}`);
      if (specifier.startsWith('@digilocker-kyc/shared')) {
        assert.equal(specifier, '@digilocker-kyc/shared/protocol', `${name} imports ${specifier}`);
      }
    }
  }
});

test('the protocol entry loads without zod, and the bundle carries none', () => {
  const loaded = loadedModules(
    "await import('@digilocker-kyc/shared/protocol');",
    fileURLToPath(new URL('..', import.meta.url)),
  );
  assert.ok(
    loaded.some((url) => url.includes('/shared/dist/protocol/index.js')),
    loaded.join('\n'),
  );
  assert.deepEqual(
    loaded.filter((url) => /\/zod\//.test(url)),
    [],
  );
  const bundle = readFileSync(new URL('digilocker-kyc.bundle.js', dist), 'utf8');
  assert.doesNotMatch(bundle, /_zod|ZodError/);
});
