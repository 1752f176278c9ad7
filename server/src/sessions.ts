// The two session routes: create a DigiLocker attempt, and report its status to the widget.
import {
  type CreateSessionResponse,
  createSessionRequestSchema,
  KycError,
  REFERENCE_ID_PATTERN,
  type SessionStatus,
  type SessionStatusResponse,
  STATE_QUERY_PARAM,
} from '@digilocker-kyc/shared';
import type { Logger } from 'pino';
import type * as z from 'zod/mini';
import type { UpstreamBreaker } from './circuit-breaker.js';
import type { AccessLogFields, CoreRequest } from './core-types.js';
import { IN_ENGLISH } from './issue-messages.js';
import { referenceHash } from './logger.js';
import { returnBase } from './return-base.js';
import type { DigilockerKycOptions, ResolvedOptions } from './router-options.js';
import { MAX_SUBJECT_LENGTH, signSessionToken, verifySessionToken } from './session-token.js';
import { StatusCache } from './status-cache.js';
import { boundedUrlPart } from './upstream-text.js';

interface Deps {
  options: ResolvedOptions;
  hooks: Pick<DigilockerKycOptions<never>, 'resolveUserCode' | 'resolveSubject'>;
  breaker: UpstreamBreaker;
  logger: Logger;
  now: () => number;
  random: (size: number) => Uint8Array;
  statusCacheMs: { pending: number; final: number };
}

export function sessionHandlers({
  options,
  hooks,
  breaker,
  logger,
  now,
  random,
  statusCacheMs,
}: Deps) {
  const cache = new StatusCache(now, statusCacheMs);

  /** `POST {base}/sessions`, once the edge checks have passed and `input` is the parsed body. */
  async function createSession(
    req: CoreRequest,
    input: unknown,
  ): Promise<{ status: 201; reply: CreateSessionResponse; logFields: AccessLogFields }> {
    const parsed = createSessionRequestSchema.safeParse(input ?? {}, IN_ENGLISH);
    if (!parsed.success) {
      throw new KycError('invalid_request', describeIssues(parsed.error.issues));
    }
    const body = parsed.data;
    const state = Buffer.from(random(32)).toString('base64url');
    const redirectUrl = chooseRedirectUrl(body.redirect_url, state, req.header('host'));
    const userCode =
      body.user_code !== undefined && options.allowBrowserUserCode
        ? body.user_code
        : await hooks.resolveUserCode?.(req.hookRequest() as never);
    const documents = body.documents ?? options.defaultDocuments;
    // Asked before Eko is called: a hook that fails must not leave an attempt upstream.
    const subject = await hooks.resolveSubject?.(req.hookRequest() as never);
    if (
      subject !== undefined &&
      (typeof subject !== 'string' || subject.length === 0 || subject.length > MAX_SUBJECT_LENGTH)
    ) {
      throw new KycError(
        'config_error',
        `Expected resolveSubject to return undefined or a string of 1-${MAX_SUBJECT_LENGTH} characters.`,
      );
    }

    const created = await breaker.run(() =>
      options.eko.createDigilockerUrl({
        redirectUrl,
        documents,
        ...(body.client_ref_id ? { clientRefId: body.client_ref_id } : {}),
        ...(userCode ? { userCode } : {}),
      }),
    );
    checkDigilockerUrl(created.url, created.referenceId);

    const issuedAt = Math.floor(now() / 1000);
    const expiresAt = issuedAt + Math.floor(options.sessionTtlMs / 1000);
    const sessionToken = signSessionToken(
      {
        reference_id: created.referenceId,
        state,
        origin: req.header('origin') ?? '',
        documents: created.documents,
        issued_at: issuedAt,
        expires_at: expiresAt,
        ...(subject !== undefined ? { subject } : {}),
      },
      options.sessionSecrets,
    );
    const reply: CreateSessionResponse = {
      reference_id: created.referenceId,
      url: created.url,
      documents: created.documents,
      redirect_url: created.redirectUrl,
      state,
      session_token: sessionToken,
      expires_at: new Date(expiresAt * 1000).toISOString(),
    };
    // The access-log line of this request names the attempt, by a salted hash only.
    return { status: 201, reply, logFields: { ref: referenceHash(created.referenceId) } };
  }

  /** `GET {base}/sessions/<referenceId>` (the id decoded from the path). */
  async function sessionStatus(
    req: CoreRequest,
    referenceId: string,
  ): Promise<{ status: 200; reply: SessionStatusResponse }> {
    if (!REFERENCE_ID_PATTERN.test(referenceId)) {
      throw new KycError(
        'invalid_request',
        'Expected reference_id to be 1-64 letters, digits, _ or -.',
      );
    }
    const header = req.header('authorization') ?? '';
    const token = /^Bearer ([A-Za-z0-9._-]+)$/.exec(header)?.[1];
    const origin = req.header('origin');
    const claims = verifySessionToken(token, {
      secrets: options.sessionSecrets,
      now: now(),
      referenceId,
      ...(origin !== undefined ? { origin } : {}),
    });
    const status = await cache.get(referenceId, () => fetchStatus(referenceId));
    const reply: SessionStatusResponse = {
      reference_id: referenceId,
      status,
      documents: claims.documents,
    };
    return { status: 200, reply };
  }

  async function fetchStatus(referenceId: string): Promise<SessionStatus> {
    const result = await breaker.run(() => options.eko.getVerificationStatus({ referenceId }));
    return result.status;
  }

  function chooseRedirectUrl(
    requested: string | undefined,
    state: string,
    host: string | undefined,
  ): string {
    if (requested === undefined) {
      const base = returnBase(options.publicBaseUrl, host, options.followLoopbackAlias);
      return `${base}/return/${state}`;
    }
    if (!options.returnUrls.has(requested)) {
      throw new KycError(
        'invalid_request',
        'Expected redirect_url to be exactly one of the configured return URLs (RETURN_URLS).',
      );
    }
    const url = new URL(requested);
    url.searchParams.set(STATE_QUERY_PARAM, state);
    return url.toString();
  }

  /** Eko's url is untrusted: https on an allowlisted host, or the sandbox origin. */
  function checkDigilockerUrl(value: string, referenceId: string): void {
    let url: URL | undefined;
    try {
      url = new URL(value);
    } catch {}
    const ok =
      url !== undefined &&
      ((url.protocol === 'https:' && options.digilockerUrlHosts.has(url.host.toLowerCase())) ||
        options.insecureUrlOrigins.has(url.origin));
    if (!ok) {
      logger.warn(
        {
          ref: referenceHash(referenceId),
          protocol: boundedUrlPart(url?.protocol, 16),
          host: boundedUrlPart(url?.host, 100),
        },
        'Eko returned a DigiLocker URL outside DIGILOCKER_URL_HOSTS; refused',
      );
      throw new KycError(
        'upstream_unsafe_url',
        'Eko returned a DigiLocker URL that is not https on an allowed host; it was not sent to the browser.',
        { referenceId },
      );
    }
  }

  return { createSession, sessionStatus };
}

/** "documents[0]: Invalid option: expected one of …" — names the field and the expectation. */
function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  const parts = issues.slice(0, 3).map((issue) => {
    const path = issue.path.length > 0 ? issue.path.map(String).join('.') : 'body';
    return `${path}: ${issue.message}`;
  });
  return `Invalid request body. ${parts.join('; ')}.`;
}
