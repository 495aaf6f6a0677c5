/**
 * The warnings kernel's reads: one warning, and the live counts a dashboard shows (ONE Query per category ×
 * region: the counters of a (category, region) share a partition — functions/store/entities/warning-counter.ts).
 */
import type { CategoryCode } from '../../../shared/reference/categories';
import { WARNING_GRADES, WARNING_KINDS, type WarningGrade, type WarningKind } from '../../../shared/reference/warnings';
import type { Store } from '../../store';
import type { Warning } from './write';

export type WarningCounts = Record<WarningKind, Record<WarningGrade, number>>;

export async function readWarning(store: Store, warningId: string): Promise<Warning | undefined> {
  const { data } = await store.warnings.get({ warningId }).go();
  return data ?? undefined;
}

/** Every kind × grade at zero: what a region without warnings shows. */
export function zeroCounts(): WarningCounts {
  return Object.fromEntries(
    WARNING_KINDS.map((k) => [k, Object.fromEntries(WARNING_GRADES.map((g) => [g, 0]))]),
  ) as WarningCounts;
}

/** Counts of OPEN warnings for one category within a region (province '35', city, county): ONE Query. */
export async function warningCounts(store: Store, category: CategoryCode, regionCode: string): Promise<WarningCounts> {
  // 4 kinds × 4 grades = at most 16 small items: one page.
  const { data } = await store.warningCounters.query
    .byCategoryRegion({ warningCategory: category, regionCode })
    .go({ pages: 'all' });
  const counts = zeroCounts();
  for (const c of data) counts[c.kind][c.grade] = c.count;
  return counts;
}
