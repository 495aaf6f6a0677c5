/**
 * Contracts of 检查清单管理 (独立检查清单管理 / 联合检查清单管理): the list with the seed's columns and filters,
 * one checklist with its items, editing the items (a new version), deleting, and the Excel side (导出清单模板 /
 * 导入清单文件, the `inspection-sheets` context). The item rules live here so the API, the import and the web's
 * editing page say the same thing.
 */
import * as z from 'zod/mini';
import { SpreadsheetFile, spreadsheetContent, spreadsheetFilename } from './spreadsheet';
import { pageQueryFields } from './paging';
import { CATEGORY_CODES } from '../reference/categories';
import { DEPARTMENT_CODES } from '../reference/departments';

export const CHECKLIST_KINDS = ['independent', 'joint'] as const;
export type ChecklistKind = (typeof CHECKLIST_KINDS)[number];
export const CHECKLIST_KIND_NAMES: Record<ChecklistKind, string> = {
  independent: '独立检查清单',
  joint: '联合检查清单',
};

export const CHECKLIST_LEVELS = ['province', 'city', 'county'] as const;
export type ChecklistLevel = (typeof CHECKLIST_LEVELS)[number];
/** 清单级别, from the creator's jurisdiction (省直 / 设区市 / 县). */
export const CHECKLIST_LEVEL_NAMES: Record<ChecklistLevel, string> = { province: '省', city: '市', county: '县' };

/** Items one checklist may hold (one import file, one edit). */
export const CHECKLIST_MAX_ITEMS = 2000;
/** Largest .xlsx the import takes (before base64; the API takes JSON bodies up to 1 MB). 2,000 rows of text fit. */
export const CHECKLIST_MAX_FILE_BYTES = 700 * 1024;
/** The import spreadsheet's columns, in the template's order; the first two are required. */
export const CHECKLIST_COLUMNS = ['检查环节', '检查内容及标准', '检查依据', '检查方式'] as const;
export type ChecklistColumn = (typeof CHECKLIST_COLUMNS)[number];
export const CHECKLIST_REQUIRED_COLUMNS = ['检查环节', '检查内容及标准'] as const satisfies readonly ChecklistColumn[];

/** Lengths of an item's fields (a cell of the sheet, a field of the editing page). */
export const ITEM_LIMITS = { stage: 50, content: 1000, basis: 500, method: 200 } as const;
export const NAME_MAX = 100;

const text = (label: string, max: number) =>
  z
    .string({ error: `请填写${label}` })
    .check(
      z.trim(),
      z.minLength(1, { error: `请填写${label}` }),
      z.maxLength(max, { error: `「${label}」不能超过 ${max} 个字` }),
    );
const optionalText = (label: string, max: number) =>
  z.optional(z.string().check(z.trim(), z.maxLength(max, { error: `「${label}」不能超过 ${max} 个字` })));

export const ChecklistItemInput = z
  .object({
    stage: text('检查环节', ITEM_LIMITS.stage),
    content: text('检查内容及标准', ITEM_LIMITS.content),
    basis: optionalText('检查依据', ITEM_LIMITS.basis),
    method: optionalText('检查方式', ITEM_LIMITS.method),
  })
  .check(z.meta({ id: 'ChecklistItemInput' }));
export type ChecklistItemInput = z.output<typeof ChecklistItemInput>;

export const ChecklistItem = z
  .object({
    seq: z.number().check(z.int()),
    stage: z.string(),
    content: z.string(),
    basis: z.optional(z.string()),
    method: z.optional(z.string()),
  })
  .check(z.meta({ id: 'ChecklistItem' }));
export type ChecklistItem = z.infer<typeof ChecklistItem>;

const kindField = z.enum(CHECKLIST_KINDS, { error: '清单类型应为 independent（独立）或 joint（联合）' });
const categoryField = z.enum(CATEGORY_CODES, { error: '物品类别不正确' });

export const ListChecklistsQuery = z
  .object({
    category: categoryField,
    kind: kindField,
    name: z
      .optional(z.string().check(z.trim(), z.maxLength(NAME_MAX, { error: `「清单名称」不能超过 ${NAME_MAX} 个字` })))
      .check(z.meta({ title: '清单名称' })),
    stage: z
      .optional(
        z
          .string()
          .check(z.trim(), z.maxLength(ITEM_LIMITS.stage, { error: `「检查环节」不能超过 ${ITEM_LIMITS.stage} 个字` })),
      )
      .check(z.meta({ title: '检查环节' })),
    level: z
      .optional(z.enum(CHECKLIST_LEVELS, { error: '「清单级别」应为 省、市 或 县' }))
      .check(z.meta({ title: '清单级别' })),
    /** 清单创建单位: the creating department (joint lists) and/or the creator's exact region code. */
    department: z
      .optional(z.enum(DEPARTMENT_CODES, { error: '「清单创建单位」的部门不正确' }))
      .check(z.meta({ title: '清单创建单位（部门）' })),
    region: z
      .optional(z.string().check(z.regex(/^35(\d{2}){0,2}$/, { error: '「清单创建单位」应为福建省的区划代码' })))
      .check(z.meta({ title: '清单创建单位（行政区划）' })),
    ...pageQueryFields({ max: 100, fallback: 10 }),
  })
  .check(z.meta({ id: 'ListChecklistsQuery' }));
export type ListChecklistsQuery = z.output<typeof ListChecklistsQuery>;

const Person = z.object({ accountId: z.string(), name: z.string() });

export const ChecklistSummary = z
  .object({
    checklistId: z.string(),
    /** The current version: a task records {checklistId, version} and keeps that copy. */
    version: z.number().check(z.int()),
    kind: kindField,
    name: z.string(),
    category: categoryField,
    stages: z.array(z.string()),
    level: z.enum(CHECKLIST_LEVELS),
    regionCode: z.string(),
    regionName: z.string(),
    department: z.enum(DEPARTMENT_CODES),
    /** 创建人所在部门, e.g. 泉州市 安监. */
    departmentName: z.string(),
    createdBy: Person,
    createdAt: z.string(),
    updatedAt: z.string(),
    itemCount: z.number().check(z.int()),
    /** Whether the caller may 编辑 / 删除 it (the creating department, within the caller's jurisdiction). */
    canEdit: z.boolean(),
  })
  .check(z.meta({ id: 'ChecklistSummary' }));
export type ChecklistSummary = z.infer<typeof ChecklistSummary>;

export const ChecklistPage = z
  .object({ items: z.array(ChecklistSummary), cursor: z.nullable(z.string()) })
  .check(z.meta({ id: 'ChecklistPage' }));
export type ChecklistPage = z.infer<typeof ChecklistPage>;

export const ChecklistDetail = z
  .object({ ...ChecklistSummary.shape, items: z.array(ChecklistItem) })
  .check(z.meta({ id: 'ChecklistDetail' }));
export type ChecklistDetail = z.infer<typeof ChecklistDetail>;

export const ChecklistIdParams = z.object({
  checklistId: z.string().check(z.regex(/^ckl-[A-Za-z0-9_-]{6,40}$/, { error: '清单编号不正确' })),
});

export const UpdateChecklistItemsRequest = z
  .object({
    /** The version the editing page was read at: another save since then → 409. */
    version: z.number({ error: '缺少清单版本' }).check(z.int(), z.gte(1)),
    name: z.optional(text('清单名称', NAME_MAX)),
    items: z
      .array(ChecklistItemInput)
      .check(
        z.minLength(1, { error: '清单至少要有一个检查项目' }),
        z.maxLength(CHECKLIST_MAX_ITEMS, { error: `清单最多 ${CHECKLIST_MAX_ITEMS} 个检查项目` }),
      ),
  })
  .check(z.meta({ id: 'UpdateChecklistItemsRequest' }));
export type UpdateChecklistItemsRequest = z.output<typeof UpdateChecklistItemsRequest>;

export const DeleteChecklistRequest = z
  .object({ version: z.number({ error: '缺少清单版本' }).check(z.int(), z.gte(1)) })
  .check(z.meta({ id: 'DeleteChecklistRequest' }));

export const DeletedChecklist = z
  .object({ checklistId: z.string(), deleted: z.literal(true) })
  .check(z.meta({ id: 'DeletedChecklist' }));

export { SpreadsheetFile };

export const ImportChecklistRequest = z
  .object({
    category: categoryField,
    kind: kindField,
    /** The list's name is the file's name without its extension (the seed: 清单名称为Excel的文件名). */
    filename: spreadsheetFilename('可先导出清单模板', {
      maxLength: NAME_MAX + 5,
      tooLong: `文件名过长（清单名称不能超过 ${NAME_MAX} 个字）`,
    }).check(z.refine((f) => f.replace(/\.xlsx$/i, '').trim().length > 0, { error: '文件名即清单名称，不能为空' })),
    contentBase64: spreadsheetContent(CHECKLIST_MAX_FILE_BYTES, '文件不能超过 700 KB，请拆分后分别导入'),
  })
  .check(z.meta({ id: 'ImportChecklistRequest' }));
export type ImportChecklistRequest = z.output<typeof ImportChecklistRequest>;

/** The list's name from an uploaded file's name: without its folder and extension. */
export function checklistNameOf(filename: string): string {
  const base = filename.split(/[\\/]/).pop() ?? filename;
  return base.replace(/\.xlsx$/i, '').trim();
}
