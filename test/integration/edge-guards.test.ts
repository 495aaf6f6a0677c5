import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CAPTCHA_LIMIT_PER_MINUTE } from '../../functions/lib/auth/captcha';
import { ENV } from '../../functions/lib/env-names';
import { ORIGIN_VERIFY_HEADER } from '../../functions/lib/http/origin-verify';
import { VIEWER_ADDRESS_HEADER } from '../../functions/lib/http/viewer-address';
import { ctx, httpEvent } from '../support/events';
import { startTestStack, type TestStack } from '../support/stack';

/**
 * What stands before the functions, as the local gateway plays CloudFront: the origin secret, the viewer
 * address, and the per-address limit on issuing captchas (an unauthenticated write).
 */
describe('the edge: origin secret, viewer address, captcha issuance', () => {
  let t: TestStack;
  beforeAll(async () => {
    t = await startTestStack();
    // The limit counts per clock minute: start early in one so all requests fall into the same window.
    const second = new Date().getUTCSeconds();
    if (second > 45) await new Promise((r) => setTimeout(r, (61 - second) * 1000));
  });
  afterAll(async () => t?.stop());

  const fetchCaptcha = (headers: Record<string, string> = {}) => fetch(`${t.url}/api/auth/captcha`, { headers });

  it('refuses the 31st captcha in a minute from one address with 429 and a Chinese message', async () => {
    for (let i = 0; i < CAPTCHA_LIMIT_PER_MINUTE; i++) expect((await fetchCaptcha()).status).toBe(200);
    const refused = await fetchCaptcha();
    expect(refused.status).toBe(429);
    expect(await refused.json()).toMatchObject({ error: { message: '获取验证码过于频繁，请稍后再试' } });
  });

  it('counts by the connection, whatever address the caller claims in the header', async () => {
    // The gateway, like CloudFront, overwrites the header: a forged fresh address does not reset the count.
    const forged = await fetchCaptcha({ [VIEWER_ADDRESS_HEADER]: '198.51.100.77' });
    expect(forged.status).toBe(429);
  });

  it('refuses a call that bypasses the gateway (no origin secret), as the functions do behind CloudFront', async () => {
    // Loaded after the stack set the environment (its clients are made at module load), as the gateway did.
    const { handler: platformHandler } = await import('../../functions/platform/handler');
    const direct = (headers: Record<string, string>) =>
      platformHandler(httpEvent({ path: '/api/health', headers }), ctx()) as Promise<{ statusCode: number }>;
    expect((await direct({})).statusCode).toBe(403);
    expect((await direct({ [ORIGIN_VERIFY_HEADER]: 'guess' })).statusCode).toBe(403);
    expect((await direct({ [ORIGIN_VERIFY_HEADER]: process.env[ENV.originSecret]! })).statusCode).toBe(200);
    // Through the gateway, which adds it.
    expect((await fetch(`${t.url}/api/health`)).status).toBe(200);
  });
});
