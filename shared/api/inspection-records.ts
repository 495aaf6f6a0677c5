/**
 * Contracts of 登记 (registering an inspection's results), 删除, 完成, 一公开 and 待办事项 (issue 10 §7–§9). The task
 * itself (创建独立检查任务, 双随机, 联合检查) is in shared/api/inspections.ts.
 */
import * as z from 'zod/mini';
import { ATTACHMENT_ID_PATTERN } from './attachments';
import { pageQueryFields } from './paging';
import { DEPARTMENT_CODES } from '../reference/departments';
import { TaskIdParams } from './inspections';

/** The task types of the 登记 list (任务类型): 普通检查, 双随机检查, 联合检查 (INSPECTION_KIND_LABELS). */
export const TASK_KINDS = ['independent', 'random', 'joint'] as const;
export type TaskKind = (typeof TASK_KINDS)[number];

/** 满足 / 不满足 / 不涉及. */
export const ANSWER_RESULTS = ['satisfied', 'unsatisfied', 'not-applicable'] as const;
export type AnswerResult = (typeof ANSWER_RESULTS)[number];
export const ANSWER_RESULT_NAMES: Record<AnswerResult, string> = {
  satisfied: '满足',
  unsatisfied: '不满足',
  'not-applicable': '不涉及',
};

export const AnswerParams = z.object({
  taskId: TaskIdParams.shape.taskId,
  seq: z.coerce
    .number({ error: '检查项目序号应为数字' })
    .check(z.int({ error: '检查项目序号应为整数' }), z.gte(1, { error: '检查项目序号不正确' }), z.lte(10_000)),
});

export const DESCRIPTION_MAX = 500;
export const EVIDENCE_MAX = 9;
export const UNSATISFIED_NEEDS_DESCRIPTION = '「不满足」须填写描述';
export const UNSATISFIED_NEEDS_EVIDENCE = '「不满足」须上传至少一张照片或一个文件';

/**
 * One item's answer. `version` is the answer's version the page read (absent when it had none): saving over an
 * answer someone else changed meanwhile is a 409, never a silent overwrite.
 */
export const AnswerInput = z
  .object({
    result: z.enum(ANSWER_RESULTS, { error: '请选择满足、不满足或不涉及' }).check(z.meta({ title: '检查结果' })),
    description: z
      .optional(
        z.string().check(z.trim(), z.maxLength(DESCRIPTION_MAX, { error: `描述不能超过${DESCRIPTION_MAX}个字` })),
      )
      .check(z.meta({ title: '描述' })),
    attachmentIds: z
      ._default(
        z
          .array(z.string().check(z.regex(ATTACHMENT_ID_PATTERN, { error: '附件编号格式不正确' })))
          .check(z.maxLength(EVIDENCE_MAX, { error: `每项最多${EVIDENCE_MAX}个附件` })),
        [],
      )
      .check(z.meta({ title: '附件' })),
    version: z.optional(z.number().check(z.int(), z.gte(1, { error: '版本号不正确' }))),
  })
  .check(
    z.refine((a) => a.result !== 'unsatisfied' || Boolean(a.description), {
      error: UNSATISFIED_NEEDS_DESCRIPTION,
      path: ['description'],
    }),
    z.refine((a) => a.result !== 'unsatisfied' || a.attachmentIds.length > 0, {
      error: UNSATISFIED_NEEDS_EVIDENCE,
      path: ['attachmentIds'],
    }),
    z.refine((a) => new Set(a.attachmentIds).size === a.attachmentIds.length, {
      error: '同一附件不能重复添加',
      path: ['attachmentIds'],
    }),
    z.meta({ id: 'InspectionAnswerInput' }),
  );
export type AnswerInput = z.output<typeof AnswerInput>;

export const EvidenceView = z.object({
  attachmentId: z.string(),
  fileName: z.string(),
  contentType: z.string(),
});

export const AnswerView = z
  .object({
    seq: z.number(),
    result: z.enum(ANSWER_RESULTS),
    description: z.optional(z.string()),
    attachments: z.array(EvidenceView),
    registeredBy: z.object({ accountId: z.string(), name: z.string() }),
    registeredAt: z.string(),
    version: z.number(),
  })
  .check(z.meta({ id: 'InspectionAnswer' }));
export type AnswerView = z.output<typeof AnswerView>;

/** 检查结果 in the list's words: "共7项,已完成2项". */
export const progressText = (itemCount: number, answeredCount: number) => `共${itemCount}项,已完成${answeredCount}项`;

export const RECORD_STATUSES = ['open', 'completed'] as const;

/** 登记独立检查任务 / 已完成的独立检查任务 / the joint equivalents: the tasks the caller is on. */
export const RecordListQuery = z
  .object({
    /** 独立检查任务 (普通 + 双随机) or 联合检查任务. */
    scope: z._default(z.enum(['independent', 'joint'], { error: '任务范围不正确' }), 'independent'),
    status: z._default(z.enum(RECORD_STATUSES, { error: '任务状态不正确' }), 'open'),
    /** 任务类型: 普通检查 or 双随机检查 (only within 独立检查任务). */
    kind: z.optional(z.enum(TASK_KINDS, { error: '任务类型不正确' })),
    /** 检查对象: a part of the enterprise's name. */
    enterprise: z.optional(
      z.string().check(z.trim(), z.minLength(1), z.maxLength(50, { error: '检查对象不能超过50个字' })),
    ),
    ...pageQueryFields({ max: 50, fallback: 10 }),
  })
  .check(z.meta({ id: 'InspectionRecordListQuery' }));
export type RecordListQuery = z.output<typeof RecordListQuery>;

export const RecordListItem = z
  .object({
    taskId: z.string(),
    kind: z.enum(TASK_KINDS),
    title: z.string(),
    enterpriseId: z.string(),
    enterpriseName: z.string(),
    itemCount: z.number(),
    answeredCount: z.number(),
    unsatisfiedCount: z.number(),
    plannedStart: z.string(),
    plannedEnd: z.string(),
    department: z.string(),
    status: z.string(),
    completedAt: z.optional(z.string()),
    publishedAt: z.optional(z.string()),
    /** 删除 is offered only while nothing is registered and the caller created the task. */
    deletable: z.boolean(),
  })
  .check(z.meta({ id: 'InspectionRecordListItem' }));
export type RecordListItem = z.output<typeof RecordListItem>;

export const RecordListPage = z
  .object({ items: z.array(RecordListItem), cursor: z.nullable(z.string()) })
  .check(z.meta({ id: 'InspectionRecordListPage' }));
export type RecordListPage = z.output<typeof RecordListPage>;

export const RecordItem = z.object({
  seq: z.number(),
  stage: z.string(),
  content: z.string(),
  basis: z.optional(z.string()),
  method: z.optional(z.string()),
  answer: z.optional(AnswerView),
});

/** The 登记 page: the task, its checklist copy (the 专项 subset), the answers so far, the summary. */
export const InspectionRecord = z
  .object({
    taskId: z.string(),
    kind: z.enum(TASK_KINDS),
    title: z.string(),
    category: z.string(),
    department: z.string(),
    departments: z.array(z.string()),
    enterpriseId: z.string(),
    enterpriseName: z.string(),
    uscc: z.optional(z.string()),
    plannedStart: z.string(),
    plannedEnd: z.string(),
    inspectionType: z.string(),
    form: z.string(),
    checklistName: z.string(),
    officers: z.array(z.object({ officerId: z.string(), name: z.string() })),
    status: z.string(),
    itemCount: z.number(),
    answeredCount: z.number(),
    unsatisfiedCount: z.number(),
    satisfiedCount: z.number(),
    notApplicableCount: z.number(),
    items: z.array(RecordItem),
    completedAt: z.optional(z.string()),
    completedBy: z.optional(z.object({ accountId: z.string(), name: z.string() })),
    publishedAt: z.optional(z.string()),
    drawId: z.optional(z.string()),
    /** The caller may register (on the team, task open and every department agreed). */
    canRegister: z.boolean(),
    canDelete: z.boolean(),
    canPublish: z.boolean(),
    version: z.number(),
  })
  .check(z.meta({ id: 'InspectionRecord' }));
export type InspectionRecord = z.output<typeof InspectionRecord>;

export const AnswerSaved = z
  .object({
    answer: AnswerView,
    itemCount: z.number(),
    answeredCount: z.number(),
    unsatisfiedCount: z.number(),
  })
  .check(z.meta({ id: 'InspectionAnswerSaved' }));
export type AnswerSaved = z.output<typeof AnswerSaved>;

export const CompletionResult = z
  .object({
    taskId: z.string(),
    status: z.literal('completed'),
    completedAt: z.string(),
    unsatisfiedCount: z.number(),
    /** The last day its result may wait before the portal shows it (20 working days). */
    publicationDue: z.optional(z.string()),
  })
  .check(z.meta({ id: 'InspectionCompletion' }));

export const DeleteTaskInput = z
  .object({
    reason: z
      .string({ error: '请填写删除原因' })
      .check(
        z.trim(),
        z.minLength(2, { error: '请填写删除原因' }),
        z.maxLength(200, { error: '删除原因不能超过200个字' }),
      ),
  })
  .check(z.meta({ id: 'InspectionDeleteInput' }));

export const TaskDeleted = z
  .object({ taskId: z.string(), status: z.literal('deleted') })
  .check(z.meta({ id: 'InspectionDeleted' }));

export const Published = z
  .object({ taskId: z.string(), publishedAt: z.string() })
  .check(z.meta({ id: 'InspectionPublished' }));

/** 一公开: the portal's search. A code is matched whole; a name from its beginning. */
export const PublicResultsQuery = z
  .object({
    name: z
      .optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(50, { error: '企业名称不能超过50个字' })))
      .check(z.meta({ title: '企业名称（从头输入）' })),
    uscc: z
      .optional(
        z
          .string()
          .check(
            z.trim(),
            z.toUpperCase(),
            z.regex(/^[0-9A-Z]{1,18}$/, { error: '统一社会信用代码为 18 位数字或大写字母' }),
          ),
      )
      .check(z.meta({ title: '统一社会信用代码' })),
    department: z.optional(z.enum(DEPARTMENT_CODES, { error: '检查部门不正确' })).check(z.meta({ title: '检查部门' })),
    ...pageQueryFields({ max: 50, fallback: 10 }),
  })
  .check(z.meta({ id: 'PublicInspectionResultsQuery' }));
export type PublicResultsQuery = z.output<typeof PublicResultsQuery>;

export const PublicResult = z
  .object({
    taskId: z.string(),
    enterpriseName: z.string(),
    uscc: z.string(),
    /** 检查事项: the task's title and the checklist it used. */
    title: z.string(),
    checklistName: z.string(),
    kind: z.enum(TASK_KINDS),
    department: z.string(),
    departments: z.array(z.string()),
    checkDate: z.string(),
    unsatisfiedCount: z.number(),
    /** 未发现问题 / 发现问题 N 项 */
    resultText: z.string(),
    drawId: z.optional(z.string()),
    publishedAt: z.string(),
  })
  .check(z.meta({ id: 'PublicInspectionResult' }));
export type PublicResult = z.output<typeof PublicResult>;

export const PublicResultsPage = z
  .object({ items: z.array(PublicResult), cursor: z.nullable(z.string()) })
  .check(z.meta({ id: 'PublicInspectionResultsPage' }));

export const resultText = (unsatisfiedCount: number) =>
  unsatisfiedCount === 0 ? '未发现问题' : `发现问题 ${unsatisfiedCount} 项`;

/** 待办事项: what waits for the caller. */
export const TodoItem = z.object({
  kind: z.enum(['register', 'answer']),
  taskId: z.string(),
  taskKind: z.enum(TASK_KINDS),
  title: z.string(),
  enterpriseName: z.string(),
  plannedStart: z.string(),
  plannedEnd: z.string(),
  department: z.string(),
  /** Registration progress, for 'register'. */
  itemCount: z.optional(z.number()),
  answeredCount: z.optional(z.number()),
});
export type TodoItem = z.output<typeof TodoItem>;

export const TodoList = z
  .object({
    items: z.array(TodoItem),
    toRegister: z.number(),
    toAnswer: z.number(),
    /** More than the panel shows: the lists behind the links have them all. */
    more: z.boolean(),
  })
  .check(z.meta({ id: 'InspectionTodoList' }));
export type TodoList = z.output<typeof TodoList>;
