/**
 * A hazard as the domain holds it, who may see and decide it, and how it reads in the API. One place for the
 * scope rule of hazards: a hazard belongs to two departments — the 隐患发送单位 and the 督促整改责任单位 — and a
 * regulator of either sees it (and, with the inspector role, decides it) when `regulatorSees` admits them for that
 * department; its enterprise sees it too. Anyone else reads "not found".
 */
import type { EntityItem } from 'electrodb';
import { isOverdue, type HazardDetail, type HazardListItem } from '../../shared/api/hazards';
import type { Principal, Regulator } from '../lib/auth/principal';
import { notFound } from '../lib/http/errors';
import { regulatorSees } from '../lib/scope';
import type { Store } from '../store';

export type HazardRecord = EntityItem<Store['hazards']>;
export type HazardListingRecord = EntityItem<Store['hazardListings']>;

export const NOT_FOUND = '隐患不存在或不在您的监管范围内';

/** The departments that act on a hazard, each once. */
export const departmentsOf = (h: Pick<HazardRecord, 'sendingDepartment' | 'responsibleDepartment'>): string[] => [
  ...new Set([h.sendingDepartment, h.responsibleDepartment]),
];

/** A regulator of the sending or the responsible department, within jurisdiction and category. */
export function regulatorSeesHazard(p: Regulator, h: HazardRecord): boolean {
  return departmentsOf(h).some((department) =>
    regulatorSees(p, { regionCode: h.regionCode, categories: [h.category], department }),
  );
}

export function seesHazard(p: Principal, h: HazardRecord): boolean {
  return p.kind === 'enterprise' ? p.enterpriseId === h.enterpriseId : regulatorSeesHazard(p, h);
}

/** Who may 确认 / 退回: a regulator who sees it and inspects (the route admits only inspectors who do business). */
export function mayDecide(p: Principal, h: HazardRecord): boolean {
  return p.kind === 'regulator' && (p.roles as string[]).includes('inspector') && regulatorSeesHazard(p, h);
}

export async function loadHazard(store: Store, hazardId: string): Promise<HazardRecord | null> {
  return (await store.hazards.get({ hazardId }).go({ consistent: true })).data;
}

/** The hazard if `p` may see it; 404 otherwise (never revealing that it exists). */
export async function visibleHazard(store: Store, p: Principal, hazardId: string): Promise<HazardRecord> {
  const h = await loadHazard(store, hazardId);
  if (!h || !seesHazard(p, h)) throw notFound(NOT_FOUND);
  return h;
}

export function detailOf(h: HazardRecord, p: Principal, now = new Date()): HazardDetail {
  return {
    hazardId: h.hazardId,
    name: h.name,
    enterpriseId: h.enterpriseId,
    enterpriseName: h.enterpriseName,
    regionCode: h.regionCode,
    category: h.category,
    problem: h.problem,
    ...(h.requirement ? { requirement: h.requirement } : {}),
    deadline: h.deadline,
    responsibleDepartment: h.responsibleDepartment,
    sendingDepartment: h.sendingDepartment,
    source: {
      kind: h.sourceKind,
      ...(h.taskId ? { taskId: h.taskId } : {}),
      ...(h.itemSeq !== undefined ? { itemSeq: h.itemSeq } : {}),
    },
    attachmentIds: h.attachmentIds,
    status: h.status,
    returned: h.returnedCount > 0 && h.status === 'issued',
    returnedCount: h.returnedCount,
    ...(h.returnReason ? { returnReason: h.returnReason } : {}),
    overdue: isOverdue(h, now),
    ...(h.rectification ? { rectification: h.rectification as NonNullable<HazardDetail['rectification']> } : {}),
    sentAt: h.sentAt,
    ...(h.sentBy ? { sentBy: h.sentBy as { accountId: string; name: string } } : {}),
    ...(h.confirmedAt ? { confirmedAt: h.confirmedAt } : {}),
    ...(h.confirmedBy ? { confirmedBy: h.confirmedBy as { accountId: string; name: string } } : {}),
    canDecide: h.status === 'submitted' && mayDecide(p, h),
    canReschedule: h.status === 'issued' && mayDecide(p, h),
    canRectify: h.status === 'issued' && p.kind === 'enterprise' && p.enterpriseId === h.enterpriseId,
    version: h.version,
  };
}

/** A row of a list, from a list row or from the hazard itself (the enterprise's list reads the hazards). */
export function listItemOf(
  r: Pick<
    HazardListingRecord,
    | 'hazardId'
    | 'name'
    | 'enterpriseId'
    | 'enterpriseName'
    | 'problem'
    | 'requirement'
    | 'responsibleDepartment'
    | 'sendingDepartment'
    | 'deadline'
    | 'status'
    | 'returnedCount'
    | 'sentAt'
    | 'version'
  > & { attachmentCount: number },
  now = new Date(),
): HazardListItem {
  return {
    hazardId: r.hazardId,
    name: r.name,
    enterpriseId: r.enterpriseId,
    enterpriseName: r.enterpriseName,
    problem: r.problem,
    ...(r.requirement ? { requirement: r.requirement } : {}),
    responsibleDepartment: r.responsibleDepartment,
    sendingDepartment: r.sendingDepartment,
    deadline: r.deadline,
    status: r.status,
    returned: r.returnedCount > 0 && r.status === 'issued',
    overdue: isOverdue(r, now),
    sentAt: r.sentAt,
    attachmentCount: r.attachmentCount,
    version: r.version,
  };
}
