import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAuditLogs } from '../../functions/audit/logs';
import { ONE_TIME_PASSWORD_EXPIRED, signIn } from '../../functions/identity/sign-in';
import { createAccounts } from '../../functions/lib/accounts/create';
import { systemActor } from '../../functions/lib/accounts/scope';
import { totpAt } from '../../functions/identity/totp';
import { resolveAccessToken, rotateRefreshToken } from '../../functions/lib/auth/sessions';
import { type SeedSummary } from '../../functions/local/seed';
import { type LocalStack } from '../../functions/local/stack';
import { type Store } from '../../functions/store';
import { ApiClient } from '../support/api-client';
import { startTestStack } from '../support/stack';

/**
 * Issue 9's identity findings, each tried the way the attacker did: parallel guesses, second-factor
 * guessing, sessions that outlive a password change, re-binding 动态口令 from a left-open session.
 */
describe('identity hardening', () => {
  let stack: LocalStack;
  let store: Store;
  let seeded: SeedSummary;
  let ip = 0;
  const client = () => new ApiClient(stack.url, { 'x-viewer-address': `203.0.113.${++ip}` });
  const regulator = (role: string, category?: string) =>
    seeded.regulators.find((r) => r.roles.includes(role) && (!category || r.categories.includes(category)))!;
  const auditOf = async (login: string, action: string) =>
    (await listAuditLogs(store, { login, action, limit: 100 } as never)).items.map((i) => [i.outcome, i.reason]);

  beforeAll(async () => {
    ({ stack, store, seeded } = await startTestStack({ seedEnterprises: 4 }));
  }, 120_000);
  afterAll(async () => stack?.stop());

  it('verifies at most 5 of 30 parallel wrong passwords: each attempt is reserved before the check', async () => {
    const who = regulator('inspector', 'hazchem');
    const results = await Promise.allSettled(
      Array.from({ length: 30 }, (_, i) =>
        signIn(
          store,
          { kind: 'regulator', login: who.mobile, password: `Wrong#${i}x`, category: 'hazchem' },
          { sourceIp: `10.9.0.${i}`, requestId: `race-${i}` },
        ),
      ),
    );
    const statuses = results.map((r) => (r.status === 'rejected' ? (r.reason as { status: number }).status : 200));
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(4);
    expect(statuses.filter((s) => s === 423).length).toBeGreaterThanOrEqual(26);
    const audit = await auditOf(who.mobile, 'auth.login');
    // A "failure" is a password that was checked; "denied" never reached the check.
    expect(audit.filter(([o]) => o === 'failure').length).toBe(5);
    expect(audit.filter(([o]) => o === 'denied').length).toBe(25);
    // And the right password is refused too: the login is locked.
    const right = await client().post('/api/auth/login', {
      category: 'hazchem',
      login: who.mobile,
      password: who.mobile.slice(-6),
    });
    expect(right.status).toBe(423);
  });

  /** An admin signed in with a bound second factor; returns its secret and password. */
  async function adminWithTotp(role: string, password: string) {
    const who = regulator(role);
    const c = client();
    await c.post('/api/auth/login', { category: 'hazchem', login: who.mobile, password: who.mobile.slice(-6) });
    const changed = await c.post('/api/auth/password', {
      currentPassword: who.mobile.slice(-6),
      newPassword: password,
    });
    expect(changed.body.stage).toBe('totp-enrolment');
    const first = await c.post('/api/auth/totp/enrolment');
    // Keep the pending key across a reload: the same secret until confirmed or cancelled.
    const reload = await c.post('/api/auth/totp/enrolment');
    expect(reload.body.secret).toBe(first.body.secret);
    const cancelled = await c.request('DELETE', '/api/auth/totp/enrolment');
    expect(cancelled.status).toBe(200);
    const enrol = await c.post('/api/auth/totp/enrolment');
    expect(enrol.body.secret).not.toBe(first.body.secret);
    const enrolledAt = Date.now();
    const accessBefore = c.cookies.get('hz_at');
    const confirmed = await c.post('/api/auth/totp/enrolment/confirm', { code: totpAt(enrol.body.secret, enrolledAt) });
    expect(confirmed.body.stage).toBe('active');
    // Becoming active rotates the session: new id, new tokens; the half-signed-in one is dead.
    expect(c.cookies.get('hz_at')).not.toBe(accessBefore);
    expect(await resolveAccessToken(store, decodeURIComponent(accessBefore!))).toEqual({ failure: 'revoked' });
    return { who, secret: enrol.body.secret as string, enrolledAt, client: c };
  }

  it('locks the login and ends the half-signed-in session after 5 wrong second-factor codes; a replay is not counted', async () => {
    const { who, secret, enrolledAt } = await adminWithTotp('sys-admin', 'Admin#2026x');
    const c = client();
    const step = await c.post('/api/auth/login', { category: 'hazchem', login: who.mobile, password: 'Admin#2026x' });
    expect(step.body.stage).toBe('totp');
    const wrong = (n: number) => String((Number(totpAt(secret, Date.now())) + 1 + n) % 1_000_000).padStart(6, '0');
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await c.post('/api/auth/totp/verify', { code: wrong(i) })).status);
    expect(statuses).toEqual([400, 400, 400, 400]);
    // The code spent at enrolment, again: refused as used, and not the fifth failure.
    const replay = await c.post('/api/auth/totp/verify', { code: totpAt(secret, enrolledAt) });
    expect(replay.status).toBe(400);
    expect(replay.body.error.details[0].message).toMatch(/已使用/);
    const fifth = await c.post('/api/auth/totp/verify', { code: wrong(4) });
    expect(fifth.status).toBe(423);
    expect((await c.get('/api/auth/session')).status).toBe(401);
    const again = await client().post('/api/auth/login', {
      category: 'hazchem',
      login: who.mobile,
      password: 'Admin#2026x',
    });
    expect(again.status).toBe(423);
    expect(await auditOf(who.mobile, 'auth.totp.verify')).toContainEqual(['failure', '动态口令不正确，账号已锁定']);
  });

  it('re-binding 动态口令 needs the password and a current code', async () => {
    const { secret, client: c } = await adminWithTotp('sec-admin', 'Secure#2026x');
    const bare = await c.post('/api/auth/totp/enrolment');
    expect(bare.status).toBe(400);
    expect(bare.body.error.details.map((d: { path: string }) => d.path).sort()).toEqual([
      'body.code',
      'body.currentPassword',
    ]);
    const later = totpAt(secret, Date.now() + 30_000);
    const badPassword = await c.post('/api/auth/totp/enrolment', { currentPassword: 'Nope#2026x', code: later });
    expect(badPassword.status).toBe(400);
    expect(badPassword.body.error.details).toEqual([{ path: 'body.currentPassword', message: '登录密码不正确' }]);
    const ok = await c.post('/api/auth/totp/enrolment', { currentPassword: 'Secure#2026x', code: later });
    expect(ok.status).toBe(200);
    expect(ok.body.secret).not.toBe(secret);
    // The same code can't prove it twice.
    const replay = await c.post('/api/auth/totp/enrolment', { currentPassword: 'Secure#2026x', code: later });
    expect(replay.status).toBe(400);
  });

  it('changing the password rotates this session and ends the account’s other sessions', async () => {
    const who = regulator('reviewer', 'hazchem');
    const a = client();
    await a.post('/api/auth/login', { category: 'hazchem', login: who.mobile, password: who.mobile.slice(-6) });
    const halfSigned = a.cookies.get('hz_at')!;
    const first = await a.post('/api/auth/password', {
      currentPassword: who.mobile.slice(-6),
      newPassword: 'Review#2026',
    });
    expect(first.body.stage).toBe('active');
    expect(a.cookies.get('hz_at')).not.toBe(halfSigned);
    expect((await a.get('/api/auth/session')).status).toBe(200);

    const b = client();
    expect(
      (await b.post('/api/auth/login', { category: 'hazchem', login: who.mobile, password: 'Review#2026' })).body.stage,
    ).toBe('active');
    expect((await b.get('/api/auth/session')).status).toBe(200);
    const second = await a.post('/api/auth/password', { currentPassword: 'Review#2026', newPassword: 'Review#2027' });
    expect(second.status).toBe(200);
    expect((await a.get('/api/auth/session')).status).toBe(200);
    expect((await b.get('/api/auth/session')).status).toBe(401);
  });

  it('refuses a one-time password after 72 hours, telling only its holder to ask for a reset', async () => {
    const open = (mobile: string, at: number) =>
      createAccounts(
        store,
        [
          {
            kind: 'regulator',
            mobile,
            name: '林一',
            department: 'anjian',
            regionCode: '3501',
            categories: ['hazchem'],
            roles: ['inspector'],
          },
        ],
        systemActor('test'),
        at,
      ).then(([o]) => (o as { oneTimePassword: string }).oneTimePassword);
    const stale = await open('13600000071', Date.now() - 73 * 3600_000);
    const fresh = await open('13600000072', Date.now() - 71 * 3600_000);
    const login = (mobile: string, password: string) =>
      client().post('/api/auth/login', { category: 'hazchem', login: mobile, password });
    const expired = await login('13600000071', stale);
    expect(expired.status).toBe(403);
    expect(expired.body.error.message).toBe(ONE_TIME_PASSWORD_EXPIRED);
    // A wrong password hears the generic answer: the expiry is told only to whoever holds the password.
    expect((await login('13600000071', 'Wrong#2026')).status).toBe(401);
    expect((await login('13600000072', fresh)).body.stage).toBe('password-change');
  });

  it('lets a parallel tab present the previous refresh token for 30 s; after that it is a theft and revokes', async () => {
    const who = seeded.regulators.find((r) => r.roles.includes('inspector') && r.categories.includes('fireworks'))!;
    const a = client();
    await a.post('/api/auth/login', { category: 'fireworks', login: who.mobile, password: who.mobile.slice(-6) });
    const old = a.cookies.get('hz_rt')!;
    expect((await a.post('/api/auth/refresh')).status).toBe(200);
    const tab = new ApiClient(stack.url, { 'x-viewer-address': `203.0.113.${++ip}` });
    tab.cookies.set('hz_rt', old);
    const graced = await tab.post('/api/auth/refresh');
    expect(graced.status).toBe(200);
    // No tokens for the late tab: the browser holds the other tab's.
    expect(graced.headers.getSetCookie()).toEqual([]);
    expect((await a.get('/api/auth/session')).status).toBe(200);
    const late = await rotateRefreshToken(store, decodeURIComponent(old), Date.now() + 31_000);
    expect(late).toEqual({ failure: 'reused' });
    expect((await a.get('/api/auth/session')).status).toBe(401);
  });
});
