// Baseline (b): the handler a merchant writes by hand. A bare Express route that signs with
// node:crypto and forwards with global fetch: no validation, no logging, no limits.
import { createHmac } from 'node:crypto';
import express from 'express';

const upstream = process.env.EKO_BASE_URL;
const accessKey = process.env.EKO_ACCESS_KEY;
const developerKey = process.env.EKO_DEVELOPER_KEY;

const app = express();
app.use(express.json());
app.post('/kyc/sessions', async (req, res) => {
  const timestamp = String(Date.now());
  const secretKey = createHmac('sha256', Buffer.from(accessKey).toString('base64'))
    .update(timestamp)
    .digest('base64');
  const reply = await fetch(`${upstream}/tools/kyc/digilocker`, {
    method: 'POST',
    headers: {
      developer_key: developerKey,
      'secret-key': secretKey,
      'secret-key-timestamp': timestamp,
      'content-type': 'application/json',
    },
    body: JSON.stringify({
      initiator_id: process.env.EKO_INITIATOR_ID,
      user_code: process.env.EKO_USER_CODE,
      client_ref_id: `n${timestamp.slice(-9)}${Math.floor(Math.random() * 1e6)}`,
      document_requested: req.body?.documents ?? ['AADHAAR'],
      redirect_url: 'http://127.0.0.1/return',
    }),
  });
  const json = await reply.json();
  res.status(201).json(json.data);
});
const server = app.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  process.stdout.write(`naive listening on http://127.0.0.1:${server.address().port}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
