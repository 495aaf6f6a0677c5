/**
 * Contracts of the accounts context: opening regulator accounts (one by one, or from the collected Excel
 * spreadsheet the seed describes — "监管人员汇总统一开通"), disabling/enabling them, resetting a password to
 * the initial one, and the portal's public figure "监管人员开通数量". Validated by the API, usable by the
 * web forms. The account rules (三员分立, a department's categories) live here so both say the same thing.
 */
import * as z from 'zod/mini';
import { SpreadsheetFile, spreadsheetContent, spreadsheetFilename } from './spreadsheet';
import { pageQueryFields } from './paging';
import { CATEGORY_CODES, categoriesOfDepartment, category, type CategoryCode } from '../reference/categories';
import { DEPARTMENT_CODES, department, type DepartmentCode } from '../reference/departments';
import { isRegionCode } from '../reference/regions';
import { ROLE_CODES, role, violatesSeparationOfDuties, type RoleCode } from '../reference/roles';
import { mobileSchema } from '../validation/phone';

export const ACCOUNT_STATUSES = ['enabled', 'disabled'] as const;
export type AccountStatus = (typeof ACCOUNT_STATUSES)[number];
export const ACCOUNT_STATUS_NAMES: Record<AccountStatus, string> = { enabled: '启用', disabled: '停用' };

/** Largest .xlsx the import takes (before base64). */
export const IMPORT_MAX_FILE_BYTES = 2 * 1024 * 1024;
/** Data rows (not counting the header) one import file may hold. */
export const IMPORT_MAX_ROWS = 1000;
/** The columns of the import spreadsheet, in the template's order. */
export const IMPORT_COLUMNS = ['手机号码', '姓名', '部门', '行政区划代码', '物品类别', '角色'] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];

/**
 * The seed's rule — the initial password is the last six characters of the login (README: Demo data and accounts) — kept for the
 * local demo data only. Every other account gets a random one-time password (72 hours), shown once.
 */
export const initialPasswordOf = (login: string): string => login.slice(-6);

/** True for the platform's own administrators (三员): they administer every category's platform. */
export const isPlatformAdmin = (roles: readonly RoleCode[]): boolean => roles.some((r) => role(r).separated);

export interface AccountRuleProblem {
  field: 'categories' | 'roles';
  message: string;
}

/**
 * The rules of a regulator account beyond the shape of its fields:
 * - roles: 系统管理员, 安全管理员, 审计管理员 are never held together (三员分立);
 * - categories: each must be one the department takes part in (as 牵头 or 责任单位) — except for the three
 *   platform administrators, who sit in one department but administer every category's platform.
 */
export function regulatorAccountProblems(a: {
  department: DepartmentCode;
  categories: readonly CategoryCode[];
  roles: readonly RoleCode[];
}): AccountRuleProblem[] {
  const problems: AccountRuleProblem[] = [];
  if (violatesSeparationOfDuties(a.roles)) {
    problems.push({
      field: 'roles',
      message: '系统管理员、安全管理员、审计管理员须由不同的人担任（三员分立），一个账号只能授予其中一个',
    });
  }
  if (!isPlatformAdmin(a.roles)) {
    const allowed = categoriesOfDepartment(a.department);
    const outside = a.categories.filter((c) => !allowed.includes(c));
    if (outside.length) {
      problems.push({
        field: 'categories',
        message: `${department(a.department).short}部门不参与「${outside.map((c) => category(c).name).join('、')}」的监管，可选：${allowed.map((c) => category(c).name).join('、')}`,
      });
    }
  }
  return problems;
}

/** '35' (省直), a city '3505' or a county '350583' of Fujian. */
export const regionCodeSchema = z.string({ error: '请填写行政区划代码' }).check(
  z.trim(),
  z.minLength(1, { error: '请填写行政区划代码' }),
  z.refine((s) => /^35(\d{2}){0,2}$/.test(s) && isRegionCode(s), {
    error: '行政区划代码不正确：应为福建省（35）、设区市（如 3505）或县（市、区）（如 350583）的代码',
  }),
  z.meta({ title: '行政区划代码' }),
);

const personName = z
  .string({ error: '请填写姓名' })
  .check(
    z.trim(),
    z.minLength(1, { error: '请填写姓名' }),
    z.maxLength(30, { error: '姓名不能超过 30 个字' }),
    z.meta({ title: '姓名' }),
  );

const departmentField = z.enum(DEPARTMENT_CODES, { error: '请选择正确的部门' }).check(z.meta({ title: '部门' }));

const categoriesField = z
  .pipe(
    z
      .array(z.enum(CATEGORY_CODES, { error: '物品类别不正确' }), { error: '请选择物品类别' })
      .check(z.minLength(1, { error: '请至少选择一个物品类别' }), z.maxLength(20, { error: '物品类别过多' })),
    z.transform((a) => [...new Set(a)]),
  )
  .check(z.meta({ title: '物品类别' }));

const rolesField = z
  .pipe(
    z
      .array(z.enum(ROLE_CODES, { error: '角色不正确' }), { error: '请选择角色' })
      .check(z.minLength(1, { error: '请至少选择一个角色' }), z.maxLength(20, { error: '角色过多' })),
    z.transform((a) => [...new Set(a)]),
  )
  .check(z.meta({ title: '角色' }));

/** Opening one regulator account: login = the mobile number; a one-time password comes back once. */
export const CreateRegulatorAccountRequest = z
  .object({
    mobile: mobileSchema.check(z.meta({ title: '手机号码' })),
    name: personName,
    department: departmentField,
    regionCode: regionCodeSchema,
    categories: categoriesField,
    roles: rolesField,
  })
  .check(
    z.superRefine((a, ctx) => {
      for (const p of regulatorAccountProblems(a))
        ctx.addIssue({ code: 'custom', path: [p.field], message: p.message });
    }),
    z.meta({ id: 'CreateRegulatorAccountRequest' }),
  );
export type CreateRegulatorAccountRequest = z.output<typeof CreateRegulatorAccountRequest>;

/** What an administrator sees of an account (never its password hash or second-factor secret). */
export const AccountView = z
  .object({
    accountId: z.string(),
    kind: z.enum(['regulator', 'enterprise']),
    login: z.string(),
    name: z.string(),
    mobile: z.optional(z.string()),
    department: z.optional(z.enum(DEPARTMENT_CODES)),
    regionCode: z.optional(z.string()),
    /** '福建省泉州市' — or '福建省（省直）' for 35. */
    regionName: z.optional(z.string()),
    categories: z.array(z.enum(CATEGORY_CODES)),
    roles: z.array(z.enum(ROLE_CODES)),
    enterpriseId: z.optional(z.string()),
    status: z.enum(ACCOUNT_STATUSES),
    /** Still on the initial password (or one reset by an administrator). */
    mustChangePassword: z.boolean(),
    totpEnrolled: z.boolean(),
    createdAt: z.string(),
    version: z.number().check(z.int()),
  })
  .check(z.meta({ id: 'AccountView' }));
export type AccountView = z.infer<typeof AccountView>;

/** A one-time password, shown once to the administrator: it is stored only as a hash. */
const oneTimePasswordFields = {
  /** Random, valid 72 hours, to be changed at first sign-in; never shown again. */
  oneTimePassword: z.string(),
  /** ISO time after which it opens nothing (a reset by an administrator is then needed). */
  oneTimePasswordExpiresAt: z.string(),
};

/** The account just opened, with its one-time password. */
export const OpenedAccountResponse = z
  .object({ ...AccountView.shape, ...oneTimePasswordFields })
  .check(z.meta({ id: 'OpenedAccountResponse' }));
export type OpenedAccountResponse = z.infer<typeof OpenedAccountResponse>;

export const ResetPasswordResponse = z
  .object({
    account: AccountView,
    /** Sessions of the account that were ended. */
    revokedSessions: z.number().check(z.int()),
    ...oneTimePasswordFields,
  })
  .check(z.meta({ id: 'ResetPasswordResponse' }));

export const ListAccountsQuery = z
  .object({
    department: z.optional(departmentField).check(z.describe('部门；不填时为本人所在部门（部门管理员只能查看本部门）')),
    region: z
      .optional(
        z.string().check(
          z.trim(),
          z.refine((s) => /^35(\d{2}){0,2}$/.test(s) && isRegionCode(s), {
            error: '行政区划代码不正确：应为 35、设区市（如 3505）或县（市、区）（如 350583）的代码',
          }),
        ),
      )
      .check(z.describe('行政区划代码前缀：35 全省，3505 泉州市及其下辖县（市、区）')),
    role: z.optional(z.enum(ROLE_CODES, { error: '角色不正确' })),
    status: z.optional(z.enum(ACCOUNT_STATUSES, { error: '状态应为 enabled 或 disabled' })),
    mobile: z.optional(mobileSchema).check(z.describe('按手机号码（账号）精确查找')),
    ...pageQueryFields({ max: 100, fallback: 20 }),
  })
  .check(z.meta({ id: 'ListAccountsQuery' }));
export type ListAccountsQuery = z.output<typeof ListAccountsQuery>;

export const AccountPage = z
  .object({
    items: z.array(AccountView),
    /** Opaque; pass it back as `cursor` for the next page. Null on the last page. */
    cursor: z.nullable(z.string()),
  })
  .check(z.meta({ id: 'AccountPage' }));
export type AccountPage = z.infer<typeof AccountPage>;

export const AccountIdParams = z.object({
  accountId: z
    .string()
    .check(
      z.minLength(1, { error: '账号编号不能为空' }),
      z.maxLength(64, { error: '账号编号不正确' }),
      z.regex(/^[\w-]+$/, { error: '账号编号不正确' }),
    ),
});

/** The account import's template, as every spreadsheet going out. */
export const AccountImportTemplate = SpreadsheetFile;
export type AccountImportTemplate = SpreadsheetFile;

export const ImportAccountsRequest = z
  .object({
    filename: spreadsheetFilename('可先下载导入模板'),
    contentBase64: spreadsheetContent(IMPORT_MAX_FILE_BYTES, '文件不能超过 2 MB'),
  })
  .check(z.meta({ id: 'ImportAccountsRequest' }));
export type ImportAccountsRequest = z.infer<typeof ImportAccountsRequest>;

export const IMPORT_ROW_STATUSES = ['created', 'existing', 'pending'] as const;

export const ImportAccountsResponse = z
  .object({
    /** Data rows read (the example row of the template, if left in, is not counted). */
    total: z.number().check(z.int()),
    created: z.number().check(z.int()),
    /** Rows created by an earlier run of the same import (same row content): nothing written twice. */
    existing: z.number().check(z.int()),
    /** Rows left for the next run when one request could not write them all in time. */
    pending: z.number().check(z.int()),
    /** False when `pending` > 0: post the same file again to continue. */
    complete: z.boolean(),
    message: z.string(),
    rows: z.array(
      z.object({
        /** The spreadsheet's row number (the header is row 1). */
        row: z.number().check(z.int()),
        mobile: z.string(),
        name: z.string(),
        status: z.enum(IMPORT_ROW_STATUSES),
        accountId: z.optional(z.string()),
        /** Only for rows created by THIS request: shown once, never again (a re-run says `existing`). */
        oneTimePassword: z.optional(z.string()),
      }),
    ),
    /**
     * 开通通知: the rows created by this request with their one-time passwords, as an .xlsx (sheet 开通通知) for
     * the administrator to hand out; absent when this request created none.
     */
    notice: z.optional(z.object({ filename: z.string(), contentType: z.string(), contentBase64: z.string() })),
    /** ISO time after which this request's one-time passwords open nothing. */
    oneTimePasswordExpiresAt: z.optional(z.string()),
  })
  .check(z.meta({ id: 'ImportAccountsResponse' }));
export type ImportAccountsResponse = z.infer<typeof ImportAccountsResponse>;

/** The portal's "监管人员开通数量": enabled regulator accounts per department and jurisdiction. */
export const RegulatorCountsResponse = z
  .object({
    /** 省直, the nine cities, 平潭综合实验区 — the columns of every department's block. */
    jurisdictions: z.array(z.object({ regionCode: z.string(), name: z.string() })),
    departments: z.array(
      z.object({
        department: z.enum(DEPARTMENT_CODES),
        /** The word the portal shows: 财政, 公安 … */
        name: z.string(),
        total: z.number().check(z.int()),
        counts: z.array(z.object({ regionCode: z.string(), name: z.string(), count: z.number().check(z.int()) })),
      }),
    ),
    total: z.number().check(z.int()),
  })
  .check(z.meta({ id: 'RegulatorCountsResponse' }));
export type RegulatorCountsResponse = z.infer<typeof RegulatorCountsResponse>;

/**
 * 开通通知 of logins the register opened (新增企业, a 清单 import): an .xlsx (sheet 开通通知) with each unit's
 * one-time password — handed out once: the download deletes what it delivers.
 */
export const AccountNoticeFile = z
  .object({
    filename: z.string(),
    contentType: z.string(),
    contentBase64: z.string(),
    /** Units in this file. */
    count: z.number().check(z.int()),
    /** True when more notices wait (a large import): download again for the next file. */
    more: z.boolean(),
  })
  .check(z.meta({ id: 'AccountNoticeFile' }));
export type AccountNoticeFile = z.infer<typeof AccountNoticeFile>;

/** 开通通知 of one unit the register added (新增企业): shown once — the answer deletes it. */
export const EnterpriseAccountNotice = z
  .object({
    enterpriseId: z.string(),
    enterpriseName: z.string(),
    login: z.string(),
    oneTimePassword: z.string(),
    /** ISO time after which the password opens nothing. */
    oneTimePasswordExpiresAt: z.string(),
  })
  .check(z.meta({ id: 'EnterpriseAccountNotice' }));
export type EnterpriseAccountNotice = z.infer<typeof EnterpriseAccountNotice>;
