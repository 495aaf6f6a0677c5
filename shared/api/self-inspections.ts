/**
 * Contracts of 企业自纠自查隐患 (企业服务平台 › 隐患管理): the enterprise's own register of hazards it found itself —
 * the seed's columns 隐患位置, 隐患分类, 隐患现状描述, 产生原因, 整改时限, 整改难易度, 整改状态 and its filters; 新增,
 * 编辑, 整改完成 with evidence. Regulators who see the enterprise read it (企业自查自纠管理), never change it.
 */
import * as z from 'zod/mini';
import { pageQueryFields } from './paging';

export const SELF_INSPECTION_PAGE_MAX = 50;
export const SELF_INSPECTION_ATTACHMENTS_MAX = 9;

/** 隐患分类: the two classes of the safety-production hazard standard. */
export const HAZARD_CLASSES = { basic: '基础管理类隐患', site: '现场管理类隐患' } as const;
export type HazardClass = keyof typeof HAZARD_CLASSES;
/** 整改难易度. */
export const DIFFICULTIES = { easy: '容易', normal: '一般', hard: '困难' } as const;
export type Difficulty = keyof typeof DIFFICULTIES;
/** 整改状态. 已整改 only through 整改完成 (with evidence); the form sets the other two. */
export const RECTIFY_STATUSES = { pending: '未整改', rectifying: '整改中', done: '已整改' } as const;
export type RectifyStatus = keyof typeof RECTIFY_STATUSES;

const keys = <T extends Record<string, string>>(o: T) => Object.keys(o) as [keyof T & string, ...(keyof T & string)[]];

const text = (label: string, max: number) =>
  z
    .string({ error: `请填写${label}` })
    .check(
      z.trim(),
      z.minLength(1, { error: `请填写${label}` }),
      z.maxLength(max, { error: `${label}不能超过${max}个字` }),
      z.meta({ title: label }),
    );

const date = (label: string) =>
  z.iso.date({ error: `${label}应为有效日期，格式如2017-09-18` }).check(z.meta({ title: label }));

const entryId = z
  .string({ error: '隐患编号不正确' })
  .check(z.regex(/^sin-[\w-]{1,60}$/, { error: '隐患编号不正确' }), z.meta({ title: '隐患编号' }));

export const SelfInspectionIdParams = z.object({ entryId });
export const EnterpriseSelfInspectionParams = z.object({
  enterpriseId: z
    .string({ error: '企业编号不正确' })
    .check(z.regex(/^ent-[\w-]{1,60}$/, { error: '企业编号不正确' }), z.meta({ title: '企业编号' })),
});
export const EnterpriseSelfInspectionEntryParams = z.object({
  ...EnterpriseSelfInspectionParams.shape,
  entryId,
});

/** 新增 / 编辑. */
export const SelfInspectionInput = z
  .object({
    location: text('隐患位置', 100),
    classification: z.enum(keys(HAZARD_CLASSES), { error: '请选择隐患分类' }).check(z.meta({ title: '隐患分类' })),
    description: text('隐患现状描述', 1000),
    cause: text('产生原因', 1000),
    deadline: date('整改时限'),
    difficulty: z.enum(keys(DIFFICULTIES), { error: '请选择整改难易度' }).check(z.meta({ title: '整改难易度' })),
    status: z
      ._default(
        z.enum(['pending', 'rectifying'], { error: '整改状态只能是未整改或整改中（已整改请用「整改完成」）' }),
        'pending',
      )
      .check(z.meta({ title: '整改状态' })),
  })
  .check(z.meta({ id: 'SelfInspectionInput' }));
export type SelfInspectionInput = z.output<typeof SelfInspectionInput>;

export const SelfInspectionUpdateInput = z
  .object({
    ...SelfInspectionInput.shape,
    version: z.number({ error: '缺少版本号，请刷新页面后重试' }).check(z.int(), z.gte(1, { error: '版本号不正确' })),
  })
  .check(z.meta({ id: 'SelfInspectionUpdateInput' }));
export type SelfInspectionUpdateInput = z.output<typeof SelfInspectionUpdateInput>;

/** 整改完成: what was done, and at least one photo or file as evidence. */
export const SelfInspectionRectifyInput = z
  .object({
    rectification: text('整改情况', 1000),
    attachmentIds: z
      .array(z.string({ error: '附件编号不正确' }).check(z.regex(/^att-[\w-]{1,60}$/, { error: '附件编号不正确' })), {
        error: '请上传整改附件',
      })
      .check(
        z.minLength(1, { error: '请上传至少一个整改附件（照片或文件）' }),
        z.maxLength(SELF_INSPECTION_ATTACHMENTS_MAX, { error: `附件不能超过${SELF_INSPECTION_ATTACHMENTS_MAX}个` }),
        z.meta({ title: '整改附件' }),
      ),
    version: z.number({ error: '缺少版本号，请刷新页面后重试' }).check(z.int(), z.gte(1, { error: '版本号不正确' })),
  })
  .check(z.meta({ id: 'SelfInspectionRectifyInput' }));
export type SelfInspectionRectifyInput = z.output<typeof SelfInspectionRectifyInput>;

/** The list's filters (the seed's: 整改时限, 整改难易度, 隐患分类, 整改状态). 整改时限: due on or before. */
export const SelfInspectionQuery = z
  .object({
    ...pageQueryFields({ max: SELF_INSPECTION_PAGE_MAX, fallback: 10 }),
    deadlineTo: z.optional(date('整改时限')),
    difficulty: z.optional(z.enum(keys(DIFFICULTIES), { error: '整改难易度不正确' })),
    classification: z.optional(z.enum(keys(HAZARD_CLASSES), { error: '隐患分类不正确' })),
    status: z.optional(z.enum(keys(RECTIFY_STATUSES), { error: '整改状态不正确' })),
  })
  .check(z.meta({ id: 'SelfInspectionQuery' }));
export type SelfInspectionQuery = z.output<typeof SelfInspectionQuery>;

export const SelfInspectionView = z
  .object({
    entryId: z.string(),
    enterpriseId: z.string(),
    location: z.string(),
    classification: z.string(),
    description: z.string(),
    cause: z.string(),
    deadline: z.string(),
    difficulty: z.string(),
    status: z.string(),
    rectification: z.optional(z.string()),
    rectifiedAt: z.optional(z.string()),
    rectifiedByName: z.optional(z.string()),
    attachmentIds: z.array(z.string()),
    createdByName: z.string(),
    createdAt: z.string(),
    updatedAt: z.string(),
    version: z.number(),
  })
  .check(z.meta({ id: 'SelfInspectionView' }));
export type SelfInspectionView = z.infer<typeof SelfInspectionView>;

export const SelfInspectionPage = z
  .object({
    items: z.array(SelfInspectionView),
    cursor: z.nullable(z.string()),
    enterpriseName: z.string(),
  })
  .check(z.meta({ id: 'SelfInspectionPage' }));
export type SelfInspectionPage = z.infer<typeof SelfInspectionPage>;
