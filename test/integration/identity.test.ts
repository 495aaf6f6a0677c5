import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAuditLogs } from '../../functions/audit/logs';
import { NO_CATEGORY, WRONG_CREDENTIALS } from '../../functions/identity/sign-in';
import { totpAt } from '../../functions/identity/totp';
import { AUDIT_SHARDS, verifyChains } from '../../functions/lib/audit';
import { resolveAccessToken, rotateRefreshToken } from '../../functions/lib/auth/sessions';
import { sha256 } from '../../functions/lib/auth/tokens';
import { type SeedSummary } from '../../functions/local/seed';
import { type LocalStack } from '../../functions/local/stack';
import { type Store } from '../../functions/store';
import { ApiClient, fromAddress } from '../support/api-client';
import { startTestStack } from '../support/stack';

// The wording (with the support number) is decided in one place: shared/support.ts via functions/identity/sign-in.ts.
const WRONG = WRONG_CREDENTIALS;

/** Signing in through the local gateway, as the browser does: cookies, CSRF header, stages. */
describe('identity through the local gateway', () => {
  let stack: LocalStack;
  let store: Store;
  let seeded: SeedSummary;
  let ip = 0;
  /** Each client comes from its own address, so the per-address rate limit doesn't couple the tests. */
  const client = () => new ApiClient(stack.url, {}, fromAddress(++ip));
  const regulator = (role: string, category?: string) =>
    seeded.regulators.find((r) => r.roles.includes(role) && (!category || r.categories.includes(category)))!;

  beforeAll(async () => {
    ({ stack, store, seeded } = await startTestStack({ seedEnterprises: 6 }));
  }, 120_000);
  afterAll(async () => stack?.stop());

  it('forces a change of the initial password, enforces the policy, then opens the session', async () => {
    const c = client();
    const who = regulator('inspector', 'explosives');
    const first = await c.post('/api/auth/login', {
      category: 'explosives',
      login: who.mobile,
      password: who.mobile.slice(-6),
    });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      stage: 'password-change',
      passwordChangeReason: 'initial',
      account: { login: who.mobile, category: 'explosives' },
    });
    expect(first.headers.getSetCookie().join('\n')).toMatch(/hz_at=.*HttpOnly/);

    for (const [bad, message] of [
      ['Ab1!', '新密码至少 8 位'],
      ['abcdefgh1', '新密码须包含大写字母、小写字母、数字、符号中的至少三类'],
      [`Aa1${who.mobile}`, '新密码不能包含账号'],
    ]) {
      const r = await c.post('/api/auth/password', { currentPassword: who.mobile.slice(-6), newPassword: bad });
      expect(r.status).toBe(400);
      expect(r.body.error.details).toEqual([{ path: 'body.newPassword', message }]);
    }
    const wrongCurrent = await c.post('/api/auth/password', { currentPassword: '999999', newPassword: 'Minbao#2026' });
    expect(wrongCurrent.body.error.details).toEqual([{ path: 'body.currentPassword', message: '原密码不正确' }]);

    const changed = await c.post('/api/auth/password', {
      currentPassword: who.mobile.slice(-6),
      newPassword: 'Minbao#2026',
    });
    expect(changed.status).toBe(200);
    expect(changed.body.stage).toBe('active');

    // The initial password worked once: now it is refused with the generic message.
    const again = await client().post('/api/auth/login', {
      category: 'explosives',
      login: who.mobile,
      password: who.mobile.slice(-6),
    });
    expect(again.status).toBe(401);
    expect(again.body.error.message).toBe(WRONG);
    const next = await client().post('/api/auth/login', {
      category: 'explosives',
      login: who.mobile,
      password: 'Minbao#2026',
    });
    expect(next.body.stage).toBe('active');
  });

  it('answers an unknown account and a wrong password with the same message', async () => {
    const unknown = await client().post('/api/auth/login', {
      category: 'explosives',
      login: '13999999999',
      password: 'whatever1',
    });
    const wrong = await client().post('/api/auth/login', {
      category: 'explosives',
      login: regulator('reviewer', 'explosives').mobile,
      password: 'whatever1',
    });
    expect([unknown.status, wrong.status]).toEqual([401, 401]);
    expect(unknown.body.error.message).toBe(WRONG);
    expect(wrong.body.error.message).toBe(WRONG);
  });

  it('refuses a category the account is not configured for, with the seed’s message, and opens no session', async () => {
    const c = client();
    const who = regulator('inspector', 'hazchem');
    const r = await c.post('/api/auth/login', {
      category: 'firearms',
      login: who.mobile,
      password: who.mobile.slice(-6),
    });
    expect(r.status).toBe(403);
    expect(r.body.error.message).toBe(NO_CATEGORY);
    expect(r.body.error.message).toContain('客服电话：0591-87859196');
    expect(c.cookies.has('hz_at')).toBe(false);
  });

  it('locks a login for 30 minutes after 5 failures, even against the right password', async () => {
    const who = regulator('reviewer', 'fireworks');
    const statuses = [];
    for (let i = 0; i < 5; i++)
      statuses.push(
        (await client().post('/api/auth/login', { category: 'fireworks', login: who.mobile, password: 'Wrong#123' }))
          .status,
      );
    expect(statuses).toEqual([401, 401, 401, 401, 423]);
    const right = await client().post('/api/auth/login', {
      category: 'fireworks',
      login: who.mobile,
      password: who.mobile.slice(-6),
    });
    expect(right.status).toBe(423);
    expect(right.body.error.message).toMatch(/账号已锁定，请 30 分钟后再试/);
    // The same happens for a login that does not exist, so the lock reveals nothing.
    for (let i = 0; i < 5; i++)
      await client().post('/api/auth/login', { category: 'fireworks', login: '13811112222', password: 'Wrong#123' });
    expect(
      (await client().post('/api/auth/login', { category: 'fireworks', login: '13811112222', password: 'Wrong#123' }))
        .status,
    ).toBe(423);
  });

  it('limits sign-in attempts per address', async () => {
    const c = new ApiClient(stack.url, {}, fromAddress(200));
    const statuses = [];
    for (let i = 0; i < 32; i++)
      statuses.push(
        (
          await c.post('/api/auth/login', {
            category: 'explosives',
            login: `1380000${String(i).padStart(4, '0')}`,
            password: 'x',
          })
        ).status,
      );
    expect(statuses.slice(0, 30).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(30)).toEqual([429, 429]);
  });

  it('needs the CSRF token for unsafe requests, rotates the refresh token, and logout revokes', async () => {
    const c = client();
    const who = seeded.enterpriseAccounts[0]!;
    await store.captchas
      .create({ captchaId: 'known-1', answerHash: sha256('ABCD'), expiresAt: Math.floor(Date.now() / 1000) + 300 })
      .go();
    const badCaptcha = await c.post('/api/auth/enterprise/login', {
      login: who.login,
      password: who.login.slice(-6),
      captchaId: 'known-1',
      captcha: 'WXYZ',
    });
    expect(badCaptcha.status).toBe(400);
    // A captcha answers once: the right answer no longer works after a wrong one.
    const reused = await c.post('/api/auth/enterprise/login', {
      login: who.login,
      password: who.login.slice(-6),
      captchaId: 'known-1',
      captcha: 'ABCD',
    });
    expect(reused.status).toBe(400);
    await store.captchas
      .create({ captchaId: 'known-2', answerHash: sha256('ABCD'), expiresAt: Math.floor(Date.now() / 1000) + 300 })
      .go();
    const ok = await c.post('/api/auth/enterprise/login', {
      login: who.login.toLowerCase(),
      password: who.login.slice(-6),
      captchaId: 'known-2',
      captcha: 'abcd',
    });
    expect(ok.status).toBe(200);
    expect(ok.body.account).toMatchObject({ kind: 'enterprise', login: who.login });

    const noCsrf = await c.post('/api/auth/logout', undefined, { 'x-csrf-token': 'forged' });
    expect(noCsrf.status).toBe(403);

    const oldRefresh = c.cookies.get('hz_rt')!;
    const refreshed = await c.post('/api/auth/refresh');
    expect(refreshed.status).toBe(200);
    expect(c.cookies.get('hz_rt')).not.toBe(oldRefresh);
    // Within 30 s the rotated token is a parallel tab: answered, but with no tokens to take away.
    const thief = new ApiClient(stack.url);
    thief.cookies.set('hz_rt', oldRefresh);
    const graced = await thief.post('/api/auth/refresh');
    expect(graced.headers.getSetCookie()).toEqual([]);
    expect(thief.cookies.has('hz_at')).toBe(false);
    // Replaying it later means it was copied: the whole session is revoked.
    expect(await rotateRefreshToken(store, decodeURIComponent(oldRefresh), Date.now() + 31_000)).toEqual({
      failure: 'reused',
    });
    expect((await c.get('/api/auth/session')).status).toBe(401);
  });

  it('ends a session on logout and after 30 idle minutes', async () => {
    const c = client();
    const who = regulator('inspector', 'radioactive');
    await c.post('/api/auth/login', { category: 'radioactive', login: who.mobile, password: who.mobile.slice(-6) });
    const token = decodeURIComponent(c.cookies.get('hz_at')!);
    expect('session' in (await resolveAccessToken(store, token))).toBe(true);
    expect(await resolveAccessToken(store, token, Date.now() + 31 * 60_000)).toEqual({ failure: 'idle' });
    expect((await c.post('/api/auth/logout')).status).toBe(200);
    expect(await resolveAccessToken(store, token)).toEqual({ failure: 'revoked' });
    expect((await c.get('/api/auth/session')).status).toBe(401);
  });

  it('requires an admin to enrol TOTP, then asks for a code at every login', async () => {
    const who = regulator('sys-admin');
    const c = client();
    await c.post('/api/auth/login', { category: 'hazchem', login: who.mobile, password: who.mobile.slice(-6) });
    const changed = await c.post('/api/auth/password', {
      currentPassword: who.mobile.slice(-6),
      newPassword: 'Admin#2026x',
    });
    expect(changed.body.stage).toBe('totp-enrolment');
    const enrol = await c.post('/api/auth/totp/enrolment');
    expect(enrol.body.otpauthUri).toMatch(/^otpauth:\/\/totp\//);
    const wrong = await c.post('/api/auth/totp/enrolment/confirm', { code: '000000' });
    expect(wrong.status).toBe(400);
    const confirmed = await c.post('/api/auth/totp/enrolment/confirm', { code: totpAt(enrol.body.secret, Date.now()) });
    expect(confirmed.body).toMatchObject({ stage: 'active', account: { totpEnrolled: true } });

    const later = client();
    const step = await later.post('/api/auth/login', {
      category: 'hazchem',
      login: who.mobile,
      password: 'Admin#2026x',
    });
    expect(step.body.stage).toBe('totp');
    // Not yet active: no way into anything but finishing the step.
    const reused = await later.post('/api/auth/totp/verify', { code: totpAt(enrol.body.secret, Date.now()) });
    expect(reused.status).toBe(400);
    const verified = await later.post('/api/auth/totp/verify', {
      code: totpAt(enrol.body.secret, Date.now() + 30_000),
    });
    expect(verified.body.stage).toBe('active');
  });

  it('records every sign-in attempt and step in the audit trail, chained and intact', async () => {
    const locked = regulator('reviewer', 'fireworks');
    const page = await listAuditLogs(store, { login: locked.mobile, action: 'auth.login', limit: 100 } as never);
    const outcomes = page.items.map((i) => [i.outcome, i.reason]);
    expect(outcomes.filter(([o]) => o === 'failure').length).toBe(5);
    expect(outcomes).toContainEqual(['denied', '账号已锁定']);
    const inspector = regulator('inspector', 'explosives');
    const own = await listAuditLogs(store, { login: inspector.mobile, limit: 100 } as never);
    const actions = own.items.map((i) => `${i.action}:${i.outcome}`);
    expect(actions).toEqual(
      expect.arrayContaining(['auth.login:success', 'auth.password.change:success', 'auth.password.change:failure']),
    );
    expect(own.items.every((i) => /^127\.0\.\d+\.\d+$/.test(i.sourceIp))).toBe(true);
    const chains = await verifyChains(
      store,
      Array.from({ length: AUDIT_SHARDS }, (_, i) => i),
    );
    expect(chains.every((c) => c.ok)).toBe(true);
    expect(chains.reduce((n, c) => n + c.records, 0)).toBeGreaterThan(20);
  });
});
