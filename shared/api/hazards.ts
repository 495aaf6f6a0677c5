/**
 * Contracts of 隐患管理 (issue 11 §1–§5): 登记隐患问题, the three lists (待整改 / 待确认 / 已整改隐患信息) with the seed's
 * columns and filters, one hazard with its 整改情况, its 整改记录, and the loop — the enterprise's 整改 submission,
 * the regulator's 确认 and 退回. The web's forms validate with the same schemas.
 */
import * as z from 'zod/mini';
import { DEPARTMENT_CODES } from '../reference/departments';
import { pageQueryFields } from './paging';
import { isIsoDate, todayInChina } from '../validation/dates';

export const HAZARD_ID_PATTERN = /^hz-[0-9a-f]{32}$/;
/** Days an inspection's hazard gets to be fixed unless someone sets otherwise (issue 11 §1). */
export const DEFAULT_RECTIFICATION_DAYS = 7;

/** The seed's words for each status; 已下发 after a 退回 reads 已退回. */
export const HAZARD_STATUS_NAMES = {
  issued: '已下发',
  returned: '已退回',
  submitted: '待确认',
  confirmed: '已整改',
} as const;
export type HazardStatus = 'issued' | 'submitted' | 'confirmed';

/** The three lists of the 隐患管理 menu and the status each shows. */
export const HAZARD_LISTS = { 'to-rectify': 'issued', 'to-confirm': 'submitted', rectified: 'confirmed' } as const;
export type HazardList = keyof typeof HAZARD_LISTS;

export const HAZARD_STEP_NAMES = {
  issued: '下发隐患',
  submitted: '提交整改情况',
  returned: '退回',
  confirmed: '确认已整改',
  rescheduled: '修改整改时限',
} as const;

/** Past the 整改时限 and not yet 已整改: 已超期 (Asia/Shanghai days; the deadline day itself is still in time). */
export function isOverdue(h: { deadline: string; status: HazardStatus }, now: Date = new Date()): boolean {
  return h.status !== 'confirmed' && h.deadline < todayInChina(now);
}

const text = (label: string, max: number, min = 1) =>
  z
    .string({ error: `请填写${label}` })
    .check(
      z.trim(),
      z.minLength(min, { error: `请填写${label}` }),
      z.maxLength(max, { error: `「${label}」不能超过 ${max} 个字` }),
      z.meta({ title: label }),
    );

/** 整改时限: a real day, not before today in China (a deadline already passed is no deadline). */
const deadline = z.string({ error: '请选择整改时限' }).check(
  z.refine(isIsoDate, { error: '「整改时限」应为日期，格式为 YYYY-MM-DD' }),
  z.refine((d) => !isIsoDate(d) || d >= todayInChina(), { error: '「整改时限」不能早于今天' }),
  z.meta({ title: '整改时限' }),
);

const attachmentId = z.string().check(z.regex(/^att-[0-9a-f]{32}$/, { error: '附件编号不正确' }));
const attachments = (label: string, min: number) =>
  z
    .array(attachmentId, { error: '附件格式不正确' })
    .check(
      ...(min > 0 ? [z.minLength(min, { error: `请上传${label}（至少 ${min} 个照片或文件）` })] : []),
      z.maxLength(10, { error: '附件不能超过 10 个' }),
      z.meta({ title: label }),
    );

const version = z.number({ error: '缺少版本号，请刷新页面后重试' }).check(z.int(), z.gte(1, { error: '版本号不正确' }));

export const HazardIdParams = z.object({
  hazardId: z
    .string({ error: '隐患编号不正确' })
    .check(z.regex(HAZARD_ID_PATTERN, { error: '隐患编号不正确' }), z.meta({ title: '隐患编号' })),
});

/** 登记隐患问题 (the seed's 增加隐患信息 form). 隐患发送单位 is the caller's department. */
export const HazardInput = z
  .object({
    name: text('隐患名称', 100),
    enterpriseId: z
      .string({ error: '请选择企业' })
      .check(z.regex(/^ent-[\w-]{1,60}$/, { error: '请选择企业' }), z.meta({ title: '企业名称' })),
    deadline,
    /** 督促整改责任单位; default: the department supervising the enterprise's segment. */
    responsibleDepartment: z.optional(
      z
        .enum(DEPARTMENT_CODES, { error: '「督促整改责任单位」不是可选的单位' })
        .check(z.meta({ title: '督促整改责任单位' })),
    ),
    problem: text('存在问题和隐患', 2000),
    requirement: z.optional(z.string().check(z.trim(), z.maxLength(2000, { error: '「整改要求」不能超过 2000 个字' }))),
    attachmentIds: z._default(attachments('附件', 0), []),
  })
  .check(z.meta({ id: 'HazardInput' }));
export type HazardInput = z.output<typeof HazardInput>;

/** 整改情况: what was done and at least one photo or file. */
export const RectificationInput = z
  .object({
    description: text('整改情况', 2000),
    attachmentIds: attachments('整改照片或文件', 1),
    version,
  })
  .check(z.meta({ id: 'RectificationInput' }));
export type RectificationInput = z.output<typeof RectificationInput>;

export const HazardConfirmInput = z.object({ version }).check(z.meta({ id: 'HazardConfirmInput' }));

/** 修改整改时限 while 待整改 (an inspection's hazard starts with the default 7 days). */
export const HazardDeadlineInput = z.object({ deadline, version }).check(z.meta({ id: 'HazardDeadlineInput' }));
export type HazardDeadlineInput = z.output<typeof HazardDeadlineInput>;

export const HazardReturnInput = z
  .object({ reason: text('退回原因', 500, 2), deadline, version })
  .check(z.meta({ id: 'HazardReturnInput' }));
export type HazardReturnInput = z.output<typeof HazardReturnInput>;

/** The paging part every list shares (shared/api/paging.ts). */
const page = pageQueryFields({ max: 50, fallback: 10 });

export const HazardListQuery = z
  .object({
    list: z.enum(['to-rectify', 'to-confirm', 'rectified'], { error: '列表不正确' }).check(z.meta({ title: '列表' })),
    enterpriseName: z
      .optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(50, { error: '「企业名称」不能超过 50 个字' })))
      .check(z.meta({ title: '企业名称' })),
    responsibleDepartment: z
      .optional(z.enum(DEPARTMENT_CODES, { error: '「督促整改责任单位」不是可选的单位' }))
      .check(z.meta({ title: '督促整改责任单位' })),
    /** 状态 within 待整改: 已下发 (first round) or 已退回. */
    state: z
      .optional(z.enum(['issued', 'returned'], { error: '「状态」不是可选的值' }))
      .check(z.meta({ title: '状态' })),
    ...page,
  })
  .check(z.meta({ id: 'HazardListQuery' }));
export type HazardListQuery = z.output<typeof HazardListQuery>;

export const OwnHazardQuery = z.object({ ...page }).check(z.meta({ id: 'OwnHazardQuery' }));

export const HazardListItem = z
  .object({
    hazardId: z.string(),
    name: z.string(),
    enterpriseId: z.string(),
    enterpriseName: z.string(),
    problem: z.string(),
    requirement: z.optional(z.string()),
    responsibleDepartment: z.string(),
    sendingDepartment: z.string(),
    deadline: z.string(),
    status: z.enum(['issued', 'submitted', 'confirmed']),
    returned: z.boolean(),
    overdue: z.boolean(),
    sentAt: z.string(),
    attachmentCount: z.number(),
    version: z.number(),
  })
  .check(z.meta({ id: 'HazardListItem' }));
export type HazardListItem = z.infer<typeof HazardListItem>;

export const HazardPage = z
  .object({ items: z.array(HazardListItem), cursor: z.nullable(z.string()) })
  .check(z.meta({ id: 'HazardPage' }));

const actor = z.object({ accountId: z.string(), name: z.string() });

export const HazardDetail = z
  .object({
    hazardId: z.string(),
    name: z.string(),
    enterpriseId: z.string(),
    enterpriseName: z.string(),
    regionCode: z.string(),
    category: z.string(),
    problem: z.string(),
    requirement: z.optional(z.string()),
    deadline: z.string(),
    responsibleDepartment: z.string(),
    sendingDepartment: z.string(),
    source: z.object({
      kind: z.enum(['inspection', 'manual']),
      taskId: z.optional(z.string()),
      itemSeq: z.optional(z.number()),
    }),
    attachmentIds: z.array(z.string()),
    status: z.enum(['issued', 'submitted', 'confirmed']),
    returned: z.boolean(),
    returnedCount: z.number(),
    returnReason: z.optional(z.string()),
    overdue: z.boolean(),
    rectification: z.optional(
      z.object({
        description: z.string(),
        attachmentIds: z.array(z.string()),
        submittedAt: z.string(),
        submittedBy: actor,
      }),
    ),
    sentAt: z.string(),
    sentBy: z.optional(actor),
    confirmedAt: z.optional(z.string()),
    confirmedBy: z.optional(actor),
    /** Whether the caller may 确认 / 退回 it now (a regulator of the sending or responsible department). */
    canDecide: z.boolean(),
    /** Whether the caller may change the 整改时限 now (a regulator of its departments, while 待整改). */
    canReschedule: z.boolean(),
    /** Whether the caller may submit 整改情况 now (its enterprise, while 待整改). */
    canRectify: z.boolean(),
    version: z.number(),
  })
  .check(z.meta({ id: 'HazardDetail' }));
export type HazardDetail = z.infer<typeof HazardDetail>;

export const HazardStepView = z
  .object({
    action: z.enum(['issued', 'submitted', 'returned', 'confirmed', 'rescheduled']),
    at: z.string(),
    byName: z.string(),
    byDepartment: z.optional(z.string()),
    description: z.optional(z.string()),
    reason: z.optional(z.string()),
    deadline: z.optional(z.string()),
    attachmentIds: z.optional(z.array(z.string())),
  })
  .check(z.meta({ id: 'HazardStepView' }));
export type HazardStepView = z.infer<typeof HazardStepView>;

export const HazardStepPage = z
  .object({ items: z.array(HazardStepView), cursor: z.nullable(z.string()) })
  .check(z.meta({ id: 'HazardStepPage' }));

export const HazardStepQuery = z.object({ ...page }).check(z.meta({ id: 'HazardStepQuery' }));
