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

// ---------------------------------------------------------------------------------------------------------------
// Inputs

const date = (what: string) =>
  z.string({ error: `请填写${what}` }).check(
    z.regex(/^\d{4}-\d{2}-\d{2}$/, { error: `「${what}」应为 yyyy-MM-dd 格式的日期` }),
    z.refine(
      (s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
      {
        error: `「${what}」不是有效的日期`,
      },
    ),
  );
const ids = (what: string, max: number) =>
  z.array(id(what), { error: `${what}不正确` }).check(z.maxLength(max, { error: `${what}最多 ${max} 个` }));
const text = (what: string, max: number) =>
  z.string({ error: `请填写${what}` }).check(z.trim(), z.maxLength(max, { error: `「${what}」不能超过 ${max} 个字` }));

export const TITLE_MAX = 100;
export const REMARK_MAX = 500;
/** Enterprises in one 创建 (one transaction): each task writes itself, its team's rows and a burden counter. */
export const MAX_ENTERPRISES_PER_BATCH = 20;

const taskPlan = {
  plannedStart: date('计划开始时间'),
  plannedEnd: date('计划结束时间'),
  inspectionType: z.enum(['full', 'special'], { error: '请选择检查类型' }),
  /** 专项检查: the seq of the chosen items. */
  itemSeqs: z.optional(
    z
      .array(z.number().check(z.int(), z.gte(1)), { error: '专项检查的检查项目不正确' })
      .check(z.maxLength(500, { error: '检查项目过多' })),
  ),
  checklistId: id('检查清单'),
  remark: z.optional(text('备注', REMARK_MAX)),
  attachmentIds: z._default(ids('附件', 10), []),
};

export const CreateIndependentInput = z
  .object({
    title: text('检查标题', TITLE_MAX).check(z.minLength(1, { error: '请填写检查标题' })),
    enterpriseIds: ids('检查对象', MAX_ENTERPRISES_PER_BATCH).check(z.minLength(1, { error: '请选择检查对象' })),
    form: z.enum(['open', 'covert'], { error: '请选择检查形式' }),
    /** The other members of the team (the creator is always on it). */
    officerIds: ids('执法人员', 20).check(z.minLength(1, { error: '请至少选择 1 名执法人员（检查组不少于 2 人）' })),
    expertIds: z._default(ids('专家', 10), []),
    ...taskPlan,
  })
  .check(z.meta({ id: 'CreateIndependentInspection' }));
export type CreateIndependentInput = z.infer<typeof CreateIndependentInput>;

export const CreateJointInput = z
  .object({
    ...CreateIndependentInput.shape,
    /** 参检部门: departments other than the creator's. */
    departments: z
      .array(z.enum(DEPARTMENT_CODES, { error: '参检部门不正确' }))
      .check(z.minLength(1, { error: '请选择参检部门' }), z.maxLength(15, { error: '参检部门过多' })),
  })
  .check(z.meta({ id: 'CreateJointInspection' }));
export type CreateJointInput = z.infer<typeof CreateJointInput>;

export const TasksCreated = z
  .object({ batchId: z.string(), taskIds: z.array(z.string()) })
  .check(z.meta({ id: 'InspectionTasksCreated' }));

const quota = z.object({
  regionPrefix: z.string().check(z.regex(/^35(\d{2}){0,2}$/, { error: '「行政区划」应为福建省的区划代码' })),
  count: z
    .number({ error: '数量应为数字' })
    .check(
      z.int({ error: '数量应为整数' }),
      z.gte(1, { error: '数量至少为 1' }),
      z.lte(1000, { error: '数量不能超过 1000' }),
    ),
});
const quotas = z.array(quota).check(z.minLength(1, { error: '请至少填写一个区域的数量' }), z.maxLength(100));

export const DrawInputBody = z
  .object({
    /** 选择环节: segments of the platform's category; empty = all (默认全部). */
    segments: z._default(
      z.array(z.string().check(z.regex(/^[a-z][a-z-]{1,30}$/, { error: '环节不正确' }))).check(z.maxLength(40)),
      [],
    ),
    enterprises: z.discriminatedUnion(
      'mode',
      [
        z.object({ mode: z.literal('count'), count: quota.shape.count }),
        z.object({
          mode: z.literal('ratio'),
          ratio: z
            .number({ error: '比例应为数字' })
            .check(z.gt(0, { error: '比例应大于 0' }), z.lte(1, { error: '比例不能超过 100%' })),
        }),
        z.object({ mode: z.literal('regions'), quotas }),
      ],
      { error: '请选择企业数量的抽取方式' },
    ),
    officers: z.discriminatedUnion(
      'mode',
      [
        z.object({ mode: z.literal('count'), count: quota.shape.count }),
        z.object({ mode: z.literal('regions'), quotas }),
      ],
      { error: '请选择执法人员数量的抽取方式' },
    ),
    teamSize: z._default(
      z
        .number()
        .check(
          z.int(),
          z.gte(2, { error: '每个检查组至少 2 名执法人员' }),
          z.lte(10, { error: '每个检查组最多 10 人' }),
        ),
      2,
    ),
    expertCount: z._default(z.number().check(z.int(), z.gte(0), z.lte(20, { error: '专家最多 20 名' })), 0),
    /** 再次随机: the draw this one replaces (kept, and listed on the task). */
    previousDrawId: z.optional(id('上一次抽取')),
  })
  .check(z.meta({ id: 'InspectionDrawInput' }));
export type DrawInputBody = z.infer<typeof DrawInputBody>;

export const DrawView = z
  .object({
    drawId: z.string(),
    algorithm: z.string(),
    attempt: z.number(),
    previousDrawIds: z.array(z.string()),
    supersededBy: z.optional(z.string()),
    batchId: z.optional(z.string()),
    seed: z.string(),
    commitment: z.string(),
    snapshotHash: z.string(),
    drawnAt: z.string(),
    drawnBy: z.object({ accountId: z.string(), name: z.string() }),
    params: z.object({
      enterpriseQuotas: z.array(z.object({ regionPrefix: z.string(), count: z.number() })),
      officerQuotas: z.array(z.object({ regionPrefix: z.string(), count: z.number() })),
      teamSize: z.number(),
      expertCount: z.number(),
    }),
    segments: z.array(z.string()),
    candidateCounts: z.object({
      enterprises: z.number(),
      officers: z.number(),
      experts: z.number(),
      conflicts: z.number(),
    }),
    enterprises: z.array(
      z.object({
        enterpriseId: z.string(),
        name: z.string(),
        uscc: z.optional(z.string()),
        regionCode: z.string(),
        /** Inspections of this enterprise in the last 12 months (and planned), all departments. */
        burden: z.number(),
        officers: z.array(z.object({ officerId: z.string(), name: z.string() })),
      }),
    ),
    experts: z.array(z.object({ expertId: z.string(), name: z.string() })),
  })
  .check(z.meta({ id: 'InspectionDrawView' }));
export type DrawView = z.infer<typeof DrawView>;

export const CreateFromDrawInput = z
  .object({
    title: text('检查标题', TITLE_MAX).check(z.minLength(1, { error: '请填写检查标题' })),
    form: z.enum(['open', 'covert'], { error: '请选择检查形式' }),
    /** 填写检查信息, one per drawn enterprise. */
    tasks: z
      .array(z.object({ enterpriseId: id('检查对象'), ...taskPlan }))
      .check(z.minLength(1, { error: '请填写检查信息' }), z.maxLength(MAX_ENTERPRISES_PER_BATCH)),
  })
  .check(z.meta({ id: 'CreateInspectionsFromDraw' }));
export type CreateFromDrawInput = z.infer<typeof CreateFromDrawInput>;

/** The public record (issue 10 §5), exactly. Officer and expert ids are per-draw pseudonyms. */
export const PublicDraw = z
  .object({
    algorithm: z.string(),
    seed: z.string(),
    commitment: z.string(),
    snapshotHash: z.string(),
    enterprises: z.array(z.object({ id: z.string(), regionCode: z.string() })),
    officers: z.array(z.object({ id: z.string(), regionCode: z.string() })),
    experts: z.array(z.object({ id: z.string() })),
    conflicts: z.array(z.object({ officerId: z.string(), enterpriseId: z.string() })),
    params: z.object({
      enterpriseQuotas: z.array(z.object({ regionPrefix: z.string(), count: z.number() })),
      officerQuotas: z.array(z.object({ regionPrefix: z.string(), count: z.number() })),
      teamSize: z.number(),
      expertCount: z.number(),
    }),
    result: z.object({
      enterprises: z.array(z.object({ id: z.string(), officers: z.array(z.string()) })),
      experts: z.array(z.string()),
    }),
    attempt: z.number(),
    previousDrawIds: z.array(z.string()),
  })
  .check(z.meta({ id: 'PublicInspectionDraw' }));
export type PublicDraw = z.infer<typeof PublicDraw>;

// Pickers

export const EnterprisePickerQuery = z
  .object({
    segment: z.string().check(z.regex(/^[a-z][a-z-]{1,30}$/, { error: '环节不正确' })),
    name: z.optional(text('单位名称', 50)),
    cursor: z.optional(z.string().check(z.maxLength(2048, { error: '翻页标记无效，请重新查询' }))),
    limit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(50, { error: '每页最多 50 条' })), 10),
  })
  .check(z.meta({ id: 'InspectionEnterprisePickerQuery' }));

export const EnterprisePickerPage = z
  .object({
    /** 您账号所在辖区 {jurisdictionName} 内, 共有 {segmentName} 企业 {total} 家. */
    jurisdictionName: z.string(),
    segmentName: z.string(),
    total: z.number(),
    items: z.array(
      z.object({
        enterpriseId: z.string(),
        name: z.string(),
        uscc: z.optional(z.string()),
        regionCode: z.string(),
        regionName: z.string(),
        burden: z.number(),
      }),
    ),
    cursor: z.nullable(z.string()),
  })
  .check(z.meta({ id: 'InspectionEnterprisePickerPage' }));

export const OfficerChoices = z
  .object({
    officers: z.array(z.object({ officerId: z.string(), name: z.string(), regionCode: z.string() })),
    experts: z.array(
      z.object({ expertId: z.string(), name: z.string(), employer: z.string(), regionCode: z.string() }),
    ),
  })
  .check(z.meta({ id: 'InspectionOfficerChoices' }));

// 联合检查

export const JointListQuery = z
  .object({
    answer: z.optional(z.enum(['pending', 'agreed', 'refused'], { error: '答复状态不正确' })),
    cursor: z.optional(z.string().check(z.maxLength(2048, { error: '翻页标记无效，请重新查询' }))),
    limit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(50, { error: '每页最多 50 条' })), 10),
  })
  .check(z.meta({ id: 'JointInspectionListQuery' }));

export const JointListPage = z
  .object({
    items: z.array(
      z.object({
        role: z.enum(['lead', 'participant']),
        /** The caller's department's answer (the lead's is 同意). */
        answer: z.enum(['pending', 'agreed', 'refused']),
        task: InspectionTaskView,
      }),
    ),
    cursor: z.nullable(z.string()),
  })
  .check(z.meta({ id: 'JointInspectionListPage' }));

export const JointAnswerInput = z
  .object({
    answer: z.enum(['agreed', 'refused'], { error: '请选择同意或拒绝' }),
    reason: z.optional(text('拒绝原因', 200)),
    /** Officers of the answering department to join the team (default: the answerer). */
    officerIds: z._default(ids('执法人员', 10), []),
  })
  .check(z.meta({ id: 'JointInspectionAnswer' }));

export const JointDropInput = z
  .object({ department: z.enum(DEPARTMENT_CODES, { error: '参检部门不正确' }), version: z.number().check(z.int()) })
  .check(z.meta({ id: 'JointInspectionDrop' }));

export const JointCancelInput = z
  .object({
    reason: text('取消原因', 200).check(z.minLength(1, { error: '请填写取消原因' })),
    version: z.number().check(z.int()),
  })
  .check(z.meta({ id: 'JointInspectionCancel' }));
