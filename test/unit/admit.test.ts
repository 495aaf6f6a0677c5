import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import type { Principal } from '../../functions/lib/auth/principal';
import type { AppError } from '../../functions/lib/http/errors';
import { admit } from '../../functions/lib/http/route';
import { defineRoute } from '../../functions/lib/wiring';

const route = (extra: object) =>
  defineRoute({
    operationId: 'x',
    method: 'GET',
    path: '/api/x',
    public: false,
    summary: 'x',
    response: z.object({}),
    ...extra,
  });

const regulator = (over: Partial<Principal> = {}): Principal =>
  ({
    kind: 'regulator',
    accountId: 'reg-1',
    sessionId: 's',
    login: '13900000001',
    name: '测试',
    stage: 'active',
    department: 'gongan',
    regionCode: '3505',
    categories: ['firearms'],
    roles: ['inspector'],
    category: 'firearms',
    ...over,
  }) as Principal;
const enterprise: Principal = {
  kind: 'enterprise',
  accountId: 'ent-1',
  sessionId: 's',
  login: '9135',
  name: '企业',
  stage: 'active',
  enterpriseId: 'ent-000001',
};

function statusOf(fn: () => unknown): [number, string] | 'admitted' {
  try {
    fn();
    return 'admitted';
  } catch (e) {
    return [(e as AppError).status, (e as AppError).code];
  }
}

describe('admission to a route', () => {
  it('refuses every session failure with 401, and a missing CSRF token with 403', () => {
    for (const failure of ['missing', 'invalid', 'expired', 'idle', 'revoked'] as const) {
      expect(statusOf(() => admit(route({}), { failure }))).toEqual([401, 'UNAUTHENTICATED']);
    }
    expect(statusOf(() => admit(route({}), { failure: 'csrf' }))).toEqual([403, 'FORBIDDEN']);
  });

  it('keeps a session that has not finished signing in out of ordinary routes', () => {
    const pending = regulator({ stage: 'password-change' });
    expect(statusOf(() => admit(route({}), { principal: pending }))).toEqual([403, 'SIGN_IN_INCOMPLETE']);
    expect(admit(route({ pendingSession: true }), { principal: pending })).toBe(pending);
  });

  it('lets only the declared kind of account and role through', () => {
    const auditOnly = route({ access: { kind: 'regulator', roles: ['audit-admin'] } });
    expect(statusOf(() => admit(auditOnly, { principal: regulator() }))).toEqual([403, 'FORBIDDEN']);
    expect(statusOf(() => admit(auditOnly, { principal: enterprise }))).toEqual([403, 'FORBIDDEN']);
    expect(statusOf(() => admit(auditOnly, { principal: regulator({ roles: ['audit-admin'] } as never) }))).toBe(
      'admitted',
    );
    const enterpriseOnly = route({ access: { kind: 'enterprise' } });
    expect(statusOf(() => admit(enterpriseOnly, { principal: regulator() }))).toEqual([403, 'FORBIDDEN']);
    expect(statusOf(() => admit(enterpriseOnly, { principal: enterprise }))).toBe('admitted');
  });
});
