// resolveSubject: the merchant binds an attempt to its logged-in user, checked on completion.
import request from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import {
  CREATE_PATH,
  createReply,
  EKO_ORIGIN,
  JSON_HEADERS,
  PAGE_ORIGIN,
  SESSION_SECRET,
  type TestApp,
  testApp,
  upstreamCalls,
} from '../../test/helpers.js';
import { verifySessionToken } from './session-token.js';

let t: TestApp;
afterEach(async () => {
  await t.close();
  await t.agent.close();
});

const post = (user?: string) => {
  const req = request(t.app)
    .post('/kyc/sessions')
    .set('Origin', PAGE_ORIGIN)
    .set('X-DigiLocker-KYC', '1')
    .set('Content-Type', 'application/json');
  return (user ? req.set('X-Test-User', user) : req).send('{}');
};

describe('resolveSubject', () => {
  it("carries the merchant's user in the token; verify refuses it for another user", async () => {
    t = testApp({}, { hooks: { resolveSubject: (req) => req.get('x-test-user') } });
    t.agent
      .get(EKO_ORIGIN)
      .intercept({ path: CREATE_PATH, method: 'POST' })
      .reply(200, createReply(), JSON_HEADERS);
    const res = await post('user-42');
    expect(res.status).toBe(201);
    const verify = (subject?: string) =>
      verifySessionToken(res.body.session_token, {
        secrets: [SESSION_SECRET],
        now: t.clock.now,
        referenceId: res.body.reference_id,
        // The create-time token proves no return; its claims are what the completion token carries.
        allowUnreturned: true,
        ...(subject !== undefined ? { subject } : {}),
      });
    expect(verify('user-42').subject).toBe('user-42');
    expect(() => verify('user-7')).toThrow(/another user/);
  });

  it('refuses a subject that is not a short string before calling Eko', async () => {
    t = testApp({}, { hooks: { resolveSubject: () => 'x'.repeat(129) } });
    const res = await post();
    expect(res.status).toBe(500);
    expect(res.body.error.code).toBe('config_error');
    expect(upstreamCalls(t.agent)).toHaveLength(0);
  });
});
