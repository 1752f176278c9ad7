// dist/return.js stays the return page's own small script: tree-shaking must leave the element's
// lines, the listener and Lit out of it (a module-level call in a shared file keeps them in).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

const script = readFileSync(new URL('../dist/return.js', import.meta.url), 'utf8');

test('dist/return.js carries none of the element, its strings or the listener', () => {
  for (const text of ['Verify with DigiLocker', 'errorNetwork', 'addEventListener', 'lit-html']) {
    assert.ok(!script.includes(text), `return.js contains ${text}`);
  }
  assert.ok(script.length < 3500, `return.js is ${script.length} bytes`);
});
