// The Eko DigiLocker client: signs each request, calls Eko (node:http on Node, fetch elsewhere), treats replies as untrusted.
import { setTimeout as sleep } from 'node:timers/promises';
import { CLIENT_REF_ID_PATTERN, DEFAULT_DOCUMENTS, KycError } from '@digilocker-kyc/shared';
import { randomBytes } from '../random-bytes.js';
import { SkewWindow } from './clock-skew.js';
import { fetchTransport } from './fetch-transport.js';
import { normaliseDocuments } from './identity.js';
import { parseBaseUrl, requireAbsoluteUrl, requireReferenceId } from './inputs.js';
import { nodeHttpTransport } from './node-http-transport.js';
import {
  type EkoEnvelope,
  ekoCreateUrlDataSchema,
  ekoDocumentDataSchema,
  ekoEnvelopeSchema,
  ekoStatusDataSchema,
} from './schemas.js';
import { signEkoRequest } from './signing.js';
import {
  callDeadline,
  classifyTransportError,
  describeBody,
  type EkoTransport,
  readRetryAfter,
  undiciTransport,
} from './transport.js';
import {
  DEFAULT_EKO_RETRY,
  DEFAULT_EKO_TIMEOUTS,
  type EkoClient,
  type EkoClientOptions,
  type EkoRetry,
  type EkoTimeouts,
  type VerificationStatus,
} from './types.js';
import { boundedStatusId, isSafeUpstreamId } from './upstream-text.js';
import { readBusinessError, readStatusData } from './verification-status.js';

const MAX_REPLY_BYTES = 1024 * 1024;
const PATHS = {
  create: '/tools/kyc/digilocker',
  status: '/tools/kyc/digilocker/status',
  document: '/tools/kyc/digilocker/document',
} as const;

export function createEkoClient(options: EkoClientOptions): EkoClient {
  const base = parseBaseUrl(options.baseUrl);
  for (const name of ['developerKey', 'accessKey', 'initiatorId', 'userCode'] as const) {
    if (typeof options[name] !== 'string' || options[name].length === 0) {
      throw new TypeError(`Expected createEkoClient option "${name}" to be a non-empty string.`);
    }
  }
  const timeouts: EkoTimeouts = { ...DEFAULT_EKO_TIMEOUTS, ...options.timeouts };
  const retry: EkoRetry = { ...DEFAULT_EKO_RETRY, ...options.retry };
  const now = options.now ?? Date.now;
  const random = options.random ?? randomBytes;
  const transport = chooseTransport(options, base.origin, timeouts);
  const skew = new SkewWindow();

  type Call = {
    method: 'GET' | 'POST';
    path: string;
    query?: Record<string, string>;
    body?: object;
  };

  /**
   * The one retry decision: a retryable failure, within the attempts allowed, and never a pause
   * (`upstream_unavailable`: the breaker is open or Eko said 429). A POST creates a DigiLocker
   * URL, so it is sent again only when it provably never reached Eko.
   */
  function shouldRetry(failure: KycError, method: 'GET' | 'POST', attempt: number): boolean {
    if (attempt >= retry.attempts || !failure.retryable) return false;
    if (failure.code === 'upstream_unavailable') return false;
    return method === 'GET' || failure.neverSent;
  }

  /** One Eko call, re-signed on every attempt; only provably-unsent POSTs are retried. */
  async function call({ method, path, query, body }: Call): Promise<EkoEnvelope> {
    const { signal, done } = callDeadline(timeouts.deadlineMs);
    const search = query ? `?${new URLSearchParams(query)}` : '';
    const payload = body === undefined ? undefined : JSON.stringify(body);
    try {
      for (let attempt = 1; ; attempt++) {
        try {
          return await attemptOnce(method, `${base.path}${path}${search}`, payload, signal);
        } catch (error) {
          const failure = error instanceof KycError ? error : classifyTransportError(error, signal);
          if (!shouldRetry(failure, method, attempt)) throw failure;
          const delay = Math.min(retry.maxDelayMs, retry.baseDelayMs * 2 ** (attempt - 1));
          await sleep(delay, undefined, { signal }).catch(() => {
            throw classifyTransportError(signal.reason, signal);
          });
        }
      }
    } finally {
      done();
    }
  }

  async function attemptOnce(
    method: 'GET' | 'POST',
    path: string,
    payload: string | undefined,
    signal: AbortSignal,
  ): Promise<EkoEnvelope> {
    const sentAt = now();
    const response = await transport.send({
      origin: base.origin,
      path,
      method,
      headers: {
        ...signEkoRequest(options.developerKey, options.accessKey, sentAt),
        'content-type': 'application/json',
        accept: 'application/json',
      },
      body: payload,
      headersTimeoutMs: timeouts.headersMs,
      bodyTimeoutMs: timeouts.bodyMs,
      signal,
    });
    measureSkew(response.header('date'), sentAt);
    const text = await response.text(MAX_REPLY_BYTES);
    const httpStatus = response.status;
    if (httpStatus === 403) {
      throw new KycError(
        'upstream_auth_failed',
        "Eko refused the request signature (HTTP 403): check EKO_DEVELOPER_KEY, EKO_ACCESS_KEY and the server's clock.",
        { cause: { httpStatus } },
      );
    }
    if (httpStatus === 429) {
      // A rate-limit answer, not a failure of Eko: not retried (that would only add load), not
      // counted by the circuit breaker (one merchant's burst must not pause every customer).
      const retryAfterSeconds = readRetryAfter(response.header('retry-after'), sentAt);
      throw new KycError(
        'upstream_unavailable',
        `Eko is rate-limiting this server (HTTP 429); retry after ${retryAfterSeconds} s.`,
        { cause: { httpStatus }, retryAfterSeconds },
      );
    }
    if (httpStatus >= 500) {
      throw new KycError('upstream_error', `Eko answered HTTP ${httpStatus}; expected 200.`, {
        cause: { httpStatus },
      });
    }
    if (httpStatus !== 200) {
      throw new KycError(
        'upstream_rejected',
        `Eko answered HTTP ${httpStatus}; expected 200. Check EKO_BASE_URL and the request.`,
        { cause: { httpStatus } },
      );
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new KycError(
        'upstream_malformed',
        `Eko answered HTTP 200 with a body that is not JSON (${describeBody(text, response.header('content-type'))}).`,
      );
    }
    const envelope = ekoEnvelopeSchema.safeParse(json);
    if (!envelope.success) {
      throw new KycError(
        'upstream_malformed',
        'Eko answered HTTP 200 with JSON that is not its envelope (expected a numeric "status").',
      );
    }
    return envelope.data;
  }

  function measureSkew(value: string | undefined, sentAt: number): void {
    const upstream = value ? Date.parse(value) : Number.NaN;
    if (Number.isNaN(upstream)) return;
    skew.record(upstream - sentAt, sentAt);
    options.onClockSkew?.(upstream - sentAt);
  }

  function businessError(envelope: EkoEnvelope, what: string, referenceId?: string): KycError {
    // Eko's message text is neither forwarded nor logged: it could echo personal data. Its
    // status id is, once bounded to a short code (upstream-text.ts).
    const statusId = boundedStatusId(envelope.response_status_id);
    return new KycError(
      'upstream_rejected',
      `Eko refused ${what} (status ${envelope.status}, response_status_id ${statusId}).`,
      { cause: { responseStatusId: statusId }, referenceId },
    );
  }

  function newClientRefId(): string {
    const time = now().toString(36);
    const alphabet = '0123456789abcdefghijklmnopqrstuvwxyz';
    const bytes = random(20);
    let suffix = '';
    for (const byte of bytes) suffix += alphabet[byte % 36];
    return `dk${time}${suffix}`.slice(0, 20);
  }

  async function getVerificationStatus({
    referenceId,
  }: {
    referenceId: string;
  }): Promise<VerificationStatus> {
    requireReferenceId(referenceId);
    const envelope = await call({
      method: 'GET',
      path: PATHS.status,
      query: { initiator_id: options.initiatorId, reference_id: referenceId },
    });
    if (envelope.status !== 0) {
      const reading = readBusinessError(envelope);
      if (reading === 'error') throw businessError(envelope, 'the status request', referenceId);
      return { referenceId, status: reading, data: undefined } satisfies VerificationStatus;
    }
    const parsed = ekoStatusDataSchema.safeParse(envelope.data ?? {});
    if (!parsed.success) {
      throw new KycError(
        'upstream_malformed',
        'Eko answered the status request with unexpected data.',
        {
          referenceId,
        },
      );
    }
    const reported = parsed.data.verification_id ?? undefined;
    // An id outside the charset is dropped, not passed on: getDocument then asks Eko again.
    const verificationId =
      reported !== undefined && isSafeUpstreamId(reported) ? reported : undefined;
    return {
      referenceId,
      status: readStatusData(parsed.data),
      ...(verificationId ? { verificationId } : {}),
      data: parsed.data,
    } satisfies VerificationStatus;
  }

  /** Without a verification_id, the status call supplies one, or says why there is none. */
  async function verificationIdFromStatus(referenceId: string): Promise<string | undefined> {
    const { status, verificationId } = await getVerificationStatus({ referenceId });
    if (status === 'pending') {
      throw new KycError(
        'consent_pending',
        'The customer has not finished consenting on DigiLocker.',
        {
          referenceId,
        },
      );
    }
    if (status === 'expired') {
      throw new KycError('session_expired', 'The DigiLocker attempt expired before consent.', {
        referenceId,
      });
    }
    if (status === 'denied') {
      throw new KycError('upstream_rejected', 'The customer denied consent on DigiLocker.', {
        referenceId,
        retryable: false,
      });
    }
    return verificationId;
  }

  return {
    get clockSkewMs() {
      return skew.median(now());
    },

    async createDigilockerUrl(input) {
      const redirectUrl = requireAbsoluteUrl(input.redirectUrl);
      const documents = [...(input.documents ?? DEFAULT_DOCUMENTS)];
      if (documents.length === 0) {
        throw new KycError(
          'invalid_request',
          'Expected at least one document type, received none.',
        );
      }
      const clientRefId = input.clientRefId ?? newClientRefId();
      if (!CLIENT_REF_ID_PATTERN.test(clientRefId)) {
        throw new KycError(
          'invalid_request',
          'Expected client_ref_id to be 1-20 characters of A-Z, a-z, 0-9 or -.',
        );
      }
      const envelope = await call({
        method: 'POST',
        path: PATHS.create,
        body: {
          initiator_id: options.initiatorId,
          user_code: input.userCode ?? options.userCode,
          client_ref_id: clientRefId,
          document_requested: documents,
          redirect_url: redirectUrl,
        },
      });
      if (envelope.status !== 0) throw businessError(envelope, 'to create a DigiLocker URL');
      const data = ekoCreateUrlDataSchema.safeParse(envelope.data);
      // The reference_id goes to the browser and into URLs: only the charset our routes accept.
      if (!data.success || !isSafeUpstreamId(data.data.reference_id)) {
        throw new KycError(
          'upstream_malformed',
          'Eko answered Create DigiLocker URL without a usable reference_id and url.',
        );
      }
      return {
        referenceId: data.data.reference_id,
        url: data.data.url,
        documents,
        redirectUrl,
        clientRefId,
        ...(data.data.verification_id && isSafeUpstreamId(data.data.verification_id)
          ? { verificationId: data.data.verification_id }
          : {}),
      };
    },

    getVerificationStatus,

    async getDocument({ referenceId, verificationId, documents = DEFAULT_DOCUMENTS }) {
      requireReferenceId(referenceId);
      const clientRefId = newClientRefId();
      let envelope: EkoEnvelope;
      if (options.documentCall === 'get') {
        const [documentType = 'AADHAAR'] = documents;
        envelope = await call({
          method: 'GET',
          path: `${PATHS.document}/${encodeURIComponent(documentType)}`,
          query: {
            initiator_id: options.initiatorId,
            client_ref_id: clientRefId,
            reference_id: referenceId,
            ...(verificationId ? { verification_id: verificationId } : {}),
          },
        });
      } else {
        const id = verificationId ?? (await verificationIdFromStatus(referenceId));
        if (!id) {
          throw new KycError(
            'invalid_request',
            'Expected a verification_id (from the redirect or the complete event) to fetch the document; none was given and Eko did not return one.',
            { referenceId },
          );
        }
        envelope = await call({
          method: 'POST',
          path: PATHS.document,
          body: {
            initiator_id: options.initiatorId,
            user_code: options.userCode,
            client_ref_id: clientRefId,
            document_type: [...documents],
            verification_id: id,
            reference_id: referenceId,
          },
        });
      }
      if (envelope.status !== 0) {
        const reading = readBusinessError(envelope);
        if (reading === 'pending') {
          throw new KycError(
            'consent_pending',
            'The customer has not finished consenting on DigiLocker.',
            {
              referenceId,
            },
          );
        }
        if (reading === 'expired') {
          // The same reading the status call makes of this answer: one code, session_expired.
          throw new KycError(
            'session_expired',
            `Eko no longer knows reference_id ${referenceId} (expired or invalid).`,
            { referenceId },
          );
        }
        throw businessError(envelope, 'the document request', referenceId);
      }
      const data = ekoDocumentDataSchema.safeParse(envelope.data);
      if (!data.success) {
        throw new KycError(
          'upstream_malformed',
          'Eko answered the document request with unexpected data.',
          {
            referenceId,
          },
        );
      }
      return { referenceId, documents: normaliseDocuments(data.data) };
    },

    close: () => transport.close(),
  };
}

/**
 * Node's own http client on Node (kept-alive connections, connect timeout): nothing beyond the
 * runtime loads at start. An undici dispatcher when one is passed (a `MockAgent` in tests, a
 * merchant's own `Pool`). Elsewhere the runtime's own fetch: Bun's `undici` is a stub, and
 * Workers cannot compile undici's WASM parser. `options.fetch` picks fetch on any runtime.
 */
function chooseTransport(
  options: EkoClientOptions,
  origin: string,
  timeouts: EkoTimeouts,
): EkoTransport {
  if (options.dispatcher) return undiciTransport(options.dispatcher, false);
  if (options.fetch || !isNode()) return fetchTransport(options.fetch);
  return nodeHttpTransport(origin, {
    connections: 128,
    keepAliveTimeoutMs: 30_000,
    connectTimeoutMs: timeouts.connectMs,
  });
}

/** Node itself, not a runtime that imitates it (Bun, Deno and Workers all set `process`). */
function isNode(): boolean {
  const runtime = globalThis as {
    Bun?: unknown;
    Deno?: unknown;
    navigator?: { userAgent?: string };
  };
  if (runtime.Bun !== undefined || runtime.Deno !== undefined) return false;
  if (runtime.navigator?.userAgent === 'Cloudflare-Workers') return false;
  return typeof process !== 'undefined' && typeof process.versions?.node === 'string';
}
