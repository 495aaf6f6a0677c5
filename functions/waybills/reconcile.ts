/**
 * The daily three-way reconciliation (issue 13 §5): each outbound to another enterprise (a shipment, E's) ↔ its
 * waybill ↔ the receiver's inbound. It reads only the `due` index's `shipment` partition up to today — open
 * shipments whose 3 days (出库日期 + 3) have come — so its cost grows with open shipments, not with history:
 * - matched (a waybill and an inbound on it): the shipment closes (leaves the due index) and, if it was late (a
 *   流向未闭合 warning may have been raised on it), that warning clears — in one transaction;
 * - not matched and past its day: 物品流向预警 (流向未闭合), raised once (the warning's id is the shipment's; a
 *   second raise fails its own condition and writes nothing).
 * Quantities are compared when the receiver signs (functions/waybills/sign.ts raises 流向数量差异 there, with
 * both sides in hand), so this job reads nothing but the due items and, for late matches, their warning.
 */
import type { CategoryCode } from '../../shared/reference/categories';
import { shanghaiToday } from '../../shared/reference/warnings';
import { addDays } from '../../shared/validation/dates';
import { SYSTEM_ACTOR, transactWithAudit, type TransactItem } from '../lib/audit';
import { SHIPMENT_DUE_KIND, type Shipment } from '../lib/ledger/movements';
import type { createLogger } from '../lib/logger';
import { isConditionFailure } from '../lib/transactions';
import { readWarning } from '../lib/warnings/read';
import { endWarningItems, raiseWarningItems, warningIdOf } from '../lib/warnings/write';
import type { Store } from '../store';
import { TABLE } from '../store/table';

export interface ReconcileResult {
  /** Due items the Query returned, and warnings read (late matches only). */
  itemsRead: number;
  closed: number;
  raised: number;
  cleared: number;
  /** Not matched and late, already warned (or the warning was closed by a regulator). */
  stillOpen: number;
}

export const unclosedKey = (shipmentId: string) => `unclosed/${shipmentId}`;

/** Every open shipment due on or before `today`, a page at a time. */
async function* dueShipments(store: Store, today: string): AsyncGenerator<Shipment[]> {
  let cursor: string | null = null;
  do {
    const page: { data: Shipment[]; cursor: string | null } = await store.shipments.query
      .byDueDate({ dueKind: SHIPMENT_DUE_KIND })
      // The sort key is dueDate#shipmentId: `< tomorrow` takes every item due today (`<= today` would stop before them).
      .lt({ dueDate: addDays(today, 1) })
      .go({ cursor, limit: 100 });
    yield page.data;
    cursor = page.cursor;
  } while (cursor);
}

/**
 * Close the shipment: status closed, off the `due` index (its keys and composites removed), at the version read.
 * Hand-built: the index's sort key also holds `shipmentId`, which every write carries, so ElectroDB refuses any write
 * that leaves the conditional index's other composites out (it can't drop a sparse index whose composites overlap).
 */
function closeItems(store: Store, s: Shipment): TransactItem[] {
  const { Key } = store.shipments.get({ shipmentId: s.shipmentId }).params() as { Key: Record<string, string> };
  return [
    {
      Update: {
        TableName: store.table,
        Key,
        UpdateExpression: 'SET #status = :closed, #version = #version + :one REMOVE #dueKind, #dueDate, #duepk, #duesk',
        ConditionExpression: '#version = :read',
        ExpressionAttributeNames: {
          '#status': 'status',
          '#version': 'version',
          '#dueKind': 'dueKind',
          '#dueDate': 'dueDate',
          '#duepk': TABLE.indexes.find((i) => i.name === 'due')!.pk,
          '#duesk': TABLE.indexes.find((i) => i.name === 'due')!.sk,
        },
        ExpressionAttributeValues: { ':closed': 'closed', ':one': 1, ':read': s.version },
      },
    },
  ];
}

/** One shipment's outcome, with the system's audit record, in one transaction. */
async function send(store: Store, jobId: string, s: Shipment, action: string, items: TransactItem[]) {
  await transactWithAudit(
    store,
    {
      actor: SYSTEM_ACTOR,
      action,
      object: { type: 'shipment', id: s.shipmentId, label: `${s.shipperName} → ${s.receiverName}` },
      outcome: 'success',
      sourceIp: '0.0.0.0',
      requestId: `${jobId}:${s.shipmentId}`,
    },
    items,
  );
}

export async function reconcileShipments(
  store: Store,
  now: Date,
  jobId: string,
  log?: Pick<ReturnType<typeof createLogger>, 'warn'>,
): Promise<ReconcileResult> {
  const today = shanghaiToday(now);
  const at = now.toISOString();
  const r: ReconcileResult = { itemsRead: 0, closed: 0, raised: 0, cleared: 0, stillOpen: 0 };
  for await (const page of dueShipments(store, today)) {
    r.itemsRead += page.length;
    for (const s of page) {
      try {
        if (s.waybillId && s.inboundId) {
          const items = closeItems(store, s);
          // Only a shipment that was late can carry a 流向未闭合 warning: on-time matches read nothing more.
          if (s.dueDate && s.dueDate < today) {
            r.itemsRead += 1;
            const w = await readWarning(store, warningIdOf('flow', unclosedKey(s.shipmentId)));
            if (w?.status === 'open') {
              items.push(
                ...endWarningItems(store, w, { status: 'cleared', reason: '出库、电子托运单与收货入库已核对一致' }, at),
              );
              r.cleared += 1;
            }
          }
          await send(store, jobId, s, 'shipment.reconcile.close', items);
          r.closed += 1;
        } else if (s.dueDate && s.dueDate < today) {
          const items = raiseWarningItems(
            store,
            {
              kind: 'flow',
              flowType: 'flow-unclosed',
              sourceKey: unclosedKey(s.shipmentId),
              grade: 'red',
              regionCode: s.shipperRegionCode,
              categories: [s.category as CategoryCode],
              enterpriseId: s.shipperEnterpriseId,
              enterpriseName: s.shipperName,
              dueDate: s.dueDate,
              detail: {
                shipmentId: s.shipmentId,
                warehouseId: s.warehouseId,
                warehouseName: s.warehouseName,
                productName: s.lines.map((l) => l.productName).join('、'),
                category: s.category,
              },
            },
            at,
          );
          try {
            await send(store, jobId, s, 'shipment.reconcile.unclosed', items);
            r.raised += 1;
          } catch (err) {
            if (!isConditionFailure(err)) throw err;
            r.stillOpen += 1;
          }
        }
      } catch (err) {
        // One shipment's failure (e.g. it moved meanwhile) must not stop the others; tomorrow's run retries it.
        if (!isConditionFailure(err)) throw err;
        log?.warn('reconciliation: shipment moved meanwhile', { shipmentId: s.shipmentId });
      }
    }
  }
  return r;
}
