import { describe, expect, it } from 'vitest';
import { nextStage, PASSWORD_MAX_AGE_MS } from '../../functions/identity/sign-in';

const now = Date.parse('2026-11-28T00:00:00Z');
const account = (over: object) =>
  ({
    accountId: 'a',
    kind: 'regulator',
    login: '13900000001',
    name: '测试',
    passwordHash: 'x',
    mustChangePassword: false,
    disabled: false,
    roles: ['inspector'],
    version: 1,
    createdAt: '2026-01-01T00:00:00Z',
    passwordChangedAt: new Date(now - 10 * 86_400_000).toISOString(),
    ...over,
  }) as never;

describe('the steps after a correct password', () => {
  it('demands a change of the initial password first', () => {
    expect(nextStage(account({ mustChangePassword: true }), false, false, now)).toEqual({
      stage: 'password-change',
      reason: 'initial',
    });
  });

  it('demands a change of a password older than 90 days, and not of one just inside', () => {
    const old = new Date(now - PASSWORD_MAX_AGE_MS - 1).toISOString();
    const fresh = new Date(now - PASSWORD_MAX_AGE_MS + 60_000).toISOString();
    expect(nextStage(account({ passwordChangedAt: old }), false, false, now)).toEqual({
      stage: 'password-change',
      reason: 'expired',
    });
    expect(nextStage(account({ passwordChangedAt: fresh }), false, false, now)).toEqual({ stage: 'active' });
  });

  it('asks for the second factor when enrolled, and for enrolment when an admin role requires it', () => {
    expect(nextStage(account({ totpSecret: 'ABC' }), false, false, now)).toEqual({ stage: 'totp' });
    expect(nextStage(account({ roles: ['audit-admin'] }), false, false, now)).toEqual({ stage: 'totp-enrolment' });
    expect(nextStage(account({ roles: ['inspector'] }), false, false, now)).toEqual({ stage: 'active' });
  });
});
