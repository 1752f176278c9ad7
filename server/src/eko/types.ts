// The Eko client's options, inputs and results, and its timeout and retry defaults.
import type { DocumentType, SessionStatus } from '@digilocker-kyc/shared';
import type { Dispatcher } from 'undici';
import type { VerifiedDocument } from './identity.js';
import type { EkoStatusData } from './schemas.js';

/** undici's defaults are minutes (connect 10 s, headers and body 300 s); a KYC click is not. */
export const DEFAULT_EKO_TIMEOUTS = {
  connectMs: 3_000,
  headersMs: 8_000,
  bodyMs: 5_000,
  /** Covers every attempt of one call, retries and backoff included. */
  deadlineMs: 10_000,
} as const;
export type EkoTimeouts = { [K in keyof typeof DEFAULT_EKO_TIMEOUTS]: number };

export const DEFAULT_EKO_RETRY = { attempts: 3, baseDelayMs: 200, maxDelayMs: 2_000 } as const;
export type EkoRetry = { [K in keyof typeof DEFAULT_EKO_RETRY]: number };

export interface EkoClientOptions {
  /** Eko's base including the version, e.g. `https://staging.eko.in/ekoapi/v3`. */
  baseUrl: string;
  developerKey: string;
  accessKey: string;
  /** The API user's registered mobile number. */
  initiatorId: string;
  /** The retailer/agent code sent when a call does not name its own. */
  userCode: string;
  /** An undici dispatcher to send through instead of node:http: a `MockAgent` in tests, or your own `Pool`. */
  dispatcher?: Dispatcher;
  /**
   * Call Eko through this fetch. The default outside Node (Bun, Deno, Workers) is the runtime's
   * global `fetch`; on Node, node:http with kept-alive connections unless this is set.
   */
  fetch?: typeof fetch;
  /** Unix milliseconds; injected so signatures and skew are testable. */
  now?: () => number;
  random?: (size: number) => Uint8Array;
  timeouts?: Partial<EkoTimeouts>;
  retry?: Partial<EkoRetry>;
  /**
   * Eko's two doc generations disagree on Get Document: `post` (current eps.eko.in, JSON body)
   * or `get` (older docs, `/document/{type}` with query parameters).
   */
  documentCall?: 'post' | 'get';
  /** Called with (Eko's Date header − our clock) in ms after each reply that carries a Date. */
  onClockSkew?: (skewMs: number) => void;
}

export interface CreateUrlInput {
  redirectUrl: string;
  documents?: readonly DocumentType[];
  clientRefId?: string;
  userCode?: string;
}
export interface CreatedUrl {
  referenceId: string;
  url: string;
  documents: DocumentType[];
  redirectUrl: string;
  clientRefId: string;
  verificationId?: string;
}
export interface VerificationStatus {
  referenceId: string;
  status: SessionStatus;
  verificationId?: string;
  /** Eko's data as sent (personal data included): for the merchant's backend, never the browser. */
  data: EkoStatusData | undefined;
}
export interface DocumentResult {
  referenceId: string;
  documents: VerifiedDocument[];
}

export interface EkoClient {
  createDigilockerUrl(input: CreateUrlInput): Promise<CreatedUrl>;
  getVerificationStatus(input: { referenceId: string }): Promise<VerificationStatus>;
  getDocument(input: {
    referenceId: string;
    verificationId?: string;
    documents?: readonly DocumentType[];
  }): Promise<DocumentResult>;
  /**
   * The clock skew against Eko in ms (positive: Eko is ahead): the median over the last five
   * replies of the past ten minutes, undefined while fewer than three are known.
   */
  readonly clockSkewMs: number | undefined;
  close(): Promise<void>;
}
