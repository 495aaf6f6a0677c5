/**
 * 登记 (issue 10 §7): the 登记 page of a task, and each checklist item's answer saved as it is given.
 *
 * - Who: only the task's team registers (the officers on it; for a joint task, any of them — each answer
 *   records who gave it). Others who may see the task (its department, a joint task's departments) read the
 *   page; anyone else gets 404.
 * - Each answer is its own item in the task's partition, written in ONE transaction with the ADD that moves
 *   answeredCount / unsatisfiedCount on the task and the audit record. Two officers answering different items
 *   write different items and ADD to the counts: both kept, counts exact (a TransactionConflict on the task item
 *   is retried by transactWithAudit); the task's version moves with every answer, so 完成 sees exactly the answers
 *   it announces. The same item at once: the answer is conditioned on the version the page
 *   read, so the stale one gets 409 naming who registered it.
 * - The task must be open: a completed, deleted or not-yet-agreed joint task takes no answers (the condition on
 *   the task's status holds that at the moment of writing, so a 删除 or 完成 racing an answer leaves one winner).
 */
import { createWriteTransaction } from 'electrodb';
import {
  type AnswerInput,
  type AnswerSaved,
  type AnswerView,
  type InspectionRecord,
} from '../../shared/api/inspection-records';
import { auditFrom, transactWithAudit, type TransactItem } from '../lib/audit';
import type { Regulator } from '../lib/auth/principal';
import { linkEvidenceItems } from '../lib/attachments/link';
import { readChecklistVersion, readRevisionItems, type ChecklistItem } from '../lib/checklists/read';
import { conflict, forbidden, notFound, type AppError } from '../lib/http/errors';
import { isConditionFailure } from './task-writes';
import { regulatorSees } from '../lib/scope';
import { itemsOf } from '../lib/transactions';
import type { Store } from '../store';
import { readTaskPartition, type AnswerRecord, type TaskPartition } from './task-partition';
import { taskNotFound, taskVisibleTo, type TaskRecord } from './task-scope';

export interface RequestContext {
  requestId: string;
  sourceIp: string;
}

export const onTeam = (p: Regulator, t: TaskRecord): boolean =>
  (t.officers ?? []).some((o) => o.officerId === p.accountId);

/** The task's checklist copy: the version it was created with, and for 专项检查 only the chosen items. */
export async function taskItems(store: Store, t: TaskRecord): Promise<ChecklistItem[]> {
  const { checklistId, version, revision } = t.checklist;
  // The version a task keeps is immutable and never deleted: its items are where the task says (one Query).
  const items = revision
    ? await readRevisionItems(store, checklistId, revision)
    : (await readChecklistVersion(store, checklistId, version))?.items;
  if (!items?.length) throw new Error(`checklist ${checklistId} v${version} of task ${t.taskId} is missing`);
  const chosen = t.itemSeqs ? new Set(t.itemSeqs) : undefined;
  return items.filter((i) => !chosen || chosen.has(i.seq));
}

/** The visible, not deleted task of a partition, else 404. */
function visibleOf(p: Regulator, part: TaskPartition): TaskRecord {
  const t = part.task;
  if (!t || t.status === 'deleted' || !taskVisibleTo(p, t)) throw taskNotFound();
  return t;
}

export function answerView(a: AnswerRecord): AnswerView {
  return {
    seq: a.seq,
    result: a.result,
    ...(a.description ? { description: a.description } : {}),
    attachments: (a.evidence ?? []).map((e) => ({ ...e })),
    registeredBy: a.registeredBy,
    registeredAt: a.registeredAt,
    version: a.version,
  };
}

/** Who may 公开 a completed task by hand: its team, and regulators of its department who see it. */
export const mayPublish = (p: Regulator, t: TaskRecord): boolean =>
  onTeam(p, t) || regulatorSees(p, { regionCode: t.regionCode, categories: [t.category], department: t.department });

/** 删除 before anything is registered: by its team or its creator. */
export const mayDelete = (p: Regulator, t: TaskRecord): boolean =>
  (onTeam(p, t) || t.createdBy.accountId === p.accountId) &&
  (t.status === 'open' || t.status === 'awaiting-answers') &&
  t.answeredCount === 0;

/** The 登记 page: one Query of the task's partition and one read of its checklist version. */
export async function inspectionRecord(store: Store, p: Regulator, taskId: string): Promise<InspectionRecord> {
  const part = await readTaskPartition(store, taskId, { consistent: false });
  const t = visibleOf(p, part);
  const items = await taskItems(store, t);
  const bySeq = new Map(part.answers.map((a) => [a.seq, a]));
  const counted = items.map((i) => bySeq.get(i.seq)).filter((a): a is AnswerRecord => Boolean(a));
  const count = (r: AnswerRecord['result']) => counted.filter((a) => a.result === r).length;
  const departments = [
    t.department,
    ...(t.joint?.departments ?? []).filter((d) => d.answer === 'agreed').map((d) => d.department),
  ];
  return {
    taskId: t.taskId,
    kind: t.kind,
    title: t.title,
    category: t.category,
    department: t.department,
    departments: [...new Set(departments)],
    enterpriseId: t.enterpriseId,
    enterpriseName: t.enterpriseName,
    ...(t.uscc ? { uscc: t.uscc } : {}),
    plannedStart: t.plannedStart,
    plannedEnd: t.plannedEnd,
    inspectionType: t.inspectionType,
    form: t.form,
    checklistName: t.checklist.name,
    officers: t.officers ?? [],
    status: t.status,
    itemCount: items.length,
    answeredCount: counted.length,
    unsatisfiedCount: count('unsatisfied'),
    satisfiedCount: count('satisfied'),
    notApplicableCount: count('not-applicable'),
    items: items.map((i) => {
      const a = bySeq.get(i.seq);
      return { ...i, ...(a ? { answer: answerView(a) } : {}) };
    }),
    ...(t.completedAt ? { completedAt: t.completedAt } : {}),
    ...(t.completedBy ? { completedBy: t.completedBy } : {}),
    ...(t.publishedAt ? { publishedAt: t.publishedAt } : {}),
    ...(t.drawId ? { drawId: t.drawId } : {}),
    canRegister: onTeam(p, t) && t.status === 'open',
    canDelete: mayDelete(p, t),
    canPublish: t.status === 'completed' && !t.publishedAt && mayPublish(p, t),
    version: t.version,
  };
}

/** Why an open-only action is refused, in the words of the task's state. */
export function notOpen(t: TaskRecord): AppError {
  switch (t.status) {
    case 'completed':
      return conflict('该检查任务已完成，不能再修改登记');
    case 'awaiting-answers':
      return conflict('联合检查任务尚未得到全部参检部门同意，暂不能登记');
    case 'cancelled':
      return conflict('该检查任务已取消');
    default:
      return conflict('该检查任务已删除');
  }
}

const staleAnswer = (a: AnswerRecord | undefined) =>
  conflict(
    a
      ? `该项已由${a.registeredBy.name}于${a.registeredAt.slice(0, 16).replace('T', ' ')}登记，请刷新后重试`
      : '该项的登记已被撤销，请刷新后重试',
  );

const ATTEMPTS = 3;

/**
 * Save one item's answer. `input.version` is the answer's version the page read (absent if there was none).
 * Evidence: attachments new to this answer are linked to the task (the uploader's own `inspection-evidence`
 * uploads, not linked elsewhere); those it had before stay as they are.
 */
export async function saveAnswer(
  store: Store,
  p: Regulator,
  taskId: string,
  seq: number,
  input: AnswerInput,
  ctx: RequestContext,
  now: () => Date = () => new Date(),
): Promise<AnswerSaved> {
  for (let attempt = 1; ; attempt++) {
    const part = await readTaskPartition(store, taskId, { consistent: true });
    const t = visibleOf(p, part);
    if (!onTeam(p, t)) throw forbidden('只有检查组成员可以登记检查结果');
    if (t.status !== 'open') throw notOpen(t);
    const items = await taskItems(store, t);
    const item = items.find((i) => i.seq === seq);
    if (!item) throw notFound('检查清单中没有该检查项目');
    const before = part.answers.find((a) => a.seq === seq);
    if ((before?.version ?? undefined) !== input.version) throw staleAnswer(before);

    const kept = new Set(before?.attachmentIds ?? []);
    const fresh = input.result === 'unsatisfied' ? input.attachmentIds.filter((id) => !kept.has(id)) : [];
    const attachmentIds = input.result === 'unsatisfied' ? input.attachmentIds : [];
    const team = (t.officers ?? []).map((o) => o.officerId);
    const linked = await linkEvidenceItems(store, p, fresh, { taskId, team });
    const names = new Map([
      ...(before?.evidence ?? []).map((e) => [e.attachmentId, e] as const),
      ...linked.attachments.map(
        (a) =>
          [a.attachmentId, { attachmentId: a.attachmentId, fileName: a.fileName, contentType: a.contentType }] as const,
      ),
    ]);
    const at = now().toISOString();
    const answer: AnswerRecord = {
      taskId,
      seq,
      result: input.result,
      ...(input.description ? { description: input.description } : {}),
      attachmentIds,
      evidence: attachmentIds.map((id) => names.get(id)!),
      registeredBy: { accountId: p.accountId, name: p.name },
      registeredAt: at,
      version: (before?.version ?? 0) + 1,
    };
    const answeredDelta = before ? 0 : 1;
    const unsatisfiedDelta = (input.result === 'unsatisfied' ? 1 : 0) - (before?.result === 'unsatisfied' ? 1 : 0);

    const mine: TransactItem[] = itemsOf(
      createWriteTransaction(
        { answers: store.inspectionAnswers, tasks: store.inspectionTasks },
        ({ answers, tasks }) => [
          before
            ? answers
                .put(answer)
                .where((a, op) => op.eq(a.version, before.version))
                .commit()
            : answers.create(answer).commit(),
          tasks
            .patch({ taskId })
            .add({ answeredCount: answeredDelta, unsatisfiedCount: unsatisfiedDelta, version: 1 })
            .where((a, op) => op.eq(a.status, 'open'))
            .commit(),
        ],
      ),
    );
    try {
      await transactWithAudit(
        store,
        {
          ...auditFrom({ principal: p, ...ctx }),
          action: 'inspection.answer',
          object: { type: 'inspectionTask', id: taskId, label: t.enterpriseName },
          outcome: 'success',
          details: {
            seq,
            before: before ? { result: before.result, version: before.version } : null,
            after: { result: answer.result, attachments: attachmentIds.length },
          },
        },
        [...mine, ...linked.items],
      );
    } catch (err) {
      // A condition failed: the answer or the task moved since the read. Re-read to say why (or, if it was only
      // an evidence link raced by ourselves, try again from the new state).
      if (!isConditionFailure(err) || attempt >= ATTEMPTS) throw err;
      const again = await readTaskPartition(store, taskId, { consistent: true });
      const now2 = again.task;
      if (!now2 || now2.status === 'deleted') throw taskNotFound();
      if (now2.status !== 'open') throw notOpen(now2);
      const current = again.answers.find((a) => a.seq === seq);
      if (current?.version !== before?.version) throw staleAnswer(current);
      continue;
    }
    return {
      answer: answerView(answer),
      itemCount: items.length,
      answeredCount: t.answeredCount + answeredDelta,
      unsatisfiedCount: t.unsatisfiedCount + unsatisfiedDelta,
    };
  }
}
