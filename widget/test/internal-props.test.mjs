// The built bundle no longer spells the internal property names it shortens, and each of them
// still names a member in the sources (a stale entry would be a name the next author might reuse).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { INTERNAL_PROPS } from '../scripts/internal-props.mjs';

const bundle = readFileSync(new URL('../dist/digilocker-kyc.bundle.js', import.meta.url), 'utf8');
const srcDir = new URL('../src/', import.meta.url);
const sources = readdirSync(srcDir)
  .filter((name) => name.endsWith('.ts') && !name.includes('.test'))
  .map((name) => readFileSync(new URL(name, srcDir), 'utf8'))
  .join('\n');

test('the bundle accesses none of INTERNAL_PROPS by its source name', () => {
  const left = INTERNAL_PROPS.filter((name) => new RegExp(`[.{,]${name}\\b[^-]`).test(bundle));
  assert.deepEqual(
    left,
    [],
    'mangleProps did not shorten these: is vite.config.ts using the list?',
  );
});

test('each of INTERNAL_PROPS is still a property in the widget sources', () => {
  // Read (`.name`), declared (`name:`, `name?:`) or destructured (`{ name }`).
  const member = (name) => new RegExp(`\\.${name}\\b|\\b${name}\\??:|[{,]\\s*${name}\\s*[,}]`);
  const stale = INTERNAL_PROPS.filter((name) => !member(name).test(sources));
  assert.deepEqual(stale, []);
});

test('no source tests one of INTERNAL_PROPS with `in`: the string would keep the old name', () => {
  const tested = INTERNAL_PROPS.filter((name) =>
    new RegExp(`['"\`]${name}['"\`]\\s+in\\b`).test(sources),
  );
  assert.deepEqual(tested, []);
});
