// `digilocker-kyc-server doctor [--json] [--create]`: the go-live check on the server's own environment.
import { randomBytes } from 'node:crypto';
import { createEkoClient } from '../eko/client.js';
import { ConfigError, loadConfig, type ServerConfig } from './config.js';
import {
  type Check,
  checkClockSkew,
  checkCredentials,
  checkDnsTls,
  checkPublicBase,
  checkRedis,
} from './doctor-checks.js';
import { checkCreate, checkHttpsUrls } from './doctor-urls.js';

const USAGE = 'Usage: digilocker-kyc-server doctor [--json] [--create]';

export interface DoctorIo {
  env: Record<string, string | undefined>;
  write(text: string): void;
}

/** Runs every check and prints them; resolves to the exit code (0 all passed, 1 otherwise). */
export async function runDoctor(args: readonly string[], io: DoctorIo): Promise<number> {
  const unknown = args.filter((arg) => arg !== '--json' && arg !== '--create');
  if (unknown.length > 0) {
    io.write(
      `digilocker-kyc-server doctor: unknown option ${unknown[0]}; expected --json or --create.\n${USAGE}\n`,
    );
    return 1;
  }
  const json = args.includes('--json');
  const checks = await collectChecks(io.env, args.includes('--create'));
  if (json) {
    io.write(`${JSON.stringify(checks, null, 2)}\n`);
  } else {
    for (const check of checks)
      io.write(`${check.ok ? 'PASS' : 'FAIL'}  ${check.name}: ${check.message}\n`);
    const failed = checks.filter((check) => !check.ok).length;
    io.write(
      failed === 0
        ? `\nAll ${checks.length} checks passed.\n`
        : `\n${failed} of ${checks.length} checks failed.\n`,
    );
  }
  return checks.every((check) => check.ok) ? 0 : 1;
}

async function collectChecks(env: DoctorIo['env'], create: boolean): Promise<Check[]> {
  let config: ServerConfig;
  try {
    config = loadConfig(env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return [{ name: 'config', ok: false, message: `${error.message} Nothing else was checked.` }];
  }
  const checks: Check[] = [
    {
      name: 'config',
      ok: true,
      message: `The configuration is valid and safe (EKO_ENV=${config.env}).`,
    },
  ];
  // Sandbox mode without EKO_BASE_URL: the simulated Eko the server would start, started here.
  let sandbox: { apiBaseUrl: string; close(): Promise<void> } | undefined;
  if (config.startSandbox) {
    const { createSandbox } = await import('../sandbox/index.js');
    const { developerKey, accessKey, initiatorId, userCode } = config.eko;
    sandbox = await createSandbox({ developerKey, accessKey, initiatorId, userCode }).listen(
      0,
      '127.0.0.1',
    );
    config = { ...config, eko: { ...config.eko, baseUrl: sandbox.apiBaseUrl } };
  }
  let skewMs: number | undefined;
  const eko = createEkoClient({
    ...config.eko,
    retry: { attempts: 1 },
    onClockSkew: (ms) => {
      skewMs = ms;
    },
  });
  try {
    checks.push(await checkDnsTls(config.eko.baseUrl));
    const { check, reachedEko } = await checkCredentials(eko);
    checks.push(checkClockSkew(skewMs, reachedEko), check);
    checks.push(await checkPublicBase(config.publicBaseUrl));
    checks.push(await checkRedis(config.redisUrl));
    checks.push(checkHttpsUrls(config));
    if (create) {
      // In sandbox mode the consent page is the sandbox's own loopback origin, as the server allows.
      const hosts =
        config.env === 'sandbox'
          ? [...config.digilockerUrlHosts, new URL(config.eko.baseUrl).hostname]
          : config.digilockerUrlHosts;
      checks.push(
        await checkCreate(eko, config, hosts, () => randomBytes(16).toString('base64url')),
      );
    }
  } finally {
    await eko.close();
    await sandbox?.close();
  }
  return checks;
}
