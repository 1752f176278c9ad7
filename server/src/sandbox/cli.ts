#!/usr/bin/env node
// Starts the sandbox alone (no signing server) and prints where everything is. The only sandbox file that reads env.
import { DEFAULT_SANDBOX_PORT, EKO_UAT_CREDENTIALS } from '../defaults.js';
import { computeSecretKey } from '../eko/signing.js';
import { CONSENT_PATH } from './consent-page.js';
import { CONTROL_PREFIX, createSandbox } from './sandbox.js';

function port(value: string | undefined): number {
  if (value === undefined || value === '') return DEFAULT_SANDBOX_PORT;
  if (!/^\d{1,5}$/.test(value) || Number(value) > 65_535) {
    throw new TypeError('Expected SANDBOX_PORT to be a port number (0-65535).');
  }
  return Number(value);
}

async function main(): Promise<void> {
  const host = process.env.HOST || '127.0.0.1';
  const sandbox = createSandbox({ faults: process.env.SANDBOX_FAULTS ?? '' });
  const running = await sandbox.listen(port(process.env.SANDBOX_PORT), host);
  const faults = sandbox.faults.snapshot().process;
  const ts = Date.now();
  const { developerKey, accessKey, initiatorId, userCode } = EKO_UAT_CREDENTIALS;
  // The keys printed are Eko's public UAT test credentials, the sandbox's defaults: not secrets.
  process.stdout.write(
    [
      'SANDBOX — simulated Eko DigiLocker API and DigiLocker consent pages. No real KYC happens here.',
      `  Origin:        ${running.origin}`,
      `  Eko API base:  ${running.apiBaseUrl}   (EKO_BASE_URL)`,
      `  Consent pages: ${running.origin}${CONSENT_PATH}?session=<one-time token from the create call>`,
      `  Control API:   ${running.origin}${CONTROL_PREFIX}/{faults,attempts,reset}   (loopback only)`,
      `  Faults:        ${faults || 'none'}   (SANDBOX_FAULTS; per request: X-Sandbox-Fault header)`,
      '',
      'Try it (the command signs with the current time; signatures are valid for ±120 s):',
      `  TS=$(($(date +%s)*1000)); curl -s ${running.apiBaseUrl}/tools/kyc/digilocker \\`,
      `    -H 'content-type: application/json' -H 'developer_key: ${developerKey}' \\`,
      `    -H 'secret-key-timestamp: '$TS -H 'secret-key: '$(printf %s $TS | openssl dgst -sha256 -hmac $(printf %s ${accessKey} | base64) -binary | base64) \\`,
      `    -d '{"initiator_id":"${initiatorId}","user_code":"${userCode}","document_requested":["AADHAAR"],"redirect_url":"http://127.0.0.1:8080/kyc/return"}'`,
      `  (check your signer: at TS=${ts} the secret-key is ${computeSecretKey(accessKey, ts)})`,
      '',
    ].join('\n'),
  );
  const stop = (): void => {
    running.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`Sandbox failed to start: ${(error as Error).message}\n`);
  process.exit(1);
});
