import { Logger } from '@aws-lambda-powertools/logger';
import { describe, expect, it } from 'vitest';
import { changePassword } from '../../functions/identity/sign-in';
import { reserveAttempt } from '../../functions/lib/auth/guard';
import { hashPassword } from '../../functions/lib/auth/password';
import type { Principal } from '../../functions/lib/auth/principal';
import { revokeSession, rotateRefreshToken } from '../../functions/lib/auth/sessions';
import { sha256 } from '../../functions/lib/auth/tokens';
import { toErrorResponse } from '../../functions/lib/http/route';
import { createStore } from '../../functions/store';

/**
 * DynamoDB Local never throttles, so a fake client does: the catches around conditional writes must handle
 * only the failed condition they expect and let a throttle through — to become "系统繁忙" (503), not "someone
 * else changed it" (409), "logged out" (401) or "locked" (423).
 */
const throttle = () =>
  Object.assign(new Error('Rate of requests exceeds the allowed throughput.'), {
    name: 'ProvisionedThroughputExceededException',
    $metadata: { httpStatusCode: 400 },
  });

type Command = { constructor: { name: string }; input: Record<string, unknown> };

/** A client that answers reads from `items` (by entity) and throttles every write to the entities named. */
function fakeStore(items: Record<string, unknown>, throttled: string[]) {
  const client = {
    send: async (cmd: Command) => {
      const text = JSON.stringify(cmd.input);
      const write = !['GetCommand', 'QueryCommand'].includes(cmd.constructor.name);
      // ElectroDB writes the entity's name into every item it puts or updates.
      if (write && throttled.some((e) => text.includes(`"${e}"`))) throw throttle();
      if (cmd.constructor.name === 'GetCommand') {
        const key = (cmd.input.Key as { pk: string }).pk;
        return { Item: Object.values(items).find((i) => (i as { pk?: string } | undefined)?.pk === key) };
      }
      return { Attributes: { failures: 1 } };
    },
  };
  return createStore(client as never, 'table');
}

const now = Date.now();
const session = {
  sessionId: 's1',
  accountId: 'a1',
  kind: 'regulator' as const,
  login: '13900000001',
  name: '测试',
  stage: 'active',
  accessHash: sha256('access'),
  accessExpiresAt: now + 60_000,
  refreshHash: sha256('refresh'),
  csrfHash: sha256('csrf'),
  lastActivityAt: now,
  revoked: false,
  createdAt: now,
  expiresAt: Math.floor(now / 1000) + 3600,
};
/** The item ElectroDB would write for `record` (with its keys and entity markers), to serve from the fake. */
const rawOf = (store: ReturnType<typeof createStore>, entity: 'sessions' | 'accounts', record: object) =>
  (store[entity] as unknown as { put(r: object): { params(): { Item: unknown } } }).put(record).params().Item;

describe('a throttle is not a failed condition', () => {
  it('refresh: rethrows instead of answering "logged out"', async () => {
    const probe = fakeStore({}, []);
    const store = fakeStore({ session: rawOf(probe, 'sessions', session) }, ['session']);
    await expect(rotateRefreshToken(store, 's1.refresh', now)).rejects.toMatchObject({
      cause: { name: 'ProvisionedThroughputExceededException' },
    });
  });

  it('revoking a session: rethrows', async () => {
    const store = fakeStore({}, ['session']);
    await expect(revokeSession(store, 's1')).rejects.toMatchObject({
      cause: { name: 'ProvisionedThroughputExceededException' },
    });
  });

  it('the lockout: a throttled reservation is not "locked"', async () => {
    const store = fakeStore({}, ['loginGuard']);
    const err = await reserveAttempt(store, '13900000001', now).catch((e: unknown) => e);
    expect((err as { status?: number }).status).not.toBe(423);
    expect(err).toMatchObject({ cause: { name: 'ProvisionedThroughputExceededException' } });
  });

  it('changing the password: a throttled write is not "changed by someone else"', async () => {
    const probe = fakeStore({}, []);
    const account = {
      accountId: 'a1',
      kind: 'regulator',
      login: '13900000001',
      name: '测试',
      passwordHash: await hashPassword('Old#2026x'),
      mustChangePassword: false,
      disabled: false,
      version: 3,
      createdAt: new Date(now).toISOString(),
    };
    const store = fakeStore({ account: rawOf(probe, 'accounts', account), loginGuard: undefined }, ['account']);
    const p = { ...session, stage: 'active', department: 'anjian', categories: [], roles: [] } as unknown as Principal;
    const err = await changePassword(store, p, 'Old#2026x', 'New#2026xy', { sourceIp: '', requestId: 'r' }, now).catch(
      (e: unknown) => e,
    );
    expect((err as { status?: number }).status).not.toBe(409);
    expect(err).toMatchObject({ cause: { name: 'ProvisionedThroughputExceededException' } });
    // … and the route wrapper answers it as 系统繁忙 (503), not 500.
    const res = toErrorResponse(err, 'r', new Logger({ logLevel: 'SILENT' }));
    expect(res.statusCode).toBe(503);
  });
});
