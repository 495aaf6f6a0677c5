/**
 * Whose 台账 a request may touch — the one place the ledger decides it. An enterprise account: its own
 * enterprise (the session names it; every key of the ledger carries the enterprise, so another's warehouse is
 * simply not found). A regulator: an enterprise they see (jurisdiction × categories), read-only. Out of scope
 * reads as not found, so nobody learns what exists outside it.
 */
import type { EnterpriseAccount, Principal } from '../lib/auth/principal';
import { conflict, notFound } from '../lib/http/errors';
import { assertCanSee, categoriesOf } from '../lib/register/scope';
import type { Store } from '../store';

export const WAREHOUSE_NOT_FOUND = '仓库不存在';

export async function enterpriseFor(store: Store, p: Principal, enterpriseId: string) {
  const { data } = await store.enterprises.get({ enterpriseId }).go();
  if (!data) throw notFound('企业不存在或不在您的监管范围内');
  assertCanSee(p, { enterpriseId, regionCode: data.regionCode, categories: categoriesOf(data.segments) });
  return data;
}

/** The caller's own enterprise, for a change: one removed from the register keeps its ledger but adds nothing. */
export async function ownForChange(store: Store, p: EnterpriseAccount) {
  const e = await enterpriseFor(store, p, p.enterpriseId);
  if (e.removed) throw conflict('该企业已从登记册中删除，不能再登记台账');
  return e;
}

/** A warehouse of the enterprise (404 if absent or removed: its key carries the enterprise). */
export async function warehouseOf(store: Store, enterpriseId: string, warehouseId: string, consistent = false) {
  const { data } = await store.warehouses.get({ enterpriseId, warehouseId }).go({ consistent });
  if (!data || data.removed) throw notFound(WAREHOUSE_NOT_FOUND);
  return data;
}

/**
 * The enterprise as the principal may see it, and its warehouse: read together, but the scope decides first, so
 * a caller out of scope learns nothing of which warehouses exist.
 */
export async function scopedWarehouse(store: Store, p: Principal, enterpriseId: string, warehouseId: string) {
  const [enterprise, warehouse] = await Promise.allSettled([
    enterpriseFor(store, p, enterpriseId),
    warehouseOf(store, enterpriseId, warehouseId),
  ]);
  if (enterprise.status === 'rejected') throw enterprise.reason;
  if (warehouse.status === 'rejected') throw warehouse.reason;
  return { enterprise: enterprise.value, warehouse: warehouse.value };
}
