// The throughput bench's Eko: Create DigiLocker URL and nothing else, as strict as Eko about the
// request and as cheap as a server can be about everything else.
//
// The servers under test share this machine's two cores with the load generator and with their
// upstream. The sandbox spends ~450 µs of CPU on a create call (it keeps attempts, a consent page
// and its own logs), as much as the floor server spends on the whole request, so against it
// requests/s measured the shared upstream more than the server. This double checks what Eko
// checks (the developer key, the HMAC signature and its timestamp, the body's fields) and
// answers with Eko's envelope and a DigiLocker link on a host the servers accept by default, so
// they run as in production (`EKO_ENV=uat` pointed here), not in sandbox mode.
//
// Prints `eko-double listening on <origin>/ekoapi/v3` once it listens.
import { createHmac, randomBytes } from 'node:crypto';
import { createServer } from 'node:http';

const DEVELOPER_KEY = process.env.EKO_DEVELOPER_KEY;
const SIGNING_KEY = Buffer.from(process.env.EKO_ACCESS_KEY ?? '', 'utf8').toString('base64');
const INITIATOR_ID = process.env.EKO_INITIATOR_ID;
const CREATE_PATH = '/ekoapi/v3/tools/kyc/digilocker';
/** Eko accepts a signature whose timestamp is within this of its own clock. */
const MAX_SKEW_MS = 120_000;

if (!DEVELOPER_KEY || !SIGNING_KEY || !INITIATOR_ID) {
  throw new Error('Expected EKO_DEVELOPER_KEY, EKO_ACCESS_KEY and EKO_INITIATOR_ID to be set.');
}

/** A host in the servers' default DIGILOCKER_URL_HOSTS; nothing ever fetches the link. */
const DIGILOCKER_AUTHORIZE = 'https://digilocker.meripehchaan.gov.in/public/oauth2/1/authorize';
let nextReference = 7_000_000;

/** The create call's body as Eko would accept it, or the status and reason it would refuse it. */
function accepted(req, body) {
  if (req.method !== 'POST' || req.url !== CREATE_PATH) return { refused: [404, 'no such route'] };
  const timestamp = req.headers['secret-key-timestamp'] ?? '';
  const signature = createHmac('sha256', SIGNING_KEY).update(timestamp).digest('base64');
  if (req.headers.developer_key !== DEVELOPER_KEY || req.headers['secret-key'] !== signature) {
    return { refused: [403, 'bad signature'] };
  }
  if (!/^\d{13}$/.test(timestamp) || Math.abs(Date.now() - Number(timestamp)) > MAX_SKEW_MS) {
    return { refused: [403, 'stale timestamp'] };
  }
  let json;
  try {
    json = JSON.parse(body);
  } catch {
    return { refused: [400, 'body is not JSON'] };
  }
  const fieldsOk =
    json?.initiator_id === INITIATOR_ID &&
    typeof json.user_code === 'string' &&
    Array.isArray(json.document_requested) &&
    json.document_requested.length > 0 &&
    typeof json.redirect_url === 'string' &&
    URL.canParse(json.redirect_url);
  return fieldsOk ? { json } : { refused: [400, 'missing or malformed fields'] };
}

const server = createServer((req, res) => {
  const chunks = [];
  req.on('data', (chunk) => chunks.push(chunk));
  req.on('end', () => {
    const { refused, json } = accepted(req, Buffer.concat(chunks).toString('utf8'));
    if (refused) {
      res.writeHead(refused[0], { 'content-type': 'text/plain' }).end(refused[1]);
      return;
    }
    const { document_requested, redirect_url } = json;
    const text = JSON.stringify({
      status: 0,
      response_status_id: 0,
      response_type_id: 1388,
      message: 'DigiLocker URL created successfully',
      data: {
        reference_id: String(nextReference++),
        url: `${DIGILOCKER_AUTHORIZE}?response_type=code&state=${randomBytes(24).toString('base64url')}`,
        document_requested,
        redirect_url,
      },
    });
    res.writeHead(200, {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(text),
    });
    res.end(text);
  });
});

server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  process.stdout.write(
    `eko-double listening on http://127.0.0.1:${server.address().port}/ekoapi/v3\n`,
  );
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
