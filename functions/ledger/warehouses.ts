/**
 * 仓库管理: an enterprise's warehouses (仓库基本信息, 仓库其他信息) and their 仓库人员 (保管员 with certificates).
 * Warehouses and keepers sit in the enterprise's partition; every change is one transaction with its audit record,
 * conditioned on the version the form was opened at.
 */
import { randomBytes } from 'node:crypto';
import { createWriteTransaction, type EntityItem } from 'electrodb';
import type {
  KeeperInput,
  KeeperUpdateInput,
  KeeperView,
  WarehouseInput,
  WarehouseQuery,
  WarehouseUpdateInput,
  WarehouseView,
} from '../../shared/api/ledger';
import { actorOf, transactWithAudit } from '../lib/audit';
import type { EnterpriseAccount, Principal } from '../lib/auth/principal';
import { conflict, notFound } from '../lib/http/errors';
import { withCursor } from '../lib/paging';
import { categoriesOf } from '../lib/register/scope';
import { isConditionFailure, itemsOf } from '../lib/transactions';
import type { Store } from '../store';
import { enterpriseFor, ownForChange, scopedWarehouse, warehouseOf } from './access';

type Warehouse = EntityItem<Store['warehouses']>;
type Keeper = EntityItem<Store['warehouseKeepers']>;

export interface RequestContext {
  requestId: string;
  sourceIp: string;
}

const STALE = '该仓库信息已被他人修改，请刷新后重试';
const KEEPER_STALE = '该人员信息已被他人修改，请刷新后重试';

/** Time-ordered ids: the 仓库管理 list reads newest first. */
export const newWarehouseId = (now = Date.now()) =>
  `wh-${now.toString(36).padStart(9, '0')}${randomBytes(5).toString('hex')}`;
const newKeeperId = (now = Date.now()) => `kpr-${now.toString(36).padStart(9, '0')}${randomBytes(5).toString('hex')}`;

export function warehouseView(w: Warehouse): WarehouseView {
  return {
    warehouseId: w.warehouseId,
    enterpriseId: w.enterpriseId,
    enterpriseName: w.enterpriseName,
    name: w.name,
    address: w.address,
    type: w.type,
    designCapacity: w.designCapacity,
    capacityUnit: w.capacityUnit,
    ...(w.longitude !== undefined ? { longitude: w.longitude } : {}),
    ...(w.latitude !== undefined ? { latitude: w.latitude } : {}),
    other: (w.other ?? {}) as Record<string, unknown>,
    ...(w.stocktakenOn ? { stocktakenOn: w.stocktakenOn } : {}),
    createdAt: w.createdAt,
    updatedAt: w.updatedAt,
    version: w.version,
  };
}

/** 身份证号 shown as its first 6 and last 4 characters: the list needs to tell people apart, not to copy them. */
const maskIdCard = (id: string) =>
  id.length > 10 ? `${id.slice(0, 6)}${'*'.repeat(id.length - 10)}${id.slice(-4)}` : id;

function keeperView(k: Keeper): KeeperView {
  return {
    keeperId: k.personId,
    warehouseId: k.warehouseId,
    name: k.name,
    idCardNo: maskIdCard(k.idCardNo),
    ...(k.mobile ? { mobile: k.mobile } : {}),
    position: k.position,
    certificates: k.certificates,
    version: k.version,
  };
}

const auditOf = (
  p: EnterpriseAccount,
  ctx: RequestContext,
  action: string,
  object: { type: string; id: string; label: string },
  details: Record<string, unknown>,
) => ({
  actor: actorOf(p),
  action: `ledger.${action}`,
  object,
  outcome: 'success' as const,
  sourceIp: ctx.sourceIp,
  requestId: ctx.requestId,
  details: { enterpriseId: p.enterpriseId, ...details },
});

/** Drop keys whose value is undefined (ElectroDB refuses an `other` map with undefined members). */
const defined = <T extends Record<string, unknown>>(o: T) =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

export async function listWarehouses(store: Store, p: Principal, enterpriseId: string, q: WarehouseQuery) {
  const e = await enterpriseFor(store, p, enterpriseId);
  const page = await withCursor(q.cursor, () =>
    store.warehouses.query
      .byEnterprise({ enterpriseId })
      .where((a, op) => op.eq(a.removed, false))
      .go({ count: q.limit, limit: q.limit * 2, cursor: q.cursor ?? null, order: 'desc' }),
  );
  return { items: page.data.map(warehouseView), cursor: page.cursor ?? null, enterpriseName: e.name };
}

export async function getWarehouse(store: Store, p: Principal, enterpriseId: string, warehouseId: string) {
  const { warehouse } = await scopedWarehouse(store, p, enterpriseId, warehouseId);
  return warehouseView(warehouse);
}

export async function createWarehouse(store: Store, p: EnterpriseAccount, input: WarehouseInput, ctx: RequestContext) {
  const e = await ownForChange(store, p);
  const now = new Date().toISOString();
  const w: Warehouse = {
    ...input,
    other: defined(input.other),
    warehouseId: newWarehouseId(),
    enterpriseId: e.enterpriseId,
    enterpriseName: e.name,
    regionCode: e.regionCode,
    categories: categoriesOf(e.segments),
    removed: false,
    createdAt: now,
    updatedAt: now,
    version: 1,
  };
  const items = itemsOf(createWriteTransaction({ w: store.warehouses }, ({ w: ws }) => [ws.create(w).commit()]));
  await transactWithAudit(
    store,
    auditOf(p, ctx, 'warehouse.create', { type: 'warehouse', id: w.warehouseId, label: w.name }, { after: input }),
    items,
  );
  return warehouseView(w);
}

export async function updateWarehouse(
  store: Store,
  p: EnterpriseAccount,
  warehouseId: string,
  input: WarehouseUpdateInput,
  ctx: RequestContext,
) {
  await ownForChange(store, p);
  const before = await warehouseOf(store, p.enterpriseId, warehouseId, true);
  if (before.version !== input.version) throw conflict(STALE);
  const { version, ...fields } = input;
  const now = new Date().toISOString();
  // A patch, not a put: 盘点 sets `stocktakenOn` on its own, and the form must not undo it.
  const items = itemsOf(
    createWriteTransaction({ w: store.warehouses }, ({ w }) => [
      w
        .patch({ enterpriseId: p.enterpriseId, warehouseId })
        .set({ ...fields, other: defined(fields.other), updatedAt: now })
        .remove([
          ...(fields.longitude === undefined ? (['longitude'] as const) : []),
          ...(fields.latitude === undefined ? (['latitude'] as const) : []),
        ])
        .add({ version: 1 })
        .where((a, op) => op.eq(a.version, version))
        .commit(),
    ]),
  );
  try {
    await transactWithAudit(
      store,
      auditOf(
        p,
        ctx,
        'warehouse.update',
        { type: 'warehouse', id: warehouseId, label: input.name },
        {
          before: warehouseView(before),
          after: fields,
        },
      ),
      items,
    );
  } catch (err) {
    if (isConditionFailure(err)) throw conflict(STALE);
    throw err;
  }
  return getWarehouse(store, p, p.enterpriseId, warehouseId);
}

/** The earliest expiry among the certificates: what the `due` index sorts keepers by. */
const earliestOf = (certs: readonly { validTo: string }[]) =>
  certs.length ? certs.map((c) => c.validTo).reduce((a, b) => (b < a ? b : a)) : undefined;

export async function listKeepers(
  store: Store,
  p: Principal,
  enterpriseId: string,
  warehouseId: string,
  q: { cursor?: string | undefined; limit: number },
) {
  await scopedWarehouse(store, p, enterpriseId, warehouseId);
  const page = await withCursor(q.cursor, () =>
    store.warehouseKeepers.query
      .byWarehouse({ enterpriseId, warehouseId })
      .go({ limit: q.limit, cursor: q.cursor ?? null }),
  );
  return { items: page.data.map(keeperView), cursor: page.cursor ?? null };
}

export async function addKeeper(
  store: Store,
  p: EnterpriseAccount,
  warehouseId: string,
  input: KeeperInput,
  ctx: RequestContext,
) {
  const e = await ownForChange(store, p);
  const w = await warehouseOf(store, p.enterpriseId, warehouseId);
  const earliest = earliestOf(input.certificates);
  const k: Keeper = {
    ...defined(input),
    personId: newKeeperId(),
    enterpriseId: e.enterpriseId,
    enterpriseName: e.name,
    warehouseId,
    warehouseName: w.name,
    regionCode: e.regionCode,
    categories: categoriesOf(e.segments),
    ...(earliest ? { earliestCertValidTo: earliest } : {}),
    createdAt: new Date().toISOString(),
    version: 1,
  };
  const items = itemsOf(
    createWriteTransaction({ k: store.warehouseKeepers, w: store.warehouses }, ({ k: ks, w: ws }) => [
      ks.create(k).commit(),
      // The warehouse must still be there when the keeper is added.
      ws
        .check({ enterpriseId: p.enterpriseId, warehouseId })
        .where((a, op) => op.eq(a.removed, false))
        .commit(),
    ]),
  );
  await transactWithAudit(
    store,
    auditOf(
      p,
      ctx,
      'keeper.create',
      { type: 'warehouseKeeper', id: k.personId, label: k.name },
      {
        warehouseId,
        certificates: k.certificates,
      },
    ),
    items,
  );
  return keeperView(k);
}

export async function updateKeeper(
  store: Store,
  p: EnterpriseAccount,
  warehouseId: string,
  keeperId: string,
  input: KeeperUpdateInput,
  ctx: RequestContext,
) {
  await ownForChange(store, p);
  const { data: before } = await store.warehouseKeepers
    .get({ enterpriseId: p.enterpriseId, warehouseId, personId: keeperId })
    .go({ consistent: true });
  if (!before) throw notFound('仓库人员不存在');
  const { version, ...fields } = input;
  const earliest = earliestOf(fields.certificates);
  const next: Keeper = { ...before, ...defined(fields), version: version + 1 };
  delete next.earliestCertValidTo;
  delete next.dueKind;
  if (earliest) next.earliestCertValidTo = earliest;
  if (!fields.mobile) delete next.mobile;
  const items = itemsOf(
    createWriteTransaction({ k: store.warehouseKeepers }, ({ k }) => [
      k
        .put(next)
        .where((a, op) => op.eq(a.version, version))
        .commit(),
    ]),
  );
  try {
    await transactWithAudit(
      store,
      auditOf(
        p,
        ctx,
        'keeper.update',
        { type: 'warehouseKeeper', id: keeperId, label: next.name },
        {
          warehouseId,
          before: before.certificates,
          after: next.certificates,
        },
      ),
      items,
    );
  } catch (err) {
    if (isConditionFailure(err)) throw conflict(KEEPER_STALE);
    throw err;
  }
  return keeperView(next);
}

export async function removeKeeper(
  store: Store,
  p: EnterpriseAccount,
  warehouseId: string,
  keeperId: string,
  ctx: RequestContext,
) {
  await ownForChange(store, p);
  const { data: before } = await store.warehouseKeepers
    .get({ enterpriseId: p.enterpriseId, warehouseId, personId: keeperId })
    .go();
  if (!before) throw notFound('仓库人员不存在');
  const items = itemsOf(
    createWriteTransaction({ k: store.warehouseKeepers }, ({ k }) => [
      k
        .delete({ enterpriseId: p.enterpriseId, warehouseId, personId: keeperId })
        .where((a, op) => op.exists(a.personId))
        .commit(),
    ]),
  );
  try {
    await transactWithAudit(
      store,
      auditOf(p, ctx, 'keeper.delete', { type: 'warehouseKeeper', id: keeperId, label: before.name }, { warehouseId }),
      items,
    );
  } catch (err) {
    if (isConditionFailure(err)) throw notFound('仓库人员不存在');
    throw err;
  }
}
