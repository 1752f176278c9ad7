// The built script-tag bundle and each of its language files stay within their gzipped budgets
// (the build's size report fails too; this keeps `npm test` honest on a stale report).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { gzipSync } from 'node:zlib';
import {
  BUNDLE,
  BUNDLE_BUDGET_GZIP,
  LANGUAGE_BUDGET_GZIP,
  LANGUAGE_FILE,
} from '../scripts/budgets.mjs';

const dist = new URL('../dist/', import.meta.url);
const gzipped = (path) => gzipSync(readFileSync(new URL(path, dist)), { level: 9 }).length;

test(`${BUNDLE} is within ${BUNDLE_BUDGET_GZIP} bytes gzipped`, () => {
  const size = gzipped(BUNDLE);
  assert.ok(size <= BUNDLE_BUDGET_GZIP, `${BUNDLE} is ${size} bytes gzipped`);
});

test(`each language file is within ${LANGUAGE_BUDGET_GZIP} bytes gzipped, and there are ten`, () => {
  const files = readdirSync(new URL('lang/', dist)).map((name) => `lang/${name}`);
  const languages = files.filter((file) => LANGUAGE_FILE.test(file));
  assert.equal(languages.length, 10, `dist/lang/ holds ${files.join(', ')}`);
  for (const file of languages) {
    const size = gzipped(file);
    assert.ok(size <= LANGUAGE_BUDGET_GZIP, `${file} is ${size} bytes gzipped`);
  }
});
