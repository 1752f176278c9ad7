// Checks that every relative link and #anchor in the user-facing docs resolves: README.md,
// CONTRIBUTING.md, SECURITY.md, docs/*.md and the packages' READMEs. Links to this repository on
// GitHub (…/blob/main/<path>, …/tree/main/<path>, #readme) are checked against the working tree,
// since the package READMEs use them (a relative link breaks on npm). Anchors are GitHub's heading
// slugs (and explicit `id`/`name` attributes). Before the docs it checks a small fixture with
// broken links of each kind, so a checker that has stopped seeing them fails instead of passing.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const REPO_URL = 'https://github.com/digilocker-kyc/digilocker-kyc';

/** The files whose links are checked, relative to the repository root. */
export function docFiles(root = ROOT) {
  const pages = readdirSync(join(root, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => `docs/${name}`);
  return [
    'README.md',
    'CONTRIBUTING.md',
    'SECURITY.md',
    ...pages,
    'shared/README.md',
    'server/README.md',
    'widget/README.md',
    'demo/README.md',
  ];
}

/** The Markdown text of a heading as GitHub renders it, before slugging. */
function headingText(raw) {
  return raw
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]+>/g, '')
    .replace(/`/g, '')
    .replace(/\*+/g, '')
    .trim();
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
export function slug(text) {
  return headingText(text)
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\p{M}\p{Pc}\- ]/gu, '')
    .replace(/ /g, '-');
}

/** Lines outside fenced code blocks, with their 1-based numbers. */
function proseLines(markdown) {
  const lines = [];
  let fence;
  markdown.split('\n').forEach((line, i) => {
    const marker = /^\s*(`{3,}|~{3,})/.exec(line)?.[1];
    if (marker && (!fence || marker.startsWith(fence))) {
      fence = fence ? undefined : marker;
      return;
    }
    if (!fence) lines.push({ line, number: i + 1 });
  });
  return lines;
}

/** Every anchor a Markdown file offers: heading slugs (duplicates numbered) and explicit ids. */
export function anchorsOf(markdown) {
  const anchors = new Set();
  const seen = new Map();
  for (const { line } of proseLines(markdown)) {
    const heading = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (heading) {
      const base = slug(heading[1]);
      const count = seen.get(base) ?? 0;
      seen.set(base, count + 1);
      anchors.add(count === 0 ? base : `${base}-${count}`);
    }
    for (const match of line.matchAll(/<a\s[^>]*(?:id|name)="([^"]+)"/g)) anchors.add(match[1]);
  }
  return anchors;
}

/** Every link target in a Markdown file's prose (inline code and code blocks left out). */
export function linksOf(markdown) {
  const links = [];
  for (const { line, number } of proseLines(markdown)) {
    const text = line.replace(/(`+)[\s\S]*?\1/g, '');
    const patterns = [
      /!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g,
      /^\s*\[[^\]]+\]:\s*<?(\S+?)>?(?:\s+"[^"]*")?\s*$/g,
      /<(?:a|img)\s[^>]*(?:href|src)="([^"]+)"/g,
    ];
    for (const pattern of patterns) {
      for (const match of text.matchAll(pattern)) links.push({ target: match[1], line: number });
    }
  }
  return links;
}

/**
 * What a link points at in the working tree: `{ path, anchor }` with `path` relative to the root
 * (`undefined` for an anchor in the same file), or undefined for a link outside the repository.
 */
export function resolveLink(file, target) {
  let rest = target;
  if (/^[a-z][a-z0-9+.-]*:/i.test(rest)) {
    if (rest === REPO_URL || rest.startsWith(`${REPO_URL}#`)) {
      rest = `/README.md${rest.slice(REPO_URL.length).replace(/^#readme$/, '')}`;
    } else {
      const inRepo = new RegExp(
        `^${REPO_URL.replace(/[.]/g, '\\.')}/(?:blob|tree)/main(/[^?#]*)?(.*)$`,
      ).exec(rest);
      if (!inRepo) return undefined;
      rest = `${inRepo[1] || '/'}${inRepo[2]}`;
    }
  }
  const hash = rest.indexOf('#');
  const anchor = hash >= 0 ? decodeURIComponent(rest.slice(hash + 1)) : undefined;
  const pathPart = decodeURIComponent((hash >= 0 ? rest.slice(0, hash) : rest).split('?')[0]);
  if (pathPart === '') return { path: undefined, anchor };
  const path = pathPart.startsWith('/')
    ? posix.normalize(pathPart.slice(1))
    : posix.normalize(posix.join(posix.dirname(file), pathPart));
  return { path: path.replace(/\/$/, '') || '.', anchor };
}

/**
 * Broken links of `files` (paths relative to `root`), read through `read(path)`: each as
 * `file:line: target: why`.
 */
export function brokenLinks(
  files,
  { root = ROOT, read = (path) => readFileSync(join(root, path), 'utf8'), exists } = {},
) {
  const present = exists ?? ((path) => existsSync(join(root, path)));
  const isFile = (path) => !exists && present(path) && statSync(join(root, path)).isFile();
  const anchorCache = new Map();
  const anchors = (path) => {
    if (!anchorCache.has(path)) anchorCache.set(path, anchorsOf(read(path)));
    return anchorCache.get(path);
  };
  const problems = [];
  for (const file of files) {
    for (const { target, line } of linksOf(read(file))) {
      const link = resolveLink(file, target);
      if (!link) continue;
      const path = link.path ?? file;
      const where = `${file}:${line}: ${target}`;
      if (path.startsWith('..')) {
        problems.push(`${where}: points outside the repository`);
        continue;
      }
      if (!present(path)) {
        problems.push(`${where}: ${path} does not exist`);
        continue;
      }
      if (link.anchor === undefined || link.anchor === '') continue;
      if (!path.endsWith('.md') || (!exists && !isFile(path))) {
        problems.push(`${where}: an anchor needs a Markdown file, and ${path} is not one`);
        continue;
      }
      if (!anchors(path).has(link.anchor)) {
        problems.push(`${where}: ${path} has no heading or id "${link.anchor}"`);
      }
    }
  }
  return problems;
}

/** Proves the checker sees each kind of broken link, and passes good ones, on an in-memory tree. */
export function controlCheck() {
  const tree = {
    'README.md': '# Title\n\n## Serve the API\n\n## Serve the API\n',
    'docs/page.md': [
      '# Page',
      '[good](../README.md#serve-the-api) [good too](../README.md#serve-the-api-1) [self](#page)',
      `[repo](${REPO_URL}/blob/main/docs/page.md#page) [readme](${REPO_URL}#readme)`,
      '`[in code](missing.md)`',
      '```',
      '[in a block](missing.md)',
      '```',
      '[missing file](gone.md)',
      '[missing anchor](../README.md#no-such-heading)',
      `[missing on GitHub](${REPO_URL}/blob/main/docs/gone.md)`,
    ].join('\n'),
  };
  const problems = brokenLinks(Object.keys(tree), {
    read: (path) => tree[path],
    exists: (path) => path in tree || path === 'docs',
  });
  const expected = ['gone.md', 'no-such-heading', `${REPO_URL}/blob/main/docs/gone.md`];
  const seen = expected.every((needle) => problems.some((p) => p.includes(needle)));
  return seen && problems.length === expected.length
    ? undefined
    : `The link check's control failed: expected exactly the broken links ${expected.join(', ')}, got:\n${problems.join('\n') || '(none)'}`;
}

function main() {
  const control = controlCheck();
  if (control) {
    console.error(control);
    return 1;
  }
  const files = docFiles();
  const problems = brokenLinks(files);
  for (const problem of problems) console.error(`✗ ${problem}`);
  const links = files.reduce(
    (sum, file) => sum + linksOf(readFileSync(join(ROOT, file), 'utf8')).length,
    0,
  );
  console.log(
    `links: ${problems.length === 0 ? 'all resolve' : `${problems.length} broken`} (${links} links in ${files.length} files: ${files.map((f) => relative(ROOT, join(ROOT, f))).join(', ')})`,
  );
  return problems.length === 0 ? 0 : 1;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) process.exit(main());
