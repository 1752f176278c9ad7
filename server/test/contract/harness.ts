// The contract suite's targets: one server configuration, served through each adapter.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express from 'express';
import { Agent, MockAgent, request } from 'undici';
import type { DigilockerKycOptions } from '../../src/adapters/express.js';
import { digilockerKyc } from '../../src/adapters/express.js';
import { createKycHandler, type KycHandlerOptions } from '../../src/adapters/kyc-handler.js';
import { createLogger } from '../../src/observability/logger.js';
import {
  type ContractRequest,
  LANGUAGE_BODY,
  LANGUAGE_HASH,
  NOW,
  PAGE_ORIGIN,
  RETURN_BODY,
  RETURN_URL,
  SESSION_SECRET,
  WIDGET_BODY,
} from './cases.js';

export const EKO_ORIGIN = 'https://staging.eko.in';

export interface Reply {
  status: number;
  /** Lower-case names; repeated headers joined with ', '. */
  headers: Record<string, string>;
  body: string;
  /** The body's bytes as sent (compressed ones included). */
  bytes: Buffer;
}

export interface Target {
  send(req: ContractRequest): Promise<Reply>;
  close(): Promise<void>;
}

/** Options a hook written for Express also accepts under createKycHandler (`req.get`). */
export type ContractOptions = DigilockerKycOptions & KycHandlerOptions;

export type TargetFactory = (options: ContractOptions) => Promise<Target>;

const assetsDir = mkdtempSync(join(tmpdir(), 'dlkyc-contract-'));
const bundle = join(assetsDir, 'widget.js');
const returnScript = join(assetsDir, 'return.js');
writeFileSync(bundle, WIDGET_BODY);
writeFileSync(returnScript, RETURN_BODY);
// A language file beside the bundle, named by its hash as the widget's build names them.
mkdirSync(join(assetsDir, 'lang'));
writeFileSync(join(assetsDir, 'lang', `ta.${LANGUAGE_HASH}.js`), LANGUAGE_BODY);

/** Eko answers every create and status call; nothing leaves the process. */
function upstream(): MockAgent {
  const agent = new MockAgent();
  agent.disableNetConnect();
  const pool = agent.get(EKO_ORIGIN);
  pool
    .intercept({ path: '/ekoapi/v3/tools/kyc/digilocker', method: 'POST' })
    .reply(
      200,
      {
        status: 0,
        response_status_id: 0,
        response_type_id: 1388,
        message: 'DigiLocker URL created successfully',
        data: {
          reference_id: 7483920,
          url: 'https://digilocker.gov.in/auth?session_id=abc',
          document_requested: ['AADHAAR'],
          redirect_url: 'x',
        },
      },
      { headers: { 'content-type': 'application/json' } },
    )
    .persist();
  pool
    .intercept({ path: /\/status\?/, method: 'GET' })
    .reply(
      200,
      { status: 0, data: { status: 'PENDING' } },
      {
        headers: { 'content-type': 'application/json' },
      },
    )
    .persist();
  return agent;
}

/** The options every target is built from; `limited` gives the low limits of the 429 cases. */
export function contractOptions(limited: boolean): ContractOptions & { agent: MockAgent } {
  const agent = upstream();
  return {
    agent,
    eko: {
      baseUrl: `${EKO_ORIGIN}/ekoapi/v3`,
      developerKey: 'developer-key-for-tests',
      accessKey: 'access-key-for-tests',
      initiatorId: '9962981729',
      userCode: '20810200',
    },
    allowedOrigins: [PAGE_ORIGIN],
    publicBaseUrl: 'https://kyc.shop.example/kyc',
    returnUrls: [RETURN_URL],
    sessionSecrets: SESSION_SECRET,
    limits: {
      rateLimit: limited ? { perMinute: 2, status: { perToken: 3 } } : { perMinute: 1000 },
    },
    widgetAssets: { bundle, returnScript },
    // The merchant's hooks, read through `get`, which both request shapes have.
    hooks: {
      authorize: (req) => req.get('x-deny') === undefined,
      resolveSubject: (req) => req.get('x-user'),
    },
    logger: createLogger('silent'),
    testing: { dispatcher: agent, now: () => NOW },
  };
}

/** Sends over real HTTP to a listener on loopback, bytes as given. */
async function listen(listener: RequestListener): Promise<{ server: Server; origin: string }> {
  const server = createServer(listener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { server, origin: `http://127.0.0.1:${port}` };
}

function overHttp(server: Server, origin: string, close: () => Promise<void>): Target {
  const client = new Agent();
  return {
    async send(req) {
      const res = await request(`${origin}/kyc${req.path}`, {
        method: req.method,
        headers: req.headers ?? {},
        ...(req.body !== undefined ? { body: req.body } : {}),
        dispatcher: client,
      });
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(res.headers)) {
        if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
      }
      const bytes = Buffer.from(await res.body.arrayBuffer());
      return { status: res.statusCode, headers, body: bytes.toString(), bytes };
    },
    async close() {
      await client.close();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await close();
    },
  };
}

export const expressTarget: TargetFactory = async (options) => {
  const router = digilockerKyc(options);
  const app = express();
  app.use('/kyc', router);
  const { server, origin } = await listen(app);
  return overHttp(server, origin, () => router.close());
};

export const nodeTarget: TargetFactory = async (options) => {
  const handler = createKycHandler(options);
  const { server, origin } = await listen((req, res) => handler.node(req, res));
  return overHttp(server, origin, () => handler.close());
};

/** The fetch handler called as a platform calls it: a Request in, a Response out, no socket. */
export const fetchTarget: TargetFactory = async (options) => {
  const handler = createKycHandler(options);
  return {
    async send(req) {
      const response = await handler.fetch(
        new Request(`http://127.0.0.1/kyc${req.path}`, {
          method: req.method,
          headers: req.headers ?? {},
          ...(req.body !== undefined ? { body: req.body } : {}),
        }),
      );
      const headers: Record<string, string> = {};
      response.headers.forEach((value, name) => {
        headers[name] = value;
      });
      const bytes = Buffer.from(await response.arrayBuffer());
      return { status: response.status, headers, body: bytes.toString(), bytes };
    },
    close: () => handler.close(),
  };
};
