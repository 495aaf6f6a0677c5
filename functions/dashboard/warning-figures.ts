/**
 * 预警信息 of the 首页: open warnings of one category within a region, per kind and grade, from the warnings
 * kernel's counters (ONE Query).
 */
import type { CategoryCode } from '../../shared/reference/categories';
import { DASHBOARD_WARNING_GRADES, DASHBOARD_WARNING_KINDS, type Dashboard } from '../../shared/api/dashboard';
import type { Store } from '../store';

export type WarningFigures = Dashboard['warnings'];

export async function warningFigures(
  _store: Store,
  _category: CategoryCode,
  _regionCode: string,
): Promise<WarningFigures> {
  // Until the warnings kernel (functions/lib/warnings/read.ts `warningCounts`) is merged, nothing is open.
  const byKind = Object.fromEntries(
    DASHBOARD_WARNING_KINDS.map((k) => [k, Object.fromEntries(DASHBOARD_WARNING_GRADES.map((g) => [g, 0]))]),
  ) as WarningFigures['byKind'];
  return { total: 0, byKind };
}
