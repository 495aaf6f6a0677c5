/**
 * The 首页's yearly counters (inspections completed, hazards issued / confirmed per category × region level ×
 * Asia/Shanghai year): the ONE place that decides which counter items a completion or a hazard step moves.
 * Callers add the items to the transaction that makes the change, so a counter can't drift from what it counts:
 * a redelivered event or a second 完成 fails that transaction's own condition and moves nothing.
 */
import { createWriteTransaction } from 'electrodb';
import { regionLevels } from '../register/counters';
import { itemsOf, type TransactItem } from '../transactions';
import { shanghaiToday } from '../../../shared/reference/warnings';
import type { Store } from '../../store';

export const STATS_METRICS = ['inspectionsCompleted', 'hazardsIssued', 'hazardsConfirmed'] as const;
export type StatsMetric = (typeof STATS_METRICS)[number];
export type StatsFigures = Record<StatsMetric, number>;

/** The Asia/Shanghai calendar year of an instant: an inspection completed at 2026-12-31T17:00Z counts in 2027. */
export function statsYear(at: Date | string): string {
  return shanghaiToday(typeof at === 'string' ? new Date(at) : at).slice(0, 4);
}

/** ADD `by` (default 1) to `metric` at the region and every level above it, for the instant's year. */
export function statsCounterItems(
  store: Store,
  change: { category: string; regionCode: string; at: Date | string; metric: StatsMetric; by?: number },
): TransactItem[] {
  const year = statsYear(change.at);
  return itemsOf(
    createWriteTransaction({ counters: store.statsCounters }, ({ counters }) =>
      regionLevels(change.regionCode).map((regionCode) =>
        counters
          .update({ statsCategory: change.category, year, regionCode })
          .add({ [change.metric]: change.by ?? 1 })
          .commit(),
      ),
    ),
  );
}

const zero = (): StatsFigures => ({ inspectionsCompleted: 0, hazardsIssued: 0, hazardsConfirmed: 0 });

/**
 * The year's figures of a region and of every region below it, keyed by region code (absent = all zero): ONE
 * Query on the category × year partition with `begins_with(regionCode)` — at most the province's ~95 small items.
 */
export async function readStats(
  store: Store,
  category: string,
  year: string,
  regionCode: string,
): Promise<Map<string, StatsFigures>> {
  const out = new Map<string, StatsFigures>();
  let cursor: string | null = null;
  do {
    const page: { data: Parameters<typeof figuresOf>[0][]; cursor: string | null } = await store.statsCounters.query
      .byRegion({ statsCategory: category, year })
      .begins({ regionCode })
      .go({ cursor, pages: 1 });
    for (const item of page.data) out.set(item.regionCode, figuresOf(item));
    cursor = page.cursor;
  } while (cursor);
  return out;
}

function figuresOf(item: { regionCode: string } & Partial<Record<StatsMetric, number>>): StatsFigures {
  const f = zero();
  for (const m of STATS_METRICS) f[m] = item[m] ?? 0;
  return f;
}

export const emptyStats = zero;
