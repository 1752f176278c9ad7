// The server's pino logger: structured, with credentials and personal data redacted by default.
import { createHash, randomBytes } from 'node:crypto';
import pino, { type DestinationStream, type Logger } from 'pino';

/**
 * A safety net, not the plan: the server never puts keys, tokens or Aadhaar data into log objects
 * in the first place (request logs carry method, path and status only). These paths catch a
 * future mistake. Paths are fixed here and never come from input.
 */
const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-digilocker-kyc"]',
  'headers.developer_key',
  'headers["secret-key"]',
  'headers["secret-key-timestamp"]',
  '*.developer_key',
  '*.developerKey',
  '*.access_key',
  '*.accessKey',
  '*.secret',
  '*.sessionSecrets',
  '*.session_token',
  'session_token',
  '*.user_details',
  '*.name',
  '*.dob',
  '*.gender',
  '*.mobile',
  '*.eaadhaar',
  '*.uid',
  '*.masked_aadhaar',
  '*.aadhaar',
  '*.photo',
  '*.photo_link',
  '*.address',
  '*.split_address',
  '*.care_of',
  '*.documents[*].name',
];

/**
 * Logs go to stdout through a buffered, asynchronous writer: a synchronous write per line costs
 * a syscall per request and stalls the event loop when whatever reads stdout falls behind.
 * pino flushes the buffer when the process exits; the CLI also flushes before it exits.
 */
export function createLogger(level = 'info', destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'digilocker-kyc' },
      redact: { paths: REDACT_PATHS, censor: '[Redacted]' },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    destination ?? pino.destination({ dest: 1, sync: false, minLength: 4096 }),
  );
}

/**
 * The logger of `digilockerKyc()` and `createKycHandler()` when the merchant passes none:
 * warnings and errors only (every 5xx, a refused origin once, an unsafe DigiLocker URL), to
 * stderr, redacted like the server's own. Silence would hide a misconfiguration behind a bare
 * 502; info-level access lines would flood a host app that logs its own way.
 */
export function defaultLibraryLogger(): Logger {
  return createLogger('warn', process.stderr);
}

/** Made on first use: Workers refuse random generation while a module loads. */
let salt: Uint8Array | undefined;

/** Logs name an attempt by a salted hash of its reference_id, never the id itself. */
export function referenceHash(referenceId: string): string {
  salt ??= randomBytes(16);
  return createHash('sha256').update(salt).update(referenceId).digest('base64url').slice(0, 12);
}
