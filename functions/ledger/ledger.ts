/**
 * 台账: 盘点, 入库, 出库, 清退 of one warehouse, each ONE transaction with its audit record — the stock lines
 * (conditional ADDs: never negative, no write lost), the movement, custody steps for its codes, and for an outbound
 * to another enterprise its shipment (after the transfer gate); for a 盘点 that finds a difference, the 物品流向预警
 * 库存差异 raised in the same transaction through the warnings kernel.
 */
import { createWriteTransaction, type EntityItem } from 'electrodb';
import {
  OUTBOUND_TYPES,
  type InboundInput,
  type MovementQuery,
  type MovementView,
  type OutboundInput,
  type PackInput,
  type ReturnInput,
  type StocktakeInput,
  type StockQuery,
} from '../../shared/api/ledger';
import type { CategoryCode } from '../../shared/reference/categories';
import { findSegment } from '../../shared/reference/segments';
import { shanghaiToday } from '../../shared/reference/warnings';
import { addDays } from '../../shared/validation/dates';
import { actorOf, MAX_TRANSACT_ITEMS, transactWithAudit, type TransactItem } from '../lib/audit';
import type { EnterpriseAccount, Principal } from '../lib/auth/principal';
import { badRequest, conflict, notFound } from '../lib/http/errors';
import { boxContentsOf, codesNotHeld, custodyItems, type CustodyEvent } from '../lib/ledger/custody';
import { transferRefusal } from '../lib/ledger/gate';
import {
  inboundItems,
  newMovementId,
  newShipmentId,
  productKeyOf,
  productTextOf,
  quantitiesByProduct,
  SHIPMENT_DUE_DAYS,
  SHIPMENT_DUE_KIND,
  stockAddItem,
  stockTakeItem,
  subtractQuantities,
  toMilli,
  type MovementLine,
} from '../lib/ledger/movements';
import { withCursor } from '../lib/paging';
import { failedConditionIndex, isConditionFailure, itemsOf } from '../lib/transactions';
import { raiseWarningItems, warningIdOf } from '../lib/warnings/write';
import type { Store } from '../store';
import { ownForChange, scopedWarehouse, warehouseOf } from './access';
import type { RequestContext } from './warehouses';

type Movement = EntityItem<Store['stockMovements']>;
type StockLine = EntityItem<Store['stockLines']>;
type Warehouse = EntityItem<Store['warehouses']>;

/** Attempts of a 盘点 whose stock lines moved under it (it re-reads and compares again). */
const STOCKTAKE_ATTEMPTS = 5;
const FILTER_READ_AHEAD = 3;

function movementView(m: Movement): MovementView {
  return {
    movementId: m.movementId,
    warehouseId: m.warehouseId,
    kind: m.kind,
    date: m.date,
    handler: m.handler,
    ...(m.outboundType ? { outboundType: m.outboundType } : {}),
    ...(m.counterparty ? { counterparty: m.counterparty } : {}),
    lines: m.lines,
    ...(m.returnOf ? { returnOf: m.returnOf } : {}),
    ...(m.shipmentId ? { shipmentId: m.shipmentId } : {}),
    ...(m.waybillId ? { waybillId: m.waybillId } : {}),
    ...(m.warningIds?.length ? { warningIds: m.warningIds } : {}),
    ...(m.remark ? { remark: m.remark } : {}),
    createdAt: m.createdAt,
    ...(m.createdBy ? { createdByName: m.createdBy.name } : {}),
  };
}

const stockView = (s: StockLine) => ({
  productKey: s.productKey,
  productName: s.productName,
  category: s.category,
  unit: s.unit,
  quantity: s.quantity,
  ...(s.stocktakenOn ? { stocktakenOn: s.stocktakenOn } : {}),
  lastMovementAt: s.lastMovementAt,
});

const auditOf = (
  p: EnterpriseAccount,
  ctx: RequestContext,
  action: string,
  w: Pick<Warehouse, 'warehouseId' | 'name'>,
  details: Record<string, unknown>,
) => ({
  actor: actorOf(p),
  action: `ledger.${action}`,
  object: { type: 'warehouse', id: w.warehouseId, label: w.name },
  outcome: 'success' as const,
  sourceIp: ctx.sourceIp,
  requestId: ctx.requestId,
  details: { enterpriseId: p.enterpriseId, ...details },
});

/** A movement dated after today (Asia/Shanghai) is a typing error, not a plan. */
function assertNotFuture(date: string, label: string) {
  if (date > shanghaiToday(new Date())) throw badRequest(`${label}不能晚于今天`);
}

/** The audit record takes ~2 items: what one movement may hold. */
function assertFits(items: readonly TransactItem[]) {
  if (items.length > MAX_TRANSACT_ITEMS - 4) throw badRequest('一次登记的货物或编码过多，请分次登记');
}

const linesOf = (input: { lines: InboundInput['lines'] }): MovementLine[] =>
  input.lines.map((l) => ({
    productKey: productKeyOf(l.category, l.productName),
    productName: l.productName.trim(),
    category: l.category,
    quantity: l.quantity,
    unit: l.unit,
    ...(l.batchNo ? { batchNo: l.batchNo } : {}),
    ...(l.codes?.length ? { codes: l.codes } : {}),
  }));

const by = (p: EnterpriseAccount) => ({ accountId: p.accountId, name: p.name });

async function stockLinesOf(store: Store, enterpriseId: string, warehouseId: string) {
  const { data } = await store.stockLines.query
    .byWarehouse({ enterpriseId, warehouseId })
    .go({ pages: 'all', consistent: true });
  return new Map(data.map((s) => [s.productKey, s]));
}

// ——— reads ———

export async function listStock(store: Store, p: Principal, enterpriseId: string, warehouseId: string, q: StockQuery) {
  const { warehouse } = await scopedWarehouse(store, p, enterpriseId, warehouseId);
  const page = await withCursor(q.cursor, () =>
    store.stockLines.query.byWarehouse({ enterpriseId, warehouseId }).go({ limit: q.limit, cursor: q.cursor ?? null }),
  );
  return { items: page.data.map(stockView), cursor: page.cursor ?? null, warehouseName: warehouse.name };
}

export async function listMovements(
  store: Store,
  p: Principal,
  enterpriseId: string,
  warehouseId: string,
  q: MovementQuery,
) {
  const { warehouse } = await scopedWarehouse(store, p, enterpriseId, warehouseId);
  if (q.from && q.to && q.from > q.to) throw badRequest('开始日期不能晚于结束日期');
  // movementIds begin with their date: a date range is a key range, not a filter.
  const lo = `mv-${(q.from ?? '0000-00-00').replaceAll('-', '')}`;
  const hi = `mv-${(q.to ?? '9999-99-99').replaceAll('-', '')}~`;
  const filters = Boolean(q.kind || q.product);
  const page = await withCursor(q.cursor, () =>
    store.stockMovements.query
      .byWarehouse({ enterpriseId, warehouseId })
      .between({ movementId: lo }, { movementId: hi })
      .where((a, op) =>
        [
          ...(q.kind ? [op.eq(a.kind, q.kind)] : []),
          ...(q.product ? [op.contains(a.productText, q.product)] : []),
        ].join(' AND '),
      )
      .go(
        filters
          ? { count: q.limit, limit: q.limit * FILTER_READ_AHEAD, cursor: q.cursor ?? null, order: 'desc' }
          : { limit: q.limit, cursor: q.cursor ?? null, order: 'desc' },
      ),
  );
  return { items: page.data.map(movementView), cursor: page.cursor ?? null, warehouseName: warehouse.name };
}

export async function getMovement(
  store: Store,
  p: Principal,
  enterpriseId: string,
  warehouseId: string,
  movementId: string,
) {
  await scopedWarehouse(store, p, enterpriseId, warehouseId);
  const { data } = await store.stockMovements.get({ enterpriseId, warehouseId, movementId }).go({ consistent: true });
  if (!data) throw notFound('台账记录不存在');
  return movementView(data);
}

/** 流向企业 by its 统一社会信用代码: name and segments, to choose the segment the goods go to. */
export async function findReceiver(store: Store, p: EnterpriseAccount, creditCode: string) {
  const { data: claim } = await store.creditCodeClaims.get({ creditCode }).go();
  const { data: e } = claim ? await store.enterprises.get({ enterpriseId: claim.enterpriseId }).go() : { data: null };
  if (!e || e.removed) throw notFound('未找到该统一社会信用代码的登记企业');
  if (e.enterpriseId === p.enterpriseId) throw badRequest('流向企业不能是本企业');
  return {
    enterpriseId: e.enterpriseId,
    name: e.name,
    segments: e.segments.map((s) => {
      const seg = findSegment(s.category, s.segment);
      return { category: s.category, segment: s.segment, label: seg ? seg.name : s.segment };
    }),
  };
}

// ——— 盘点 ———

/**
 * 盘点: each counted product's stock becomes the 人工盘点数量, conditioned on the stock line being what was read
 * (a movement in between makes the count compare again). After the warehouse's first 盘点, a count that differs
 * from the system's raises 物品流向预警 库存差异 in the same transaction.
 */
export async function stocktake(
  store: Store,
  p: EnterpriseAccount,
  warehouseId: string,
  input: StocktakeInput,
  ctx: RequestContext,
) {
  assertNotFuture(input.date, '盘点日期');
  const e = await ownForChange(store, p);
  const movementId = newMovementId(input.date);
  for (let attempt = 1; ; attempt++) {
    const warehouse = await warehouseOf(store, p.enterpriseId, warehouseId, true);
    const stock = await stockLinesOf(store, p.enterpriseId, warehouseId);
    const now = new Date().toISOString();
    const first = !warehouse.stocktakenOn;
    const key = { enterpriseId: p.enterpriseId, warehouseId };
    const counted = input.lines.map((l) => {
      const productKey = productKeyOf(l.category, l.productName);
      const before = stock.get(productKey);
      if (before && before.unit !== l.unit) {
        throw badRequest(`“${before.productName}”的库存计量单位为${before.unit}，请按${before.unit}盘点`);
      }
      const systemQuantity = before?.quantity ?? 0;
      const differs = !first && toMilli(systemQuantity) !== toMilli(l.actualQuantity);
      return { l, productKey, before, systemQuantity, differs };
    });
    const stockItems = itemsOf(
      createWriteTransaction({ s: store.stockLines }, ({ s }) =>
        counted.map(({ l, productKey, before }) =>
          before
            ? s
                .patch({ ...key, productKey })
                .set({ quantity: l.actualQuantity, stocktakenOn: input.date, lastMovementAt: now })
                .add({ version: 1 })
                .where((a, op) => op.eq(a.version, before.version))
                .commit()
            : s
                .create({
                  ...key,
                  productKey,
                  productName: l.productName.trim(),
                  category: l.category,
                  unit: l.unit,
                  quantity: l.actualQuantity,
                  stocktakenOn: input.date,
                  lastMovementAt: now,
                  version: 1,
                })
                .commit(),
        ),
      ),
    );
    const warnings = counted.flatMap((c, i) =>
      c.differs
        ? [
            {
              index: i,
              sourceKey: `stock/${movementId}/${i}`,
              items: raiseWarningItems(
                store,
                {
                  kind: 'flow',
                  flowType: 'stock-difference',
                  sourceKey: `stock/${movementId}/${i}`,
                  grade: 'red',
                  regionCode: e.regionCode,
                  categories: [c.l.category],
                  enterpriseId: e.enterpriseId,
                  enterpriseName: e.name,
                  detail: {
                    warehouseId,
                    warehouseName: warehouse.name,
                    productName: c.l.productName.trim(),
                    category: c.l.category,
                    systemQuantity: c.systemQuantity,
                    actualQuantity: c.l.actualQuantity,
                    unit: c.l.unit,
                    stocktakeId: movementId,
                  },
                },
                now,
              ),
            },
          ]
        : [],
    );
    const warningIds = warnings.map((w) => warningIdOf('flow', w.sourceKey));
    const movement: Movement = {
      ...key,
      movementId,
      kind: 'stocktake',
      date: input.date,
      handler: input.handler,
      productText: productTextOf(input.lines),
      lines: counted.map(({ l, productKey, before, systemQuantity }) => ({
        productKey,
        productName: l.productName.trim(),
        category: l.category,
        quantity: l.actualQuantity,
        unit: l.unit,
        ...(before || !first ? { systemQuantity } : {}),
      })),
      ...(warningIds.length ? { warningIds } : {}),
      ...(input.remark ? { remark: input.remark } : {}),
      createdAt: now,
      createdBy: by(p),
      version: 1,
    };
    const items = [
      ...stockItems,
      ...itemsOf(
        createWriteTransaction({ m: store.stockMovements, w: store.warehouses }, ({ m, w }) => [
          m.create(movement).commit(),
          w
            .patch(key)
            .set({ stocktakenOn: input.date })
            .where((a, op) => op.eq(a.removed, false))
            .commit(),
        ]),
      ),
      ...warnings.flatMap((w) => w.items),
    ];
    assertFits(items);
    try {
      await transactWithAudit(
        store,
        auditOf(p, ctx, 'stocktake', warehouse, {
          movementId,
          first,
          lines: movement.lines.map((l) => ({ product: l.productName, system: l.systemQuantity, actual: l.quantity })),
          warningIds,
        }),
        items,
      );
      return movementView(movement);
    } catch (err) {
      // A stock line moved between the read and the write: count against the new figure.
      const i = failedConditionIndex(err);
      if (isConditionFailure(err) && i >= 0 && i < stockItems.length && attempt < STOCKTAKE_ATTEMPTS) continue;
      if (isConditionFailure(err)) throw conflict('库存正在变动，请稍后重新盘点');
      throw err;
    }
  }
}

// ——— 入库 ———

export async function inbound(
  store: Store,
  p: EnterpriseAccount,
  warehouseId: string,
  input: InboundInput,
  ctx: RequestContext,
) {
  assertNotFuture(input.date, '入库日期');
  const [, warehouse] = await Promise.all([ownForChange(store, p), warehouseOf(store, p.enterpriseId, warehouseId)]);
  const movementId = newMovementId(input.date);
  const lines = linesOf(input);
  const now = new Date().toISOString();
  const items = await inboundItems(
    store,
    {
      enterpriseId: p.enterpriseId,
      warehouseId,
      sourceEnterprise: {
        ...(input.source.enterpriseId ? { enterpriseId: input.source.enterpriseId } : {}),
        name: input.source.name,
      },
      date: input.date,
      handler: input.handler,
      lines,
      movementId,
      by: by(p),
      ...(input.remark ? { remark: input.remark } : {}),
    },
    now,
  );
  assertFits(items);
  const stockCount = quantitiesByProduct(lines).size;
  try {
    await transactWithAudit(
      store,
      auditOf(p, ctx, 'inbound', warehouse, { movementId, source: input.source.name, lines: auditLines(lines) }),
      items,
    );
  } catch (err) {
    const i = failedConditionIndex(err);
    if (isConditionFailure(err) && i >= 0 && i < stockCount)
      throw await unitMismatch(store, p.enterpriseId, warehouseId, lines);
    if (isConditionFailure(err)) throw conflict('编码的流转记录已存在，请勿重复登记');
    throw err;
  }
  return getMovement(store, p, p.enterpriseId, warehouseId, movementId);
}

const auditLines = (lines: readonly MovementLine[]) =>
  lines.map((l) => ({ product: l.productName, quantity: l.quantity, unit: l.unit, codes: l.codes?.length ?? 0 }));

async function unitMismatch(store: Store, enterpriseId: string, warehouseId: string, lines: readonly MovementLine[]) {
  const stock = await stockLinesOf(store, enterpriseId, warehouseId);
  const wrong = lines.find((l) => stock.get(l.productKey) && stock.get(l.productKey)!.unit !== l.unit);
  return wrong
    ? badRequest(`“${wrong.productName}”的库存计量单位为${stock.get(wrong.productKey)!.unit}，请按该单位登记`)
    : conflict('库存正在变动，请稍后重试');
}

// ——— 出库 ———

/**
 * 出库: the stock is taken with a condition (never below zero); to an enterprise on the register only through
 * the transfer gate, and with its shipment (open, due 出库日期 + 3 days) in the same transaction. Contention
 * (another movement committing at the same instant) is retried by the audit writer; too little stock is not.
 */
export async function outbound(
  store: Store,
  p: EnterpriseAccount,
  warehouseId: string,
  input: OutboundInput,
  ctx: RequestContext,
) {
  assertNotFuture(input.date, '出库日期');
  // Both keyed by the caller's own enterprise: read together.
  const [e, warehouse] = await Promise.all([ownForChange(store, p), warehouseOf(store, p.enterpriseId, warehouseId)]);
  const lines = linesOf(input);
  const key = { enterpriseId: p.enterpriseId, warehouseId };
  let receiver: { enterpriseId: string; name: string; regionCode: string; segment: string } | undefined;
  if (input.receiver.enterpriseId) {
    if (input.receiver.enterpriseId === p.enterpriseId) throw badRequest('流向企业不能是本企业');
    const category = lines[0]!.category;
    const refusal = await transferRefusal(
      store,
      input.receiver.enterpriseId,
      category,
      input.receiver.segment!,
      input.date,
    );
    if (refusal) throw conflict(refusal);
    const { data: r } = await store.enterprises.get({ enterpriseId: input.receiver.enterpriseId }).go();
    receiver = {
      enterpriseId: r!.enterpriseId,
      name: r!.name,
      regionCode: r!.regionCode,
      segment: input.receiver.segment!,
    };
  }
  // A code leaves only from the enterprise that holds it: nobody writes steps into another's chain.
  const stray = await codesNotHeld(
    store,
    lines.flatMap((l) => l.codes ?? []),
    e.enterpriseId,
  );
  if (stray.length) throw conflict(`编码 ${stray.slice(0, 5).join('、')} 不在本企业库存中，不能出库`);
  const movementId = newMovementId(input.date);
  const counterparty = receiver
    ? { enterpriseId: receiver.enterpriseId, name: receiver.name }
    : { name: input.receiver.name };
  const shipmentId = receiver ? newShipmentId() : undefined;
  const now = new Date().toISOString();
  const stockItems = [...quantitiesByProduct(lines).values()].map((l) => stockTakeItem(store, key, l, now));
  const movement: Movement = {
    ...key,
    movementId,
    kind: 'outbound',
    date: input.date,
    handler: input.handler,
    outboundType: input.outboundType,
    counterparty,
    productText: productTextOf(lines),
    lines: lines.map((l) => ({ ...l, returnedQuantity: 0 })),
    ...(shipmentId ? { shipmentId } : {}),
    ...(input.remark ? { remark: input.remark } : {}),
    createdAt: now,
    createdBy: by(p),
    version: 1,
  };
  const items: TransactItem[] = [
    ...stockItems,
    ...itemsOf(createWriteTransaction({ m: store.stockMovements }, ({ m }) => [m.create(movement).commit()])),
  ];
  if (receiver && shipmentId) {
    items.push(
      ...itemsOf(
        createWriteTransaction({ s: store.shipments }, ({ s }) => [
          s
            .create({
              shipmentId,
              shipperEnterpriseId: e.enterpriseId,
              shipperName: e.name,
              shipperRegionCode: e.regionCode,
              receiverEnterpriseId: receiver.enterpriseId,
              receiverName: receiver.name,
              receiverRegionCode: receiver.regionCode,
              category: lines[0]!.category,
              receiverSegment: receiver.segment,
              outboundType: input.outboundType,
              warehouseId,
              warehouseName: warehouse.name,
              outboundId: movementId,
              shippedOn: input.date,
              lines,
              status: 'open',
              dueKind: SHIPMENT_DUE_KIND,
              dueDate: addDays(input.date, SHIPMENT_DUE_DAYS),
              createdAt: now,
              version: 1,
            })
            .commit(),
        ]),
      ),
    );
  }
  const custodyKind = input.outboundType === 'use' ? 'used' : 'outbound';
  // A box goes out with what is inside it: each item's chain gets the step too, naming the box.
  const boxes = await boxContentsOf(
    store,
    lines.flatMap((l) => l.codes ?? []),
  );
  for (const l of lines) {
    if (!l.codes?.length) continue;
    // One step per code of the line, and the same step for each item inside a box the line names.
    const step: CustodyEvent = {
      kind: custodyKind,
      ref: movementId,
      at: now,
      date: input.date,
      enterpriseId: e.enterpriseId,
      enterpriseName: e.name,
      warehouseId,
      warehouseName: warehouse.name,
      movementId,
      ...(shipmentId ? { shipmentId } : {}),
      counterparty,
      productName: l.productName,
      category: l.category,
    };
    for (const [boxCode, contents] of boxes) {
      if (l.codes.includes(boxCode)) items.push(...custodyItems(store, contents, { ...step, boxCode }));
    }
    items.push(...custodyItems(store, l.codes, step));
  }
  assertFits(items);
  try {
    await transactWithAudit(
      store,
      auditOf(p, ctx, 'outbound', warehouse, {
        movementId,
        outboundType: OUTBOUND_TYPES[input.outboundType],
        receiver: counterparty,
        shipmentId,
        lines: auditLines(lines),
      }),
      items,
    );
  } catch (err) {
    const i = failedConditionIndex(err);
    if (isConditionFailure(err) && i >= 0 && i < stockItems.length) {
      throw await insufficient(store, key, [...quantitiesByProduct(lines).values()][i]!);
    }
    if (isConditionFailure(err)) throw conflict('编码的流转记录已存在，请勿重复登记');
    throw err;
  }
  return movementView(movement);
}

/** The 409 for an outbound the stock could not cover, with what is there now. */
async function insufficient(store: Store, key: { enterpriseId: string; warehouseId: string }, line: MovementLine) {
  const { data } = await store.stockLines.get({ ...key, productKey: line.productKey }).go({ consistent: true });
  if (!data) return conflict(`仓库中没有“${line.productName}”的库存，不能出库`);
  if (data.unit !== line.unit) return badRequest(`“${line.productName}”的库存计量单位为${data.unit}，请按该单位出库`);
  return conflict(
    `“${line.productName}”库存不足：当前库存 ${data.quantity}${data.unit}，出库 ${line.quantity}${line.unit}`,
  );
}

// ——— 清退 ———

/**
 * 清退 against an outbound's lines: the returned goods come back into the stock; each line's 已清退数量 rises
 * only while it stays ≤ its 出库数量 — a condition on the outbound itself, so two 清退 at once can never return
 * more than was shipped.
 */
export async function returnGoods(
  store: Store,
  p: EnterpriseAccount,
  warehouseId: string,
  input: ReturnInput,
  ctx: RequestContext,
) {
  assertNotFuture(input.date, '清退日期');
  // Both keyed by the caller's own enterprise: read together.
  const [e, warehouse] = await Promise.all([ownForChange(store, p), warehouseOf(store, p.enterpriseId, warehouseId)]);
  const key = { enterpriseId: p.enterpriseId, warehouseId };
  const { data: out } = await store.stockMovements
    .get({ ...key, movementId: input.outboundId })
    .go({ consistent: true });
  if (!out || out.kind !== 'outbound') throw notFound('出库记录不存在');
  if (input.date < out.date) throw badRequest('清退日期不能早于出库日期');
  const returned = input.lines.map((r) => {
    const line = out.lines[r.lineIndex];
    if (!line) throw badRequest('出库货物不正确');
    const left = subtractQuantities(line.quantity, line.returnedQuantity ?? 0);
    if (toMilli(r.quantity) > toMilli(left)) {
      throw conflict(
        `“${line.productName}”的清退数量不能超过可清退数量 ${left}${line.unit}（出库 ${line.quantity}，已清退 ${line.returnedQuantity ?? 0}）`,
      );
    }
    const stray = (r.codes ?? []).filter((c) => !(line.codes ?? []).includes(c));
    if (stray.length) throw badRequest(`编码 ${stray.join('、')} 不在该出库记录中`);
    return { r, line };
  });
  const movementId = newMovementId(input.date);
  const now = new Date().toISOString();
  const lines: MovementLine[] = returned.map(({ r, line }) => ({
    productKey: line.productKey,
    productName: line.productName,
    category: line.category as CategoryCode,
    quantity: r.quantity,
    unit: line.unit,
    ...(r.codes?.length ? { codes: r.codes } : {}),
  }));
  const movement: Movement = {
    ...key,
    movementId,
    kind: 'return',
    date: input.date,
    handler: input.handler,
    ...(out.counterparty ? { counterparty: out.counterparty } : {}),
    returnOf: out.movementId,
    productText: productTextOf(lines),
    lines: lines.map((l, i) => ({ ...l, lineIndex: returned[i]!.r.lineIndex })),
    ...(out.shipmentId ? { shipmentId: out.shipmentId } : {}),
    ...(input.remark ? { remark: input.remark } : {}),
    createdAt: now,
    createdBy: by(p),
    version: 1,
  };
  const items: TransactItem[] = [
    ...itemsOf(
      createWriteTransaction({ m: store.stockMovements }, ({ m }) => [
        m
          .patch({ ...key, movementId: out.movementId })
          .data((a, op) => {
            for (const { r } of returned) op.add(a.lines[r.lineIndex]!.returnedQuantity, r.quantity);
          })
          .add({ version: 1 })
          .where((a, op) =>
            [
              op.eq(a.kind, 'outbound'),
              ...returned.map(({ r, line }) =>
                op.lte(a.lines[r.lineIndex]!.returnedQuantity, subtractQuantities(line.quantity, r.quantity)),
              ),
            ].join(' AND '),
          )
          .commit(),
        m.create(movement).commit(),
      ]),
    ),
    ...[...quantitiesByProduct(lines).values()].map((l) => stockAddItem(store, key, l, now)),
  ];
  for (const l of lines) {
    if (!l.codes?.length) continue;
    items.push(
      ...custodyItems(store, l.codes, {
        kind: 'returned',
        ref: movementId,
        at: now,
        date: input.date,
        enterpriseId: e.enterpriseId,
        enterpriseName: e.name,
        warehouseId,
        warehouseName: warehouse.name,
        movementId,
        ...(out.shipmentId ? { shipmentId: out.shipmentId } : {}),
        ...(out.counterparty ? { counterparty: out.counterparty } : {}),
        productName: l.productName,
        category: l.category,
      }),
    );
  }
  assertFits(items);
  try {
    await transactWithAudit(
      store,
      auditOf(p, ctx, 'return', warehouse, { movementId, outboundId: out.movementId, lines: auditLines(lines) }),
      items,
    );
  } catch (err) {
    if (isConditionFailure(err) && failedConditionIndex(err) === 0) {
      throw conflict('清退数量超过可清退数量（该出库记录可能已被他人清退），请刷新后重试');
    }
    if (isConditionFailure(err)) throw conflict('清退未能登记，请刷新后重试');
    throw err;
  }
  return movementView(movement);
}

// ——— 装箱 ———

/**
 * 装箱登记: the box's `packed` step lists the item codes inside it, and each item's chain gets a `packed` step naming
 * the box — so the box resolves to its items, and an outbound of the box writes their steps too. Only codes the
 * enterprise holds may be packed.
 */
export async function packBox(
  store: Store,
  p: EnterpriseAccount,
  warehouseId: string,
  input: PackInput,
  ctx: RequestContext,
) {
  assertNotFuture(input.date, '装箱日期');
  const [e, warehouse] = await Promise.all([ownForChange(store, p), warehouseOf(store, p.enterpriseId, warehouseId)]);
  const stray = await codesNotHeld(store, [input.boxCode, ...input.contents], e.enterpriseId);
  if (stray.length) throw conflict(`编码 ${stray.slice(0, 5).join('、')} 不在本企业库存中，不能装箱`);
  const now = new Date().toISOString();
  const ref = `${warehouseId}:${now}`;
  const step = {
    kind: 'packed' as const,
    ref,
    at: now,
    date: input.date,
    enterpriseId: e.enterpriseId,
    enterpriseName: e.name,
    warehouseId,
    warehouseName: warehouse.name,
    category: input.category,
  };
  const items = [
    ...custodyItems(store, [input.boxCode], { ...step, contents: input.contents }),
    ...custodyItems(store, input.contents, { ...step, boxCode: input.boxCode }),
  ];
  assertFits(items);
  await transactWithAudit(
    store,
    auditOf(p, ctx, 'pack', warehouse, { boxCode: input.boxCode, contents: input.contents.length }),
    items,
  );
  return { boxCode: input.boxCode, contents: input.contents };
}
