// Node runs createKycHandler().fetch in-process with its default Eko client (an undici Pool) against the sandbox.
import { createKycHandler, type KycHandler } from '@digilocker-kyc/server';
import type { RunningSandbox } from '@digilocker-kyc/server/sandbox';
import { afterAll, beforeAll, test } from 'vitest';
import { createAndReadStatus, recipeEnv, startSandbox } from './support.js';

const PUBLIC_BASE_URL = 'http://127.0.0.1:8080/kyc';
let sandbox: RunningSandbox;
let kyc: KycHandler;

beforeAll(async () => {
  sandbox = await startSandbox();
  const env = recipeEnv(sandbox, PUBLIC_BASE_URL);
  kyc = createKycHandler({
    eko: {
      baseUrl: env.EKO_BASE_URL!,
      developerKey: env.EKO_DEVELOPER_KEY!,
      accessKey: env.EKO_ACCESS_KEY!,
      initiatorId: env.EKO_INITIATOR_ID!,
      userCode: env.EKO_USER_CODE!,
    },
    allowedOrigins: [env.ALLOWED_ORIGIN!],
    publicBaseUrl: env.PUBLIC_BASE_URL!,
    sessionSecrets: env.SESSION_SECRET!,
    digilockerUrlHosts: ['127.0.0.1'],
    testing: { insecureUrlOrigins: [sandbox.origin] },
    clientAddress: { clientIp: () => '127.0.0.1' },
  });
});

afterAll(async () => {
  await kyc?.close();
  await sandbox?.close();
});

test('Node: a session is created and its status read through the fetch handler', async () => {
  await createAndReadStatus(
    (path, init) => kyc.fetch(new Request(`http://127.0.0.1:8080${path}`, init)),
    sandbox,
  );
});
