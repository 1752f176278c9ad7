// Regenerates the README's generated tables: error codes from the shared table, events from the
// widget's custom-elements.json. `--check` fails when the README is out of date (CI runs it).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { ERROR_CODES, ERROR_DESCRIPTIONS } from '../shared/dist/index.js';

const README = new URL('../README.md', import.meta.url);
const MANIFEST = new URL('../widget/custom-elements.json', import.meta.url);

function errorsTable() {
  const rows = Object.entries(ERROR_CODES).map(([code, { status, retryable }]) => {
    const where = status === 0 ? 'widget only' : String(status);
    return `| \`${code}\` | ${where} | ${retryable ? 'yes' : 'no'} | ${ERROR_DESCRIPTIONS[code]} |`;
  });
  return ['| code | HTTP | retryable | meaning |', '| --- | --- | --- | --- |', ...rows].join('\n');
}

function element() {
  if (!existsSync(MANIFEST)) return undefined;
  const manifest = JSON.parse(readFileSync(MANIFEST, 'utf8'));
  return manifest.modules
    .flatMap((module) => module.declarations ?? [])
    .find((declaration) => declaration.tagName === 'digilocker-kyc');
}

const cell = (text) => (text ?? '').replace(/\n/g, ' ').replace(/\|/g, '\\|');

function eventsTable(el) {
  const rows = (el.events ?? []).map(
    (event) => `| \`${event.name}\` | ${cell(event.description)} |`,
  );
  return ['| event | when, and its `detail` |', '| --- | --- |', ...rows].join('\n');
}

function apiTables(el) {
  const publicFields = (el.members ?? []).filter(
    (m) => m.kind === 'field' && !m.static && (m.privacy ?? 'public') === 'public' && !m.attribute,
  );
  const attributes = (el.attributes ?? []).map(
    (a) =>
      `| \`${a.name}\` | \`${cell(a.type?.text)}\` | \`${cell(a.default)}\` | ${cell(a.description)} |`,
  );
  const properties = publicFields.map(
    (m) => `| \`${m.name}\`${m.readonly ? ' (read-only)' : ''} | ${cell(m.description)} |`,
  );
  const methods = (el.members ?? [])
    .filter((m) => m.kind === 'method' && !m.static && (m.privacy ?? 'public') === 'public')
    .map((m) => `| \`${m.name}()\` | ${cell(m.description)} |`);
  const parts = (el.cssParts ?? []).map((p) => `| \`${p.name}\` | ${cell(p.description)} |`);
  const props = (el.cssProperties ?? []).map((p) => `| \`${p.name}\` | ${cell(p.description)} |`);
  return [
    '| attribute | type | default | meaning |',
    '| --- | --- | --- | --- |',
    ...attributes,
    '',
    '| property or method | meaning |',
    '| --- | --- |',
    ...properties,
    ...methods,
    '',
    '| `::part()` | what it is |',
    '| --- | --- |',
    ...parts,
    '',
    '| custom property | what it sets |',
    '| --- | --- |',
    ...props,
  ].join('\n');
}

function replaceBlock(text, name, body) {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from < 0 || to < 0) throw new Error(`README.md is missing the ${start} … ${end} markers.`);
  return `${text.slice(0, from + start.length)}\n${body}\n${text.slice(to)}`;
}

const current = readFileSync(README, 'utf8');
let next = replaceBlock(current, 'errors', errorsTable());
const el = element();
if (el) {
  next = replaceBlock(next, 'events', eventsTable(el));
  next = replaceBlock(next, 'api', apiTables(el));
}

if (process.argv.includes('--check')) {
  if (next !== current) {
    console.error('README.md tables are out of date: run `node scripts/gen-docs.mjs`.');
    process.exit(1);
  }
} else if (next !== current) {
  writeFileSync(README, next);
  console.log('README.md tables updated.');
}
