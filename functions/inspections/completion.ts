/**
 * 完成 (issue 10 §7): a task whose every checklist item is answered becomes `completed`, and `InspectionCompleted`
 * — with its 不满足 items, what was written and attached — goes out through the outbox, in ONE transaction with
 * the status (task, team rows, joint rows), the 一公开 deadline (20 working days, `inspectionPublicationDue`) and
 * the audit record. The task's condition (still open, every item answered) makes a second 完成 — twice in a row
 * or two officers at once — fail; it then reads the task again and answers what the first one did, writing and
 * announcing nothing: one completion, one event.
 */
import { createWriteTransaction } from 'electrodb';
import type { InspectionCompleted as CompletedData } from '../../shared/events/inspections';
import { InspectionCompleted } from '../../shared/events/inspections';
import type { CategoryCode } from '../../shared/reference/categories';
import type { DepartmentCode } from '../../shared/reference/departments';
import { auditFrom, transactWithAudit } from '../lib/audit';
import type { Regulator } from '../lib/auth/principal';
import type { ChecklistItem } from '../lib/checklists/read';
import { outboxItem } from '../lib/events/outbox';
import { conflict, forbidden } from '../lib/http/errors';
import { isConditionFailure } from './task-writes';
import { statsCounterItems } from '../lib/stats/counters';
import { itemsOf } from '../lib/transactions';
import type { Store } from '../store';
import { notOpen, onTeam, taskItems, type RequestContext } from './registration';
import { readTaskPartition, type AnswerRecord } from './task-partition';
import { taskNotFound, taskVisibleTo, type TaskRecord } from './task-scope';
import { statusCopyItems } from './task-status';
import { publicationDueDate } from './working-days';

export interface Completion {
  taskId: string;
  status: 'completed';
  completedAt: string;
  unsatisfiedCount: number;
  publicationDue?: string;
}

/** The event's payload: the task as completed, and its 不满足 items with the checklist's words. */
export function completedEvent(
  t: TaskRecord,
  items: readonly ChecklistItem[],
  answers: readonly AnswerRecord[],
  completedAt: string,
  completedBy: { accountId: string; name: string },
): CompletedData {
  const bySeq = new Map(items.map((i) => [i.seq, i]));
  return {
    taskId: t.taskId,
    kind: t.kind,
    title: t.title,
    category: t.category as CategoryCode,
    department: t.department as DepartmentCode,
    regionCode: t.regionCode,
    enterpriseId: t.enterpriseId,
    enterpriseName: t.enterpriseName,
    completedAt,
    completedBy,
    unsatisfied: answers
      .filter((a) => a.result === 'unsatisfied' && bySeq.has(a.seq))
      .map((a) => {
        const i = bySeq.get(a.seq)!;
        return {
          seq: a.seq,
          stage: i.stage,
          content: i.content,
          ...(i.basis ? { basis: i.basis } : {}),
          description: a.description ?? '',
          attachmentIds: a.attachmentIds ?? [],
        };
      }),
  };
}

const done = (t: TaskRecord): Completion => ({
  taskId: t.taskId,
  status: 'completed',
  completedAt: t.completedAt ?? '',
  unsatisfiedCount: t.unsatisfiedCount,
});

export async function completeTask(
  store: Store,
  p: Regulator,
  taskId: string,
  ctx: RequestContext,
  now: () => Date = () => new Date(),
): Promise<Completion> {
  const part = await readTaskPartition(store, taskId, { consistent: true });
  const t = part.task;
  if (!t || t.status === 'deleted' || !taskVisibleTo(p, t)) throw taskNotFound();
  if (!onTeam(p, t)) throw forbidden('只有检查组成员可以完成登记');
  if (t.status === 'completed') return done(t);
  if (t.status !== 'open') throw notOpen(t);

  const items = await taskItems(store, t);
  const answered = new Set(part.answers.map((a) => a.seq));
  const missing = items.filter((i) => !answered.has(i.seq));
  if (missing.length) {
    throw conflict(
      `还有 ${missing.length} 项未登记（第 ${missing
        .slice(0, 5)
        .map((i) => i.seq)
        .join('、')}${missing.length > 5 ? ' 等' : ''} 项），全部登记后才能完成`,
    );
  }
  const answers = part.answers.filter((a) => items.some((i) => i.seq === a.seq));
  const unsatisfiedCount = answers.filter((a) => a.result === 'unsatisfied').length;
  const at = now();
  const completedAt = at.toISOString();
  const completedBy = { accountId: p.accountId, name: p.name };
  const dueDate = publicationDueDate(completedAt);
  const mine = [
    ...itemsOf(
      createWriteTransaction(
        { tasks: store.inspectionTasks, due: store.inspectionPublicationDue },
        ({ tasks, due }) => [
          tasks
            .patch({ taskId })
            .set({ status: 'completed', completedAt, completedBy })
            .add({ version: 1 })
            // Still open and as read (every answer bumps the version): a second 完成, or an answer changed
            // meanwhile — which the event would not carry — fails here.
            .where((a, op) => `${op.eq(a.status, 'open')} AND ${op.eq(a.version, t.version)}`)
            .commit(),
          due.create({ taskId, dueDate, completedAt }).commit(),
        ],
      ),
    ),
    ...statusCopyItems(store, part, 'completed'),
    // The 首页's 检查 figure of the year, at the enterprise's region (where the 统计数据 look for it).
    ...statsCounterItems(store, {
      category: t.category,
      regionCode: t.enterpriseRegionCode,
      at,
      metric: 'inspectionsCompleted',
    }),
    outboxItem(store, InspectionCompleted, completedEvent(t, items, answers, completedAt, completedBy), at),
  ];
  try {
    await transactWithAudit(
      store,
      {
        ...auditFrom({ principal: p, ...ctx }),
        action: 'inspection.complete',
        object: { type: 'inspectionTask', id: taskId, label: t.enterpriseName },
        outcome: 'success',
        details: { itemCount: items.length, unsatisfiedCount, publicationDue: dueDate },
      },
      mine,
    );
  } catch (err) {
    if (!isConditionFailure(err)) throw err;
    const again = (await readTaskPartition(store, taskId, { consistent: true })).task;
    if (again?.status === 'completed') return done(again);
    if (!again || again.status === 'deleted') throw taskNotFound();
    if (again.status !== 'open') throw notOpen(again);
    throw conflict('登记在完成的同时有变动，请刷新后重试');
  }
  return { taskId, status: 'completed', completedAt, unsatisfiedCount, publicationDue: dueDate };
}
