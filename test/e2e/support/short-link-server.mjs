// The standalone server exactly as server/dist/cli.js builds it (loadConfig → sandbox → createApp),
// except that the sandbox's DigiLocker links live LINK_LIFETIME_MS instead of 10 minutes, so the
// "expired link → Retry" journey runs in seconds. The CLI has no setting for the link lifetime;
// `createSandbox({ linkLifetimeMs })` is the documented way (server/src/sandbox/README.md).
import { createServer } from 'node:http';
import { createSandbox } from '@digilocker-kyc/server/sandbox';
import { createApp, loadConfig } from '@digilocker-kyc/server/standalone';

const linkLifetimeMs = Number(process.env.LINK_LIFETIME_MS ?? '5000');
let config = loadConfig(process.env);
if (config.env !== 'sandbox') throw new Error('short-link-server runs in sandbox mode only');
const sandbox = await createSandbox({ linkLifetimeMs }).listen(config.sandboxPort, '127.0.0.1');
config = { ...config, eko: { ...config.eko, baseUrl: sandbox.apiBaseUrl } };
const kyc = createApp({ config });
const server = createServer(kyc.app);
await new Promise((resolve) => server.listen(config.port, config.host, resolve));
process.stdout.write('SHORT_LINK_READY\n');

const stop = async () => {
  server.closeAllConnections();
  server.close();
  await kyc.close();
  await sandbox.close();
  process.exit(0);
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
