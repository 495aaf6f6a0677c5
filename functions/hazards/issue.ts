/**
 * How a hazard comes to be (issue 11 §1, §2): 登记隐患问题 by a regulator, or one per 不满足 item of a completed
 * inspection. Either way it is issued (已下发) to the enterprise in ONE transaction with its list rows, the first
 * step of its 整改记录, its attachments' links, the audit record and `HazardIssued`.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { Logger } from '@aws-lambda-powertools/logger';
import { DEFAULT_RECTIFICATION_DAYS, type HazardInput } from '../../shared/api/hazards';
import { HazardIssued } from '../../shared/events/hazards';
import type { InspectionCompleted } from '../../shared/events/inspections';
import { CATEGORIES, type CategoryCode } from '../../shared/reference/categories';
import type { DepartmentCode } from '../../shared/reference/departments';
import { defaultResponsibleDepartment } from '../../shared/reference/segments';
import { addDays, todayInChina } from '../../shared/validation/dates';
import { linkAttachmentItems, shareEvidenceItems } from '../lib/attachments/link';
import { actorOf, SYSTEM_ACTOR, transactWithAudit } from '../lib/audit';
import type { Regulator } from '../lib/auth/principal';
import type { DeliveredEvent } from '../lib/dispatch';
import { notFound } from '../lib/http/errors';
import { categoriesOf } from '../lib/register/scope';
import { regulatorSees, requireCategory } from '../lib/scope';
import type { Store } from '../store';
import { detailOf, type HazardRecord } from './record';
import { eventBase, hazardMoved, transitionItems } from './writes';

export interface RequestMeta {
  sourceIp: string;
  requestId: string;
}

const ENTERPRISE_NOT_FOUND = '企业不存在或不在您的监管范围内';

/** 登记隐患问题: the caller's department sends it, about an enterprise of their jurisdiction and platform category. */
export async function registerHazard(store: Store, p: Regulator, input: HazardInput, meta: RequestMeta) {
  const category = p.category;
  requireCategory(p, category);
  const { data: e } = await store.enterprises.get({ enterpriseId: input.enterpriseId }).go({ consistent: true });
  const categories = e ? categoriesOf(e.segments) : [];
  // An enterprise outside the caller's scope — or not working in this platform's category — reads as missing.
  if (
    !e ||
    e.removed ||
    !categories.includes(category) ||
    !regulatorSees(p, { regionCode: e.regionCode, categories: [category] })
  ) {
    throw notFound(ENTERPRISE_NOT_FOUND);
  }
  const hazardId = `hz-${randomUUID().replace(/-/g, '')}`;
  const at = new Date().toISOString();
  const record: HazardRecord = {
    hazardId,
    name: input.name,
    enterpriseId: e.enterpriseId,
    enterpriseName: e.name,
    regionCode: e.regionCode,
    enterpriseCategories: categories,
    category,
    problem: input.problem,
    ...(input.requirement ? { requirement: input.requirement } : {}),
    deadline: input.deadline,
    responsibleDepartment: input.responsibleDepartment ?? defaultResponsibleDepartment(e.segments, category),
    sendingDepartment: p.department,
    sourceKind: 'manual',
    attachmentIds: input.attachmentIds,
    status: 'issued',
    returnedCount: 0,
    sentAt: at,
    sentBy: { accountId: p.accountId, name: p.name },
    version: 1,
  };
  const links = await linkAttachmentItems(store, p, input.attachmentIds, {
    enterpriseId: e.enterpriseId,
    regionCode: e.regionCode,
    categories,
    requestId: hazardId,
  });
  await transactWithAudit(
    store,
    {
      actor: actorOf(p),
      action: 'hazard.issue',
      object: { type: 'hazard', id: hazardId, label: record.name },
      outcome: 'success',
      ...meta,
      details: {
        enterpriseId: e.enterpriseId,
        deadline: record.deadline,
        responsibleDepartment: record.responsibleDepartment,
      },
    },
    [
      ...transitionItems(
        store,
        record,
        undefined,
        { at, action: 'issued', byAccountId: p.accountId, byName: p.name, byDepartment: p.department },
        { contract: HazardIssued, data: issuedData(record) },
      ),
      ...links,
    ],
  );
  return detailOf(record, p);
}

function issuedData(h: HazardRecord): HazardIssued {
  return { ...(eventBase(h) as Omit<HazardIssued, 'issuedAt'>), issuedAt: h.sentAt };
}

/**
 * The hazard id of an inspection's item: the same for every delivery of the event, so the hazard's create
 * (attribute_not_exists) lets exactly one through however often, or however late, the event comes.
 */
export const inspectionHazardId = (taskId: string, seq: number): string =>
  `hz-${createHash('sha256').update(`inspection:${taskId}:${seq}`).digest('hex').slice(0, 32)}`;

/** 「[<检查项目>], 该项目检查不通过.」 then what the inspector wrote (the seed's wording). */
export const problemOf = (item: { content: string; description: string }): string =>
  `[${item.content}], 该项目检查不通过.\n${item.description}`;

/**
 * InspectionCompleted → one hazard per 不满足 item, each in its own transaction (a task's items may outnumber what
 * one transaction holds). Returns how many were written and how many were there already.
 */
export async function onInspectionCompleted(
  store: Store,
  event: Pick<DeliveredEvent<InspectionCompleted>, 'detail'>,
  logger: Pick<Logger, 'info'>,
): Promise<{ written: number; duplicates: number }> {
  const d = event.detail.data;
  if (d.unsatisfied.length === 0) return { written: 0, duplicates: 0 };
  // The enterprise as the register holds it: its region and segments route the hazard. A unit since removed keeps
  // the inspection's facts (its hazards are still the inspection's findings).
  const { data: e } = await store.enterprises.get({ enterpriseId: d.enterpriseId }).go({ consistent: true });
  const category = d.category as CategoryCode;
  const responsible: DepartmentCode = e
    ? defaultResponsibleDepartment(e.segments, category)
    : CATEGORIES.find((c) => c.code === category)!.lead;
  const deadline = addDays(todayInChina(new Date(d.completedAt)), DEFAULT_RECTIFICATION_DAYS);
  const sentAt = new Date(d.completedAt).toISOString();
  let written = 0;
  let duplicates = 0;
  for (const item of d.unsatisfied) {
    const hazardId = inspectionHazardId(d.taskId, item.seq);
    const record: HazardRecord = {
      hazardId,
      name: `${d.title}-${d.enterpriseName}`.slice(0, 300),
      enterpriseId: d.enterpriseId,
      enterpriseName: d.enterpriseName,
      regionCode: e?.regionCode ?? d.regionCode,
      enterpriseCategories: e ? categoriesOf(e.segments) : [category],
      category,
      problem: problemOf(item),
      deadline,
      responsibleDepartment: responsible,
      sendingDepartment: d.department,
      sourceKind: 'inspection',
      taskId: d.taskId,
      itemSeq: item.seq,
      attachmentIds: item.attachmentIds,
      status: 'issued',
      returnedCount: 0,
      sentAt,
      sentBy: { accountId: d.completedBy.accountId, name: d.completedBy.name || '检查人员' },
      version: 1,
    };
    try {
      await transactWithAudit(
        store,
        {
          actor: { ...SYSTEM_ACTOR, name: '系统（检查隐患）' },
          action: 'hazard.issue',
          object: { type: 'hazard', id: hazardId, label: record.name },
          outcome: 'success',
          sourceIp: '-',
          requestId: `${event.detail.eventId}-${item.seq}`,
          details: { taskId: d.taskId, seq: item.seq, enterpriseId: d.enterpriseId },
        },
        transitionItems(
          store,
          record,
          undefined,
          {
            at: sentAt,
            action: 'issued',
            byAccountId: d.completedBy.accountId,
            byName: record.sentBy!.name,
            byDepartment: d.department,
          },
          { contract: HazardIssued, data: issuedData(record) },
        ).concat(
          await shareEvidenceItems(store, item.attachmentIds, {
            taskId: d.taskId,
            enterpriseId: d.enterpriseId,
            regionCode: record.regionCode,
            categories: record.enterpriseCategories,
          }),
        ),
      );
      written++;
    } catch (err) {
      if (!hazardMoved(err)) throw err;
      duplicates++;
    }
  }
  logger.info('InspectionCompleted → hazards', {
    eventId: event.detail.eventId,
    taskId: d.taskId,
    written,
    duplicates,
  });
  return { written, duplicates };
}
