/**
 * The items that create inspection tasks — the one place every way of creating one (独立, 双随机, 联合, the demo
 * seed) goes through, so a task never exists without its team's member rows, its joint departments' rows and
 * its burden count. The caller adds its own items (a draw's update, attachments) and the audit record, and
 * sends them as ONE transaction; `assertFits` refuses a batch that can't, before anything is written.
 */
import { randomUUID } from 'node:crypto';
import { createWriteTransaction } from 'electrodb';
import { InspectionAssigned, JointInspectionInvited } from '../../shared/events/inspections';
import type { CategoryCode } from '../../shared/reference/categories';
import type { DepartmentCode } from '../../shared/reference/departments';
import { outboxItem } from '../lib/events/outbox';
import { badRequest } from '../lib/http/errors';
import { itemsOf, MAX_TRANSACT_ITEMS, type TransactItem } from '../lib/transactions';
import type { Store } from '../store';
import { burdenItems } from './burden';
import type { TaskRecord } from './task-scope';

export const newTaskId = () => `tsk-${randomUUID()}`;
export const newBatchId = () => `bat-${randomUUID()}`;
export const newDrawId = () => `drw-${randomUUID()}`;

/** Items one audit record adds (its shard head and the record). */
const AUDIT_ITEMS = 2;

export function taskWriteItems(store: Store, tasks: readonly TaskRecord[]): TransactItem[] {
  const own = itemsOf(
    createWriteTransaction(
      {
        tasks: store.inspectionTasks,
        members: store.inspectionTaskMembers,
        departments: store.inspectionJointDepartments,
      },
      ({ tasks: t, members, departments }) =>
        tasks.flatMap((task) => [
          t
            .put(task)
            .where((a, op) => op.notExists(a.taskId))
            .commit(),
          ...(task.officers ?? []).map((o) =>
            members
              .put({
                taskId: task.taskId,
                officerId: o.officerId,
                kind: task.kind,
                state: task.status,
                plannedStart: task.plannedStart,
                createdAt: task.createdAt,
                enterpriseName: task.enterpriseName,
              })
              .commit(),
          ),
          ...(task.joint
            ? [
                departments
                  .put({
                    taskId: task.taskId,
                    department: task.department,
                    role: 'lead',
                    category: task.category,
                    enterpriseRegionCode: task.enterpriseRegionCode,
                    answer: 'agreed',
                    state: task.status,
                    createdAt: task.createdAt,
                  })
                  .commit(),
                ...(task.joint.departments ?? []).map((d) =>
                  departments
                    .put({
                      taskId: task.taskId,
                      department: d.department,
                      role: 'participant',
                      category: task.category,
                      enterpriseRegionCode: task.enterpriseRegionCode,
                      answer: d.answer,
                      state: task.status,
                      createdAt: task.createdAt,
                    })
                    .commit(),
                ),
              ]
            : []),
        ]),
    ),
  );
  return [
    ...own,
    ...burdenItems(
      store,
      tasks.map((t) => ({ enterpriseId: t.enterpriseId, plannedStart: t.plannedStart, delta: 1 })),
    ),
    ...createdEventItems(store, tasks),
  ];
}

/** What an event says of a task (shared/events/inspections.ts `taskRef`). */
export function taskRefOf(t: TaskRecord) {
  return {
    taskId: t.taskId,
    kind: t.kind,
    title: t.title,
    category: t.category as CategoryCode,
    department: t.department as DepartmentCode,
    regionCode: t.regionCode,
    enterpriseId: t.enterpriseId,
    enterpriseName: t.enterpriseName,
    enterpriseRegionCode: t.enterpriseRegionCode,
    plannedStart: t.plannedStart,
    plannedEnd: t.plannedEnd,
    form: t.form,
  };
}

type By = { accountId: string; name: string };

/** InspectionAssigned: these tasks' teams (the whole team of a new task, or the officers who just joined). */
export function assignedEvent(tasks: readonly TaskRecord[], by: By, at: Date): InspectionAssigned {
  return {
    tasks: tasks.map((t) => ({
      ...taskRefOf(t),
      officers: (t.officers ?? []).map((o) => ({ officerId: o.officerId, name: o.name })),
    })),
    assignedBy: { accountId: by.accountId, name: by.name },
    assignedAt: at.toISOString(),
  };
}

/** JointInspectionInvited: these joint tasks, each with its 参检部门. */
export function invitedEvent(tasks: readonly TaskRecord[], by: By, at: Date): JointInspectionInvited {
  return {
    tasks: tasks.map((t) => ({
      ...taskRefOf(t),
      departments: (t.joint?.departments ?? []).map((d) => d.department as DepartmentCode),
    })),
    invitedBy: { accountId: by.accountId, name: by.name },
    invitedAt: at.toISOString(),
  };
}

/**
 * The announcements of one 创建, for its transaction: ONE InspectionAssigned for the whole batch (every task and
 * its team) and, for a 联合检查, ONE JointInspectionInvited — an event per batch, not per task, so announcing
 * costs the batch at most two of its transaction's 100 items. A batch shares its creator and time.
 */
function createdEventItems(store: Store, tasks: readonly TaskRecord[]): TransactItem[] {
  const first = tasks[0];
  if (!first) return [];
  const at = new Date(first.createdAt);
  const staffed = tasks.filter((t) => (t.officers ?? []).length > 0);
  const joint = tasks.filter((t) => t.joint?.departments?.length);
  return [
    ...(staffed.length ? [outboxItem(store, InspectionAssigned, assignedEvent(staffed, first.createdBy, at), at)] : []),
    ...(joint.length ? [outboxItem(store, JointInspectionInvited, invitedEvent(joint, first.createdBy, at), at)] : []),
  ];
}

/** Refuse, with the numbers, a batch whose items and audit record exceed one transaction. */
export function assertFits(items: number, enterprises: number): void {
  if (items + AUDIT_ITEMS > MAX_TRANSACT_ITEMS) {
    const per = Math.max(1, Math.ceil(items / Math.max(1, enterprises)));
    const fit = Math.max(1, Math.floor((MAX_TRANSACT_ITEMS - AUDIT_ITEMS) / per));
    throw badRequest(`一次创建的检查任务过多（${enterprises} 家企业），请分批创建，每批不超过 ${fit} 家`);
  }
}

/**
 * True when a transaction failed on one of its conditions (a stale version, a draw used meanwhile). The
 * register's writer has the same test, but importing it would pull the register's entities into this
 * context's grants.
 */
export function isConditionFailure(err: unknown): boolean {
  const e = err as { name?: string; CancellationReasons?: { Code?: string }[] };
  return (
    e.name === 'TransactionCanceledException' &&
    Boolean(e.CancellationReasons?.some((r) => r.Code === 'ConditionalCheckFailed'))
  );
}
