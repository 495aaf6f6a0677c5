/**
 * Reading waybills: one waybill, its kept revisions, the enterprise's own lists (one Query on gsi3 per page:
 * enterprise × side, newest first), the regulators' 物品流向 (one Query on gsi1 per page: category, `begins_with`
 * the jurisdiction), the chart's counters (one Query of the category's partition) and the public check page.
 */
import {
  WAYBILL_STATUS_NAMES,
  type FlowQuery,
  type OwnWaybillQuery,
  type PublicWaybillView,
} from '../../shared/api/waybills';
import type { EnterpriseAccount, Principal, Regulator } from '../lib/auth/principal';
import { notFound } from '../lib/http/errors';
import { crewOf } from '../lib/ledger/crew-gate';
import { withCursor, type PageInput } from '../lib/paging';
import { jurisdictionPrefix, requireCategory } from '../lib/scope';
import type { Store } from '../store';
import { detailOf, listItemOf, loadWaybill, NOT_FOUND, visibleWaybill } from './record';

export async function getWaybill(store: Store, p: Principal, waybillId: string) {
  return detailOf(await visibleWaybill(store, p, waybillId), p);
}

/** 历史版本: the versions corrections replaced, oldest first. */
export async function listRevisions(store: Store, p: Principal, waybillId: string, q: PageInput) {
  await visibleWaybill(store, p, waybillId);
  const page = await withCursor(q.cursor, () =>
    store.waybillRevisions.query.byWaybill({ waybillId }).go({ limit: q.limit, cursor: q.cursor ?? null }),
  );
  return {
    items: page.data.map((r) => ({
      revision: r.revision,
      savedAt: r.savedAt,
      savedBy: r.savedBy!,
      ...(r.reason ? { reason: r.reason } : {}),
    })),
    cursor: page.cursor ?? null,
  };
}

/** One kept version, whole, read-only: the current waybill's state and permissions, the old content. */
export async function getRevision(store: Store, p: Principal, waybillId: string, revision: number) {
  const w = await visibleWaybill(store, p, waybillId);
  if (revision === w.revision) return detailOf(w, p);
  const r = (await store.waybillRevisions.get({ waybillId, revision }).go()).data;
  if (!r) throw notFound('该版本不存在');
  const { savedAt, savedBy, reason, replacedAt: _replaced, ...content } = r;
  return {
    ...detailOf({ ...w, ...content, revision, updatedAt: savedAt, updatedBy: savedBy, correctionReason: reason }, p),
    canEdit: false,
    canMove: [],
    canSign: false,
  };
}

/** 电子托运单: the enterprise's waybills as shipper, or those it receives. */
export async function listOwnWaybills(store: Store, p: EnterpriseAccount, q: OwnWaybillQuery) {
  const page = await withCursor(q.cursor, () =>
    store.waybillListings.query
      .byParty({ partyEnterpriseId: p.enterpriseId, partySide: q.side })
      .go({ limit: q.limit, cursor: q.cursor ?? null, order: 'desc' }),
  );
  return { items: page.data.map(listItemOf), cursor: page.cursor ?? null };
}

/**
 * 物品流向: waybills of one category that start or end in the caller's jurisdiction. A waybill with both ends inside
 * has two rows; the destination's row is left out when the origin is inside too, so each shows once.
 */
export async function listFlows(store: Store, p: Regulator, q: FlowQuery) {
  requireCategory(p, q.category);
  const prefix = jurisdictionPrefix(p);
  const page = await withCursor(q.cursor, () =>
    store.waybillListings.query
      .byFlow({ flowCategory: q.category })
      .begins({ flowRegionCode: prefix })
      .where((a, op) =>
        [
          `(${op.eq(a.side, 'origin')} OR NOT ${op.begins(a.originRegionCode, prefix)})`,
          q.status ? op.eq(a.status, q.status) : '',
          q.enterpriseName
            ? `(${op.contains(a.shipperEnterpriseName, q.enterpriseName)} OR ${op.contains(a.receiverEnterpriseName, q.enterpriseName)})`
            : '',
          q.from ? op.gte(a.departureDate, q.from) : '',
          q.to ? op.lte(a.departureDate, q.to) : '',
        ]
          .filter(Boolean)
          .join(' AND '),
      )
      .go({ limit: q.limit, cursor: q.cursor ?? null }),
  );
  return { items: page.data.map(listItemOf), cursor: page.cursor ?? null };
}

/**
 * The chart of flows between regions: for the province, between cities; below, between counties, the pairs with
 * an end in the jurisdiction. One Query of the category's counters (bounded by the region pairs, not by waybills).
 */
export async function flowChart(store: Store, p: Regulator, category: string) {
  requireCategory(p, category);
  const prefix = jurisdictionPrefix(p);
  const level = prefix.length <= 2 ? ('city' as const) : ('county' as const);
  const rows = await store.flowCounters.query
    .byCategory({ flowCategory: category })
    .begins({ level })
    .go({ pages: 'all' });
  return {
    level,
    links: rows.data
      .filter((r) => r.count > 0 && (r.fromRegion.startsWith(prefix) || r.toRegion.startsWith(prefix)))
      .map((r) => ({ from: r.fromRegion, to: r.toRegion, count: r.count })),
  };
}

/** The printed QR code's page: status and goods class only. Drafts don't exist for the public. */
export async function publicWaybill(store: Store, waybillId: string): Promise<PublicWaybillView> {
  const w = await loadWaybill(store, waybillId);
  if (!w || w.status === 'draft') throw notFound(NOT_FOUND);
  return {
    status: w.status,
    statusName: WAYBILL_STATUS_NAMES[w.status],
    category: w.category,
    hazardClasses: [...new Set(w.lines.map((l) => l.hazardClass))],
    departureDate: w.departureDate,
  };
}

/** 新增电子托运单: a unit on the register by its 统一社会信用代码 (name and region only), with a carrier's crew. */
export async function lookupParty(store: Store, creditCode: string, category: string) {
  const { data } = await store.enterprises.query.byCreditCode({ creditCode }).go({ limit: 1 });
  const e = data[0];
  if (!e || e.removed) throw notFound('未找到该统一社会信用代码的登记单位');
  const crew = await crewOf(store, e.enterpriseId, e.segments, category);
  return { enterpriseId: e.enterpriseId, name: e.name, regionCode: e.regionCode, ...(crew ? { crew } : {}) };
}

/** 签收: the receiver's warehouses to book the 入库 into (only the receiver asks; anyone else: not found). */
export async function signWarehouses(store: Store, p: EnterpriseAccount, waybillId: string) {
  const w = await visibleWaybill(store, p, waybillId);
  if (w.receiverEnterpriseId !== p.enterpriseId) throw notFound(NOT_FOUND);
  const { data } = await store.warehouses.query.byEnterprise({ enterpriseId: p.enterpriseId }).go({ pages: 'all' });
  return {
    items: data
      .filter((h) => !h.removed)
      .map((h) => ({ warehouseId: h.warehouseId, name: h.name, forCategory: h.categories.includes(w.category) }))
      .sort((a, b) => Number(b.forCategory) - Number(a.forCategory)),
  };
}
