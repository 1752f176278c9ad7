// The hand-written guards against the zod schemas: same verdict on every example, so the widget
// (which uses the guards) and the server (which uses the schemas) accept the same JSON.
import { describe, expect, it } from 'vitest';
import {
  createSessionResponseSchema,
  errorBodySchema,
  returnMessageSchema,
  sessionStatusResponseSchema,
} from '../schemas.js';
import { isCreateSessionResponse, isSessionStatusResponse, readErrorBody } from './guards.js';
import { isReturnMessage, returnMessage } from './return-message.js';

const STATE = 'StAtE_0123456789abcdefXYZ';

const created = (): Record<string, unknown> => ({
  reference_id: '7483920',
  url: 'https://digilocker.example/consent?ref=7483920',
  documents: ['AADHAAR'],
  state: STATE,
  session_token: 'tok.en.signed',
  expires_at: '2030-01-01T00:10:00.000Z',
});
const status = (value: string): Record<string, unknown> => ({
  reference_id: '7483920',
  status: value,
  documents: ['AADHAAR'],
});
const errorBody = (code: string, retryable: boolean) => ({
  error: { code, message: `Server says ${code}`, retryable, request_id: 'req-1' },
});
const RECEIPT = `1767225600.${'R'.repeat(43)}`;
const message = (state = STATE, extra: Record<string, unknown> = {}) => ({
  v: 1,
  type: 'dlkyc:result',
  state,
  receipt: RECEIPT,
  verification_id: 'ver-1',
  ...extra,
});
const without = (value: Record<string, unknown>, key: string) => {
  const copy = { ...value };
  delete copy[key];
  return copy;
};

type Example = [name: string, value: unknown];

function agree(
  guard: (value: unknown) => boolean,
  schema: { safeParse(v: unknown): { success: boolean } },
  examples: Example[],
) {
  it.each(examples)('agrees with zod on %s', (_name, value) => {
    expect(guard(value)).toBe(schema.safeParse(value).success);
  });
}

describe('isCreateSessionResponse ~ createSessionResponseSchema', () => {
  const ok = created();
  agree(isCreateSessionResponse, createSessionResponseSchema, [
    ['a valid reply', ok],
    ['a valid reply with an extra field', { ...ok, extra: true }],
    ['two documents', { ...ok, documents: ['AADHAAR', 'PAN'] }],
    ['null', null],
    ['an array', [ok]],
    ['a missing url', without(ok, 'url')],
    ['an empty url', { ...ok, url: '' }],
    ['a 4096-character url', { ...ok, url: `https://${'a'.repeat(4088)}` }],
    ['a 4097-character url', { ...ok, url: `https://${'a'.repeat(4089)}` }],
    ['a numeric reference_id', { ...ok, reference_id: 7483920 }],
    ['a reference_id with a slash', { ...ok, reference_id: '12/34' }],
    ['a short state', { ...ok, state: 'abc' }],
    ['a 65-character state', { ...ok, state: 'a'.repeat(65) }],
    ['an unknown document', { ...ok, documents: ['VOTER_ID'] }],
    ['no documents', { ...ok, documents: [] }],
    ['a repeated document', { ...ok, documents: ['AADHAAR', 'AADHAAR'] }],
    ['all three documents', { ...ok, documents: ['AADHAAR', 'PAN', 'DRIVING_LICENSE'] }],
    ['four documents', { ...ok, documents: ['AADHAAR', 'PAN', 'DRIVING_LICENSE', 'PAN'] }],
    ['an empty session_token', { ...ok, session_token: '' }],
    ['a 2049-character session_token', { ...ok, session_token: 't'.repeat(2049) }],
    ['a missing expires_at', without(ok, 'expires_at')],
    ['a redirect_url tagging along (older servers sent one)', { ...ok, redirect_url: 'x' }],
  ]);
});

describe('isSessionStatusResponse ~ sessionStatusResponseSchema', () => {
  agree(isSessionStatusResponse, sessionStatusResponseSchema, [
    ['pending', status('pending')],
    ['consented', status('consented')],
    ['consented with a completion token', { ...status('consented'), completion_token: 'c.t.s' }],
    ['an empty completion token', { ...status('consented'), completion_token: '' }],
    ['a numeric completion token', { ...status('consented'), completion_token: 5 }],
    [
      'a 2049-character completion token',
      { ...status('consented'), completion_token: 'c'.repeat(2049) },
    ],
    ['denied', status('denied')],
    ['expired', status('expired')],
    ['an unknown status', status('done')],
    ['no documents', without(status('pending'), 'documents')],
    ['personal data tagging along', { ...status('consented'), name: 'A' }],
    ['a string', 'consented'],
  ]);
});

describe('isReturnMessage ~ returnMessageSchema', () => {
  agree(isReturnMessage, returnMessageSchema, [
    ['a message', message()],
    ['a message without verification_id', without(message(), 'verification_id')],
    ['a message without a receipt (the state alone proves nothing)', without(message(), 'receipt')],
    ['a receipt without its time', message(STATE, { receipt: 'R'.repeat(43) })],
    ['a receipt with a short MAC', message(STATE, { receipt: `1.${'R'.repeat(42)}` })],
    ['a receipt with a + in its MAC', message(STATE, { receipt: `1.${'R'.repeat(42)}+` })],
    ['a 13-digit receipt time', message(STATE, { receipt: `${'1'.repeat(13)}.${'R'.repeat(43)}` })],
    ['an empty verification_id', message(STATE, { verification_id: '' })],
    ['a 128-character verification_id', message(STATE, { verification_id: 'x'.repeat(128) })],
    ['a 129-character verification_id', message(STATE, { verification_id: 'x'.repeat(129) })],
    ['a numeric verification_id', message(STATE, { verification_id: 5 })],
    ['an extra field', message(STATE, { reference_id: '1' })],
    ['v: "1"', { ...message(), v: '1' }],
    ['another type', { ...message(), type: 'dlkyc:other' }],
    ['a bad state', message('bad state with spaces!')],
    ['the empty string', ''],
    ['an empty object', {}],
    ['null', null],
  ]);

  it('returnMessage() builds what both accept, dropping an oversized verification_id', () => {
    for (const built of [
      returnMessage(STATE, RECEIPT, 'v-1'),
      returnMessage(STATE, RECEIPT, 'x'.repeat(129)),
    ]) {
      expect(isReturnMessage(built)).toBe(true);
      expect(returnMessageSchema.safeParse(built).success).toBe(true);
    }
    expect(returnMessage(STATE, RECEIPT, 'x'.repeat(129))).toEqual({
      v: 1,
      type: 'dlkyc:result',
      state: STATE,
      receipt: RECEIPT,
    });
    expect(returnMessage(STATE, RECEIPT, null)).not.toHaveProperty('verification_id');
  });
});

describe('readErrorBody ~ errorBodySchema', () => {
  agree((value) => readErrorBody(value) !== null, errorBodySchema, [
    ['an error body', errorBody('rate_limited', true)],
    ['another code of the table', errorBody('upstream_timeout', true)],
    ['a missing request_id', { error: { code: 'forbidden', message: 'm', retryable: false } }],
    [
      'retryable as a string',
      { error: { ...errorBody('forbidden', false).error, retryable: 'no' } },
    ],
    ['a bare string', 'Bad Gateway'],
    ['an HTML page in JSON', { html: '<h1>502</h1>' }],
  ]);

  it('differs on purpose for a code newer than the table: passed through, not dropped', () => {
    const body = errorBody('brand_new_code', true);
    expect(errorBodySchema.safeParse(body).success).toBe(false);
    expect(readErrorBody(body)).toEqual({
      code: 'brand_new_code',
      message: 'Server says brand_new_code',
      retryable: true,
      request_id: 'req-1',
    });
    expect(readErrorBody(errorBody('Not A Code', true))).toBeNull();
  });
});
