// The hand-written guards against shared's zod schemas: same verdict on every example.
import * as shared from '@digilocker-kyc/shared';
import { expect } from '@open-wc/testing';
import { errorReply, isCreatedSession, isReturnMessage, isSessionStatusReply } from './guards.js';
import * as protocol from './protocol.js';
import { created, errorBody, returnMessage, STATE, status } from './test-helpers.js';

type Example = [name: string, value: unknown];

function agree(
  guard: (value: unknown) => boolean,
  schema: { safeParse(v: unknown): { success: boolean } },
  examples: Example[],
) {
  for (const [name, value] of examples) {
    it(`agrees with zod on ${name}`, () => {
      const expected = schema.safeParse(value).success;
      expect(guard(value), `zod says ${expected}`).to.equal(expected);
    });
  }
}

const without = (value: Record<string, unknown>, key: string) => {
  const copy = { ...value };
  delete copy[key];
  return copy;
};

describe('guards', () => {
  describe('isCreatedSession ~ createSessionResponseSchema', () => {
    const ok = created();
    agree(isCreatedSession, shared.createSessionResponseSchema, [
      ['a valid reply', ok],
      ['a valid reply with an extra field', { ...ok, extra: true }],
      ['two documents', { ...ok, documents: ['AADHAAR', 'PAN'] }],
      ['null', null],
      ['an array', [ok]],
      ['a missing url', without(ok, 'url')],
      ['an empty url', { ...ok, url: '' }],
      ['a 4097-character url', { ...ok, url: `https://${'a'.repeat(4089)}` }],
      ['a numeric reference_id', { ...ok, reference_id: 7483920 }],
      ['a reference_id with a slash', { ...ok, reference_id: '12/34' }],
      ['a short state', { ...ok, state: 'abc' }],
      ['a 65-character state', { ...ok, state: 'a'.repeat(65) }],
      ['an unknown document', { ...ok, documents: ['VOTER_ID'] }],
      ['no documents', { ...ok, documents: [] }],
      ['a repeated document', { ...ok, documents: ['AADHAAR', 'AADHAAR'] }],
      ['an empty session_token', { ...ok, session_token: '' }],
      ['a missing expires_at', without(ok, 'expires_at')],
      ['a missing redirect_url', without(ok, 'redirect_url')],
    ]);
  });

  describe('isSessionStatusReply ~ sessionStatusResponseSchema', () => {
    agree(isSessionStatusReply, shared.sessionStatusResponseSchema, [
      ['pending', status('pending')],
      ['consented', status('consented')],
      ['denied', status('denied')],
      ['expired', status('expired')],
      ['an unknown status', { ...status('pending'), status: 'done' }],
      ['no documents', without(status('pending'), 'documents')],
      ['personal data tagging along', { ...status('consented'), name: 'A' }],
      ['a string', 'consented'],
    ]);
  });

  describe('isReturnMessage ~ returnMessageSchema', () => {
    agree(isReturnMessage, shared.returnMessageSchema, [
      ['a message', returnMessage()],
      ['a message without verification_id', { v: 1, type: 'dlkyc:result', state: STATE }],
      ['an empty verification_id', returnMessage(STATE, { verification_id: '' })],
      [
        'a 128-character verification_id',
        returnMessage(STATE, { verification_id: 'x'.repeat(128) }),
      ],
      [
        'a 129-character verification_id',
        returnMessage(STATE, { verification_id: 'x'.repeat(129) }),
      ],
      ['a numeric verification_id', returnMessage(STATE, { verification_id: 5 })],
      ['an extra field', returnMessage(STATE, { reference_id: '1' })],
      ['v: "1"', { ...returnMessage(), v: '1' }],
      ['another type', { ...returnMessage(), type: 'dlkyc:other' }],
      ['a bad state', returnMessage('bad state with spaces!')],
      ['the empty string', ''],
      ['an empty object', {}],
      ['null', null],
    ]);
  });

  describe('errorReply ~ errorBodySchema', () => {
    agree((value) => errorReply(value) !== null, shared.errorBodySchema, [
      ['an error body', errorBody('rate_limited', true)],
      ['every code in the table', errorBody('upstream_timeout', true)],
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
      expect(shared.errorBodySchema.safeParse(body).success).to.equal(false);
      expect(errorReply(body)).to.deep.equal({
        code: 'brand_new_code',
        message: 'Server says brand_new_code',
        retryable: true,
      });
      expect(errorReply(errorBody('Not A Code', true))).to.equal(null);
    });
  });

  it('protocol constants equal the ones in shared', () => {
    expect(protocol.CSRF_HEADER).to.equal(shared.CSRF_HEADER);
    expect(protocol.CSRF_HEADER_VALUE).to.equal(shared.CSRF_HEADER_VALUE);
    expect(String(protocol.STATE_PATTERN)).to.equal(String(shared.STATE_PATTERN));
    expect(String(protocol.REFERENCE_ID_PATTERN)).to.equal(String(shared.REFERENCE_ID_PATTERN));
    expect(protocol.STATE_QUERY_PARAM).to.equal(shared.STATE_QUERY_PARAM);
    expect(protocol.RETURN_CHANNEL_PREFIX).to.equal(shared.RETURN_CHANNEL_PREFIX);
    expect(protocol.RETURN_STORAGE_PREFIX).to.equal(shared.RETURN_STORAGE_PREFIX);
  });
});
