// Prints the gzip and brotli size of every file in dist/ and fails when the self-contained
// bundle or one of its language files is over budget (a merchant's page pays for every byte).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

import {
  BUNDLE_BUDGET_GZIP as BUDGET_GZIP,
  BUNDLE,
  LANGUAGE_FILE as LANGUAGE,
  LANGUAGE_BUDGET_GZIP,
} from './budgets.mjs';

const DIST = new URL('../dist/', import.meta.url).pathname;

const walk = (dir) =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });

const kb = (bytes) => `${(bytes / 1024).toFixed(2)} KB`.padStart(10);
const rows = walk(DIST)
  .filter((path) => !path.endsWith('.map'))
  .sort()
  .map((path) => {
    const data = readFileSync(path);
    return {
      file: relative(DIST, path),
      raw: data.length,
      gzip: gzipSync(data, { level: 9 }).length,
      brotli: brotliCompressSync(data, {
        params: { [constants.BROTLI_PARAM_QUALITY]: 11 },
      }).length,
    };
  });

console.log(
  `${'file'.padEnd(44)}${'raw'.padStart(10)}${'gzip'.padStart(10)}${'brotli'.padStart(10)}`,
);
for (const row of rows) {
  console.log(`${row.file.padEnd(44)}${kb(row.raw)}${kb(row.gzip)}${kb(row.brotli)}`);
}

const bundle = rows.find((row) => row.file === BUNDLE);
if (!bundle) {
  console.error(`\n${BUNDLE} is missing from dist/: the bundle build did not run.`);
  process.exit(1);
}
if (bundle.gzip > BUDGET_GZIP) {
  console.error(
    `\n${BUNDLE} is ${kb(bundle.gzip).trim()} gzipped, over the ${kb(BUDGET_GZIP).trim()} budget.`,
  );
  process.exit(1);
}
console.log(`\n${BUNDLE}: ${kb(bundle.gzip).trim()} gzipped, within ${kb(BUDGET_GZIP).trim()}.`);

const languages = rows.filter((row) => LANGUAGE.test(row.file));
if (languages.length === 0) {
  console.error('dist/lang/ has no language files: the lang build did not run.');
  process.exit(1);
}
const over = languages.filter((row) => row.gzip > LANGUAGE_BUDGET_GZIP);
for (const row of over) {
  console.error(
    `${row.file} is ${kb(row.gzip).trim()} gzipped, over the ${kb(LANGUAGE_BUDGET_GZIP).trim()} budget of a language file.`,
  );
}
if (over.length) process.exit(1);
const largest = languages.reduce((a, b) => (b.gzip > a.gzip ? b : a));
console.log(
  `${languages.length} language files: the largest, ${largest.file}, is ${kb(largest.gzip).trim()} gzipped, within ${kb(LANGUAGE_BUDGET_GZIP).trim()} each.`,
);
