// Target: createKycHandler().fetch hosted on node:http, the way a fetch platform hosts it: each
// request becomes a WHATWG Request, and the Response is written back.
import { createServer } from 'node:http';
import { Readable } from 'node:stream';
import { createKycHandler } from '@digilocker-kyc/server';
import { announce, benchOptions } from './kyc-options.mjs';

const kyc = createKycHandler({ ...benchOptions(), basePath: '/kyc' });

const server = createServer(async (req, res) => {
  const headers = new Headers();
  for (let i = 0; i < req.rawHeaders.length; i += 2) {
    headers.append(req.rawHeaders[i], req.rawHeaders[i + 1]);
  }
  const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
  const request = new Request(`http://${req.headers.host ?? '127.0.0.1'}${req.url}`, {
    method: req.method,
    headers,
    ...(hasBody ? { body: Readable.toWeb(req), duplex: 'half' } : {}),
  });
  const response = await kyc.fetch(request);
  res.statusCode = response.status;
  for (const [name, value] of response.headers) res.appendHeader(name, value);
  res.end(response.body ? Buffer.from(await response.arrayBuffer()) : undefined);
});
announce('fetch-on-node', server);
