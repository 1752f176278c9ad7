// Regenerates the docs' generated tables: error codes (docs/errors.md) from the shared table;
// events (README.md, docs/widget.md) and the element's attributes, properties, methods, parts and
// custom properties (docs/widget.md) from the widget's custom-elements.json. `--check` fails when
// any of them is out of date (CI runs it).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { ERROR_CODES, ERROR_DESCRIPTIONS } from '../shared/dist/index.js';

const ROOT = new URL('../', import.meta.url);
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

/** Replaces the text between `<!-- name:start -->` and `<!-- name:end -->` in `file`'s text. */
function replaceBlock(file, text, name, body) {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from < 0 || to < 0) throw new Error(`${file} is missing the ${start} … ${end} markers.`);
  return `${text.slice(0, from + start.length)}\n${body}\n${text.slice(to)}`;
}

const el = element();
/**
 * Each file and the blocks it holds. The element's blocks need the widget built
 * (custom-elements.json); without it they are left as they are.
 */
const TARGETS = {
  'README.md': el ? { events: () => eventsTable(el) } : {},
  'docs/widget.md': el ? { events: () => eventsTable(el), api: () => apiTables(el) } : {},
  'docs/errors.md': { errors: errorsTable },
};

const stale = [];
for (const [file, blocks] of Object.entries(TARGETS)) {
  const url = new URL(file, ROOT);
  const current = readFileSync(url, 'utf8');
  let next = current;
  for (const [name, body] of Object.entries(blocks)) next = replaceBlock(file, next, name, body());
  if (next === current) continue;
  stale.push(file);
  if (!process.argv.includes('--check')) {
    writeFileSync(url, next);
    console.log(`${file}: tables updated.`);
  }
}
if (process.argv.includes('--check') && stale.length > 0) {
  console.error(`Out of date: ${stale.join(', ')}. Run \`node scripts/gen-docs.mjs\`.`);
  process.exit(1);
}
