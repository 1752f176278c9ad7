#!/usr/bin/env node
// `npm run demo`, before start.mjs: installs the workspace and builds only what the demo serves
// (shared, server, widget and the demo site; not demo/next), one line per step. The tools' own
// output (pnpm's notices, bin-link warnings for packages not built yet, build logs) is kept and
// shown only when a step fails, so a first run does not read as a failure.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const PNPM = ['-y', 'pnpm@10.34.9'];

const STEPS = [
  {
    title: 'Installing dependencies (the first run downloads them: about a minute)',
    args: [...PNPM, 'install', '--frozen-lockfile', '--prefer-offline'],
  },
  {
    title: 'Building the widget, the signing server and the demo site',
    // The demo and the workspace packages it depends on, in dependency order.
    args: [...PNPM, '--filter', '@digilocker-kyc/demo...', 'run', 'build'],
  },
];

/** Runs one step with its output captured; resolves with the exit code and the output. */
function run(args) {
  return new Promise((resolve) => {
    const child = spawn('npx', args, {
      cwd: ROOT,
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
      shell: process.platform === 'win32',
    });
    let output = '';
    const keep = (chunk) => {
      output += chunk;
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('error', (error) => resolve({ code: 1, output: `${output}${error.message}\n` }));
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

for (const step of STEPS) {
  process.stdout.write(`  ${step.title}…`);
  const began = performance.now();
  const { code, output } = await run(step.args);
  if (code !== 0) {
    process.stdout.write(' failed.\n\n');
    process.stderr.write(output);
    process.stderr.write(
      `\ndemo: \`npx ${step.args.join(' ')}\` exited with ${code}; its output is above.\n`,
    );
    process.exit(code);
  }
  process.stdout.write(` done in ${((performance.now() - began) / 1000).toFixed(1)} s\n`);
}
