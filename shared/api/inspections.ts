/**
 * Contracts of inspection tasks (issue 10 §3–§6): 创建独立检查任务, 双随机 (draws), 联合检查, and the task as every
 * screen shows it. H4's registration contracts live in shared/api/inspection-records.ts.
 */
import * as z from 'zod/mini';
import { CATEGORY_CODES } from '../reference/categories';
import { DEPARTMENT_CODES } from '../reference/departments';

export const INSPECTION_KIND_LABELS = { independent: '普通检查', random: '双随机检查', joint: '联合检查' } as const;
export const INSPECTION_STATUS_LABELS = {
  'awaiting-answers': '待答复',
  open: '检查中',
  completed: '已完成',
  cancelled: '已取消',
  deleted: '已删除',
} as const;
export const INSPECTION_TYPE_LABELS = { full: '全面检查', special: '专项检查' } as const;
export const INSPECTION_FORM_LABELS = { open: '明查', covert: '暗查' } as const;
export const JOINT_ANSWER_LABELS = { pending: '未答复', agreed: '同意', refused: '拒绝' } as const;

const id = (what: string) =>
  z.string({ error: `${what}不正确` }).check(z.regex(/^[A-Za-z0-9_-]{1,64}$/, { error: `${what}不正确` }));

export const TaskIdParams = z.object({ taskId: id('检查任务编号') }).check(z.meta({ id: 'InspectionTaskIdParams' }));
export const DrawIdParams = z.object({ drawId: id('抽取编号') }).check(z.meta({ id: 'InspectionDrawIdParams' }));

export const InspectionTaskView = z
  .object({
    taskId: z.string(),
    batchId: z.string(),
    kind: z.enum(['independent', 'random', 'joint']),
    title: z.string(),
    category: z.enum(CATEGORY_CODES),
    department: z.enum(DEPARTMENT_CODES),
    regionCode: z.string(),
    enterpriseId: z.string(),
    enterpriseName: z.string(),
    uscc: z.optional(z.string()),
    enterpriseRegionCode: z.string(),
    plannedStart: z.string(),
    plannedEnd: z.string(),
    inspectionType: z.enum(['full', 'special']),
    form: z.enum(['open', 'covert']),
    checklist: z.object({
      checklistId: z.string(),
      version: z.number(),
      name: z.string(),
      itemCount: z.number(),
    }),
    itemSeqs: z.optional(z.array(z.number())),
    officers: z.array(z.object({ officerId: z.string(), name: z.string() })),
    experts: z.array(z.object({ expertId: z.string(), name: z.string() })),
    remark: z.optional(z.string()),
    attachmentIds: z.array(z.string()),
    drawId: z.optional(z.string()),
    joint: z.optional(
      z.object({
        departments: z.array(
          z.object({
            department: z.enum(DEPARTMENT_CODES),
            answer: z.enum(['pending', 'agreed', 'refused']),
            reason: z.optional(z.string()),
            answeredBy: z.optional(z.string()),
            answeredByName: z.optional(z.string()),
            answeredAt: z.optional(z.string()),
          }),
        ),
      }),
    ),
    status: z.enum(['awaiting-answers', 'open', 'completed', 'cancelled', 'deleted']),
    answeredCount: z.number(),
    unsatisfiedCount: z.number(),
    createdBy: z.object({ accountId: z.string(), name: z.string() }),
    createdAt: z.string(),
    completedAt: z.optional(z.string()),
    publishedAt: z.optional(z.string()),
    version: z.number(),
  })
  .check(z.meta({ id: 'InspectionTaskView' }));
export type InspectionTaskView = z.infer<typeof InspectionTaskView>;
