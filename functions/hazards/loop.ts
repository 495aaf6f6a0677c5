/**
 * The loop (issue 11 §3): 已下发 (待整改) → the enterprise submits 整改情况 → 待确认 → a regulator 确认 (已整改) or
 * 退回 (reason, new 整改时限; back to 待整改). Each step is ONE transaction conditioned on the version the caller
 * read: two regulators deciding at once → one decision, the other a 409 saying what happened; a stale form → 409.
 */
import type { HazardReturnInput, RectificationInput } from '../../shared/api/hazards';
import { HazardConfirmed, HazardReturned, RectificationSubmitted } from '../../shared/events/hazards';
import { linkAttachmentItems } from '../lib/attachments/link';
import { actorOf, transactWithAudit, type AuditEntryInput } from '../lib/audit';
import type { EnterpriseAccount, Regulator } from '../lib/auth/principal';
import { conflict, notFound } from '../lib/http/errors';
import type { Store } from '../store';
import type { RequestMeta } from './issue';
import { detailOf, loadHazard, mayDecide, NOT_FOUND, visibleHazard, type HazardRecord } from './record';
import { eventBase, hazardMoved, movedConflict, transitionItems } from './writes';

const STALE = '隐患信息已变化，请刷新后重试';

async function commit(
  store: Store,
  current: HazardRecord,
  audit: AuditEntryInput,
  items: Parameters<typeof transactWithAudit>[2],
) {
  try {
    await transactWithAudit(store, audit, items);
  } catch (err) {
    if (hazardMoved(err)) throw movedConflict(await loadHazard(store, current.hazardId));
    throw err;
  }
}

/** 整改: the enterprise's own hazard, while 待整改, with a description and at least one photo or file. */
export async function submitRectification(
  store: Store,
  p: EnterpriseAccount,
  hazardId: string,
  input: RectificationInput,
  meta: RequestMeta,
) {
  const h = await visibleHazard(store, p, hazardId);
  if (h.status !== 'issued')
    throw conflict(h.status === 'submitted' ? '整改情况已提交，等待监管部门确认' : '该隐患已整改');
  if (h.version !== input.version) throw conflict(STALE);
  const at = new Date().toISOString();
  const by = { accountId: p.accountId, name: p.name };
  const next: HazardRecord = {
    ...h,
    status: 'submitted',
    rectification: {
      description: input.description,
      attachmentIds: input.attachmentIds,
      submittedAt: at,
      submittedBy: by,
    },
    version: h.version + 1,
  };
  delete next.returnReason;
  const links = await linkAttachmentItems(store, p, input.attachmentIds, {
    enterpriseId: h.enterpriseId,
    regionCode: h.regionCode,
    categories: h.enterpriseCategories,
    requestId: `${h.hazardId}-r${h.returnedCount}`,
  });
  await commit(
    store,
    h,
    {
      actor: actorOf(p),
      action: 'hazard.rectify',
      object: { type: 'hazard', id: h.hazardId, label: h.name },
      outcome: 'success',
      ...meta,
      details: { round: h.returnedCount, attachments: input.attachmentIds.length },
    },
    [
      ...transitionItems(
        store,
        next,
        h.version,
        {
          at,
          action: 'submitted',
          byAccountId: p.accountId,
          byName: p.name,
          description: input.description,
          attachmentIds: input.attachmentIds,
        },
        { contract: RectificationSubmitted, data: { ...(eventBase(next) as RectificationSubmitted), submittedAt: at } },
      ),
      ...links,
    ],
  );
  return detailOf(next, p);
}

/** The hazard a regulator may decide now: in scope (else 404), 待确认 and at the version they read (else 409). */
async function decidable(store: Store, p: Regulator, hazardId: string, version: number): Promise<HazardRecord> {
  const h = await loadHazard(store, hazardId);
  if (!h || !mayDecide(p, h)) throw notFound(NOT_FOUND);
  if (h.status !== 'submitted') {
    throw h.status === 'confirmed' || h.version !== version ? movedConflict(h) : conflict('企业尚未提交整改情况');
  }
  if (h.version !== version) throw movedConflict(h);
  return h;
}

/** 确认: 已整改; off the due index. */
export async function confirmHazard(store: Store, p: Regulator, hazardId: string, version: number, meta: RequestMeta) {
  const h = await decidable(store, p, hazardId, version);
  const at = new Date().toISOString();
  const next: HazardRecord = {
    ...h,
    status: 'confirmed',
    confirmedAt: at,
    confirmedBy: { accountId: p.accountId, name: p.name },
    version: h.version + 1,
  };
  await commit(
    store,
    h,
    {
      actor: actorOf(p),
      action: 'hazard.confirm',
      object: { type: 'hazard', id: h.hazardId, label: h.name },
      outcome: 'success',
      ...meta,
    },
    transitionItems(
      store,
      next,
      h.version,
      { at, action: 'confirmed', byAccountId: p.accountId, byName: p.name, byDepartment: p.department },
      {
        contract: HazardConfirmed,
        data: { ...(eventBase(next) as HazardConfirmed), confirmedByName: p.name.slice(0, 100), confirmedAt: at },
      },
    ),
  );
  return detailOf(next, p);
}

/** 退回: back to 待整改 with the reason and a new 整改时限. */
export async function returnHazard(
  store: Store,
  p: Regulator,
  hazardId: string,
  input: HazardReturnInput,
  meta: RequestMeta,
) {
  const h = await decidable(store, p, hazardId, input.version);
  const at = new Date().toISOString();
  const next: HazardRecord = {
    ...h,
    status: 'issued',
    deadline: input.deadline,
    returnReason: input.reason,
    returnedCount: h.returnedCount + 1,
    version: h.version + 1,
  };
  await commit(
    store,
    h,
    {
      actor: actorOf(p),
      action: 'hazard.return',
      object: { type: 'hazard', id: h.hazardId, label: h.name },
      outcome: 'success',
      ...meta,
      details: { reason: input.reason, deadline: input.deadline },
    },
    transitionItems(
      store,
      next,
      h.version,
      {
        at,
        action: 'returned',
        byAccountId: p.accountId,
        byName: p.name,
        byDepartment: p.department,
        reason: input.reason,
        deadline: input.deadline,
      },
      {
        contract: HazardReturned,
        data: {
          ...(eventBase(next) as HazardReturned),
          reason: input.reason,
          returnedByName: p.name.slice(0, 100),
          returnedAt: at,
        },
      },
    ),
  );
  return detailOf(next, p);
}

/**
 * 修改整改时限: while 待整改, a regulator of its departments sets another deadline (an inspection's hazard starts with
 * the default 7 days). Recorded in the 整改记录; the due index moves with it.
 */
export async function rescheduleHazard(
  store: Store,
  p: Regulator,
  hazardId: string,
  input: { deadline: string; version: number },
  meta: RequestMeta,
) {
  const h = await loadHazard(store, hazardId);
  if (!h || !mayDecide(p, h)) throw notFound(NOT_FOUND);
  if (h.status !== 'issued') throw conflict('只有待整改的隐患可以修改整改时限');
  if (h.version !== input.version) throw movedConflict(h);
  const at = new Date().toISOString();
  const next: HazardRecord = { ...h, deadline: input.deadline, version: h.version + 1 };
  await commit(
    store,
    h,
    {
      actor: actorOf(p),
      action: 'hazard.reschedule',
      object: { type: 'hazard', id: h.hazardId, label: h.name },
      outcome: 'success',
      ...meta,
      details: { before: h.deadline, after: input.deadline },
    },
    transitionItems(
      store,
      next,
      h.version,
      {
        at,
        action: 'rescheduled',
        byAccountId: p.accountId,
        byName: p.name,
        byDepartment: p.department,
        deadline: input.deadline,
      },
      null,
    ),
  );
  return detailOf(next, p);
}
