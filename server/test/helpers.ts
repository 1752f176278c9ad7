// Shared fixtures for the router and app tests: an app wired to a MockAgent, and captured logs.
import { Writable } from 'node:stream';
import request from 'supertest';
import { MockAgent } from 'undici';
import type { KycHandlerOptions } from '../src/adapters/kyc-handler.js';
import { createApp, type KycApp } from '../src/cli/app.js';
import { loadConfig, type ServerConfig } from '../src/cli/config.js';
import { createLogger } from '../src/observability/logger.js';

export const PAGE_ORIGIN = 'https://shop.example';
export const EKO_ORIGIN = 'https://staging.eko.in';
export const CREATE_PATH = '/ekoapi/v3/tools/kyc/digilocker';
export const SESSION_SECRET = 'router-test-session-secret-32-bytes-long!';
export const JSON_HEADERS = { headers: { 'content-type': 'application/json' } };

export const createReply = (
  url = 'https://digilocker.gov.in/auth?session_id=abc',
  referenceId = 7483920,
) => ({
  status: 0,
  response_status_id: 0,
  response_type_id: 1388,
  message: 'DigiLocker URL created successfully',
  data: { reference_id: referenceId, url, document_requested: ['AADHAAR'], redirect_url: 'x' },
});

export interface TestApp extends KycApp {
  agent: MockAgent;
  logs: string[];
  config: ServerConfig;
  clock: { now: number };
}

export function testApp(
  env: Record<string, string> = {},
  router: Partial<KycHandlerOptions> = {},
): TestApp {
  const agent = new MockAgent({ enableCallHistory: true });
  agent.disableNetConnect();
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      logs.push(String(chunk));
      done();
    },
  });
  const config = loadConfig({
    EKO_ENV: 'uat',
    EKO_BASE_URL: `${EKO_ORIGIN}/ekoapi/v3`,
    EKO_DEVELOPER_KEY: 'developer-key-for-tests',
    EKO_ACCESS_KEY: 'access-key-for-tests',
    EKO_INITIATOR_ID: '9962981729',
    EKO_USER_CODE: '20810200',
    ALLOWED_ORIGINS: `${PAGE_ORIGIN},https://other.example`,
    PUBLIC_BASE_URL: 'https://kyc.shop.example/kyc',
    RETURN_URLS: 'https://shop.example/account/kyc,https://shop.example/#/kyc',
    SESSION_SECRET,
    LOG_LEVEL: 'info',
    ...env,
  });
  const clock = { now: 1_800_000_000_000 };
  const kyc = createApp({
    config,
    dispatcher: agent,
    clock: () => clock.now,
    logger: createLogger('info', sink),
    router: { widgetAssets: false, ...router },
  });
  return { ...kyc, agent, logs, config, clock };
}

export function upstreamCalls(agent: MockAgent) {
  return agent.getCallHistory()?.calls() ?? [];
}

export const STATUS_PATH =
  '/ekoapi/v3/tools/kyc/digilocker/status?initiator_id=9962981729&reference_id=7483920';

/** Eko answers the next create call (the default: reference 7483920 on digilocker.gov.in). */
function interceptCreate(agent: MockAgent, reply: object = createReply()): void {
  agent
    .get(EKO_ORIGIN)
    .intercept({ path: CREATE_PATH, method: 'POST' })
    .reply(200, reply, JSON_HEADERS);
}

/** Eko's status call answers `status` (`AUTHENTICATED` is consented), `times` times. */
export function interceptStatus(agent: MockAgent, status = 'AUTHENTICATED', times = 1): void {
  agent
    .get(EKO_ORIGIN)
    .intercept({ path: STATUS_PATH, method: 'GET' })
    .reply(200, { status: 0, data: { status } }, JSON_HEADERS)
    .times(times);
}

/**
 * The `redirect_url` the server gave Eko on its `index`-th create call: the only place the return
 * secret leaves the server, so the tests learn it here, as DigiLocker would.
 */
export function sentRedirectUrl(agent: MockAgent, index = 0): string {
  const creates = upstreamCalls(agent).filter((call) => call.path === CREATE_PATH);
  const sent = creates[index];
  if (!sent) throw new Error(`Expected at least ${index + 1} create calls to Eko.`);
  return JSON.parse(String(sent.body)).redirect_url as string;
}

/** The Set-Cookie lines of a reply (supertest gives an array, or nothing). */
export function setCookies(headers: Record<string, unknown>): string[] {
  const value = headers['set-cookie'];
  return Array.isArray(value) ? value.map(String) : typeof value === 'string' ? [value] : [];
}

/** `name=value` of a Set-Cookie line: what a browser sends back in its Cookie header. */
export function cookiePair(setCookie: string): string {
  return setCookie.split(';')[0]!;
}

/** One attempt started through the app, with what each party knows of it. */
export interface Attempt {
  /** The create reply (what the starting browser sees). */
  reply: { reference_id: string; state: string; session_token: string; url: string };
  /** The binding cookie as the starting browser sends it back (`name=value`). */
  binding: string;
  /** The return URL's path under the app, secret included (what DigiLocker sends back to). */
  returnPath: string;
  secret: string;
}

/**
 * Creates an attempt from `origin` (Eko answering reference `referenceId`) and learns its return
 * secret from the create call Eko received.
 */
export async function startAttempt(
  t: TestApp,
  {
    body = {},
    referenceId = 7483920,
    origin = PAGE_ORIGIN,
    headers = {},
  }: {
    body?: object;
    referenceId?: number;
    origin?: string;
    headers?: Record<string, string>;
  } = {},
): Promise<Attempt> {
  const index = upstreamCalls(t.agent).filter((call) => call.path === CREATE_PATH).length;
  interceptCreate(t.agent, createReply(undefined, referenceId));
  const res = await request(t.app)
    .post('/kyc/sessions')
    .set('Origin', origin)
    .set('X-DigiLocker-KYC', '1')
    .set('Content-Type', 'application/json')
    .set(headers)
    .send(JSON.stringify(body));
  if (res.status !== 201)
    throw new Error(`Expected 201 from create, got ${res.status}: ${res.text}`);
  const eko = new URL(sentRedirectUrl(t.agent, index));
  const binding = setCookies(res.headers).find((line) => /dlkyc_b_/.test(line));
  if (!binding) throw new Error('Expected the create reply to set the binding cookie.');
  return {
    reply: res.body,
    binding: cookiePair(binding),
    returnPath: eko.pathname,
    secret: eko.pathname.split('/').at(-1)!,
  };
}
