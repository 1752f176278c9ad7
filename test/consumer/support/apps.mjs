// The fresh apps the consumer test builds from the packed tarballs: their pinned third-party
// versions (checked to install and run on Node 20.19+), their files (the recipe code from
// docs/recipes.md where there is one), and how each is type-checked and built.
import { readFileSync } from 'node:fs';
import { extractBlocks } from '../../../scripts/check-doc-snippets.mjs';
import { ROOT } from '../../../scripts/check-packages.mjs';

const VITE = { vite: '8.3.8', typescript: '5.9.3' };

/** Code blocks of docs/recipes.md by their `<!-- recipe: name -->` marker. */
export function loadRecipes() {
  const blocks = extractBlocks(readFileSync(`${ROOT}/docs/recipes.md`, 'utf8'));
  return Object.fromEntries(blocks.filter((b) => b.recipe).map((b) => [b.recipe, b.code]));
}

const page = (body, script) => `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8"><title>consumer</title></head>
  <body>
${body}
    <script type="module" src="${script}"></script>
  </body>
</html>
`;

/**
 * Every .d.ts a package publishes, for `include`: with skipLibCheck false, tsc then checks each
 * of them against what this app installed, not only the ones its code happens to reach.
 */
const published = (pkg, ...globs) =>
  globs.map((glob) => `node_modules/@digilocker-kyc/${pkg}/dist/${glob}`);

const tsconfig = (options, include, exclude = []) =>
  JSON.stringify(
    {
      compilerOptions: {
        target: 'ES2022',
        module: 'ESNext',
        moduleResolution: 'bundler',
        lib: ['ES2023', 'DOM', 'DOM.Iterable'],
        strict: true,
        noEmit: true,
        skipLibCheck: false,
        types: [],
        ...options,
      },
      include,
      exclude,
    },
    null,
    2,
  );

/** Browser apps: the element in a page, its complete event handled by the app's own code. */
export function browserApps(recipes) {
  return [
    {
      name: 'vite-vanilla-ts',
      tarballs: ['shared', 'widget'],
      dependencies: {},
      devDependencies: VITE,
      // Widget-only installs must stay free of zod and React (peer dependencies, optional).
      absent: ['zod', 'react', '@types/react', '@lit/react'],
      files: {
        'index.html': page(recipes['vanilla-html'].split('\n<script')[0], '/src/main.ts'),
        'src/main.ts': recipes['vanilla-main'],
        'tsconfig.json': tsconfig(
          {},
          ['src', ...published('widget', '**/*.d.ts'), ...published('shared', 'protocol/*.d.ts')],
          // The React entry's types need React, which this app does not have.
          published('widget', 'react.d.ts'),
        ),
      },
      typecheck: ['tsc', ['-p', '.']],
    },
    {
      name: 'react-19',
      tarballs: ['shared', 'widget'],
      dependencies: { react: '19.3.1', 'react-dom': '19.3.1', '@lit/react': '1.0.8' },
      devDependencies: {
        ...VITE,
        '@types/react': '19.3.0',
        '@types/react-dom': '19.3.0',
        '@vitejs/plugin-react': '6.3.0',
      },
      files: {
        'index.html': page('    <div id="root"></div>', '/src/main.tsx'),
        'src/App.tsx': recipes['react-app'],
        'src/main.tsx': `import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';

const root = document.getElementById('root');
if (root) createRoot(root).render(<StrictMode><App /></StrictMode>);
`,
        'vite.config.ts': `import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({ plugins: [react()] });
`,
        'tsconfig.json': tsconfig({ jsx: 'react-jsx' }, [
          'src',
          ...published('widget', '**/*.d.ts'),
          ...published('shared', 'protocol/*.d.ts'),
        ]),
      },
      typecheck: ['tsc', ['-p', '.']],
    },
    {
      name: 'vue-3',
      tarballs: ['shared', 'widget'],
      dependencies: { vue: '3.5.45' },
      devDependencies: { ...VITE, '@vitejs/plugin-vue': '6.0.11', 'vue-tsc': '3.3.14' },
      absent: ['react', '@types/react'],
      files: {
        'index.html': page('    <div id="app"></div>', '/src/main.ts'),
        'vite.config.ts': recipes['vue-vite-config'],
        'src/App.vue': recipes['vue-app'],
        'src/main.ts': `import { createApp } from 'vue';
import App from './App.vue';

createApp(App).mount('#app');
`,
        'tsconfig.json': tsconfig({ jsx: 'preserve' }, [
          'src/**/*.ts',
          'src/**/*.vue',
          ...published('shared', 'protocol/*.d.ts'),
        ]),
      },
      typecheck: ['vue-tsc', ['-p', '.']],
    },
    {
      name: 'svelte-5',
      tarballs: ['shared', 'widget'],
      dependencies: { svelte: '5.57.3' },
      devDependencies: {
        ...VITE,
        '@sveltejs/vite-plugin-svelte': '7.3.1',
        'svelte-check': '4.7.8',
      },
      absent: ['react', '@types/react'],
      files: {
        'index.html': page('    <div id="app"></div>', '/src/main.ts'),
        'vite.config.ts': `import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vite';

export default defineConfig({ plugins: [svelte()] });
`,
        'src/App.svelte': recipes['svelte-app'],
        'src/main.ts': `import { mount } from 'svelte';
import App from './App.svelte';

const target = document.getElementById('app');
if (target) mount(App, { target });
`,
        'tsconfig.json': tsconfig({ verbatimModuleSyntax: true }, [
          'src/**/*.ts',
          'src/**/*.svelte',
        ]),
      },
      typecheck: ['svelte-check', ['--tsconfig', './tsconfig.json', '--fail-on-warnings']],
    },
  ];
}

/** Express apps running the router-with-sandbox recipe, on each supported Express major. */
export function expressApps(recipes) {
  const app = (name, express, typesExpress) => ({
    name,
    express,
    tarballs: ['shared', 'widget', 'server'],
    dependencies: { express },
    devDependencies: {
      typescript: '5.9.3',
      '@types/express': typesExpress,
      '@types/node': '20.19.43',
    },
    absent: ['react', '@types/react'],
    files: {
      'src/server.ts': recipes['express-sandbox'],
      'tsconfig.json': JSON.stringify(
        {
          compilerOptions: {
            target: 'ES2022',
            module: 'NodeNext',
            moduleResolution: 'NodeNext',
            strict: true,
            skipLibCheck: false,
            types: ['node'],
            outDir: 'dist',
            rootDir: 'src',
          },
          // rootDir covers src only: the packages' .d.ts are checked by a second, no-emit run.
          include: ['src'],
        },
        null,
        2,
      ),
      'tsconfig.types.json': JSON.stringify(
        {
          extends: './tsconfig.json',
          compilerOptions: { noEmit: true, rootDir: '.' },
          include: [
            'src',
            ...published('server', '**/*.d.ts'),
            ...published('shared', '**/*.d.ts'),
          ],
        },
        null,
        2,
      ),
    },
  });
  return [app('express-5', '5.3.0', '5.0.6'), app('express-4', '4.22.3', '4.17.25')];
}

/**
 * A merchant's plain node:http server with no Express installed: createKycHandler().node in
 * front of the sandbox (started by the test as its own process, SANDBOX_URL).
 */
export function nodeHttpApp() {
  return {
    name: 'node-http-no-express',
    tarballs: ['shared', 'widget', 'server'],
    dependencies: {},
    devDependencies: { typescript: '5.9.3', '@types/node': '20.19.43' },
    // express-rate-limit names express as a peer, which npm installs by default; without peers
    // on disk, loading express anywhere in the library fails this app.
    npmFlags: ['--omit=peer'],
    absent: ['express', '@types/express'],
    files: {
      'src/server.ts': `import { createServer } from 'node:http';
import { createKycHandler, EKO_UAT_CREDENTIALS } from '@digilocker-kyc/server';

const port = Number(process.env.PORT ?? 3000);
const site = \`http://127.0.0.1:\${port}\`;
const sandbox = process.env.SANDBOX_URL ?? 'http://127.0.0.1:3001';

const kyc = createKycHandler({
  eko: { ...EKO_UAT_CREDENTIALS, baseUrl: \`\${sandbox}/ekoapi/v3\` },
  testing: { insecureUrlOrigins: [sandbox] },
  digilockerUrlHosts: [new URL(sandbox).hostname],
  allowedOrigins: [site],
  publicBaseUrl: \`\${site}/kyc\`,
  sessionSecrets: ['a sandbox-only secret, at least 32 bytes long'],
});
createServer((req, res) => {
  if (req.url === '/') {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end('<script type="module" src="/kyc/widget.js"></script><digilocker-kyc endpoint="/kyc"></digilocker-kyc>');
    return;
  }
  kyc.node(req, res);
}).listen(port, '127.0.0.1', () => console.log(\`KYC app on \${site}\`));
`,
      'tsconfig.json': JSON.stringify(
        {
          compilerOptions: {
            target: 'ES2022',
            module: 'NodeNext',
            moduleResolution: 'NodeNext',
            strict: true,
            // express-rate-limit's .d.ts (the type of the limits.rateLimit.store option) imports express's
            // types, which this app does not have.
            skipLibCheck: true,
            types: ['node'],
            outDir: 'dist',
            rootDir: 'src',
          },
          include: ['src'],
        },
        null,
        2,
      ),
    },
  };
}
