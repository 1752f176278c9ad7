import { describe, expect, it } from 'vitest';
import { KycError } from './kyc-error.js';
import { ERROR_CODES, ERROR_DESCRIPTIONS, isKycErrorCode } from './protocol/error-codes.js';
import {
  createSessionRequestSchema,
  errorBodySchema,
  returnMessageSchema,
  sessionStatusResponseSchema,
} from './schemas.js';

describe('createSessionRequestSchema', () => {
  it('accepts an empty body and a full one', () => {
    expect(createSessionRequestSchema.safeParse({}).success).toBe(true);
    expect(
      createSessionRequestSchema.safeParse({
        documents: ['AADHAAR', 'PAN'],
        redirect_url: 'https://shop.example/kyc/return',
        client_ref_id: 'order-1234',
        user_code: '20810200',
      }).success,
    ).toBe(true);
  });

  it.each([
    ['an unknown field', { documents: ['AADHAAR'], admin: true }],
    ['an unknown document', { documents: ['PASSPORT'] }],
    ['a repeated document', { documents: ['AADHAAR', 'AADHAAR'] }],
    ['no documents at all', { documents: [] }],
    ['a 21-character client_ref_id', { client_ref_id: 'a'.repeat(21) }],
    ['a client_ref_id with a space', { client_ref_id: 'order 1' }],
    ['a non-string redirect_url', { redirect_url: 42 }],
  ])('refuses %s', (_name, body) => {
    expect(createSessionRequestSchema.safeParse(body).success).toBe(false);
  });
});

describe('sessionStatusResponseSchema', () => {
  it('accepts only the four statuses', () => {
    const base = { reference_id: '1', documents: ['AADHAAR'] };
    expect(sessionStatusResponseSchema.safeParse({ ...base, status: 'consented' }).success).toBe(
      true,
    );
    expect(sessionStatusResponseSchema.safeParse({ ...base, status: 'SUCCESS' }).success).toBe(
      false,
    );
  });
});

describe('returnMessageSchema', () => {
  const state = 'A'.repeat(22);
  const receipt = `1767225600.${'R'.repeat(43)}`;
  it('accepts a well-formed result', () => {
    expect(
      returnMessageSchema.safeParse({
        v: 1,
        type: 'dlkyc:result',
        state,
        receipt,
        verification_id: 'v1',
      }).success,
    ).toBe(true);
  });
  it.each([
    ['empty string', ''],
    ['empty object', {}],
    ['no receipt', { v: 1, type: 'dlkyc:result', state }],
    ['another type', { v: 1, type: 'other', state }],
    ['a short state', { v: 1, type: 'dlkyc:result', state: 'abc' }],
    ['an extra field', { v: 1, type: 'dlkyc:result', state, name: 'Rahul' }],
    ['version 2', { v: 2, type: 'dlkyc:result', state }],
  ])('refuses %s', (_name, message) => {
    expect(returnMessageSchema.safeParse(message).success).toBe(false);
  });
});

describe('error table', () => {
  it('gives every code a description and a client- or HTTP-error status', () => {
    for (const [code, { status }] of Object.entries(ERROR_CODES)) {
      expect(isKycErrorCode(code)).toBe(true);
      expect(ERROR_DESCRIPTIONS[code as keyof typeof ERROR_CODES]).toMatch(/^[A-Z]/);
      expect(status === 0 || (status >= 400 && status < 600)).toBe(true);
    }
    expect(isKycErrorCode('toString')).toBe(false);
  });

  it('KycError takes its status and retryable flag from the table', () => {
    const error = new KycError('upstream_timeout', 'Eko did not answer within 10000 ms.');
    expect(error).toMatchObject({ status: 504, retryable: true, code: 'upstream_timeout' });
    expect(new KycError('upstream_timeout', 'x', { retryable: false }).retryable).toBe(false);
    expect(error.toJSON()).toEqual({
      code: 'upstream_timeout',
      message: 'Eko did not answer within 10000 ms.',
      retryable: true,
    });
  });

  it('errorBodySchema refuses an unknown code', () => {
    const error = { message: 'x', retryable: false, request_id: 'r' };
    expect(errorBodySchema.safeParse({ error: { ...error, code: 'not_found' } }).success).toBe(
      true,
    );
    expect(errorBodySchema.safeParse({ error: { ...error, code: 'oops' } }).success).toBe(false);
  });
});
