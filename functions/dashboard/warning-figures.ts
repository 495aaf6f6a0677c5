/**
 * 预警信息 of the 首页: open warnings of one category within a region, per kind and grade, from the warnings
 * kernel's counters (ONE Query), with their total.
 */
import type { Dashboard } from '../../shared/api/dashboard';
import type { CategoryCode } from '../../shared/reference/categories';
import { WARNING_GRADES, WARNING_KINDS } from '../../shared/reference/warnings';
import { warningCounts } from '../lib/warnings/read';
import type { Store } from '../store';

export type WarningFigures = Dashboard['warnings'];

export async function warningFigures(
  store: Store,
  category: CategoryCode,
  regionCode: string,
): Promise<WarningFigures> {
  const byKind = await warningCounts(store, category, regionCode);
  let total = 0;
  for (const k of WARNING_KINDS) for (const g of WARNING_GRADES) total += Math.max(0, byKind[k][g]);
  return { total, byKind };
}
