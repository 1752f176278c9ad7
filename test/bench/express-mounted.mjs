// Target: the Express adapter as a merchant mounts it, app.use('/kyc', digilockerKyc(…)).
import { createServer } from 'node:http';
import { digilockerKyc } from '@digilocker-kyc/server/express';
import express from 'express';
import { announce, benchOptions } from './kyc-options.mjs';

const app = express();
app.disable('x-powered-by');
app.use('/kyc', digilockerKyc(benchOptions()));
announce('express-mounted', createServer(app));
