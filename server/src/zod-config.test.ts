// The library writes its messages in English without touching zod's global configuration,
// which zod keeps on globalThis and shares with the merchant's own schemas.
import request from 'supertest';
import { describe, expect, it } from 'vitest';

describe("zod's global configuration", () => {
  it('is the same after importing the library, creating an app and reporting bad input', async () => {
    const z = await import('zod/mini');
    const before = { ...z.config() };
    const { loadConfig } = await import('./standalone.js');
    const { PAGE_ORIGIN, testApp } = await import('../test/helpers.js');
    const t = testApp();
    const res = await request(t.app)
      .post('/kyc/sessions')
      .set('Origin', PAGE_ORIGIN)
      .set('X-DigiLocker-KYC', '1')
      .send({ documents: ['PASSPORT'] });
    // The messages people read are still English sentences naming what was expected.
    expect(res.body.error.message).toMatch(
      /^Invalid request body\. documents\.0: Invalid option: expected one of/,
    );
    expect(() => loadConfig({ EKO_ENV: 'staging' })).toThrow(
      /^EKO_ENV is invalid: Invalid option: expected one of/,
    );
    expect(z.config()).toEqual(before);
    expect(z.config().localeError).toBeUndefined();
    // And a merchant's own schema still gets zod's default, unconfigured message.
    expect(z.string().safeParse(1).error?.issues[0]?.message).toBe('Invalid input');
  });
});
