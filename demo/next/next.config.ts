// Next.js configuration of the demo: the signing server runs as plain Node code, not bundled.
import { fileURLToPath } from 'node:url';
import type { NextConfig } from 'next';

const config: NextConfig = {
  // Loaded with Node's own resolution: the server finds the widget's built files through its
  // package exports, and undici and pino stay as they are published.
  serverExternalPackages: ['@digilocker-kyc/server'],
  // The demo sits in a pnpm workspace: packages resolve through the repository's node_modules.
  turbopack: { root: fileURLToPath(new URL('../..', import.meta.url)) },
  poweredByHeader: false,
};

export default config;
