/**
 * 执法人员: the inspector accounts of the caller's department within the caller's jurisdiction (officers ARE
 * the accounts; nothing is copied). One Query on the accounts' department index (partition = department,
 * sort = region code, so a jurisdiction is a `begins_with`), then one BatchGet of the page's 回避 tallies.
 */
import type { ListOfficersQuery, OfficerPage } from '../../shared/api/officers';
import type { CategoryCode } from '../../shared/reference/categories';
import type { DepartmentCode } from '../../shared/reference/departments';
import { regionName } from '../../shared/reference/regions';
import { doesBusiness } from '../../shared/reference/roles';
import type { Regulator } from '../lib/auth/principal';
import { forbidden, notFound } from '../lib/http/errors';
import { withCursor } from '../lib/paging';
import { jurisdictionPrefix, regulatorSees, withinJurisdiction } from '../lib/scope';
import type { Store } from '../store';

/** Rows read per request, per row wanted, while filling a page of filtered matches (as the unit list does). */
const FILTER_READ_AHEAD = 2;

const where = (r: string) => (r === '35' ? '福建省' : regionName(r));

export async function listOfficers(store: Store, p: Regulator, q: ListOfficersQuery): Promise<OfficerPage> {
  const region = q.region ?? jurisdictionPrefix(p);
  if (!withinJurisdiction(p, region)) throw forbidden('只能查询本辖区的执法人员');
  const page = await withCursor(q.cursor, () =>
    store.accounts.query
      .byDepartment({ department: p.department })
      .begins({ regionCode: region })
      .where((a, op) =>
        [
          op.eq(a.kind, 'regulator'),
          op.eq(a.disabled, false),
          op.contains(a.roles, 'inspector'),
          // Officers who work in at least one of the caller's categories (regulatorSees, below, decides).
          `(${p.categories.map((c) => op.contains(a.categories, c)).join(' OR ')})`,
          ...(q.name ? [op.contains(a.name, q.name)] : []),
        ].join(' AND '),
      )
      .go({
        count: q.limit,
        limit: q.limit * FILTER_READ_AHEAD,
        cursor: q.cursor ?? null,
        attributes: ['accountId', 'name', 'department', 'regionCode', 'categories', 'roles'],
      }),
  );
  // An inspector who also holds an admin role does no inspection business (三员分立): not an officer.
  const rows = page.data.filter(
    (a) =>
      doesBusiness(a.roles ?? []) &&
      regulatorSees(p, { regionCode: a.regionCode ?? '', categories: a.categories ?? [], department: a.department }),
  );
  const tallies = rows.length
    ? (await store.officerConflictTallies.get(rows.map((a) => ({ officerId: a.accountId }))).go()).data
    : [];
  const count = new Map(tallies.map((t) => [t.officerId, t.count]));
  return {
    items: rows.map((a) => ({
      officerId: a.accountId,
      name: a.name,
      department: a.department as DepartmentCode,
      regionCode: a.regionCode ?? '',
      regionName: where(a.regionCode ?? ''),
      categories: [...(a.categories ?? [])].sort() as CategoryCode[],
      conflictCount: count.get(a.accountId) ?? 0,
    })),
    cursor: page.cursor ?? null,
  };
}

/**
 * The officer whose 回避 the caller asks about: only officers of the caller's department within their
 * jurisdiction are found (404 otherwise, as for any object out of scope).
 */
export async function seenOfficer(store: Store, p: Regulator, officerId: string) {
  const { data: a } = await store.accounts.get({ accountId: officerId }).go();
  if (
    !a ||
    a.kind !== 'regulator' ||
    !(a.roles ?? []).includes('inspector') ||
    !regulatorSees(p, { regionCode: a.regionCode ?? '', categories: a.categories ?? [], department: a.department })
  ) {
    throw notFound('执法人员不存在或不在您的辖区内');
  }
  return { officerId: a.accountId, name: a.name };
}
