/**
 * Reading hazards: a department's three lists (one Query on gsi1 per page: department × platform category ×
 * status, `begins_with` the caller's jurisdiction, newest region-then-time order), the enterprise's own list (one
 * Query on gsi3), one hazard, and its 整改记录 (one Query of its partition's steps).
 */
import { HAZARD_LISTS, type HazardListQuery } from '../../shared/api/hazards';
import type { EnterpriseAccount, Principal, Regulator } from '../lib/auth/principal';
import { withCursor, type PageInput } from '../lib/paging';
import { jurisdictionPrefix, requireCategory } from '../lib/scope';
import type { Store } from '../store';
import { detailOf, listItemOf, visibleHazard } from './record';

/** 待整改 / 待确认 / 已整改隐患信息 of the caller's department, in their jurisdiction and platform category. */
export async function listHazards(store: Store, p: Regulator, q: HazardListQuery) {
  requireCategory(p, p.category);
  const status = HAZARD_LISTS[q.list];
  const now = new Date();
  const page = await withCursor(q.cursor, () => {
    let query = store.hazardListings.query
      .byDepartment({ department: p.department, category: p.category, status })
      .begins({ regionCode: jurisdictionPrefix(p) });
    // Filters narrow the page the Query read (a filtered page may hold fewer rows; 下一页 goes on from its cursor).
    if (q.enterpriseName || q.responsibleDepartment || q.state) {
      query = query.where((a, op) =>
        [
          q.enterpriseName ? op.contains(a.enterpriseName, q.enterpriseName as string) : '',
          q.responsibleDepartment ? op.eq(a.responsibleDepartment, q.responsibleDepartment as string) : '',
          q.state === 'returned' ? op.gt(a.returnedCount, 0) : q.state === 'issued' ? op.eq(a.returnedCount, 0) : '',
        ]
          .filter(Boolean)
          .join(' AND '),
      ) as typeof query;
    }
    return query.go({ limit: q.limit, cursor: q.cursor ?? null, order: 'desc' });
  });
  return { items: page.data.map((r) => listItemOf(r, now)), cursor: page.cursor ?? null };
}

/** 监管部门下发隐患: the enterprise's own hazards, newest first. */
export async function listOwnHazards(store: Store, p: EnterpriseAccount, q: PageInput) {
  const now = new Date();
  const page = await withCursor(q.cursor, () =>
    store.hazards.query
      .byEnterprise({ enterpriseId: p.enterpriseId })
      .go({ limit: q.limit, cursor: q.cursor ?? null, order: 'desc' }),
  );
  return {
    items: page.data.map((h) => listItemOf({ ...h, attachmentCount: h.attachmentIds.length }, now)),
    cursor: page.cursor ?? null,
  };
}

export async function getHazard(store: Store, p: Principal, hazardId: string) {
  return detailOf(await visibleHazard(store, p, hazardId), p);
}

/** 整改记录: who did what when, oldest first. */
export async function listSteps(store: Store, p: Principal, hazardId: string, q: PageInput) {
  await visibleHazard(store, p, hazardId);
  const page = await withCursor(q.cursor, () =>
    store.hazardSteps.query.byHazard({ hazardId }).go({ limit: q.limit, cursor: q.cursor ?? null }),
  );
  return {
    items: page.data.map((s) => ({
      action: s.action,
      at: s.at,
      byName: s.byName,
      ...(s.byDepartment ? { byDepartment: s.byDepartment } : {}),
      ...(s.description ? { description: s.description } : {}),
      ...(s.reason ? { reason: s.reason } : {}),
      ...(s.deadline ? { deadline: s.deadline } : {}),
      ...(s.attachmentIds?.length ? { attachmentIds: s.attachmentIds } : {}),
    })),
    cursor: page.cursor ?? null,
  };
}
