/**
 * 首页 › 统计数据 and 预警信息 for a regulator: one category within one region of their jurisdiction (their own by
 * default; drill-down to a city or county below it, never above or beside it → 404). Built from counters only, the
 * reads in parallel: the register's enterprise counters of the category's segments at the region and its
 * children (two BatchGets of half the keys each), the warnings' counters (ONE Query) and the year's inspection / hazard counters of the region and everything below it (ONE Query).
 */
import type { Dashboard, DashboardQuery } from '../../shared/api/dashboard';
import type { CategoryCode } from '../../shared/reference/categories';
import { CITIES, countiesOf, findRegion, type Region } from '../../shared/reference/regions';
import { SEGMENTS } from '../../shared/reference/segments';
import type { Regulator } from '../lib/auth/principal';
import { notFound } from '../lib/http/errors';
import { regionLevels } from '../lib/register/counters';
import { requireCategory, withinJurisdiction } from '../lib/scope';
import { emptyStats, readStats, statsYear } from '../lib/stats/counters';
import type { Store } from '../store';
import { warningFigures } from './warning-figures';

export const REGION_NOT_FOUND = '该行政区划不存在或不在您的辖区内';

/** The regions one level below: the province's cities, a city's counties, none below a county. */
export function childrenOf(r: Region): readonly Region[] {
  if (r.level === 'province') return CITIES;
  if (r.level === 'city') return countiesOf(r.code);
  return [];
}

/** The region a regulator may look at: inside their jurisdiction, else 404 (what lies outside does not exist). */
export function dashboardRegion(p: Regulator, code: string | undefined): Region {
  const r = findRegion(code ?? p.regionCode);
  if (!r || !withinJurisdiction(p, r.code)) throw notFound(REGION_NOT_FOUND);
  return r;
}

export async function regulatorDashboard(
  store: Store,
  p: Regulator,
  q: DashboardQuery,
  now: Date = new Date(),
): Promise<Dashboard> {
  const category = q.category as CategoryCode;
  requireCategory(p, category);
  const r = dashboardRegion(p, q.region);
  const children = childrenOf(r);
  const segments = SEGMENTS[category];
  const year = statsYear(now);
  const regionCodes = [r.code, ...children.map((c) => c.code)];
  const [counters, warnings, stats] = await Promise.all([
    enterpriseCounts(
      store,
      segments.flatMap((s) => regionCodes.map((regionCode) => ({ category, segment: s.code, regionCode }))),
    ),
    warningFigures(store, category, r.code),
    readStats(store, category, year, r.code),
  ]);
  const count = new Map(counters.map((c) => [`${c.segment}|${c.regionCode}`, c.total ?? 0]));
  const segmentsAt = (code: string) =>
    Object.fromEntries(segments.map((s) => [s.code, count.get(`${s.code}|${code}`) ?? 0]));
  const own = segmentsAt(r.code);
  return {
    category,
    region: { code: r.code, name: r.name, fullName: r.fullName, level: r.level },
    trail: regionLevels(r.code)
      .filter((code) => code.length >= p.regionCode.length)
      .map((code) => ({ code, name: findRegion(code)!.name })),
    children: children.map((c) => ({ code: c.code, name: c.name })),
    asOf: now.toISOString(),
    year,
    segments: segments.map((s) => ({ code: s.code, name: s.name, count: own[s.code] ?? 0 })),
    childSegments: children.map((c) => ({ code: c.code, counts: segmentsAt(c.code) })),
    warnings,
    thisYear: stats.get(r.code) ?? emptyStats(),
    childYear: children.map((c) => ({ code: c.code, figures: stats.get(c.code) ?? emptyStats() })),
  };
}

type CounterKey = { category: string; segment: string; regionCode: string };
type CounterRow = { segment: string; regionCode: string; total?: number };

/**
 * The counters of these keys: two BatchGets in parallel, each of half the keys (≤ 50: a category has ≤ 7 segments,
 * a city ≤ 13 counties) — a BatchGet's time grows with its keys, so two halves at once answer sooner than one whole,
 * and the load stays at 4 requests. What DynamoDB leaves unprocessed under load is asked for again.
 */
async function enterpriseCounts(store: Store, keys: CounterKey[]): Promise<CounterRow[]> {
  const half = Math.ceil(keys.length / 2);
  const parts = await Promise.all(
    [keys.slice(0, half), keys.slice(half)].filter((part) => part.length > 0).map((part) => counterBatch(store, part)),
  );
  return parts.flat();
}

async function counterBatch(store: Store, keys: CounterKey[]): Promise<CounterRow[]> {
  const found: CounterRow[] = [];
  let wanted = keys;
  for (let attempt = 0; wanted.length && attempt < 4; attempt++) {
    const res = await store.enterpriseCounters.get(wanted).go({ attributes: ['segment', 'regionCode', 'total'] });
    found.push(...res.data);
    wanted = res.unprocessed as CounterKey[];
  }
  if (wanted.length) throw new Error(`enterprise counters: ${wanted.length} keys left unprocessed`);
  return found;
}
