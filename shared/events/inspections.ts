/**
 * Events of the inspections context (source `hazmat.inspections`).
 */
import * as z from 'zod/mini';
import { CATEGORY_CODES } from '../reference/categories';
import { DEPARTMENT_CODES } from '../reference/departments';
import { defineEvent } from './contract';

/** Trimmed, non-empty text of at most `max` characters. */
const text = (max: number) => z.string().check(z.trim(), z.minLength(1), z.maxLength(max));
const id = z.string().check(z.regex(/^[\w-]{1,120}$/));

/**
 * An inspection task was completed (完成 on the 登记 page): every checklist item answered. Written in the
 * completion's own transaction (functions/inspections/completion.ts), once per task — completing again writes
 * nothing. Carries the 不满足 items with what the inspectors wrote and attached, and nothing else of the
 * answers: issue 11's 隐患 are made from exactly these.
 */
export const InspectionCompleted = defineEvent({
  context: 'inspections',
  detailType: 'InspectionCompleted',
  version: 1,
  payload: z.object({
    taskId: id,
    kind: z.enum(['independent', 'random', 'joint']),
    title: text(200),
    category: z.enum(CATEGORY_CODES),
    department: z.enum(DEPARTMENT_CODES),
    regionCode: z.string().check(z.regex(/^35(\d{2}){0,2}$/)),
    enterpriseId: text(120),
    enterpriseName: text(500),
    completedAt: z.iso.datetime({ offset: true }),
    completedBy: z.object({ accountId: text(128), name: z.string().check(z.maxLength(100)) }),
    unsatisfied: z.array(
      z.object({
        seq: z.number().check(z.int(), z.gte(1)),
        stage: z.string().check(z.maxLength(200)),
        content: text(2000),
        basis: z.optional(z.string().check(z.maxLength(1000))),
        description: text(2000),
        attachmentIds: z.array(id),
      }),
    ),
  }),
});
export type InspectionCompleted = z.output<typeof InspectionCompleted.payload>;

const isoDate = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));
const regionCode = z.string().check(z.regex(/^35(\d{2}){0,2}$/));
const person = z.object({ accountId: text(128), name: z.string().check(z.maxLength(100)) });
const officer = z.object({ officerId: text(128), name: z.string().check(z.maxLength(100)) });

/** What an inbox message about a task says of it and where its link goes (the task's category platform). */
const taskRef = {
  taskId: id,
  kind: z.enum(['independent', 'random', 'joint']),
  title: text(200),
  category: z.enum(CATEGORY_CODES),
  /** 检查部门 / 牵头检查部门. */
  department: z.enum(DEPARTMENT_CODES),
  /** The creator's jurisdiction. */
  regionCode,
  enterpriseId: text(120),
  enterpriseName: text(500),
  enterpriseRegionCode: regionCode,
  plannedStart: isoDate,
  plannedEnd: isoDate,
  /** 明查 / 暗查: a 暗查's team is told not to warn the enterprise (nobody tells the enterprise of any task). */
  form: z.enum(['open', 'covert']),
};

/**
 * Officers were put on inspection tasks' teams: every task of one 创建 (独立, 双随机's 开始检查, 联合) with its
 * whole team, in the creating transaction (functions/inspections/task-writes.ts); a 参检部门's officers who join
 * a joint task with its 同意, in the answer's transaction (joint.ts). The inbox tells each officer once per task.
 */
export const InspectionAssigned = defineEvent({
  context: 'inspections',
  detailType: 'InspectionAssigned',
  version: 1,
  payload: z.object({
    tasks: z
      .array(z.object({ ...taskRef, officers: z.array(officer).check(z.minLength(1), z.maxLength(100)) }))
      .check(z.minLength(1), z.maxLength(100)),
    assignedBy: person,
    assignedAt: z.iso.datetime({ offset: true }),
  }),
});
export type InspectionAssigned = z.output<typeof InspectionAssigned.payload>;

/**
 * A 联合检查 was created: each of its tasks waits for the 参检部门's 同意 / 拒绝. Written in the creating
 * transaction; the inbox tells each participating department's inspectors who cover the enterprise.
 */
export const JointInspectionInvited = defineEvent({
  context: 'inspections',
  detailType: 'JointInspectionInvited',
  version: 1,
  payload: z.object({
    tasks: z
      .array(
        z.object({
          ...taskRef,
          /** The 参检部门 asked. */
          departments: z.array(z.enum(DEPARTMENT_CODES)).check(z.minLength(1), z.maxLength(16)),
        }),
      )
      .check(z.minLength(1), z.maxLength(100)),
    invitedBy: person,
    invitedAt: z.iso.datetime({ offset: true }),
  }),
});
export type JointInspectionInvited = z.output<typeof JointInspectionInvited.payload>;

/**
 * A 参检部门 answered a joint task (同意 / 拒绝, once per department), in the answer's transaction. The inbox tells
 * the 牵头检查部门's side: the task's creator and the lead department's officers on its team (`team`, as it was
 * before this answer; the consumer keeps those of the lead department).
 */
export const JointInspectionAnswered = defineEvent({
  context: 'inspections',
  detailType: 'JointInspectionAnswered',
  version: 1,
  payload: z.object({
    ...taskRef,
    answeringDepartment: z.enum(DEPARTMENT_CODES),
    answer: z.enum(['agreed', 'refused']),
    reason: z.optional(z.string().check(z.maxLength(1000))),
    /** The task's state after the answer: 'open' once every department agreed. */
    status: z.enum(['awaiting-answers', 'open']),
    createdBy: person,
    team: z.array(officer).check(z.maxLength(100)),
    answeredBy: person,
    answeredAt: z.iso.datetime({ offset: true }),
  }),
});
export type JointInspectionAnswered = z.output<typeof JointInspectionAnswered.payload>;
