// dist/return.js stays the return page's own small script: tree-shaking must leave the element's
// lines, the listener and Lit out of it (a module-level call in a shared file keeps them in).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';

const script = readFileSync(new URL('../dist/return.js', import.meta.url), 'utf8');

/** The return page's lines of every language but English, from the built language files. */
async function returnPageWords() {
  const dir = new URL('../dist/lang/', import.meta.url);
  const files = readdirSync(dir).filter((name) => name.endsWith('.js'));
  assert.equal(files.length, 10, 'ten language files in dist/lang/');
  return Promise.all(files.map(async (name) => (await import(new URL(name, dir).href)).page));
}

test('dist/return.js carries none of the element, its strings or the listener', async () => {
  for (const text of ['Verify with DigiLocker', 'errorNetwork', 'addEventListener', 'lit-html']) {
    assert.ok(!script.includes(text), `return.js contains ${text}`);
  }
  // Its code stays small; the words of its three lines in eleven languages come on top.
  const words = Buffer.byteLength(
    JSON.stringify(await returnPageWords()).replace(/[{}":,]|title|finishing|close/g, ''),
  );
  const code = Buffer.byteLength(script) - words;
  assert.ok(code < 3500, `return.js is ${code} bytes besides its lines`);
});
