/**
 * The burden meter (issue 10 §10): an enterprise's inspections across all departments, so planners don't pile
 * visits on one enterprise. One item per enterprise (inspectionBurdens) with an attribute per month of 计划开始,
 * `m<yyyyMM>`, moved with ADD in the transaction that creates (or cancels) its tasks; a page of enterprises reads
 * its items with one BatchGet. The figure shown: inspections planned from 11 months before this month on
 * (the last 12 months, and what is already planned ahead).
 */
import { BatchGetCommand, type BatchGetCommandOutput } from '@aws-sdk/lib-dynamodb';
import type { TransactItem } from '../lib/transactions';
import type { Store } from '../store';

const monthAttr = (yyyyMmDd: string) => `m${yyyyMmDd.slice(0, 4)}${yyyyMmDd.slice(5, 7)}`;

function keyOf(store: Store, enterpriseId: string): Record<string, string> {
  const params = store.inspectionBurdens.get({ inspectedEnterpriseId: enterpriseId }).params() as {
    Key: Record<string, string>;
  };
  return params.Key;
}

/** ADD `delta` to the enterprise's month of `plannedStart` (creates the item on first use). */
export function burdenItem(store: Store, enterpriseId: string, plannedStart: string, delta: 1 | -1): TransactItem {
  const attr = monthAttr(plannedStart);
  return {
    Update: {
      TableName: store.table,
      Key: keyOf(store, enterpriseId),
      UpdateExpression: 'ADD #m :d SET #e = :e, #i = :i',
      ExpressionAttributeNames: { '#m': attr, '#e': '__edb_e__', '#i': 'inspectedEnterpriseId' },
      ExpressionAttributeValues: { ':d': delta, ':e': 'inspectionBurden', ':i': enterpriseId },
    },
  };
}

/** Summed per enterprise when one transaction touches the same enterprise's item more than once. */
export function burdenItems(
  store: Store,
  changes: readonly { enterpriseId: string; plannedStart: string; delta: 1 | -1 }[],
): TransactItem[] {
  const sums = new Map<string, { enterpriseId: string; months: Map<string, number> }>();
  for (const c of changes) {
    const s = sums.get(c.enterpriseId) ?? { enterpriseId: c.enterpriseId, months: new Map() };
    const m = monthAttr(c.plannedStart);
    s.months.set(m, (s.months.get(m) ?? 0) + c.delta);
    sums.set(c.enterpriseId, s);
  }
  return [...sums.values()].map((s) => {
    const names: Record<string, string> = { '#e': '__edb_e__', '#i': 'inspectedEnterpriseId' };
    const values: Record<string, unknown> = { ':e': 'inspectionBurden', ':i': s.enterpriseId };
    const adds: string[] = [];
    [...s.months].forEach(([m, d], i) => {
      names[`#m${i}`] = m;
      values[`:d${i}`] = d;
      adds.push(`#m${i} :d${i}`);
    });
    return {
      Update: {
        TableName: store.table,
        Key: keyOf(store, s.enterpriseId),
        UpdateExpression: `ADD ${adds.join(', ')} SET #e = :e, #i = :i`,
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
      },
    };
  });
}

/** The month attributes that count today: 11 months back through 24 ahead. */
export function countedMonths(now: Date): Set<string> {
  const out = new Set<string>();
  for (let i = -11; i <= 24; i++) {
    const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + i, 1));
    out.add(`m${d.getUTCFullYear()}${String(d.getUTCMonth() + 1).padStart(2, '0')}`);
  }
  return out;
}

/** Each enterprise's burden: one BatchGet per 100 enterprises (a page is at most 50). */
export async function readBurdens(
  store: Store,
  enterpriseIds: readonly string[],
  now: Date,
): Promise<Map<string, number>> {
  const out = new Map<string, number>(enterpriseIds.map((id) => [id, 0]));
  const unique = [...new Set(enterpriseIds)];
  const months = countedMonths(now);
  for (let i = 0; i < unique.length; i += 100) {
    let keys: Record<string, unknown>[] | undefined = unique.slice(i, i + 100).map((id) => keyOf(store, id));
    for (let attempt = 0; keys && keys.length && attempt < 5; attempt++) {
      const res: BatchGetCommandOutput = await store.client.send(
        new BatchGetCommand({ RequestItems: { [store.table]: { Keys: keys } } }),
      );
      for (const item of res.Responses?.[store.table] ?? []) {
        let sum = 0;
        for (const [k, v] of Object.entries(item)) if (months.has(k) && typeof v === 'number') sum += v;
        out.set(String(item['inspectedEnterpriseId']), sum);
      }
      keys = res.UnprocessedKeys?.[store.table]?.Keys;
    }
  }
  return out;
}
