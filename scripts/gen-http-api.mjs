// Writes the server's OpenAPI document to docs/openapi.json and renders it as docs/http-api.md
// (routes, headers, bodies, statuses, error codes). `--check` fails when either file is out of
// date (CI runs it). Run after `npm run build`: the document comes from server/dist.
import { readFileSync, writeFileSync } from 'node:fs';
import { openApiDocument } from '../server/dist/index.js';
import { ERROR_CODES, ERROR_DESCRIPTIONS } from '../shared/dist/index.js';

const JSON_FILE = new URL('../docs/openapi.json', import.meta.url);
const MD_FILE = new URL('../docs/http-api.md', import.meta.url);

const doc = openApiDocument();
const components = doc.components;

const cell = (text) =>
  String(text ?? '')
    .replace(/\n/g, ' ')
    .replace(/\|/g, '\\|');
const code = (text) => `\`${text}\``;
const anchor = (name) => name.toLowerCase().replace(/[^a-z0-9]+/g, '-');
const refName = (ref) => ref.split('/').pop();

/** A component parameter or header, or the object itself. */
function deref(item) {
  if (!item?.$ref) return item;
  const [, , kind, name] = item.$ref.split('/');
  return components[kind][name];
}

/** One line saying what values a schema allows. */
function describeType(schema) {
  if (!schema) return '';
  if (schema.$ref) return `[${refName(schema.$ref)}](#${anchor(refName(schema.$ref))})`;
  if (schema.const !== undefined) return `${code(schema.const)}`;
  if (schema.enum) return `one of ${schema.enum.map(code).join(', ')}`;
  const parts = [schema.type ?? 'any'];
  if (schema.type === 'array') {
    parts[0] = `array of ${describeType(schema.items)}`;
    if (schema.minItems !== undefined) parts.push(`${schema.minItems}-${schema.maxItems} items`);
    if (schema.uniqueItems) parts.push('each once');
  }
  if (schema.format) parts.push(schema.format);
  if (schema.pattern) parts.push(`pattern ${code(schema.pattern)}`);
  if (schema.minLength !== undefined || schema.maxLength !== undefined) {
    parts.push(`${schema.minLength ?? 0}-${schema.maxLength ?? '∞'} characters`);
  }
  return parts.join(', ');
}

/** The fields of an object schema, nested objects' fields as `outer.inner`. */
function fieldRows(schema, prefix = '') {
  const required = new Set(schema.required ?? []);
  return Object.entries(schema.properties ?? {}).flatMap(([name, field]) => {
    const row = `| ${code(prefix + name)} | ${required.has(name) ? 'yes' : 'no'} | ${cell(describeType(field))} |`;
    return field.type === 'object' && field.properties
      ? [row, ...fieldRows(field, `${prefix}${name}.`)]
      : [row];
  });
}

function fieldsTable(name, schema) {
  const closed = schema.additionalProperties === false;
  const note = !closed
    ? ''
    : name.endsWith('Request')
      ? '\n\nAny other field is refused with 400 `invalid_request`.'
      : '\n\nNo other field is sent.';
  return (
    ['| field | required | value |', '| --- | --- | --- |', ...fieldRows(schema)].join('\n') + note
  );
}

function parametersTable(params) {
  if (params.length === 0) return '';
  const rows = params.map(deref).map((p) => {
    const value = describeType(p.schema);
    return `| ${code(p.name)} | ${p.in} | ${p.required ? 'yes' : 'no'} | ${cell(value)} | ${cell(p.description)} |`;
  });
  return [
    '| name | in | required | value | meaning |',
    '| --- | --- | --- | --- | --- |',
    ...rows,
  ].join('\n');
}

function responseBody(response) {
  const [type, media] = Object.entries(response.content ?? {})[0] ?? [];
  if (!type) return 'none';
  const schema = media.schema ?? {};
  if (schema.$ref) {
    const name = refName(schema.$ref);
    const codes = schema.properties?.error?.properties?.code?.enum;
    return `${code(type)} [${name}](#${anchor(name)})${codes ? `: ${codes.map(code).join(', ')}` : ''}`;
  }
  return code(type);
}

function responsesTable(responses) {
  const rows = Object.entries(responses).map(([status, response]) => {
    const headers = Object.keys(response.headers ?? {})
      .map(code)
      .join(', ');
    const meaning = response.content?.['application/json']?.schema?.properties?.error
      ? 'see [Error codes](#error-codes)'
      : response.description;
    return `| ${status} | ${cell(responseBody(response))} | ${cell(headers)} | ${cell(meaning)} |`;
  });
  return ['| status | body | headers | meaning |', '| --- | --- | --- | --- |', ...rows].join('\n');
}

function operationSection(path, method, op) {
  const lines = [`### ${code(`${method.toUpperCase()} ${path}`)}: ${op.summary}`, ''];
  if (op.description) lines.push(op.description, '');
  if (op.security?.some((s) => s.sessionToken)) {
    lines.push(
      `Authentication: ${code('Authorization: Bearer <session_token>')}, the ${code('session_token')} of the create reply.`,
      '',
    );
  }
  const params = parametersTable(op.parameters ?? []);
  if (params) lines.push(params, '');
  const body = op.requestBody?.content?.['application/json']?.schema;
  if (body) {
    const name = refName(body.$ref);
    lines.push(`Body (${code('application/json')}): [${name}](#${anchor(name)})`, '');
  }
  lines.push(responsesTable(op.responses), '');
  return lines.join('\n');
}

function render() {
  const operations = Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, op]) => ({ path, method, op })),
  );
  const httpCodes = Object.entries(ERROR_CODES).filter(([, { status }]) => status !== 0);
  return [
    "<!-- Generated by scripts/gen-http-api.mjs from the server's OpenAPI document; do not edit. -->",
    '# HTTP API',
    '',
    `${doc.info.description}`,
    '',
    `OpenAPI ${doc.openapi}, API version ${doc.info.version}: [openapi.json](openapi.json), also served by every server at ${code('{mount}/openapi.json')} (with the mount's public URL as its server). Paths below are under the mount (${code('/kyc')} by default).`,
    '',
    '## Routes',
    '',
    '| method | path | what |',
    '| --- | --- | --- |',
    ...operations.map(
      ({ path, method, op }) => `| ${method.toUpperCase()} | ${code(path)} | ${cell(op.summary)} |`,
    ),
    '',
    '## Requests and replies',
    '',
    ...operations.map(({ path, method, op }) => operationSection(path, method, op)),
    '## Bodies',
    '',
    ...Object.entries(components.schemas).flatMap(([name, schema]) => [
      `### ${name}`,
      '',
      schema.description ?? '',
      '',
      schema.type === 'object' ? fieldsTable(name, schema) : describeType(schema),
      '',
    ]),
    '## Error codes',
    '',
    'The `code` of an ErrorBody, with its HTTP status; `retryable` says whether the same request may succeed later.',
    '',
    '| code | HTTP | retryable | meaning |',
    '| --- | --- | --- | --- |',
    ...httpCodes.map(
      ([name, { status, retryable }]) =>
        `| ${code(name)} | ${status} | ${retryable ? 'yes' : 'no'} | ${cell(ERROR_DESCRIPTIONS[name])} |`,
    ),
    '',
  ].join('\n');
}

const outputs = [
  [JSON_FILE, `${JSON.stringify(doc, null, 2)}\n`],
  [MD_FILE, render()],
];
if (process.argv.includes('--check')) {
  const stale = outputs.filter(([file, text]) => {
    try {
      return readFileSync(file, 'utf8') !== text;
    } catch {
      return true;
    }
  });
  for (const [file] of stale) {
    console.error(
      `${file.pathname.split('/').slice(-2).join('/')} is out of date: run \`node scripts/gen-http-api.mjs\` after \`npm run build\`.`,
    );
  }
  process.exit(stale.length > 0 ? 1 : 0);
}
for (const [file, text] of outputs) writeFileSync(file, text);
console.log('wrote docs/openapi.json and docs/http-api.md');
