/**
 * The live counters behind the portal's "监管人员开通数量": enabled regulator accounts per department ×
 * jurisdiction. Moved by `ADD` inside the transactions that create, disable and enable accounts (see
 * create.ts, status.ts); read here with one Query of the figure's partition — never a Scan, never a recount.
 */
import { itemsOf } from '../transactions';
import { createWriteTransaction } from 'electrodb';
import type { RegulatorCountsResponse } from '../../../shared/api/accounts';
import { DEPARTMENTS } from '../../../shared/reference/departments';
import { JURISDICTIONS, jurisdictionOf } from '../../../shared/reference/regions';
import type { Store } from '../../store';
import type { TransactItem } from './transact';

export const FIGURE = 'enabledRegulators' as const;

export interface CounterKey {
  department: string;
  /** The jurisdiction's region code (JURISDICTIONS). */
  jurisdiction: string;
}

/** The counter an account counts in while enabled; undefined for enterprise accounts. */
export function counterOf(a: { kind: string; department?: string; regionCode?: string }): CounterKey | undefined {
  if (a.kind !== 'regulator' || !a.department || !a.regionCode) return undefined;
  const j = jurisdictionOf(a.regionCode);
  return j ? { department: a.department, jurisdiction: j.regionCode } : undefined;
}

const keyString = (k: CounterKey) => `${k.department}|${k.jurisdiction}`;

/** Sums deltas per counter: one transaction may touch an item only once. */
export class CounterDeltas {
  private readonly byKey = new Map<string, { key: CounterKey; delta: number }>();

  add(key: CounterKey | undefined, delta: number): this {
    if (!key) return this;
    const k = keyString(key);
    const entry = this.byKey.get(k) ?? { key, delta: 0 };
    entry.delta += delta;
    this.byKey.set(k, entry);
    return this;
  }

  /** Would adding this key make one more item? */
  isNew(key: CounterKey | undefined): boolean {
    return Boolean(key) && !this.byKey.has(keyString(key!));
  }

  get size(): number {
    return this.byKey.size;
  }

  /** The `ADD count :delta` updates, one per counter that moves. */
  items(store: Store, now: number): TransactItem[] {
    const moving = [...this.byKey.values()].filter((e) => e.delta !== 0);
    if (!moving.length) return [];
    const updatedAt = new Date(now).toISOString();
    return itemsOf(
      createWriteTransaction({ counters: store.accountCounters }, ({ counters }) =>
        moving.map(({ key, delta }) =>
          counters
            .update({ figure: FIGURE, department: key.department, jurisdiction: key.jurisdiction })
            .add({ count: delta })
            .set({ updatedAt })
            .commit(),
        ),
      ),
    );
  }
}

/**
 * The figure for every department (DEPARTMENTS order) × every jurisdiction (JURISDICTIONS order), zeros
 * included: one Query of at most 176 items (one page; `pages: 'all'` only as a guard).
 */
export async function regulatorCounts(store: Store): Promise<RegulatorCountsResponse> {
  const { data } = await store.accountCounters.query.byFigure({ figure: FIGURE }).go({ pages: 'all' });
  const count = new Map(data.map((c) => [keyString(c), c.count]));
  const departments = DEPARTMENTS.map((d) => {
    const counts = JURISDICTIONS.map((j) => ({
      regionCode: j.regionCode,
      name: j.name,
      count: count.get(keyString({ department: d.code, jurisdiction: j.regionCode })) ?? 0,
    }));
    return { department: d.code, name: d.short, total: counts.reduce((s, c) => s + c.count, 0), counts };
  });
  return {
    jurisdictions: JURISDICTIONS.map((j) => ({ regionCode: j.regionCode, name: j.name })),
    departments,
    total: departments.reduce((s, d) => s + d.total, 0),
  };
}
