/**
 * 签收 (issue 13 §4): the receiving enterprise signs an arrived waybill, and its 入库 is booked from the waybill in
 * the SAME transaction (E's `inboundItems`, with the shipment so the outbound records its inbound): the stock rises
 * exactly when the waybill reads 已签收, never one without the other. What arrived per line defaults to what the
 * waybill says; when it differs from the outbound (or from the waybill, without one), a 物品流向预警 (流向数量差异)
 * is raised in the same transaction.
 */
import type { WaybillSignInput } from '../../shared/api/waybills';
import type { CategoryCode } from '../../shared/reference/categories';
import { shanghaiToday } from '../../shared/reference/warnings';
import { actorOf, transactWithAudit, type TransactItem } from '../lib/audit';
import type { EnterpriseAccount } from '../lib/auth/principal';
import { badRequest, conflict, forbidden } from '../lib/http/errors';
import { inboundItems, newMovementId, readShipment, type Shipment } from '../lib/ledger/movements';
import { raiseWarningItems } from '../lib/warnings/write';
import { isConditionFailure } from '../lib/transactions';
import type { Store } from '../store';
import { inboundLines, productKeyOf } from './ledger-links';
import { STALE, statusName, type RequestMeta } from './lifecycle';
import { detailOf, isReceiver, visibleWaybill, type WaybillRecord } from './record';
import { waybillItems, waybillMoved } from './writes';

/** Per product: what left (the outbound's lines, else the waybill's) against what arrived. */
export function quantityDifferences(
  sent: readonly { productKey: string; productName: string; quantity: number; unit: string }[],
  received: readonly { productKey: string; quantity: number }[],
) {
  const sum = (rows: readonly { productKey: string; quantity: number }[]) => {
    const by = new Map<string, number>();
    for (const r of rows) by.set(r.productKey, (by.get(r.productKey) ?? 0) + r.quantity);
    return by;
  };
  const s = sum(sent);
  const r = sum(received);
  const names = new Map(sent.map((l) => [l.productKey, l]));
  return [...new Set([...s.keys(), ...r.keys()])]
    .filter((k) => Math.abs((s.get(k) ?? 0) - (r.get(k) ?? 0)) > 1e-9)
    .map((k) => ({
      productKey: k,
      productName: names.get(k)?.productName ?? k,
      unit: names.get(k)?.unit ?? '',
      sent: s.get(k) ?? 0,
      received: r.get(k) ?? 0,
    }));
}

function quantityWarningItems(
  store: Store,
  w: WaybillRecord,
  shipment: Shipment | undefined,
  received: readonly number[],
  now: string,
): TransactItem[] {
  const sent = shipment ? shipment.lines : w.lines.map((l) => ({ ...l, productKey: productKeyOf(l, w.category) }));
  const diffs = quantityDifferences(
    sent,
    w.lines.map((l, i) => ({ productKey: productKeyOf(l, w.category), quantity: received[i] ?? l.quantity })),
  );
  if (diffs.length === 0) return [];
  const first = diffs[0]!;
  return raiseWarningItems(
    store,
    {
      kind: 'flow',
      flowType: 'flow-quantity',
      sourceKey: `quantity/${shipment?.shipmentId ?? w.waybillId}`,
      grade: 'red',
      regionCode: w.shipperRegionCode,
      categories: [w.category as CategoryCode],
      enterpriseId: w.shipperEnterpriseId,
      enterpriseName: w.shipperEnterpriseName,
      detail: {
        ...(shipment ? { shipmentId: shipment.shipmentId } : {}),
        category: w.category,
        productName: diffs.map((d) => d.productName).join('、'),
        systemQuantity: first.sent,
        actualQuantity: first.received,
        unit: first.unit,
      },
    },
    now,
  );
}

export async function signWaybill(
  store: Store,
  p: EnterpriseAccount,
  waybillId: string,
  input: WaybillSignInput,
  meta: RequestMeta,
) {
  const w = await visibleWaybill(store, p, waybillId);
  if (!isReceiver(p, w)) throw forbidden('只有收货单位可以签收托运单');
  if (w.status !== 'arrived') throw conflict(`托运单当前为「${statusName(w.status)}」，到达后才能签收`);
  if (w.version !== input.version) throw conflict(STALE);
  const received = input.receivedQuantities ?? w.lines.map((l) => l.quantity);
  if (received.length !== w.lines.length) {
    throw badRequest('实收数量应与货物逐行对应', [{ path: 'body.receivedQuantities', message: '请逐行填写实收数量' }]);
  }
  const shipment = w.shipmentId ? await readShipment(store, w.shipmentId) : undefined;
  if (w.shipmentId && (!shipment || shipment.inboundId)) throw conflict('该出库单已签收入库');
  const now = new Date();
  const at = now.toISOString();
  const today = shanghaiToday(now);
  const movementId = newMovementId(today, now);
  const by = { accountId: p.accountId, name: p.name };
  const next: WaybillRecord = {
    ...w,
    status: 'signed',
    lines: w.lines.map((l, i) => ({ ...l, receivedQuantity: received[i]! })),
    signedAt: at,
    signedBy: by,
    inboundId: movementId,
    updatedAt: at,
    version: w.version + 1,
  };
  const inbound = await inboundItems(
    store,
    {
      enterpriseId: p.enterpriseId,
      warehouseId: input.warehouseId,
      sourceEnterprise: { enterpriseId: w.shipperEnterpriseId, name: w.shipperEnterpriseName },
      date: today,
      handler: input.handler,
      lines: inboundLines(w, received),
      ...(w.shipmentId ? { shipmentId: w.shipmentId } : {}),
      waybillId: w.waybillId,
      movementId,
      by,
    },
    at,
  );
  try {
    await transactWithAudit(
      store,
      {
        actor: actorOf(p),
        action: 'waybill.sign',
        object: { type: 'waybill', id: w.waybillId, label: w.waybillNo },
        outcome: 'success',
        ...meta,
        details: { inboundId: movementId, warehouseId: input.warehouseId, received: [...received] },
      },
      [...waybillItems(store, w, next), ...inbound, ...quantityWarningItems(store, w, shipment, received, at)],
    );
  } catch (err) {
    if (waybillMoved(err)) throw conflict(STALE);
    // The outbound's own condition (E's: received once, by its receiver) or a custody step already written.
    if (isConditionFailure(err)) throw conflict('该出库单或编码已签收入库，请刷新后查看');
    throw err;
  }
  return detailOf(next, p);
}
