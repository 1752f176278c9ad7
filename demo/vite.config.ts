// The demo site: a multi-page Vite build into dist/, served by the signing server (STATIC_DIR).
// Plain pages (script tag, hash routes, cross-origin, strict CSP) live in public/ and are copied
// as they are; module.html and react.html bundle the widget with the page's own code.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const page = (name: string) => fileURLToPath(new URL(`./${name}`, import.meta.url));

export default defineConfig({
  // JSX through Vite's built-in transform (no React plugin needed): the automatic runtime.
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    target: 'es2022',
    outDir: 'dist',
    emptyOutDir: true,
    // No inline <script> or modulepreload polyfill: the pages stay valid under a strict CSP.
    modulePreload: { polyfill: false },
    rolldownOptions: {
      input: {
        index: page('index.html'),
        module: page('module.html'),
        react: page('react.html'),
      },
    },
  },
});
