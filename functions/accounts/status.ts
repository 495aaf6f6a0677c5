/**
 * Disabling and enabling an account, and resetting its password to a new one-time password.
 *
 * Disable/enable is one transaction: the account's `disabled` flips only if it still has the version and
 * state just read, and the department × jurisdiction counter moves by ∓1 with it — so the portal's figure
 * can't drift, however many administrators click at once. Doing what is already done changes nothing.
 * Disabling and resetting revoke the account's sessions (found by the session index on accountId), so the
 * person is signed out at their next request rather than when their session would have expired.
 */
import { itemsOf } from '../lib/transactions';
import { createWriteTransaction } from 'electrodb';
import { hashOneTimePassword, newOneTimePassword, ONE_TIME_PASSWORD_TTL_MS } from '../lib/auth/one-time-password';
import { revokeSessionsOf } from '../lib/auth/sessions';
import { AppError, badRequest, notFound } from '../lib/http/errors';
import type { Store } from '../store';
import { CounterDeltas, counterOf } from '../lib/accounts/counters';
import { adminScope, assertInScope, type AccountsActor } from '../lib/accounts/scope';
import { accountAudit, type AuditContext } from '../lib/accounts/audit';
import { cancellationCodes, transact, type TransactItem } from '../lib/accounts/transact';
import { accountView, type Account } from '../lib/accounts/view';

const actorIdOf = (actor: AccountsActor): string | undefined =>
  actor.kind === 'regulator' ? actor.accountId : undefined;

async function load(store: Store, accountId: string): Promise<Account> {
  const { data } = await store.accounts.get({ accountId }).go({ consistent: true });
  if (!data) throw notFound('账号不存在');
  return data;
}

const MAX_ATTEMPTS = 5;

export async function setAccountEnabled(
  store: Store,
  actor: AccountsActor,
  accountId: string,
  enabled: boolean,
  now: number = Date.now(),
  ctx?: AuditContext,
) {
  const scope = adminScope(actor);
  for (let attempt = 1; ; attempt++) {
    const account = await load(store, accountId);
    assertInScope(scope, account);
    if (!enabled && actorIdOf(actor) === accountId) throw badRequest('不能停用自己的账号');
    if (account.disabled === !enabled) {
      // Already so: nothing to write, but make sure a disabled account has no live session left.
      if (!enabled) await revokeSessionsOf(store, accountId);
      return accountView(account);
    }
    const items: TransactItem[] = [
      ...itemsOf(
        createWriteTransaction({ accounts: store.accounts }, ({ accounts }) => [
          accounts
            .patch({ accountId })
            .set({ disabled: !enabled })
            .add({ version: 1 })
            .where((a, op) => `${op.eq(a.version, account.version)} AND ${op.eq(a.disabled, account.disabled)}`)
            .commit(),
        ]),
      ),
      ...new CounterDeltas().add(counterOf(account), enabled ? 1 : -1).items(store, now),
    ];
    try {
      await transact(store, items, {
        audit: accountAudit(
          actor,
          ctx,
          enabled ? 'account.enable' : 'account.disable',
          { id: accountId, label: account.login },
          {
            before: { disabled: account.disabled },
            after: { disabled: !enabled },
          },
        ),
      });
    } catch (err) {
      // Someone changed the account between our read and write: read again and decide again.
      if (cancellationCodes(err)?.[0] === 'ConditionalCheckFailed' && attempt < MAX_ATTEMPTS) continue;
      if (cancellationCodes(err)?.[0] === 'ConditionalCheckFailed') {
        throw new AppError(409, 'CONFLICT', '账号正被他人修改，请刷新后重试');
      }
      throw err;
    }
    if (!enabled) await revokeSessionsOf(store, accountId);
    return accountView({ ...account, disabled: !enabled, version: account.version + 1 });
  }
}

/**
 * A new random one-time password (72 hours), returned once for the administrator to hand over and to be
 * changed at the next sign-in; the account's sessions end. The second factor stays as enrolled. Not for
 * one's own account: that is 修改密码, which asks for the current password.
 */
export async function resetAccountPassword(
  store: Store,
  actor: AccountsActor,
  accountId: string,
  ctx?: AuditContext,
  now: number = Date.now(),
) {
  const scope = adminScope(actor);
  if (actorIdOf(actor) === accountId) throw badRequest('不能重置自己的密码，请使用“修改密码”');
  const account = await load(store, accountId);
  assertInScope(scope, account);
  const oneTimePassword = newOneTimePassword(account.login);
  const passwordHash = await hashOneTimePassword(oneTimePassword);
  const initialPasswordExpiresAt = now + ONE_TIME_PASSWORD_TTL_MS;
  const items = itemsOf(
    createWriteTransaction({ accounts: store.accounts }, ({ accounts }) => [
      accounts
        .patch({ accountId })
        .set({ passwordHash, mustChangePassword: true, initialPasswordExpiresAt })
        .add({ version: 1 })
        .where((a, op) => op.eq(a.version, account.version))
        .commit(),
    ]),
  );
  try {
    await transact(store, items, {
      audit: accountAudit(actor, ctx, 'account.password.reset', { id: accountId, label: account.login }),
    });
  } catch (err) {
    if (cancellationCodes(err)?.[0] === 'ConditionalCheckFailed') {
      throw new AppError(409, 'CONFLICT', '账号正被他人修改，请刷新后重试');
    }
    throw err;
  }
  const revoked = await revokeSessionsOf(store, accountId);
  return {
    account: accountView({ ...account, passwordHash, mustChangePassword: true, version: account.version + 1 }),
    revokedSessions: revoked,
    oneTimePassword,
    oneTimePasswordExpiresAt: new Date(initialPasswordExpiresAt).toISOString(),
  };
}
