// The standalone app around the core: probes, the static site (STATIC_DIR) and 404s off the API.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import { type TestApp, testApp } from '../../test/helpers.js';

let t: TestApp;
afterEach(async () => {
  await t.close();
  await t.agent.close();
});

function site(): string {
  const dir = mkdtempSync(join(tmpdir(), 'dlkyc-site-'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>demo</title>');
  writeFileSync(join(dir, 'page.js'), 'export {};');
  writeFileSync(join(dir, '.env'), 'SECRET=1');
  return dir;
}

describe('the standalone app', () => {
  it('answers the probes with helmet headers, GET and HEAD, in any case', async () => {
    t = testApp();
    const live = await request(t.app).get('/livez');
    expect(live.status).toBe(200);
    expect(live.body).toEqual({ status: 'ok' });
    expect(live.headers['x-content-type-options']).toBe('nosniff');
    expect(live.headers['cache-control']).toBe('no-store');
    expect((await request(t.app).head('/READYZ/')).status).toBe(200);
    expect((await request(t.app).post('/livez')).status).toBe(404);
  });

  it('serves the static site with the site headers (no CSP, no COOP), never dotfiles', async () => {
    t = testApp({ STATIC_DIR: site() });
    const index = await request(t.app).get('/');
    expect(index.status).toBe(200);
    expect(index.text).toContain('<title>demo</title>');
    expect(index.headers['content-security-policy']).toBeUndefined();
    expect(index.headers['cross-origin-opener-policy']).toBeUndefined();
    expect(index.headers['x-content-type-options']).toBe('nosniff');
    const script = await request(t.app).get('/page.js');
    expect(script.headers['content-type']).toMatch(/^text\/javascript/);
    expect(script.headers.etag).toBeTruthy();
    const dotfile = await request(t.app).get('/.env');
    expect(dotfile.status).toBe(404);
    expect(dotfile.text).not.toContain('SECRET');
  });

  it('answers anything else with the JSON 404, and /kyc paths with the core’s', async () => {
    t = testApp({ STATIC_DIR: site() });
    const missing = await request(t.app).get('/missing?x=1');
    expect(missing.status).toBe(404);
    expect(missing.body.error).toMatchObject({
      code: 'not_found',
      message: 'No route for GET /missing.',
    });
    expect(missing.headers['content-security-policy']).toMatch(/default-src 'self'/);
    // Off the API too, the body comes from the one error reply: with the request's id.
    expect(missing.body.error.request_id).toMatch(/^[0-9a-f-]{36}$/);
    expect(missing.body.error.request_id).toBe(missing.headers['x-request-id']);
    const traced = await request(t.app).get('/missing').set('X-Request-Id', 'trace-42');
    expect(traced.body.error.request_id).toBe('trace-42');
    const api = await request(t.app).get('/kyc/nothing');
    expect(api.status).toBe(404);
    expect(api.body.error.message).toBe('No route for GET /kyc/nothing.');
    expect(api.body.error.request_id).toBe(api.headers['x-request-id']);
    // The mount is a path prefix, not a string prefix.
    expect((await request(t.app).get('/kycx')).body.error.message).toBe('No route for GET /kycx.');
  });
});
