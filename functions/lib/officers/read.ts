/**
 * What the inspections read of 执法人员 and 专家库 (interfaces.md, "Officers kernel"): who may be drawn or
 * chosen for a department's task, and the 回避 that keep them from an enterprise. No scope check here: the
 * caller (a task's creation, a draw) has already decided the department and jurisdiction it works in.
 * Every read is a Query on an index or a BatchGet; nothing scans.
 */
import type { CategoryCode } from '../../../shared/reference/categories';
import type { DepartmentCode } from '../../../shared/reference/departments';
import { regionPrefixMatches } from '../../../shared/reference/regions';
import { doesBusiness } from '../../../shared/reference/roles';
import { AppError } from '../http/errors';
import type { Store } from '../../store';

export interface Officer {
  /** = the account's accountId. */
  officerId: string;
  name: string;
  department: DepartmentCode;
  regionCode: string;
}

export interface Expert {
  expertId: string;
  name: string;
  categories: CategoryCode[];
  segments: string[];
  /** 单位 */
  employer: string;
  phone: string;
  regionCode: string;
  department: DepartmentCode;
  disabled: boolean;
}

/** Parallel Queries at most this many at a time (one per expert with a 回避). */
const QUERY_CONCURRENCY = 8;

const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Enabled regulator accounts with the `inspector` role of `department` whose regionCode starts with
 * `jurisdiction` (Query on the accounts' byDepartment index, paged through; no Scan). Sorted by officerId.
 * An account that also holds an admin role is left out: it may not do business (三员分立, `doesBusiness`),
 * so it could neither answer nor register a task it were drawn for.
 */
export async function officersIn(store: Store, department: DepartmentCode, jurisdiction: string): Promise<Officer[]> {
  const { data } = await store.accounts.query
    .byDepartment({ department })
    .begins({ regionCode: jurisdiction })
    .where(
      (a, op) =>
        `${op.eq(a.kind, 'regulator')} AND ${op.eq(a.disabled, false)} AND ${op.contains(a.roles, 'inspector')}`,
    )
    .go({ pages: 'all', attributes: ['accountId', 'name', 'department', 'regionCode', 'roles'] });
  return data
    .filter((a) => doesBusiness(a.roles ?? []) && regionPrefixMatches(jurisdiction, a.regionCode ?? ''))
    .map((a) => ({
      officerId: a.accountId,
      name: a.name,
      department: a.department as DepartmentCode,
      regionCode: a.regionCode ?? '',
    }))
    .sort((a, b) => byId(a.officerId, b.officerId));
}

/** BatchGet of `keys`, retrying what DynamoDB leaves unprocessed (a handful of times, then 503). */
async function batchGet<K, T>(
  keys: readonly K[],
  get: (keys: K[]) => Promise<{ data: T[]; unprocessed: K[] }>,
): Promise<T[]> {
  const found: T[] = [];
  let todo = [...keys];
  for (let attempt = 0; todo.length; attempt++) {
    if (attempt === 5) throw new AppError(503, 'SERVICE_UNAVAILABLE', '系统繁忙，请稍后再试');
    const { data, unprocessed } = await get(todo);
    found.push(...data);
    todo = unprocessed;
  }
  return found;
}

/** Run `fn` over `items`, at most `limit` at once, results in input order. */
async function inBatches<T, R>(items: readonly T[], limit: number, fn: (t: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += limit) out.push(...(await Promise.all(items.slice(i, i + limit).map(fn))));
  return out;
}

/**
 * Declared 回避 of these officers: who must not inspect which enterprise. One BatchGet per 100 officers: each
 * officer's tally names the enterprises of their declarations (kept in the declaration's transaction).
 */
export async function officerConflicts(
  store: Store,
  officerIds: readonly string[],
): Promise<Array<{ officerId: string; enterpriseId: string }>> {
  const ids = [...new Set(officerIds)];
  if (!ids.length) return [];
  const tallies = await batchGet(
    ids.map((officerId) => ({ officerId })),
    async (keys) => {
      const r = await store.officerConflictTallies
        .get(keys)
        .go({ concurrency: 4, attributes: ['officerId', 'enterpriseIds'] });
      return { data: r.data, unprocessed: r.unprocessed.map((k) => ({ officerId: String(k.officerId) })) };
    },
  );
  return tallies
    .sort((a, b) => byId(a.officerId, b.officerId))
    .flatMap((t) =>
      [...(t.enterpriseIds ?? [])].sort(byId).map((enterpriseId) => ({ officerId: t.officerId, enterpriseId })),
    );
}

/** The fields of an expert item as the kernel's Expert. */
export function expertOf(x: {
  expertId: string;
  name: string;
  categories: string[];
  segments: string[];
  employer: string;
  phone: string;
  regionCode: string;
  department: string;
  disabled: boolean;
}): Expert {
  return {
    expertId: x.expertId,
    name: x.name,
    categories: [...x.categories] as CategoryCode[],
    segments: [...x.segments],
    employer: x.employer,
    phone: x.phone,
    regionCode: x.regionCode,
    department: x.department as DepartmentCode,
    disabled: x.disabled,
  };
}

/**
 * Enabled experts of `department` whose regionCode starts with `jurisdiction` and whose 专业 covers
 * `category` (one Query on the department's 专家库 index, paged through). Sorted by expertId.
 */
export async function expertsIn(
  store: Store,
  department: DepartmentCode,
  jurisdiction: string,
  category?: CategoryCode,
): Promise<Expert[]> {
  const { data } = await store.experts.query
    .byDepartment({ department })
    .begins({ regionCode: jurisdiction })
    .where((a, op) =>
      [op.eq(a.disabled, false), ...(category ? [op.contains(a.categories, category)] : [])].join(' AND '),
    )
    .go({ pages: 'all' });
  return data
    .filter((x) => regionPrefixMatches(jurisdiction, x.regionCode))
    .map(expertOf)
    .sort((a, b) => byId(a.expertId, b.expertId));
}

/** Declared 回避 of these experts (BatchGet of the experts, then a Query for each who has any). */
export async function expertConflicts(
  store: Store,
  expertIds: readonly string[],
): Promise<Array<{ expertId: string; enterpriseId: string }>> {
  const ids = [...new Set(expertIds)];
  if (!ids.length) return [];
  const experts = await batchGet(
    ids.map((expertId) => ({ expertId })),
    async (keys) => {
      const r = await store.experts.get(keys).go({ concurrency: 4, attributes: ['expertId', 'conflictCount'] });
      return { data: r.data, unprocessed: r.unprocessed.map((k) => ({ expertId: String(k.expertId) })) };
    },
  );
  const declaring = experts
    .filter((x) => x.conflictCount > 0)
    .map((x) => x.expertId)
    .sort(byId);
  const lists = await inBatches(declaring, QUERY_CONCURRENCY, (expertId) =>
    store.expertConflicts.query
      .byExpert({ expertId })
      .go({ pages: 'all', attributes: ['expertId', 'enterpriseId'] })
      .then((r) => r.data),
  );
  return lists.flat().map((c) => ({ expertId: c.expertId, enterpriseId: c.enterpriseId }));
}
