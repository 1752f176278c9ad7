// "Expire this link now": the consent-page button and the control-API call that end a link's time at once.
import { request } from 'undici';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  AGENT,
  call,
  createAttempt,
  getPage,
  type Harness,
  startSandbox,
  submitConsent,
} from '../../test/sandbox-support.js';

let h: Harness;
beforeEach(async () => {
  // The default lifetime (10 minutes), and a clock that never moves: only the control expires it.
  h = await startSandbox();
});
afterEach(() => h.close());

async function statusWord(referenceId: number): Promise<string> {
  const reply = await call(h, '/tools/kyc/digilocker/status', {
    query: { initiator_id: AGENT.initiator_id, reference_id: String(referenceId) },
  });
  return reply.json?.data?.status ?? `business error ${reply.json?.response_status_id}`;
}

async function expireByControl(referenceId: number | string) {
  const response = await request(`${h.running.origin}/__sandbox/attempts/${referenceId}/expire`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{}',
  });
  return {
    status: response.statusCode,
    json: (await response.body.json()) as Record<string, unknown>,
  };
}

describe('expire a consent link now', () => {
  it('the consent page offers the button, marked as a sandbox-only action', async () => {
    const created = await createAttempt(h);
    const page = await getPage(created.url);
    expect(page.text).toMatch(
      /Sandbox only: <button type="submit" name="decision" value="expire"[^>]*>Expire this link now<\/button>/,
    );
  });

  it('the button expires the link at once: 410 page, status EXPIRED, the link refused after', async () => {
    const created = await createAttempt(h);
    expect(await statusWord(created.reference_id)).toBe('business error -1'); // pending
    const expired = await submitConsent(created.url, { decision: 'expire' });
    expect(expired.status).toBe(410);
    expect(expired.text).toContain('This link has expired');
    expect(expired.text).toContain('you expired this link');
    expect(await statusWord(created.reference_id)).toBe('EXPIRED');
    // No time passed on the sandbox clock: the control alone did it.
    const approve = await submitConsent(created.url, { decision: 'approve' });
    expect(approve.status).toBe(410);
    expect(approve.text).toContain('This link has expired');
    expect((await getPage(created.url)).status).toBe(410);
  });

  it('POST /__sandbox/attempts/{id}/expire does the same without a browser', async () => {
    const created = await createAttempt(h);
    const first = await expireByControl(created.reference_id);
    expect(first.status).toBe(200);
    expect(first.json).toMatchObject({ reference_id: created.reference_id, status: 'expired' });
    expect(await statusWord(created.reference_id)).toBe('EXPIRED');
    const again = await expireByControl(created.reference_id);
    expect(again.status).toBe(410);
    expect(again.json.error).toContain('expired');
  });

  it('a decided link cannot be expired; an unknown one is 404', async () => {
    const created = await createAttempt(h);
    expect((await submitConsent(created.url, { decision: 'approve' })).status).toBe(303);
    const decided = await expireByControl(created.reference_id);
    expect(decided.status).toBe(410);
    expect(decided.json.error).toContain('used');
    expect(await statusWord(created.reference_id)).toBe('AUTHENTICATED');
    expect((await expireByControl(1)).status).toBe(404);
  });
});
