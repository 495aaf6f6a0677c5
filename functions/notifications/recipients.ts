/**
 * Who hears of something in a department's inbox — one rule for every consumer of this context: the regulator
 * accounts of the department, enabled, doing inspection business (检查人员 holding no admin role: 三员分立), whose
 * jurisdiction covers the enterprise's region and who are granted one of its categories — the same people who
 * can open the object the message is about.
 */
import type { EntityItem } from 'electrodb';
import { regionPrefixMatches } from '../../shared/reference/regions';
import { doesBusiness } from '../../shared/reference/roles';
import type { Store } from '../store';

type Account = EntityItem<Store['accounts']>;

export interface Covered {
  /** The enterprise's region (county, city or province code). */
  regionCode: string;
  categories: readonly string[];
}

/** Whether an account is one of its department's inspectors covering `o`. */
export function coversAsInspector(a: Account, o: Covered): boolean {
  const roles = [...(a.roles ?? [])];
  return (
    a.kind === 'regulator' &&
    !a.disabled &&
    roles.includes('inspector') &&
    doesBusiness(roles) &&
    regionPrefixMatches(a.regionCode ?? '', o.regionCode) &&
    o.categories.some((c) => (a.categories ?? []).includes(c))
  );
}

/**
 * The department's accounts whose jurisdiction can cover `regionCode`: those at the province ('35', an exact
 * key) and those of the enterprise's city and its counties (a `begins_with`) — two Queries on the accounts'
 * department index, paged through, never the whole department's other cities.
 */
async function departmentAccounts(store: Store, department: string, regionCode: string): Promise<Account[]> {
  const byDept = () => store.accounts.query.byDepartment({ department });
  const [province, city] = await Promise.all([
    byDept().between({ regionCode: '35' }, { regionCode: '35' }).go({ pages: 'all' }),
    regionCode.length >= 4
      ? byDept()
          .begins({ regionCode: regionCode.slice(0, 4) })
          .go({ pages: 'all' })
      : Promise.resolve({ data: [] as Account[] }),
  ]);
  return [...province.data, ...city.data];
}

/** The account ids of the departments' inspectors covering `o`, each once, sorted. */
export async function departmentInspectors(
  store: Store,
  departments: readonly string[],
  o: Covered,
): Promise<string[]> {
  const found = await Promise.all([...new Set(departments)].map((d) => departmentAccounts(store, d, o.regionCode)));
  return [
    ...new Set(
      found
        .flat()
        .filter((a) => coversAsInspector(a, o))
        .map((a) => a.accountId),
    ),
  ].sort();
}

/** The enabled regulator accounts among `ids` (one BatchGet): a disabled or removed officer is not written to. */
export async function enabledRegulators(store: Store, ids: readonly string[]): Promise<Account[]> {
  const unique = [...new Set(ids)];
  if (!unique.length) return [];
  const { data } = await store.accounts.get(unique.map((accountId) => ({ accountId }))).go();
  return data.filter((a) => a.kind === 'regulator' && !a.disabled);
}
