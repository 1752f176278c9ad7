// Helpers for the sandbox's own tests: a sandbox on 127.0.0.1 with a hand-driven clock, and signed calls.
import { createHash } from 'node:crypto';
import { type Dispatcher, request } from 'undici';
import { EKO_UAT_CREDENTIALS } from '../src/defaults.js';
import { computeSecretKey } from '../src/eko/signing.js';
import type { RandomSource } from '../src/sandbox/attempts.js';
import type { SandboxOptions } from '../src/sandbox/options.js';
import { createSandbox, type RunningSandbox, type Sandbox } from '../src/sandbox/sandbox.js';

/** 2025-06-15T12:00:00Z: a fixed start so expiry and signature windows are exact. */
export const START_MS = Date.UTC(2025, 5, 15, 12, 0, 0);

/** Deterministic bytes: SHA-256 of a seed and a counter. Tests get the same ids every run. */
export function seededRandom(seed = 'sandbox-tests'): RandomSource {
  let counter = 0;
  return (size) => {
    const out = Buffer.alloc(size);
    for (let offset = 0; offset < size; offset += 32) {
      createHash('sha256').update(`${seed}:${counter++}`).digest().copy(out, offset);
    }
    return out;
  };
}

export interface Harness {
  sandbox: Sandbox;
  running: RunningSandbox;
  api: string;
  clock: { now: number };
  close(): Promise<void>;
}

export async function startSandbox(options: SandboxOptions = {}): Promise<Harness> {
  const clock = { now: START_MS };
  const sandbox = createSandbox({ now: () => clock.now, random: seededRandom(), ...options });
  const running = await sandbox.listen(0, '127.0.0.1');
  return { sandbox, running, api: running.apiBaseUrl, clock, close: () => running.close() };
}

export function signedHeaders(
  timestampMs: number,
  accessKey: string = EKO_UAT_CREDENTIALS.accessKey,
): Record<string, string> {
  return {
    developer_key: EKO_UAT_CREDENTIALS.developerKey,
    'secret-key-timestamp': String(timestampMs),
    'secret-key': computeSecretKey(accessKey, timestampMs),
  };
}

export interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  // biome-ignore lint/suspicious/noExplicitAny: test replies are inspected field by field.
  json: any;
}

export interface CallOptions {
  method?: Dispatcher.HttpMethod;
  body?: unknown;
  rawBody?: string;
  query?: Record<string, string>;
  /** Replaces the signed headers entirely when given. */
  headers?: Record<string, string>;
  extraHeaders?: Record<string, string>;
}

/** One call to the sandbox API, signed with the sandbox clock unless `headers` says otherwise. */
export async function call(h: Harness, path: string, options: CallOptions = {}): Promise<Reply> {
  const url = new URL(`${h.api}${path}`);
  for (const [key, value] of Object.entries(options.query ?? {})) url.searchParams.set(key, value);
  const hasBody = options.body !== undefined || options.rawBody !== undefined;
  const headers = {
    ...(options.headers ?? signedHeaders(h.clock.now)),
    ...(hasBody && !options.headers ? { 'content-type': 'application/json' } : {}),
    ...options.extraHeaders,
  };
  const response = await request(url, {
    method: options.method ?? (hasBody ? 'POST' : 'GET'),
    headers,
    body:
      options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
  });
  const text = await response.body.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.statusCode, headers: response.headers, text, json };
}

export const AGENT = {
  initiator_id: EKO_UAT_CREDENTIALS.initiatorId,
  user_code: EKO_UAT_CREDENTIALS.userCode,
};

export function createBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    ...AGENT,
    client_ref_id: 'ref-1',
    document_requested: ['AADHAAR'],
    redirect_url: 'https://shop.example/kyc/return?a=1#/kyc',
    ...overrides,
  };
}

/** Creates an attempt and returns Eko's `data`. */
export async function createAttempt(
  h: Harness,
  overrides: Record<string, unknown> = {},
): Promise<{
  reference_id: number;
  url: string;
  document_requested: string[];
  redirect_url: string;
}> {
  const reply = await call(h, '/tools/kyc/digilocker', { body: createBody(overrides) });
  if (reply.json?.status !== 0) throw new Error(`Create failed: ${reply.text}`);
  return reply.json.data;
}

/** Posts the consent form as a browser would; returns the raw reply (no redirect following). */
export async function submitConsent(
  consentUrl: string,
  fields: Record<string, string>,
  extraHeaders: Record<string, string> = {},
): Promise<{
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}> {
  const page = new URL(consentUrl);
  const form = new URLSearchParams({ session: page.searchParams.get('session') ?? '', ...fields });
  const response = await request(new URL('/digilocker/consent', page.origin), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...extraHeaders },
    body: form.toString(),
  });
  return {
    status: response.statusCode,
    headers: response.headers,
    text: await response.body.text(),
  };
}

export async function getPage(
  url: string,
  headers: Record<string, string> = {},
): Promise<{
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}> {
  const response = await request(url, { headers });
  return {
    status: response.statusCode,
    headers: response.headers,
    text: await response.body.text(),
  };
}
