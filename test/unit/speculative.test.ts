import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { beforeEach, describe, expect, it } from 'vitest';
import type { AuthOutcome, Principal, Regulator } from '../../functions/lib/auth/principal';
import { unauthenticated } from '../../functions/lib/http/errors';
import { alongsideSessionCheck, forgetPrincipals, samePrincipal } from '../../functions/lib/http/speculative';

const alice: Regulator = {
  kind: 'regulator',
  accountId: 'reg-1',
  sessionId: 's-1',
  login: '13900000001',
  name: '测试',
  stage: 'active',
  department: 'gongan',
  regionCode: '3505',
  categories: ['firearms'],
  roles: ['inspector'],
  category: 'firearms',
};
const event = (token = 's-1.secret') => ({ cookies: [`hz_at=${token}`] }) as unknown as APIGatewayProxyEventV2;
const admit = (o: AuthOutcome): Principal => {
  if ('failure' in o) throw unauthenticated(o.failure);
  return o.principal;
};

/** A session check that resolves when told to, so a test can see what ran before it answered. */
function gatedCheck(outcome: AuthOutcome) {
  let open!: () => void;
  const gate = new Promise<void>((r) => (open = r));
  return { open: () => open(), check: async () => (await gate, outcome) };
}

describe('reads alongside the session check', () => {
  beforeEach(() => forgetPrincipals());

  it('runs after the check on a token it has not seen, then alongside it for the same token', async () => {
    // Prepare
    const seen: string[] = [];
    const region = (p: Principal) => (p.kind === 'regulator' ? p.regionCode : '');
    const impl = async (p: Principal) => (seen.push(region(p)), `page for ${region(p)}`);
    // Act: first request — nothing remembered, the implementation waits for the check
    const first = gatedCheck({ principal: alice });
    const r1 = alongsideSessionCheck(event(), admit, impl, first.check);
    await Promise.resolve();
    expect(seen).toEqual([]);
    first.open();
    expect(await r1).toBe('page for 3505');
    // Act: second request — the implementation starts before the check answers
    const second = gatedCheck({ principal: alice });
    const r2 = alongsideSessionCheck(event(), admit, impl, second.check);
    await new Promise((r) => setTimeout(r, 0));
    // Assess
    expect(seen).toEqual(['3505', '3505']);
    second.open();
    expect(await r2).toBe('page for 3505');
  });

  it('releases nothing when the fresh check fails, even with a remembered principal', async () => {
    await alongsideSessionCheck(
      event(),
      admit,
      async () => 'ok',
      async () => ({ principal: alice }),
    );
    let ran = 0;
    const revoked = alongsideSessionCheck(
      event(),
      admit,
      async () => (ran++, 'secret page'),
      async () => ({ failure: 'revoked' }),
    );
    await expect(revoked).rejects.toMatchObject({ status: 401 });
    expect(ran).toBe(1); // it ran speculatively, and its answer was thrown away
  });

  it('runs again on the fresh principal when the session changed (e.g. roles or jurisdiction)', async () => {
    await alongsideSessionCheck(
      event(),
      admit,
      async () => 'ok',
      async () => ({ principal: alice }),
    );
    const moved = { ...alice, regionCode: '3501' };
    const seen: string[] = [];
    const r = await alongsideSessionCheck(
      event(),
      admit,
      async (p) => (seen.push((p as Regulator).regionCode), (p as Regulator).regionCode),
      async () => ({ principal: moved }),
    );
    expect(r).toBe('3501');
    expect(seen).toEqual(['3505', '3501']);
  });

  it("never uses one token's principal for another token", async () => {
    await alongsideSessionCheck(
      event('s-1.a'),
      admit,
      async () => 'ok',
      async () => ({ principal: alice }),
    );
    const seen: string[] = [];
    const bob = { ...alice, accountId: 'reg-2', sessionId: 's-2' };
    await alongsideSessionCheck(
      event('s-2.b'),
      admit,
      async (p) => (seen.push(p.accountId), 'x'),
      async () => ({ principal: bob }),
    );
    expect(seen).toEqual(['reg-2']);
  });

  it('passes a speculative error on only when the check agrees', async () => {
    await alongsideSessionCheck(
      event(),
      admit,
      async () => 'ok',
      async () => ({ principal: alice }),
    );
    const r = alongsideSessionCheck(
      event(),
      admit,
      async () => {
        throw new Error('not found');
      },
      async () => ({ principal: alice }),
    );
    await expect(r).rejects.toThrow('not found');
  });

  it('compares every field a scope decision reads', () => {
    expect(samePrincipal(alice, { ...alice })).toBe(true);
    expect(samePrincipal(alice, { ...alice, stage: 'password-change' })).toBe(false);
    expect(samePrincipal(alice, { ...alice, categories: ['firearms', 'hazchem'] })).toBe(false);
  });
});
