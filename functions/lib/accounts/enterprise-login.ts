/**
 * Every unit on the register has its login (the seed: 账号 = 统一社会信用代码, or the older 注册号): a unit the
 * register itself adds — an approved 新增企业, a 清单 import — gets its account in the SAME transaction as its
 * entry (the items come from `openEnterpriseLogin` and ride in `entryWriteItems`), with a random one-time
 * password (72 hours) that reaches the unit through a 开通通知 a regulator downloads once:
 *
 *   account (attribute_not_exists) + login claim (attribute_not_exists) + notice holding the password.
 *
 * Why a notice item and not the answer: the approval or the import batch that creates the entry is not the
 * moment anyone can write the password down (an import runs in the background; an approval is a reviewer's
 * click). So the password waits, in clear, in one item that the first download deletes (conditionally —
 * two downloads can't both have it), that the unit's first password change deletes, and that TTL removes
 * when the password expires. Nothing else keeps it: the account holds only the scrypt hash. (Encrypting it
 * under a KMS key would guard a table export too; the per-context table grants already keep other functions
 * off its key prefix.)
 *
 * A unit whose code already has a login (an account opened before, e.g. by self-registration, or a unit
 * deleted and added again) keeps that login: nothing is opened and no notice is written.
 */
import { loginOfEntry } from './entry-login';
import { createWriteTransaction } from 'electrodb';
import type { TransactItem } from '../audit';
import { hashOneTimePassword, newOneTimePassword, ONE_TIME_PASSWORD_TTL_MS } from '../auth/one-time-password';
import type { Store } from '../../store';
import { notFound } from '../http/errors';

export interface NewEntryLogin {
  enterpriseId: string;
  name: string;
  creditCode?: string | undefined;
  registrationNo?: string | undefined;
}

/** The account id of the login the register opens for an entry (deterministic: a re-run opens nothing twice). */
export const registerAccountId = (enterpriseId: string) => `acc-${enterpriseId}`;

/** The login an entry's account has: its 统一社会信用代码, else its 注册号 (one rule, in entry-login.ts). */
export { loginOfEntry };

/**
 * The transaction items that open the entry's login, or none when it has no code or its code is a login
 * already. `batch` names what opened it (`change:<requestId>`, `import:<importId>`), for the download.
 */
export async function openEnterpriseLogin(
  store: Store,
  e: NewEntryLogin,
  batch: string,
  now: number,
): Promise<TransactItem[]> {
  const login = loginOfEntry(e);
  if (!login) return [];
  const { data: claim } = await store.loginClaims.get({ login }).go({ consistent: true });
  if (claim) return [];
  const accountId = registerAccountId(e.enterpriseId);
  const oneTimePassword = newOneTimePassword(login);
  const passwordHash = await hashOneTimePassword(oneTimePassword);
  const passwordExpiresAt = now + ONE_TIME_PASSWORD_TTL_MS;
  const at = new Date(now).toISOString();
  return createWriteTransaction(
    { accounts: store.accounts, claims: store.loginClaims, notices: store.accountNotices },
    ({ accounts, claims, notices }) => [
      accounts
        .create({
          accountId,
          kind: 'enterprise',
          login,
          name: e.name,
          passwordHash,
          mustChangePassword: true,
          initialPasswordExpiresAt: passwordExpiresAt,
          disabled: false,
          enterpriseId: e.enterpriseId,
          version: 1,
          createdAt: at,
        })
        .commit(),
      claims.create({ login, accountId, kind: 'enterprise', claimedAt: at }).commit(),
      notices
        .put({
          enterpriseId: e.enterpriseId,
          accountId,
          login,
          enterpriseName: e.name,
          batch,
          oneTimePassword,
          passwordExpiresAt,
          createdAt: at,
          expiresAt: Math.ceil(passwordExpiresAt / 1000),
        })
        .commit(),
    ],
  ).params().TransactItems as TransactItem[];
}

export interface TakenNotice {
  enterpriseId: string;
  enterpriseName: string;
  login: string;
  oneTimePassword: string;
  passwordExpiresAt: number;
}

const isConditionFailure = (err: unknown): boolean => {
  const e = err as { name?: string; cause?: { name?: string } } | null;
  return e?.name === 'ConditionalCheckFailedException' || e?.cause?.name === 'ConditionalCheckFailedException';
};

/**
 * Take (read and delete, atomically) the notices of these entries: each comes back to exactly one caller,
 * and never again. Expired ones (TTL not yet run) are deleted without being returned.
 */
export async function takeNotices(store: Store, enterpriseIds: readonly string[], now = Date.now()) {
  const taken: TakenNotice[] = [];
  let next = 0;
  const worker = async () => {
    while (next < enterpriseIds.length) {
      const enterpriseId = enterpriseIds[next++]!;
      try {
        const { data } = await store.accountNotices
          .delete({ enterpriseId })
          .where((a, op) => op.exists(a.oneTimePassword))
          .go({ response: 'all_old' });
        if (data && data.passwordExpiresAt > now) {
          taken.push({
            enterpriseId,
            enterpriseName: data.enterpriseName,
            login: data.login,
            oneTimePassword: data.oneTimePassword,
            passwordExpiresAt: data.passwordExpiresAt,
          });
        }
      } catch (err) {
        if (!isConditionFailure(err)) throw err;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(4, enterpriseIds.length) }, worker));
  return taken.sort((a, b) => a.enterpriseName.localeCompare(b.enterpriseName, 'zh'));
}

/** The enterprises of a batch with a notice still waiting: one page of the batch index. */
export async function noticesOfBatch(store: Store, batch: string, limit: number) {
  const { data, cursor } = await store.accountNotices.query.byBatch({ batch }).go({ limit });
  return { enterpriseIds: data.map((n) => n.enterpriseId), more: Boolean(cursor) };
}

/** The message when nothing is left to hand out: the password can't be shown again, a reset makes a new one. */
export const noNoticeLeft = () =>
  notFound('没有待下载的开通通知：开通通知只能下载一次，或一次性密码已过期。如需重新发放，请重置该账号的密码');
