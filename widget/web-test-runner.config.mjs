// Unit tests of the element and its flow modules, in Debian's Chromium ($CHROMIUM_PATH to use
// another) and Firefox ESR ($WTR_BROWSERS picks the engines).
import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter, summaryReporter } from '@web/test-runner';
import { chromeLauncher } from '@web/test-runner-chrome';
import { CHROMIUM_FLAGS as FLAGS } from '../scripts/chromium-flags.mjs';
import { chromiumPath } from '../scripts/chromium-path.mjs';
import { countReporter } from '../scripts/reporters/wtr-count.mjs';
import { firefoxLaunchers, wantedEngine } from './web-test-runner.firefox.mjs';

export default {
  files: ['src/**/*.test.ts'],
  nodeResolve: true,
  plugins: [
    esbuildPlugin({
      ts: true,
      target: 'es2022',
      tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)),
    }),
  ],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: chromiumPath() ?? '/usr/bin/chromium',
        headless: true,
        args: FLAGS,
      },
    }),
    ...firefoxLaunchers(),
  ].filter(wantedEngine),
  testFramework: { config: { timeout: 5000 } },
  reporters: [defaultReporter(), summaryReporter({ flatten: false }), countReporter()],
};
