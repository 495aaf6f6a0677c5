/**
 * Contracts of the officers context (issue 10 §2): 执法人员 (the department's inspector accounts), their
 * 回避 declarations, and the department's 专家库 with the experts' 回避. The expert rules live here so the
 * API, the Excel import and the web form say the same thing.
 */
import * as z from 'zod/mini';
import { spreadsheetContent, spreadsheetFilename } from './spreadsheet';
import { pageQueryFields } from './paging';
import { regionCodeSchema } from './accounts';
import { CATEGORY_CODES, category, isCategoryCode, type CategoryCode } from '../reference/categories';
import { DEPARTMENT_CODES } from '../reference/departments';
import { isRegionCode } from '../reference/regions';
import { findSegment, segmentKey, segmentsOf } from '../reference/segments';
import { phoneSchema } from '../validation/phone';

export const EXPERT_STATUSES = ['enabled', 'disabled'] as const;
export type ExpertStatus = (typeof EXPERT_STATUSES)[number];
export const EXPERT_STATUS_NAMES: Record<ExpertStatus, string> = { enabled: '启用', disabled: '停用' };

/** 回避 an officer or expert may hold: enough for any real case, and bounded so a list stays small. */
export const MAX_CONFLICTS = 200;

const regionPrefix = z
  .optional(
    z.string().check(
      z.trim(),
      z.refine((s) => /^35(\d{2}){0,2}$/.test(s) && isRegionCode(s), {
        error: '行政区划代码不正确：应为 35、设区市（如 3505）或县（市、区）（如 350583）的代码',
      }),
    ),
  )
  .check(z.describe('行政区划代码前缀：不填为本辖区；3505 泉州市及其下辖县（市、区）'));

const idParam = (what: string, pattern: RegExp) =>
  z
    .string()
    .check(
      z.minLength(1, { error: `${what}不能为空` }),
      z.maxLength(64, { error: `${what}不正确` }),
      z.regex(pattern, { error: `${what}不正确` }),
    );

const officerId = idParam('执法人员编号', /^[\w-]+$/);
const enterpriseId = idParam('企业编号', /^[\w-]+$/);
const expertId = idParam('专家编号', /^exp-[0-9a-f]{32}$/);

const name = (what: string) =>
  z.optional(z.string().check(z.trim(), z.maxLength(30, { error: `${what}不能超过 30 个字` })));

// ---------------------------------------------------------------- 执法人员

export const ListOfficersQuery = z
  .object({
    region: regionPrefix,
    name: name('姓名'),
    ...pageQueryFields({ max: 100, fallback: 20 }),
  })
  .check(z.meta({ id: 'ListOfficersQuery' }));
export type ListOfficersQuery = z.output<typeof ListOfficersQuery>;

export const OfficerRow = z
  .object({
    officerId: z.string(),
    name: z.string(),
    department: z.enum(DEPARTMENT_CODES),
    regionCode: z.string(),
    regionName: z.string(),
    categories: z.array(z.enum(CATEGORY_CODES)),
    /** 回避 declared. */
    conflictCount: z.number().check(z.int()),
  })
  .check(z.meta({ id: 'OfficerRow' }));
export type OfficerRow = z.infer<typeof OfficerRow>;

export const OfficerPage = z
  .object({ items: z.array(OfficerRow), cursor: z.nullable(z.string()) })
  .check(z.meta({ id: 'OfficerPage' }));
export type OfficerPage = z.infer<typeof OfficerPage>;

export const OfficerIdParams = z.object({ officerId });
export const OfficerConflictParams = z.object({ officerId, enterpriseId });

// ---------------------------------------------------------------- 回避

export const ConflictInput = z
  .object({
    enterpriseId: z
      .string({ error: '请选择企业' })
      .check(
        z.minLength(1, { error: '请选择企业' }),
        z.maxLength(64, { error: '企业编号不正确' }),
        z.regex(/^[\w-]+$/, { error: '企业编号不正确' }),
      ),
    reason: z
      .string({ error: '请填写回避原因' })
      .check(
        z.trim(),
        z.minLength(2, { error: '请填写回避原因' }),
        z.maxLength(200, { error: '回避原因不能超过 200 个字' }),
      ),
  })
  .check(z.meta({ id: 'ConflictInput' }));
export type ConflictInput = z.output<typeof ConflictInput>;

export const ConflictView = z
  .object({
    enterpriseId: z.string(),
    enterpriseName: z.string(),
    creditCode: z.optional(z.string()),
    enterpriseRegionCode: z.string(),
    regionName: z.string(),
    reason: z.string(),
    declaredByName: z.string(),
    declaredAt: z.string(),
  })
  .check(z.meta({ id: 'ConflictView' }));
export type ConflictView = z.infer<typeof ConflictView>;

export const ConflictPage = z
  .object({ items: z.array(ConflictView), cursor: z.nullable(z.string()) })
  .check(z.meta({ id: 'ConflictPage' }));
export type ConflictPage = z.infer<typeof ConflictPage>;

export const ConflictPageQuery = z.object({ ...pageQueryFields({ max: 100, fallback: 20 }) });

export const ConflictWithdrawn = z
  .object({ enterpriseId: z.string(), withdrawn: z.literal(true) })
  .check(z.meta({ id: 'ConflictWithdrawn' }));

// ---------------------------------------------------------------- 专家库

export interface ExpertProblem {
  field: 'categories' | 'segments' | 'regionCode';
  message: string;
}

/**
 * An expert's 专业 beyond the fields' shape: each segment belongs to one of the chosen categories, and the
 * categories are ones the person entering them supervises (an inspector can't vouch for another category's
 * experts). `granted` undefined skips the second rule (the web form, which only offers granted ones).
 */
export function expertProblems(
  e: { categories: readonly string[]; segments: readonly string[] },
  granted?: readonly string[],
): ExpertProblem[] {
  const problems: ExpertProblem[] = [];
  if (granted) {
    const outside = e.categories.filter((c) => !granted.includes(c));
    if (outside.length) {
      problems.push({
        field: 'categories',
        message: `没有「${outside.map((c) => (isCategoryCode(c) ? category(c).name : c)).join('、')}」的监管权限，不能录入该专业的专家`,
      });
    }
  }
  const wrong = e.segments.filter((s) => {
    const [c, code] = s.split('/');
    return !c || !code || !e.categories.includes(c) || !findSegment(c, code);
  });
  if (wrong.length) {
    problems.push({ field: 'segments', message: '专业环节应属于所选的专业类别' });
  }
  return problems;
}

const categoriesField = z
  .pipe(
    z
      .array(z.enum(CATEGORY_CODES, { error: '专业类别不正确' }), { error: '请选择专业类别' })
      .check(z.minLength(1, { error: '请至少选择一个专业类别' }), z.maxLength(8, { error: '专业类别过多' })),
    z.transform((a) => [...new Set(a)] as CategoryCode[]),
  )
  .check(z.meta({ title: '专业类别' }));

const segmentsField = z
  .pipe(
    z
      .array(
        z
          .string({ error: '专业环节不正确' })
          .check(
            z.maxLength(60, { error: '专业环节不正确' }),
            z.regex(/^[a-z-]+\/[a-z-]+$/, { error: '专业环节不正确' }),
          ),
        { error: '专业环节不正确' },
      )
      .check(z.maxLength(60, { error: '专业环节过多' })),
    z.transform((a) => [...new Set(a)]),
  )
  .check(z.meta({ title: '专业环节' }));

const expertFields = {
  name: z
    .string({ error: '请填写姓名' })
    .check(
      z.trim(),
      z.minLength(1, { error: '请填写姓名' }),
      z.maxLength(30, { error: '姓名不能超过 30 个字' }),
      z.meta({ title: '姓名' }),
    ),
  categories: categoriesField,
  segments: z._default(segmentsField, []),
  employer: z
    .string({ error: '请填写单位' })
    .check(
      z.trim(),
      z.minLength(2, { error: '请填写单位' }),
      z.maxLength(60, { error: '单位不能超过 60 个字' }),
      z.meta({ title: '单位' }),
    ),
  phone: phoneSchema.check(z.meta({ title: '联系电话' })),
  regionCode: regionCodeSchema,
};

const checkedExpert = z.superRefine((e: { categories: string[]; segments: string[] }, ctx) => {
  for (const p of expertProblems(e)) ctx.addIssue({ code: 'custom', path: [p.field], message: p.message });
});

export const ExpertInput = z.object(expertFields).check(checkedExpert, z.meta({ id: 'ExpertInput' }));
export type ExpertInput = z.output<typeof ExpertInput>;

export const ExpertUpdate = z
  .object({ ...expertFields, version: z.number({ error: '缺少版本号' }).check(z.int(), z.gte(1)) })
  .check(checkedExpert, z.meta({ id: 'ExpertUpdate' }));
export type ExpertUpdate = z.output<typeof ExpertUpdate>;

export const ExpertVersion = z
  .object({ version: z.number({ error: '缺少版本号' }).check(z.int(), z.gte(1)) })
  .check(z.meta({ id: 'ExpertVersion' }));

export const ExpertView = z
  .object({
    expertId: z.string(),
    name: z.string(),
    categories: z.array(z.enum(CATEGORY_CODES)),
    segments: z.array(z.string()),
    employer: z.string(),
    phone: z.string(),
    regionCode: z.string(),
    regionName: z.string(),
    department: z.enum(DEPARTMENT_CODES),
    status: z.enum(EXPERT_STATUSES),
    conflictCount: z.number().check(z.int()),
    createdByName: z.string(),
    createdAt: z.string(),
    updatedAt: z.string(),
    version: z.number().check(z.int()),
  })
  .check(z.meta({ id: 'ExpertView' }));
export type ExpertView = z.infer<typeof ExpertView>;

export const ListExpertsQuery = z
  .object({
    name: name('姓名'),
    category: z.optional(z.enum(CATEGORY_CODES, { error: '专业类别不正确' })),
    segment: z.optional(z.string().check(z.maxLength(60), z.regex(/^[a-z-]+\/[a-z-]+$/, { error: '专业环节不正确' }))),
    region: regionPrefix,
    status: z.optional(z.enum(EXPERT_STATUSES, { error: '状态应为 enabled 或 disabled' })),
    ...pageQueryFields({ max: 100, fallback: 20 }),
  })
  .check(z.meta({ id: 'ListExpertsQuery' }));
export type ListExpertsQuery = z.output<typeof ListExpertsQuery>;

export const ExpertPage = z
  .object({ items: z.array(ExpertView), cursor: z.nullable(z.string()) })
  .check(z.meta({ id: 'ExpertPage' }));
export type ExpertPage = z.infer<typeof ExpertPage>;

export const ExpertIdParams = z.object({ expertId });
export const ExpertConflictParams = z.object({ expertId, enterpriseId });

/** '危险化学品·经营' for a stored `category/segment` key (the list and the template). */
export function expertSegmentLabel(key: string): string {
  const [c, code] = key.split('/');
  const s = c && code ? findSegment(c, code) : undefined;
  return s && isCategoryCode(c!) ? `${category(c).name}·${s.name}` : key;
}

export { segmentKey };

// ---------------------------------------------------------------- 专家库 Excel import

/** The import sheet's columns, in the template's order. */
export const EXPERT_IMPORT_COLUMNS = ['姓名', '专业类别', '专业环节', '单位', '联系电话', '行政区划代码'] as const;
export type ExpertImportColumn = (typeof EXPERT_IMPORT_COLUMNS)[number];
export const EXPERT_IMPORT_REQUIRED: readonly ExpertImportColumn[] = [
  '姓名',
  '专业类别',
  '单位',
  '联系电话',
  '行政区划代码',
];
/** Rows per file: one file is one transaction with its audit record, so it is imported whole or not at all. */
export const EXPERT_IMPORT_MAX_ROWS = 50;
export const EXPERT_IMPORT_MAX_FILE_BYTES = 700 * 1024;

export const ImportExpertsRequest = z
  .object({
    filename: spreadsheetFilename('可先导出模板'),
    contentBase64: spreadsheetContent(EXPERT_IMPORT_MAX_FILE_BYTES, '文件不能超过 700 KB'),
  })
  .check(z.meta({ id: 'ImportExpertsRequest' }));
export type ImportExpertsRequest = z.output<typeof ImportExpertsRequest>;

export const ImportExpertsResponse = z
  .object({ imported: z.number().check(z.int()), experts: z.array(ExpertView) })
  .check(z.meta({ id: 'ImportExpertsResponse' }));
export type ImportExpertsResponse = z.infer<typeof ImportExpertsResponse>;

/**
 * 专业类别 as a person writes it in the sheet: category names (or the portal's short words) separated by
 * 、，, or spaces → codes; the names it could not read.
 */
export function categoriesFromText(text: string): { codes: CategoryCode[]; unknown: string[] } {
  const codes: CategoryCode[] = [];
  const unknown: string[] = [];
  for (const word of text.split(/[、，,;；\s]+/).filter(Boolean)) {
    const c = CATEGORY_CODES.find((code) => category(code).name === word || category(code).entryName === word);
    if (c) codes.push(c);
    else unknown.push(word);
  }
  return { codes: [...new Set(codes)], unknown };
}

/** 专业环节 as written (「经营」 or 「危险化学品·经营」) within the chosen categories → segment keys. */
export function segmentsFromText(
  text: string,
  categories: readonly CategoryCode[],
): { keys: string[]; unknown: string[] } {
  const keys: string[] = [];
  const unknown: string[] = [];
  for (const word of text.split(/[、，,;；\s]+/).filter(Boolean)) {
    const [cName, sName] = word.includes('·') ? word.split('·') : [undefined, word];
    const found = categories
      .filter((c) => cName === undefined || category(c).name === cName)
      .flatMap((c) =>
        segmentsOf(c)
          .filter((s) => s.name === sName)
          .map((s) => segmentKey(c, s.code)),
      );
    if (found.length) keys.push(...found);
    else unknown.push(word);
  }
  return { keys: [...new Set(keys)], unknown };
}
