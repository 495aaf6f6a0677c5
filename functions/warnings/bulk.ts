/**
 * The state a night's scan leaves, written in bulk on a table that has no warnings yet: the demo seed (so
 * 大数据预警 shows rows on `npm start`) and the bench (the previous night, at the seed's scale). The same causes
 * (causes.ts), the same kernel items (each warning's Put items — the warning, its list rows, its `raised` step —
 * without their conditions), and the counters and open sets those raises add up to, each written once with its
 * total. Not for a table that has warnings: a scan (or an event) is the only writer then.
 */
import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { isCategoryCode } from '../../shared/reference/categories';
import { categoriesOf } from '../lib/register/scope';
import { raiseWarningItems, regionLevels, shardOf, warningIdOf, type WarningInput } from '../lib/warnings/write';
import type { Store } from '../store';
import { plan } from './reconcile';
import { EnterpriseCache, loadCauses, SCANNED_KINDS, type RaisedWarning } from './scan';

const BATCH = 25;
const PARALLEL = 6;

async function batchPut(store: Store, items: Record<string, unknown>[]): Promise<void> {
  for (let i = 0; i < items.length; i += BATCH * PARALLEL) {
    await Promise.all(
      Array.from({ length: PARALLEL }, (_, j) => items.slice(i + j * BATCH, i + (j + 1) * BATCH))
        .filter((b) => b.length)
        .map(async (batch) => {
          let request: Record<string, unknown>[] = batch.map((Item) => ({ PutRequest: { Item } }));
          // Unprocessed items (throttling) are sent again until none are left.
          for (let attempt = 0; request.length; attempt++) {
            const out = await store.client.send(
              new BatchWriteCommand({ RequestItems: { [store.table]: request as never } }),
            );
            request = (out.UnprocessedItems?.[store.table] ?? []) as Record<string, unknown>[];
            if (request.length) await new Promise((r) => setTimeout(r, Math.min(1000, 50 * 2 ** attempt)));
          }
        }),
    );
  }
}

/** Raise, in bulk, every warning the scan on `day` would raise on a table without warnings. */
export async function bulkRaise(store: Store, day: string, now: string): Promise<RaisedWarning[]> {
  const figures = { itemsRead: 0, itemsDue: 0, raised: 0, regraded: 0, cleared: 0 };
  const enterprises = new EnterpriseCache(store, () => {});
  const puts: Record<string, unknown>[] = [];
  const counters = new Map<string, Record<string, unknown> & { count: number }>();
  const sets = new Map<string, Record<string, unknown>>();
  const raised: RaisedWarning[] = [];
  for (const kind of SCANNED_KINDS) {
    const actions = plan(await loadCauses(store, kind, day, figures), new Map(), kind).actions;
    await enterprises.prefetch(actions.flatMap((a) => (a.type === 'raise' ? [a.cause.enterpriseId] : [])));
    for (const a of actions) {
      if (a.type !== 'raise') continue;
      const c = a.cause;
      const e = await enterprises.get(c.enterpriseId);
      if (!c.enterpriseName && (!e || e.removed)) continue;
      const categories = c.categories ?? categoriesOf(e?.segments ?? []).filter(isCategoryCode);
      if (!categories.length) continue;
      const input: WarningInput = {
        kind: c.kind,
        sourceKey: c.sourceKey,
        grade: c.grade,
        regionCode: c.regionCode,
        categories,
        enterpriseId: c.enterpriseId,
        enterpriseName: c.enterpriseName ?? e!.name,
        dueDate: c.dueDate,
        detail: c.detail,
      };
      for (const item of raiseWarningItems(store, input, now)) {
        const put = (item as { Put?: { Item: Record<string, unknown> } }).Put;
        if (put) puts.push(put.Item);
      }
      for (const warningCategory of categories) {
        for (const regionCode of regionLevels(input.regionCode)) {
          const key = { warningCategory, regionCode, kind: c.kind, grade: c.grade, shard: shardOf(c.dueDate) };
          const k = JSON.stringify(key);
          counters.set(k, { ...key, count: (counters.get(k)?.count ?? 0) + 1 });
        }
      }
      const setKey = `${c.kind}|${c.dueDate}`;
      const set = sets.get(setKey) ?? { openKind: c.kind, dueDate: c.dueDate };
      set[c.grade] = [...((set[c.grade] as string[] | undefined) ?? []), warningIdOf(c.kind, c.sourceKey)];
      sets.set(setKey, set);
      raised.push({ id: warningIdOf(c.kind, c.sourceKey), input });
    }
  }
  if (counters.size) await store.warningCounters.put([...counters.values()] as never[]).go({ concurrency: PARALLEL });
  if (sets.size) await store.warningOpenSets.put([...sets.values()] as never[]).go({ concurrency: PARALLEL });
  await batchPut(store, puts);
  return raised;
}
