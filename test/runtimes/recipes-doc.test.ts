// docs/recipes.md shows the runtime recipes byte for byte as test/runtimes serves them.
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';

const DOC = readFileSync(new URL('../../docs/recipes.md', import.meta.url), 'utf8');

test.each(['bun-hono.ts', 'deno-serve.ts', 'worker.ts'])('docs/recipes.md holds %s', (file) => {
  const fixture = readFileSync(new URL(`./fixtures/${file}`, import.meta.url), 'utf8');
  const marker = `<!-- runtime-recipe: ${file} -->\n\`\`\`ts\n`;
  const start = DOC.indexOf(marker);
  expect(start, `docs/recipes.md has no block marked runtime-recipe: ${file}`).toBeGreaterThan(-1);
  const code = DOC.slice(start + marker.length, DOC.indexOf('\n```', start + marker.length));
  expect(code).toBe(fixture.trimEnd());
});
