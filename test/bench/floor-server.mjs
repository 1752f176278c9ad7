// Reference (c), the floor: the least a Node proxy for this call can do. node:http, undici's
// Pool, a signature per request, no framework, no validation, no logging, no safety checks.
// Not something to deploy: it shows how much of any Node server's cost is Node's HTTP itself.
import { createHmac } from 'node:crypto';
import { createServer } from 'node:http';
import { Pool } from 'undici';

const upstream = new URL(process.env.EKO_BASE_URL);
const pool = new Pool(upstream.origin, { connections: 128 });
const key = Buffer.from(process.env.EKO_ACCESS_KEY).toString('base64');

const server = createServer(async (req, res) => {
  for await (const _ of req);
  const timestamp = String(Date.now());
  const { body } = await pool.request({
    method: 'POST',
    path: `${upstream.pathname}/tools/kyc/digilocker`,
    headers: {
      developer_key: process.env.EKO_DEVELOPER_KEY,
      'secret-key': createHmac('sha256', key).update(timestamp).digest('base64'),
      'secret-key-timestamp': timestamp,
      'content-type': 'application/json',
    },
    body: JSON.stringify({
      initiator_id: process.env.EKO_INITIATOR_ID,
      user_code: process.env.EKO_USER_CODE,
      document_requested: ['AADHAAR'],
      redirect_url: 'http://127.0.0.1/return',
    }),
  });
  const reply = await body.json();
  const text = JSON.stringify(reply.data);
  res.writeHead(201, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
});
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  process.stdout.write(`floor listening on http://127.0.0.1:${server.address().port}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
