// Four library builds, chosen by --mode: the ES module for bundlers (default), the language files
// of the script-tag bundle (lang), the self-contained <script type="module"> bundle (bundle), and
// the return-page script (return).
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, renameSync } from 'node:fs';
import { defineConfig, type Plugin, type UserConfig } from 'vite';
import { INTERNAL_PROPS } from './scripts/internal-props.mjs';

const shared: UserConfig['build'] = { target: 'es2022', outDir: 'dist', sourcemap: true };

/**
 * Collapses the whitespace of css`` templates in *.styles.ts, and drops the quotes an identifier
 * attribute value does not need and the zero before a decimal point: bytes the bundle budget needs.
 */
const compactCss = (): Plugin => ({
  name: 'dlkyc-compact-css',
  transform(code, id) {
    if (!id.endsWith('.styles.ts')) return null;
    const compacted = code.replace(/css`([^`]*)`/g, (_all, body: string) => {
      const compact = body
        .replace(/\s+/g, ' ')
        .replace(/\s*([{};,>])\s*/g, '$1')
        .replace(/:\s+/g, ':')
        .replace(/;}/g, '}')
        .replace(/='([\w-]+)'\]/g, '=$1]')
        .replace(/([\s:,(])0\.(\d)/g, '$1.$2')
        .trim();
      return `css\`${compact}\``;
    });
    return { code: compacted, map: null };
  },
});

const LANG_DIR = new URL('./dist/lang/', import.meta.url);
const LANGUAGES = ['hi', 'bn', 'gu', 'kn', 'ml', 'mr', 'or', 'pa', 'ta', 'te'];
/** The signing server's hash of a file: the first 10 hex digits of the bytes' SHA-256. */
const contentHash = (bytes: Buffer) =>
  createHash('sha256').update(bytes).digest('hex').slice(0, 10);

/** Names each written language file by its content (`ta.3f9a0c1b2d.js`): a new text, a new URL. */
const hashLanguageFiles = (): Plugin => ({
  name: 'dlkyc-hash-language-files',
  writeBundle() {
    for (const name of readdirSync(LANG_DIR)) {
      const match = /^([a-z]{2})\.js$/.exec(name);
      if (!match) continue;
      const file = new URL(name, LANG_DIR);
      renameSync(file, new URL(`${match[1]}.${contentHash(readFileSync(file))}.js`, LANG_DIR));
    }
  },
});

/**
 * In the script-tag bundle, language-files.ts becomes a table of the files the `lang` build wrote,
 * each imported from beside the bundle's own URL (dist/lang/, or {mount}/lang/ on the server).
 */
const languageTable = (): Plugin => ({
  name: 'dlkyc-language-table',
  load(id) {
    if (!id.endsWith('/src/language-files.ts')) return null;
    // `ta.0a458a4f24 te.3846284591 …`: the loader finds a language's name by its code.
    const files = readdirSync(LANG_DIR)
      .map((name) => /^([a-z]{2}\.[0-9a-f]{10})\.js$/.exec(name)?.[1])
      .filter((name) => name !== undefined);
    const missing = LANGUAGES.filter((code) => !files.some((name) => name.startsWith(`${code}.`)));
    if (missing.length) {
      throw new Error(
        `dist/lang/ lacks ${missing.join(', ')}: run \`vite build --mode lang\` first.`,
      );
    }
    return `const F=${JSON.stringify(` ${files.join(' ')}`)};export const languageFile=(l)=>import(new URL("lang/"+l+"."+F.split(" "+l+".")[1].slice(0,10)+".js",import.meta.url).href);`;
  },
});

export default defineConfig(({ mode }): UserConfig => {
  if (mode === 'lang') {
    return {
      plugins: [hashLanguageFiles()],
      build: {
        ...shared,
        sourcemap: false,
        emptyOutDir: false,
        minify: true,
        rolldownOptions: { output: { minify: true } },
        lib: {
          entry: Object.fromEntries(LANGUAGES.map((code) => [code, `src/locales/${code}.ts`])),
          formats: ['es'],
          fileName: (_format, name) => `lang/${name}.js`,
        },
      },
    };
  }
  if (mode === 'bundle') {
    return {
      plugins: [compactCss(), languageTable()],
      build: {
        ...shared,
        // The map stays in dist/, without a sourceMappingURL comment: the signing server serves
        // this file as widget.js and never its map, so the comment cost every page 31 bytes
        // (gzipped) and DevTools a 404.
        sourcemap: 'hidden',
        emptyOutDir: false,
        minify: true,
        // Vite keeps whitespace in ES library output; the single-file bundle wants it gone, and
        // its `@__PURE__` annotations too (~35 bytes gzipped; nothing tree-shakes this file further).
        // `minify: true` spelled out, plus the internal property names shortened (-0.12 KB gzipped;
        // scripts/internal-props.mjs says which names may be, and the tests that keep it so).
        rolldownOptions: {
          output: {
            minify: {
              compress: true,
              mangle: true,
              codegen: { removeWhitespace: true },
              mangleProps: { include: new RegExp(`^(${INTERNAL_PROPS.join('|')})$`) },
            },
            comments: { annotation: false },
          },
        },
        lib: {
          entry: 'src/bundle.ts',
          formats: ['es'],
          fileName: () => 'digilocker-kyc.bundle.js',
        },
      },
    };
  }
  if (mode === 'return') {
    return {
      build: {
        ...shared,
        emptyOutDir: false,
        minify: true,
        rolldownOptions: { output: { minify: true } },
        // An IIFE runs the same whether the server loads it as a classic or a module script.
        lib: {
          entry: 'src/return.ts',
          formats: ['iife'],
          name: 'dlkycReturn',
          fileName: () => 'return.js',
        },
      },
    };
  }
  return {
    plugins: [compactCss()],
    build: {
      ...shared,
      emptyOutDir: true,
      minify: false,
      lib: {
        entry: { index: 'src/index.ts', react: 'src/react.ts', define: 'src/define.ts' },
        formats: ['es'],
        fileName: (_format, name) => `${name}.js`,
      },
      rolldownOptions: {
        external: [/^lit($|\/)/, /^@lit\//, /^react($|\/)/],
        // Stable names, so package.json's sideEffects can list them.
        output: { chunkFileNames: 'chunks/[name].js' },
      },
    },
  };
});
