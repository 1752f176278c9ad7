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

function eventsTable() {
  if (!existsSync(MANIFEST)) return undefined;
  const manifest = JSON.parse(readFileSync(MANIFEST, 'utf8'));
  const element = manifest.modules
    .flatMap((module) => module.declarations ?? [])
    .find((declaration) => declaration.tagName === 'digilocker-kyc');
  if (!element?.events?.length) return undefined;
  const rows = element.events
    .filter((event) => event.name?.startsWith('digilocker-kyc-'))
    .map((event) => `| \`${event.name}\` | ${(event.description ?? '').replace(/\n/g, ' ')} |`);
  return ['| event | when, and its `detail` |', '| --- | --- |', ...rows].join('\n');
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
const events = eventsTable();
if (events) next = replaceBlock(next, 'events', events);

if (process.argv.includes('--check')) {
  if (next !== current) {
    console.error('README.md tables are out of date: run `node scripts/gen-docs.mjs`.');
    process.exit(1);
  }
} else if (next !== current) {
  writeFileSync(README, next);
  console.log('README.md tables updated.');
}
