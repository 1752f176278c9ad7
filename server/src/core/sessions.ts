// The two session routes: create a DigiLocker attempt, and report its status to the widget.
import {
  type CreateSessionResponse,
  createSessionRequestSchema,
  KycError,
  RECEIPT_HEADER,
  REFERENCE_ID_PATTERN,
  type SessionStatus,
  type SessionStatusResponse,
} from '@digilocker-kyc/shared';
import type * as z from 'zod/mini';
import { boundedUrlPart } from '../eko/upstream-text.js';
import { IN_ENGLISH } from '../issue-messages.js';
import type { UpstreamBreaker } from '../limits/circuit-breaker.js';
import { referenceHash } from '../observability/logger.js';
import type { Completions } from './completion.js';
import type { AccessLogFields, CoreRequest } from './exchange.js';
import { linkLeaksReturn } from './link-leak.js';
import type { ResolvedOptions } from './options.js';
import { returnBase } from './return-base.js';
import { readReceipt, returnSecret } from './return-proof.js';
import {
  isValidSubject,
  MAX_SUBJECT_LENGTH,
  type SessionClaims,
  signSessionToken,
  verifySessionToken,
} from './session-token.js';
import { StatusCache } from './status-cache.js';

interface Deps {
  /** The resolved options, read here for everything else (hooks, clock, randomness, cache). */
  options: ResolvedOptions;
  breaker: UpstreamBreaker;
  /** The completion side (`onComplete`), told of every completion token minted. */
  completions: () => Completions;
  /** Told when Eko says consented to a status request that carried no receipt. */
  onConsentWithoutReceipt?: (claims: SessionClaims) => void;
}

export function sessionHandlers({ options, breaker, completions, onConsentWithoutReceipt }: Deps) {
  const { hooks, logger, now, random } = options;
  const cache = new StatusCache(now, options.statusCacheMs);

  /** `POST {base}/sessions`, once the edge checks have passed and `input` is the parsed body. */
  async function createSession(
    req: CoreRequest,
    input: unknown,
  ): Promise<{
    status: 201;
    reply: CreateSessionResponse;
    claims: SessionClaims;
    logFields: AccessLogFields;
  }> {
    const parsed = createSessionRequestSchema.safeParse(input ?? {}, IN_ENGLISH);
    if (!parsed.success) {
      throw new KycError('invalid_request', describeIssues(parsed.error.issues));
    }
    const body = parsed.data;
    const state = Buffer.from(random(32)).toString('base64url');
    const secret = returnSecret(state, options.sessionSecrets);
    const returnTo = chooseReturnTo(body.redirect_url);
    // Eko always returns to this server, which checks the secret and the binding first, then
    // sends the customer on to the merchant's return page (`return_to`) when one was asked for.
    const base = returnBase(options.publicBaseUrl, req.header('host'), options.followLoopbackAlias);
    const redirectUrl = `${base}/return/${state}/${secret}`;
    const userCode =
      body.user_code !== undefined && options.allowBrowserUserCode
        ? body.user_code
        : await hooks.resolveUserCode?.(req);
    const documents = body.documents ?? options.defaultDocuments;
    // Asked before Eko is called: a hook that fails must not leave an attempt upstream.
    const subject = await hooks.resolveSubject?.(req);
    if (!isValidSubject(subject)) {
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
    if (linkLeaksReturn(created.url, secret)) {
      logger.error(
        { ref: referenceHash(created.referenceId) },
        "Eko's DigiLocker link embeds this attempt's return URL: whoever holds the link could complete the attempt; refused (see docs/eko-notes.md)",
      );
      throw new KycError(
        'upstream_unsafe_url',
        "Eko returned a DigiLocker link that embeds the attempt's return URL and its secret; it was not sent to the browser.",
        { referenceId: created.referenceId },
      );
    }

    const issuedAt = Math.floor(now() / 1000);
    const expiresAt = issuedAt + Math.floor(options.sessionTtlMs / 1000);
    const claims: SessionClaims = {
      reference_id: created.referenceId,
      state,
      origin: req.header('origin') ?? '',
      documents: created.documents,
      issued_at: issuedAt,
      expires_at: expiresAt,
      ...(subject !== undefined ? { subject } : {}),
      ...(returnTo !== undefined ? { return_to: returnTo } : {}),
    };
    const reply: CreateSessionResponse = {
      reference_id: created.referenceId,
      url: created.url,
      documents: created.documents,
      state,
      session_token: signSessionToken(claims, options.sessionSecrets),
      expires_at: new Date(expiresAt * 1000).toISOString(),
    };
    // The access-log line of this request names the attempt, by a salted hash only.
    return { status: 201, reply, claims, logFields: { ref: referenceHash(created.referenceId) } };
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
      allowUnreturned: true,
    });
    const presented = req.header(RECEIPT_HEADER.toLowerCase());
    let returnedAt = claims.returned_at;
    if (presented !== undefined) {
      returnedAt = readReceipt(presented, claims.state, options.sessionSecrets);
      if (returnedAt === undefined) {
        throw new KycError(
          'unauthorized',
          'The return receipt is not the receipt of this attempt.',
        );
      }
    }
    const status = await cache.get(referenceId, () => fetchStatus(referenceId));
    const reply: SessionStatusResponse = {
      reference_id: referenceId,
      status,
      documents: claims.documents,
    };
    if (status === 'consented' && returnedAt === undefined) onConsentWithoutReceipt?.(claims);
    if (status === 'consented' && returnedAt !== undefined) {
      const proven = { ...claims, returned_at: returnedAt };
      reply.completion_token = signSessionToken(proven, options.sessionSecrets);
      await completions().confirmed(proven, returnedAt);
    }
    return { status: 200, reply };
  }

  function cachedStatus(referenceId: string): Promise<SessionStatus> {
    return cache.get(referenceId, () => fetchStatus(referenceId));
  }

  async function fetchStatus(referenceId: string): Promise<SessionStatus> {
    const result = await breaker.run(() => options.eko.getVerificationStatus({ referenceId }));
    return result.status;
  }

  /** The merchant return page asked for, checked; undefined for the server's own. */
  function chooseReturnTo(requested: string | undefined): string | undefined {
    if (requested === undefined || requested === `${options.publicBaseUrl}/return`) return;
    if (!options.returnUrls.has(requested)) {
      throw new KycError(
        'invalid_request',
        'Expected redirect_url to be exactly one of the configured return URLs (RETURN_URLS).',
      );
    }
    return requested;
  }

  /** A URL a browser may be sent to for DigiLocker: https on an allowlisted host, or the sandbox. */
  function isDigilockerUrl(url: URL | undefined): boolean {
    return (
      url !== undefined &&
      ((url.protocol === 'https:' && options.digilockerUrlHosts.has(url.host.toLowerCase())) ||
        options.insecureUrlOrigins.has(url.origin))
    );
  }

  /** Eko's url is untrusted: https on an allowlisted host, or the sandbox origin. */
  function checkDigilockerUrl(value: string, referenceId: string): void {
    let url: URL | undefined;
    try {
      url = new URL(value);
    } catch {}
    if (!isDigilockerUrl(url)) {
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

  /** The same check for a URL the browser hands back (the `/go` hop): true when it passes. */
  function isSafeDigilockerUrl(value: string): boolean {
    try {
      return isDigilockerUrl(new URL(value));
    } catch {
      return false;
    }
  }

  return { createSession, sessionStatus, isSafeDigilockerUrl, fetchStatus: cachedStatus };
}

/** "documents[0]: Invalid option: expected one of …" — names the field and the expectation. */
function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  const parts = issues.slice(0, 3).map((issue) => {
    const path = issue.path.length > 0 ? issue.path.map(String).join('.') : 'body';
    return `${path}: ${issue.message}`;
  });
  return `Invalid request body. ${parts.join('; ')}.`;
}
