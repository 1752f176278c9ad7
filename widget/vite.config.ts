// Three library builds, chosen by --mode: the ES module for bundlers (default), the
// self-contained <script type="module"> bundle (bundle), and the return-page script (return).
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

export default defineConfig(({ mode }): UserConfig => {
  if (mode === 'bundle') {
    return {
      plugins: [compactCss()],
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
