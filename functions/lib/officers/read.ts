// STUB until h-officers merges: the functions of interfaces.md. `officersIn` reads the real accounts (the
// accounts' byDepartment index, paged through); 回避 and 专家库 have no store yet on this branch, so the
// conflict and expert functions answer empty lists. The lead keeps H2's version.
import type { Store } from '../../store';
import type { CategoryCode } from '../../../shared/reference/categories';
import type { DepartmentCode } from '../../../shared/reference/departments';
import { doesBusiness } from '../../../shared/reference/roles';

export interface Officer {
  officerId: string;
  name: string;
  department: DepartmentCode;
  regionCode: string;
}

export async function officersIn(store: Store, department: DepartmentCode, jurisdiction: string): Promise<Officer[]> {
  const { data } = await store.accounts.query
    .byDepartment({ department })
    .begins({ regionCode: jurisdiction })
    .go({ pages: 'all' });
  return data
    .filter((a) => a.kind === 'regulator' && !a.disabled && (a.roles ?? []).includes('inspector'))
    .filter((a) => doesBusiness(a.roles ?? []))
    .map((a) => ({ officerId: a.accountId, name: a.name, department, regionCode: a.regionCode ?? jurisdiction }))
    .sort((a, b) => (a.officerId < b.officerId ? -1 : a.officerId > b.officerId ? 1 : 0));
}

export async function officerConflicts(
  _store: Store,
  _officerIds: readonly string[],
): Promise<Array<{ officerId: string; enterpriseId: string }>> {
  return [];
}

export interface Expert {
  expertId: string;
  name: string;
  categories: CategoryCode[];
  segments: string[];
  employer: string;
  phone: string;
  regionCode: string;
  department: DepartmentCode;
  disabled: boolean;
}

export async function expertsIn(
  _store: Store,
  _department: DepartmentCode,
  _jurisdiction: string,
  _category?: CategoryCode,
): Promise<Expert[]> {
  return [];
}

export async function expertConflicts(
  _store: Store,
  _expertIds: readonly string[],
): Promise<Array<{ expertId: string; enterpriseId: string }>> {
  return [];
}
