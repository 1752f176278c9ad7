// Entry @digilocker-kyc/server/standalone: the standalone app and the environment parser the
// digilocker-kyc-server CLI runs, for programs that embed or test that server.
export { type AppDeps, createApp, type KycApp, MOUNT_PATH } from './cli/app.js';
export { ConfigError, loadConfig, type ServerConfig } from './cli/config.js';
export { type Drainable, drainable, type ShutdownOptions } from './cli/lifecycle.js';
