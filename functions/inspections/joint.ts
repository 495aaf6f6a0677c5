/**
 * 联合检查 (issue 10 §6) after creation: each 参检部门 answers 同意 or 拒绝 (with a reason) in 联合检查任务; once
 * every department agreed the task is open for 登记; on a refusal the 牵头检查部门 drops that department or
 * cancels. Every change moves the task (conditioned on its version), the departments' rows and the team's
 * rows in one transaction with its audit record. Two answers at once: each is retried on the fresh task, so
 * two departments both get through; a second answer of the same department is a 409 naming who answered.
 */
import { createWriteTransaction } from 'electrodb';
import { JOINT_ANSWER_LABELS } from '../../shared/api/inspections';
import { InspectionAssigned, JointInspectionAnswered } from '../../shared/events/inspections';
import type { DepartmentCode } from '../../shared/reference/departments';
import { actorOf, transactWithAudit, type TransactItem } from '../lib/audit';
import { outboxItem } from '../lib/events/outbox';
import type { Regulator } from '../lib/auth/principal';
import { badRequest, conflict, forbidden } from '../lib/http/errors';
import { officersIn } from '../lib/officers/read';

import { regulatorSees } from '../lib/scope';
import { withCursor, type PageInput } from '../lib/paging';
import { itemsOf } from '../lib/transactions';
import type { Store } from '../store';
import type { InspectionStatus, JointAnswer } from '../store/entities/inspection-task';
import { burdenItems } from './burden';
import type { RequestCtx } from './create';
import { assertNoConflicts } from './plan';
import { taskNotFound, taskVisibleTo, visibleTask, type TaskRecord } from './task-scope';
import { assignedEvent, isConditionFailure, taskRefOf } from './task-writes';
import { taskView } from './task-view';

type Departments = NonNullable<NonNullable<TaskRecord['joint']>['departments']>;

const ATTEMPTS = 4;

async function jointTask(store: Store, p: Regulator, taskId: string): Promise<TaskRecord> {
  const t = await visibleTask(store, p, taskId);
  if (t.kind !== 'joint' || !t.joint) throw taskNotFound();
  return t;
}

/** The task's new state and everything that mirrors it: the task, its departments' rows and its team's rows. */
function moveItems(
  store: Store,
  t: TaskRecord,
  next: { status: InspectionStatus; departments: Departments; officers: NonNullable<TaskRecord['officers']> },
  change: { answered?: { department: string; answer: JointAnswer }; dropped?: string },
): TransactItem[] {
  const joiners = next.officers.filter((o) => !(t.officers ?? []).some((x) => x.officerId === o.officerId));
  const statusMoved = next.status !== t.status;
  return itemsOf(
    createWriteTransaction(
      {
        tasks: store.inspectionTasks,
        members: store.inspectionTaskMembers,
        departments: store.inspectionJointDepartments,
      },
      ({ tasks, members, departments }) => [
        tasks
          .patch({ taskId: t.taskId })
          .set({ status: next.status, joint: { departments: next.departments }, officers: next.officers })
          .add({ version: 1 })
          .where((a, op) => `${op.eq(a.version, t.version)} AND ${op.eq(a.status, t.status)}`)
          .commit(),
        ...(change.answered
          ? [
              departments
                .patch({ taskId: t.taskId, department: change.answered.department })
                .set({ answer: change.answered.answer, state: next.status })
                .commit(),
            ]
          : []),
        ...(change.dropped ? [departments.delete({ taskId: t.taskId, department: change.dropped }).commit()] : []),
        ...(statusMoved
          ? [t.department, ...next.departments.map((d) => d.department)]
              .filter((d) => d !== change.answered?.department)
              .map((department) =>
                departments.patch({ taskId: t.taskId, department }).set({ state: next.status }).commit(),
              )
          : []),
        ...(statusMoved
          ? (t.officers ?? []).map((o) =>
              members
                .patch({ taskId: t.taskId, officerId: o.officerId })
                .set({ state: next.status, plannedStart: t.plannedStart })
                .commit(),
            )
          : []),
        ...joiners.map((o) =>
          members
            .put({
              taskId: t.taskId,
              officerId: o.officerId,
              kind: t.kind,
              state: next.status,
              plannedStart: t.plannedStart,
              createdAt: t.createdAt,
              enterpriseName: t.enterpriseName,
            })
            .commit(),
        ),
      ],
    ),
  );
}

export async function answerJoint(
  store: Store,
  p: Regulator,
  taskId: string,
  input: { answer: 'agreed' | 'refused'; reason?: string | undefined; officerIds: string[] },
  ctx: RequestCtx,
  now = new Date(),
) {
  if (input.answer === 'refused' && !input.reason) {
    throw badRequest('拒绝时请填写原因', [{ path: 'body.reason', message: '请填写拒绝原因' }]);
  }
  for (let attempt = 1; ; attempt++) {
    const t = await jointTask(store, p, taskId);
    const mine = t.joint!.departments!.find((d) => d.department === p.department);
    if (!mine) throw forbidden('本部门不是该联合检查的参检部门，无需答复');
    if (mine.answer !== 'pending') {
      throw conflict(`本部门已由 ${mine.answeredByName ?? ''} 答复：${JOINT_ANSWER_LABELS[mine.answer]}`);
    }
    if (t.status !== 'awaiting-answers') throw conflict('该联合检查已不在待答复状态');

    let officers = t.officers ?? [];
    let joined: { officerId: string; name: string }[] = [];
    if (input.answer === 'agreed') {
      const asked = input.officerIds.length ? [...new Set(input.officerIds)] : [p.accountId];
      const pool = new Map((await officersIn(store, p.department, p.regionCode)).map((o) => [o.officerId, o]));
      const joiners = asked.map((id) =>
        id === p.accountId
          ? { officerId: p.accountId, name: p.name }
          : pool.get(id) && { officerId: id, name: pool.get(id)!.name },
      );
      if (joiners.some((j) => !j)) throw badRequest('所选执法人员不是本部门、本辖区的检查人员');
      const fresh = joiners.filter((j) => !officers.some((o) => o.officerId === j!.officerId)) as {
        officerId: string;
        name: string;
      }[];
      await assertNoConflicts(
        store,
        fresh,
        [],
        [{ enterpriseId: t.enterpriseId, name: t.enterpriseName, regionCode: t.enterpriseRegionCode }],
      );
      officers = [...officers, ...fresh];
      joined = fresh;
    }
    const departments = t.joint!.departments!.map((d) =>
      d.department === p.department
        ? {
            department: d.department,
            answer: input.answer,
            ...(input.answer === 'refused' ? { reason: input.reason! } : {}),
            answeredBy: p.accountId,
            answeredByName: p.name,
            answeredAt: now.toISOString(),
          }
        : d,
    );
    const status: InspectionStatus = departments.every((d) => d.answer === 'agreed') ? 'open' : 'awaiting-answers';
    try {
      await transactWithAudit(
        store,
        {
          actor: actorOf(p),
          action: input.answer === 'agreed' ? 'inspection.joint.agree' : 'inspection.joint.refuse',
          object: { type: 'inspectionTask', id: t.taskId, label: t.title },
          outcome: 'success',
          ...(input.reason ? { reason: input.reason } : {}),
          sourceIp: ctx.sourceIp,
          requestId: ctx.requestId,
          details: { department: p.department, status, officers: officers.map((o) => o.officerId) },
        },
        [
          ...moveItems(
            store,
            t,
            { status, departments, officers },
            { answered: { department: p.department, answer: input.answer } },
          ),
          ...answerEventItems(store, p, t, { answer: input.answer, reason: input.reason, status, joined }, now),
        ],
      );
      return taskView({ ...t, status, joint: { departments }, officers, version: t.version + 1 });
    } catch (err) {
      // Another department answered first: answer again on the task as it is now.
      if (isConditionFailure(err) && attempt < ATTEMPTS) continue;
      if (isConditionFailure(err)) throw conflict('该联合检查刚被其他人修改，请刷新后重试');
      throw err;
    }
  }
}

interface Answer {
  answer: 'agreed' | 'refused';
  reason: string | undefined;
  status: InspectionStatus;
  joined: { officerId: string; name: string }[];
}

/** JointInspectionAnswered: `p`'s department answered `t` (as it was before the answer). */
export function answeredEvent(p: Regulator, t: TaskRecord, a: Answer, now: Date): JointInspectionAnswered {
  return {
    ...taskRefOf(t),
    answeringDepartment: p.department as DepartmentCode,
    answer: a.answer,
    ...(a.answer === 'refused' && a.reason ? { reason: a.reason } : {}),
    status: a.status === 'open' ? 'open' : 'awaiting-answers',
    createdBy: { accountId: t.createdBy.accountId, name: t.createdBy.name },
    team: (t.officers ?? []).map((o) => ({ officerId: o.officerId, name: o.name })),
    answeredBy: { accountId: p.accountId, name: p.name },
    answeredAt: now.toISOString(),
  };
}

/**
 * The answer's announcements, for its transaction: JointInspectionAnswered (to the lead's side) and, when the
 * answer put officers on the team, InspectionAssigned for them.
 */
function answerEventItems(store: Store, p: Regulator, t: TaskRecord, a: Answer, now: Date): TransactItem[] {
  return [
    outboxItem(store, JointInspectionAnswered, answeredEvent(p, t, a, now), now),
    ...(a.joined.length
      ? [outboxItem(store, InspectionAssigned, assignedEvent([{ ...t, officers: a.joined }], p, now), now)]
      : []),
  ];
}

/** Only the 牵头检查部门's regulators who see the task act for the lead. */
function assertLead(p: Regulator, t: TaskRecord): void {
  if (!regulatorSees(p, { regionCode: t.regionCode, categories: [t.category], department: t.department })) {
    throw forbidden('只有牵头检查部门可以进行此操作');
  }
}

export async function dropDepartment(
  store: Store,
  p: Regulator,
  taskId: string,
  input: { department: string; version: number },
  ctx: RequestCtx,
) {
  const t = await jointTask(store, p, taskId);
  assertLead(p, t);
  if (t.version !== input.version) throw conflict('该联合检查已被修改，请刷新后重试');
  if (t.status !== 'awaiting-answers') throw conflict('该联合检查已不在待答复状态');
  const d = t.joint!.departments!.find((x) => x.department === input.department);
  if (!d) throw badRequest('该部门不是本联合检查的参检部门');
  if (d.answer !== 'refused') throw badRequest('只能移除已拒绝的参检部门');
  const departments = t.joint!.departments!.filter((x) => x.department !== input.department);
  const status: InspectionStatus = departments.every((x) => x.answer === 'agreed') ? 'open' : 'awaiting-answers';
  try {
    await transactWithAudit(
      store,
      {
        actor: actorOf(p),
        action: 'inspection.joint.drop',
        object: { type: 'inspectionTask', id: t.taskId, label: t.title },
        outcome: 'success',
        sourceIp: ctx.sourceIp,
        requestId: ctx.requestId,
        details: { department: input.department, status },
      },
      moveItems(store, t, { status, departments, officers: t.officers ?? [] }, { dropped: input.department }),
    );
  } catch (err) {
    if (isConditionFailure(err)) throw conflict('该联合检查已被修改，请刷新后重试');
    throw err;
  }
  return taskView({ ...t, status, joint: { departments }, version: t.version + 1 });
}

export async function cancelJoint(
  store: Store,
  p: Regulator,
  taskId: string,
  input: { reason: string; version: number },
  ctx: RequestCtx,
) {
  const t = await jointTask(store, p, taskId);
  assertLead(p, t);
  if (t.version !== input.version) throw conflict('该联合检查已被修改，请刷新后重试');
  if (t.status !== 'awaiting-answers' && !(t.status === 'open' && t.answeredCount === 0)) {
    throw conflict('已开始登记或已结束的联合检查不能取消');
  }
  const departments = t.joint!.departments!;
  try {
    await transactWithAudit(
      store,
      {
        actor: actorOf(p),
        action: 'inspection.joint.cancel',
        object: { type: 'inspectionTask', id: t.taskId, label: t.title },
        outcome: 'success',
        reason: input.reason,
        sourceIp: ctx.sourceIp,
        requestId: ctx.requestId,
      },
      [
        ...moveItems(store, t, { status: 'cancelled', departments, officers: t.officers ?? [] }, {}),
        ...burdenItems(store, [{ enterpriseId: t.enterpriseId, plannedStart: t.plannedStart, delta: -1 }]),
      ],
    );
  } catch (err) {
    if (isConditionFailure(err)) throw conflict('该联合检查已被修改，请刷新后重试');
    throw err;
  }
  return taskView({ ...t, status: 'cancelled', version: t.version + 1 });
}

/**
 * 联合检查任务: the joint tasks of the caller's department (as lead or participant) whose enterprise lies in
 * their jurisdiction, in the platform's category — one Query of the departments' rows and one BatchGet of
 * their tasks per page.
 */
export async function listJoint(store: Store, p: Regulator, q: PageInput & { answer?: JointAnswer | undefined }) {
  const page = await withCursor(q.cursor, () =>
    store.inspectionJointDepartments.query
      .byDepartment({ department: p.department })
      .begins({ enterpriseRegionCode: p.regionCode })
      .where((a, op) =>
        [op.eq(a.category, String(p.category)), op.ne(a.state, 'deleted'), q.answer ? op.eq(a.answer, q.answer) : '']
          .filter((x) => x !== '')
          .join(' AND '),
      )
      .go({ count: q.limit, cursor: q.cursor ?? null }),
  );
  const ids = page.data.map((r) => ({ taskId: r.taskId }));
  const { data: tasks } = ids.length ? await store.inspectionTasks.get(ids).go() : { data: [] as TaskRecord[] };
  const byId = new Map((tasks as TaskRecord[]).map((t) => [t.taskId, t]));
  return {
    items: page.data
      .map((r) => ({ r, t: byId.get(r.taskId) }))
      .filter((x): x is { r: (typeof page.data)[number]; t: TaskRecord } => Boolean(x.t) && taskVisibleTo(p, x.t!))
      .map(({ r, t }) => ({ role: r.role, answer: r.answer, task: taskView(t) })),
    cursor: page.cursor ?? null,
  };
}
