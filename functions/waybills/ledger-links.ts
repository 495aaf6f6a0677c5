/**
 * Where a waybill meets the ledger (functions/lib/ledger/, E's kernel): the outbound (shipment) it carries —
 * checked when it is named, claimed on 提交 (only one waybill per shipment), released on 作废 —, the `waybill`
 * step of each code's chain of custody on 发车, and the lines the receiver's 入库 books on 签收.
 */
import { createWriteTransaction } from 'electrodb';
import type { CategoryCode } from '../../shared/reference/categories';
import type { TransactItem } from '../lib/audit';
import { badRequest } from '../lib/http/errors';
import { custodyItems } from '../lib/ledger/custody';
import {
  productKeyOf as ledgerProductKey,
  readShipment,
  type MovementLine,
  type Shipment,
} from '../lib/ledger/movements';
import { itemsOf } from '../lib/transactions';
import type { Store } from '../store';
import type { WaybillRecord } from './record';

const SHIPMENT_PATH = [{ path: 'body.shipmentId', message: '请选择本企业发往该收货单位的未签收出库单' }];

/** The shipment a waybill names, if it may carry it: the shipper's own, to the same receiver, of that category, open. */
export async function carriedShipment(
  store: Store,
  w: Pick<WaybillRecord, 'shipmentId' | 'shipperEnterpriseId' | 'receiverEnterpriseId' | 'category' | 'waybillId'>,
): Promise<Shipment | undefined> {
  if (!w.shipmentId) return undefined;
  const s = await readShipment(store, w.shipmentId);
  if (!s || s.shipperEnterpriseId !== w.shipperEnterpriseId) throw badRequest('出库单不存在', SHIPMENT_PATH);
  if (s.receiverEnterpriseId !== w.receiverEnterpriseId) {
    throw badRequest(`出库单的流向企业是「${s.receiverName}」，与收货单位不一致`, SHIPMENT_PATH);
  }
  if (s.category !== w.category) throw badRequest('出库单的物品类别与托运单不一致', SHIPMENT_PATH);
  if (s.status !== 'open' || s.inboundId) throw badRequest('该出库单已签收入库', SHIPMENT_PATH);
  if (s.waybillId && s.waybillId !== w.waybillId) throw badRequest('该出库单已有电子托运单', SHIPMENT_PATH);
  return s;
}

/** 提交: the shipment records its waybill — only if it has none (two waybills can't both claim one outbound). */
export async function linkShipmentItems(store: Store, w: WaybillRecord): Promise<TransactItem[]> {
  const s = await carriedShipment(store, w);
  if (!s) return [];
  return itemsOf(
    createWriteTransaction({ shipments: store.shipments }, ({ shipments }) => [
      shipments
        .patch({ shipmentId: s.shipmentId })
        .set({ waybillId: w.waybillId })
        .add({ version: 1 })
        .where(
          (a, op) =>
            `${op.eq(a.shipperEnterpriseId, w.shipperEnterpriseId)} AND ${op.notExists(a.waybillId)} AND ${op.notExists(a.inboundId)}`,
        )
        .commit(),
    ]),
  );
}

/** 作废 after 提交: the shipment lets go of the waybill, so another one may carry it. */
export function unlinkShipmentItems(store: Store, w: WaybillRecord): TransactItem[] {
  if (!w.shipmentId) return [];
  return itemsOf(
    createWriteTransaction({ shipments: store.shipments }, ({ shipments }) => [
      shipments
        .patch({ shipmentId: w.shipmentId! })
        .remove(['waybillId'])
        .add({ version: 1 })
        .where((a, op) => op.eq(a.waybillId, w.waybillId))
        .commit(),
    ]),
  );
}

/** 发车: each code's chain gets its `waybill` step — the carrier holds the goods, from the shipper to the receiver. */
export function departureCustodyItems(store: Store, w: WaybillRecord, at: string): TransactItem[] {
  return w.lines.flatMap((l) =>
    l.codes?.length
      ? custodyItems(store, l.codes, {
          kind: 'waybill',
          ref: w.waybillId,
          at,
          date: w.departureDate,
          enterpriseId: w.carrier!.enterpriseId,
          enterpriseName: w.carrier!.name,
          waybillId: w.waybillId,
          ...(w.shipmentId ? { shipmentId: w.shipmentId } : {}),
          counterparty: { enterpriseId: w.receiverEnterpriseId, name: w.receiverEnterpriseName },
          productName: l.productName,
          category: w.category as CategoryCode,
          note: `${w.shipperEnterpriseName} → ${w.receiverEnterpriseName}（运单编号 ${w.waybillNo}，车牌 ${w.vehicle!.plate}）`,
        })
      : [],
  );
}

/**
 * The product a line books into the receiver's 台账: the outbound's product key when the line came from one, else
 * the ledger's key of the goods' category and name (so it lands on the receiver's line of the same goods).
 */
export const productKeyOf = (l: { productKey?: string | undefined; productName: string }, category: string) =>
  l.productKey ?? ledgerProductKey(category, l.productName);

/** The 入库 lines of a signed waybill, at the quantities received. */
export function inboundLines(w: WaybillRecord, received: readonly number[]): MovementLine[] {
  return w.lines.map((l, i) => ({
    productKey: productKeyOf(l, w.category),
    productName: l.productName,
    category: w.category as CategoryCode,
    quantity: received[i] ?? l.quantity,
    unit: l.unit,
    ...(l.codes?.length ? { codes: l.codes } : {}),
  }));
}
