/**
 * The account list of 账号管理: one Query on the account's department index (gsi1: partition = department,
 * sort = region code), so a jurisdiction is a `begins_with` and a department admin's whole view is one
 * Query; role and status are filters within that partition; a mobile number is the login index (gsi2).
 * The cursor is ElectroDB's (the last key, base64url), checked to belong to this very query before use,
 * so a forged one can't open another department's partition.
 */
import type { AccountPage, ListAccountsQuery } from '../../shared/api/accounts';
import { department as departmentOf, type DepartmentCode } from '../../shared/reference/departments';
import { regionName, regionPrefixMatches } from '../../shared/reference/regions';
import { badRequest, forbidden } from '../lib/http/errors';
import { invalidCursor } from '../lib/paging';
import type { Store } from '../store';
import { adminScope, type AccountsActor } from '../lib/accounts/scope';
import { accountView, type Account } from '../lib/accounts/view';

const where = (r: string) => (r === '35' ? '福建省' : regionName(r));

/** The cursor, if it is a key of this query's partition and range; else 400. */
function checkedCursor(cursor: string, pk: string, skPrefix: string): string {
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    invalidCursor();
  }
  if (typeof key !== 'object' || key === null || Array.isArray(key)) invalidCursor();
  const k = key as Record<string, unknown>;
  const names = Object.keys(k).sort().join(',');
  if (names !== 'gsi1pk,gsi1sk,pk,sk') invalidCursor();
  if (!Object.values(k).every((v) => typeof v === 'string' && v.length < 300)) invalidCursor();
  if (k.gsi1pk !== pk || !(k.gsi1sk as string).startsWith(skPrefix)) invalidCursor();
  return cursor;
}

export async function listAccounts(store: Store, actor: AccountsActor, q: ListAccountsQuery): Promise<AccountPage> {
  const scope = adminScope(actor);
  let dept: DepartmentCode;
  if (q.department) dept = q.department;
  else if (!scope.all) dept = scope.department;
  else if (actor.kind === 'regulator') dept = actor.department as DepartmentCode;
  else throw badRequest('请选择部门', [{ path: 'query.department', message: '请选择部门' }]);
  const prefix = q.region ?? (scope.all ? '35' : scope.regionPrefix);
  if (!scope.all) {
    if (dept !== scope.department) {
      throw forbidden(`部门管理员只能查看本部门（${departmentOf(scope.department).short}）的账号`);
    }
    if (!regionPrefixMatches(scope.regionPrefix, prefix)) {
      throw forbidden(`部门管理员只能查看本辖区（${where(scope.regionPrefix)}）内的账号`);
    }
  }

  const keep = (a: Account) =>
    a.kind === 'regulator' &&
    a.department === dept &&
    regionPrefixMatches(prefix, a.regionCode ?? '') &&
    (!q.role || (a.roles ?? []).includes(q.role)) &&
    (!q.status || a.disabled === (q.status === 'disabled'));

  if (q.mobile) {
    // The login index: one Query, at most one account.
    const { data } = await store.accounts.query.byLogin({ login: q.mobile }).go();
    return { items: data.filter(keep).map(accountView), cursor: null };
  }

  const query = store.accounts.query
    .byDepartment({ department: dept })
    .begins({ regionCode: prefix })
    .where((a, op) =>
      [q.status ? op.eq(a.disabled, q.status === 'disabled') : '', q.role ? op.contains(a.roles, q.role) : '']
        .filter(Boolean)
        .join(' AND '),
    );
  const values = query.params().ExpressionAttributeValues as Record<string, unknown>;
  const cursor = q.cursor ? checkedCursor(q.cursor, String(values[':pk']), String(values[':sk1'])) : undefined;
  const page = await query.go({ count: q.limit, ...(cursor ? { cursor } : {}) });
  return { items: page.data.map(accountView), cursor: page.cursor ?? null };
}
