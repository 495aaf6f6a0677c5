/**
 * 删除 (issue 10 §7): a task may be deleted only before anything is registered on it, with a reason, by its team
 * or its creator; the task is kept, marked `deleted` (with its team's and joint rows), and the reason goes to
 * the audit trail in the same transaction. The condition — still open or awaiting answers, nothing answered —
 * is checked on the task item at the moment of writing, and every answer ADDs to that same item under the
 * condition that the task is open: a 删除 racing a first answer leaves exactly one of them.
 */
import { createWriteTransaction } from 'electrodb';
import { auditFrom, transactWithAudit } from '../lib/audit';
import type { Regulator } from '../lib/auth/principal';
import { conflict, forbidden } from '../lib/http/errors';
import { isConditionFailure } from './task-writes';
import { itemsOf } from '../lib/transactions';
import type { Store } from '../store';
import { onTeam, type RequestContext } from './registration';
import { readTaskPartition } from './task-partition';
import { taskNotFound, taskVisibleTo, type TaskRecord } from './task-scope';
import { statusCopyItems } from './task-status';
import { burdenItem } from './burden';

const alreadyRegistered = () => conflict('该检查任务已有登记内容，不能删除');

function refuse(t: TaskRecord): never {
  if (t.status === 'completed') throw conflict('该检查任务已完成，不能删除');
  if (t.status === 'cancelled') throw conflict('该检查任务已取消');
  throw alreadyRegistered();
}

export async function deleteTask(
  store: Store,
  p: Regulator,
  taskId: string,
  reason: string,
  ctx: RequestContext,
): Promise<{ taskId: string; status: 'deleted' }> {
  const part = await readTaskPartition(store, taskId, { consistent: true });
  const t = part.task;
  if (!t || t.status === 'deleted' || !taskVisibleTo(p, t)) throw taskNotFound();
  if (!onTeam(p, t) && t.createdBy.accountId !== p.accountId)
    throw forbidden('只有检查组成员或任务创建人可以删除检查任务');
  if ((t.status !== 'open' && t.status !== 'awaiting-answers') || t.answeredCount > 0 || part.answers.length) refuse(t);
  const mine = [
    ...itemsOf(
      createWriteTransaction({ tasks: store.inspectionTasks }, ({ tasks }) => [
        tasks
          .patch({ taskId })
          .set({ status: 'deleted' })
          .add({ version: 1 })
          .where(
            (a, op) =>
              `(${op.eq(a.status, 'open')} OR ${op.eq(a.status, 'awaiting-answers')}) AND ${op.eq(a.answeredCount, 0)}`,
          )
          .commit(),
      ]),
    ),
    ...statusCopyItems(store, part, 'deleted'),
    // A deleted task was never an inspection: it leaves the enterprise's burden count.
    burdenItem(store, t.enterpriseId, t.plannedStart, -1),
  ];
  try {
    await transactWithAudit(
      store,
      {
        ...auditFrom({ principal: p, ...ctx }),
        action: 'inspection.delete',
        object: { type: 'inspectionTask', id: taskId, label: t.enterpriseName },
        outcome: 'success',
        reason: reason.slice(0, 200),
        details: { reason, title: t.title, kind: t.kind, before: { status: t.status } },
      },
      mine,
    );
  } catch (err) {
    if (!isConditionFailure(err)) throw err;
    const again = (await readTaskPartition(store, taskId, { consistent: true })).task;
    if (!again || again.status === 'deleted') throw taskNotFound();
    refuse(again);
  }
  return { taskId, status: 'deleted' };
}
