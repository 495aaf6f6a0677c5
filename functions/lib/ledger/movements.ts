/**
 * The 台账 kernel: the items of one movement for the caller's transaction. Stock changes are conditional
 * ADDs on the stock line (never a read-modify-write), so concurrent movements never lose a write and an
 * outbound can never take a line below zero; each movement is ONE transaction with its custody steps.
 * F's 签收 calls `inboundItems` inside the signing transaction.
 */
import { randomBytes } from 'node:crypto';
import { createWriteTransaction, type EntityItem } from 'electrodb';
import type { CategoryCode } from '../../../shared/reference/categories';
import type { Store } from '../../store';
import type { shipmentModel } from '../../store/entities/shipment';
import { badRequest, notFound } from '../http/errors';
import { itemsOf, type TransactItem } from '../transactions';
import { custodyItems } from './custody';

export type Shipment = EntityItem<ReturnType<typeof shipmentModel>>;

export interface MovementLine {
  productKey: string;
  productName: string;
  category: CategoryCode;
  quantity: number;
  unit: string;
  codes?: string[];
  /** 批号, when the goods carry one. */
  batchNo?: string;
}

/** The `due` partition of open shipments (F's reconciliation reads it by date). */
export const SHIPMENT_DUE_KIND = 'shipment';
/** A shipment is expected to be received within 3 days of its 出库日期 (民爆: each side reports within 3 days). */
export const SHIPMENT_DUE_DAYS = 3;

/**
 * A movement id: 'mv-' + its business date + the creation instant + randomness, so a warehouse's movements sort
 * by date (then by when they were recorded) in their partition and the list is one Query.
 */
export function newMovementId(date: string, now: Date = new Date()): string {
  const instant = now.getTime().toString(36).padStart(9, '0');
  return `mv-${date.replaceAll('-', '')}-${instant}${randomBytes(5).toString('hex')}`;
}

export const newShipmentId = (): string => `shp-${randomBytes(12).toString('hex')}`;

/**
 * A product's key in a warehouse's 台账: its category and name (trimmed, spaces collapsed). The same goods keep
 * the same key across enterprises, so what a shipper sends lands on the receiver's line of the same name.
 */
export function productKeyOf(category: string, productName: string): string {
  return `${category}:${productName.trim().replace(/\s+/g, ' ')}`;
}

/** Thousandths: quantities have at most 3 decimals, so sums and differences are done on integers. */
export const toMilli = (q: number): number => Math.round(q * 1000);
export const fromMilli = (m: number): number => m / 1000;
export const addQuantities = (a: number, b: number): number => fromMilli(toMilli(a) + toMilli(b));
export const subtractQuantities = (a: number, b: number): number => fromMilli(toMilli(a) - toMilli(b));

/** The names a movement's 产品名称 filter searches. */
export const productTextOf = (lines: readonly { productName: string }[]): string =>
  [...new Set(lines.map((l) => l.productName))].join('、');

/** Lines summed per product: one transaction may touch a stock line only once. */
export function quantitiesByProduct(lines: readonly MovementLine[]): Map<string, MovementLine> {
  const by = new Map<string, MovementLine>();
  for (const l of lines) {
    const seen = by.get(l.productKey);
    if (seen && seen.unit !== l.unit) throw badRequest(`“${l.productName}”的各行计量单位应一致`);
    by.set(l.productKey, seen ? { ...seen, quantity: addQuantities(seen.quantity, l.quantity) } : { ...l });
  }
  return by;
}

/** The item adding `line.quantity` to its stock line (created at that quantity if the product is new there). */
export function stockAddItem(
  store: Store,
  key: { enterpriseId: string; warehouseId: string },
  line: MovementLine,
  now: string,
): TransactItem {
  return itemsOf(
    createWriteTransaction({ stock: store.stockLines }, ({ stock }) => [
      stock
        .upsert({ ...key, productKey: line.productKey, lastMovementAt: now })
        .ifNotExists({ productName: line.productName, category: line.category, unit: line.unit })
        .add({ quantity: line.quantity, version: 1 })
        // A product keeps one unit in a warehouse: 吨 and 千克 never add up silently.
        .where((a, op) => `${op.notExists(a.unit)} OR ${op.eq(a.unit, line.unit)}`)
        .commit(),
    ]),
  )[0]!;
}

/**
 * The item taking `line.quantity` from its stock line, only if the line exists and holds at least that much:
 * the condition is what keeps stock non-negative under any concurrency.
 */
export function stockTakeItem(
  store: Store,
  key: { enterpriseId: string; warehouseId: string },
  line: MovementLine,
  now: string,
): TransactItem {
  return itemsOf(
    createWriteTransaction({ stock: store.stockLines }, ({ stock }) => [
      stock
        .patch({ ...key, productKey: line.productKey })
        .set({ lastMovementAt: now })
        .subtract({ quantity: line.quantity })
        .add({ version: 1 })
        .where((a, op) => `${op.gte(a.quantity, line.quantity)} AND ${op.eq(a.unit, line.unit)}`)
        .commit(),
    ]),
  )[0]!;
}

/**
 * Items of ONE 入库 (stock ADD per product, the movement, custody `inbound` steps for its codes), for the caller's
 * transaction. With `shipmentId` (F's 签收) the shipment records its inbound — only once, and only for its
 * receiver. The warehouse must be the enterprise's own (404 otherwise).
 */
export async function inboundItems(
  store: Store,
  input: {
    enterpriseId: string;
    warehouseId: string;
    sourceEnterprise: { enterpriseId?: string; name: string };
    date: string;
    handler: string;
    lines: MovementLine[];
    shipmentId?: string;
    waybillId?: string;
    movementId: string;
    /** Who recorded it (the movement's createdBy). */
    by?: { accountId: string; name: string };
    remark?: string;
  },
  now: string,
): Promise<TransactItem[]> {
  const { data: warehouse } = await store.warehouses
    .get({ enterpriseId: input.enterpriseId, warehouseId: input.warehouseId })
    .go();
  if (!warehouse || warehouse.removed) throw notFound('仓库不存在');
  const { data: enterprise } = await store.enterprises.get({ enterpriseId: input.enterpriseId }).go();
  const key = { enterpriseId: input.enterpriseId, warehouseId: input.warehouseId };
  const items: TransactItem[] = [...quantitiesByProduct(input.lines).values()].map((l) =>
    stockAddItem(store, key, l, now),
  );
  items.push(
    ...itemsOf(
      createWriteTransaction({ movements: store.stockMovements }, ({ movements }) => [
        movements
          .create({
            ...key,
            movementId: input.movementId,
            kind: 'inbound',
            date: input.date,
            handler: input.handler,
            counterparty: input.sourceEnterprise,
            productText: productTextOf(input.lines),
            lines: input.lines.map(({ codes, ...l }) => (codes?.length ? { ...l, codes } : l)),
            ...(input.shipmentId ? { shipmentId: input.shipmentId } : {}),
            ...(input.waybillId ? { waybillId: input.waybillId } : {}),
            ...(input.remark ? { remark: input.remark } : {}),
            createdAt: now,
            ...(input.by ? { createdBy: input.by } : {}),
          })
          .commit(),
      ]),
    ),
  );
  if (input.shipmentId) {
    items.push(
      ...itemsOf(
        createWriteTransaction({ shipments: store.shipments }, ({ shipments }) => [
          shipments
            .patch({ shipmentId: input.shipmentId! })
            .set({ inboundId: input.movementId, inboundWarehouseId: input.warehouseId, receivedOn: input.date })
            .add({ version: 1 })
            .where((a, op) => `${op.eq(a.receiverEnterpriseId, input.enterpriseId)} AND ${op.notExists(a.inboundId)}`)
            .commit(),
        ]),
      ),
    );
  }
  for (const l of input.lines) {
    if (!l.codes?.length) continue;
    items.push(
      ...custodyItems(store, l.codes, {
        kind: 'inbound',
        ref: input.movementId,
        at: now,
        date: input.date,
        enterpriseId: input.enterpriseId,
        enterpriseName: enterprise?.name ?? warehouse.enterpriseName,
        warehouseId: input.warehouseId,
        warehouseName: warehouse.name,
        movementId: input.movementId,
        ...(input.shipmentId ? { shipmentId: input.shipmentId } : {}),
        ...(input.waybillId ? { waybillId: input.waybillId } : {}),
        counterparty: input.sourceEnterprise,
        productName: l.productName,
        category: l.category,
      }),
    );
  }
  return items;
}

export async function readShipment(store: Store, shipmentId: string): Promise<Shipment | undefined> {
  const { data } = await store.shipments.get({ shipmentId }).go();
  return data ?? undefined;
}
