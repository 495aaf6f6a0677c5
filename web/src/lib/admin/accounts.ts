/**
 * 账号管理's logic apart from its markup: the accounts API (functions/accounts/manifest.ts), the list's filters
 * as a query, the 新增账号 form's checks, and how an account reads in the table. Messages the API answers are
 * shown as they are; the checks here only catch what would certainly be refused, before sending.
 */
import type {
  AccountImportTemplate,
  AccountPage,
  AccountStatus,
  AccountView,
  ImportAccountsResponse,
  OpenedAccountResponse,
} from '$shared/api/accounts';
import { category, isCategoryCode } from '$shared/reference/categories';
import { department, isDepartmentCode } from '$shared/reference/departments';
import { isRoleCode, role, violatesSeparationOfDuties, type RoleCode } from '$shared/reference/roles';
import { api } from '$lib/api/client';
import type { FieldErrors } from '$lib/auth/login';
import type { FilterCodec } from '$lib/ui/url-list.svelte';
import { allowedCategories, departmentOptions, regionLabel, roleOptions, type AdminScope } from './scope';

export const ACCOUNTS_PATH = '/api/admin/accounts';
export const IMPORT_TEMPLATE_PATH = '/api/admin/accounts/import-template';
export const IMPORT_PATH = '/api/admin/accounts/import';
export const PAGE_SIZE = 20;

/** Largest .xlsx the import takes (shared/api/accounts.ts IMPORT_MAX_FILE_BYTES; checked here before reading it). */
export const IMPORT_MAX_FILE_BYTES = 2 * 1024 * 1024;

export const STATUS_NAMES: Record<AccountStatus, string> = { enabled: '启用', disabled: '停用' };

// ---------------------------------------------------------------------------------------------------------------
// The list

export interface AccountFilters {
  department: string;
  /** '' for the administrator's whole scope. */
  region: string;
  role: string;
  status: string;
  mobile: string;
}

/** The filters 重置 goes back to: the administrator's own department, the whole scope, everyone. */
export function initialFilters(scope: AdminScope): AccountFilters {
  return { department: scope.department, region: '', role: '', status: '', mobile: '' };
}

/**
 * The filters as the list's URL carries them: the administrator's own department is the default and left out;
 * a value the URL names wrongly falls back to its default (the API checks the scope again).
 */
export function accountFiltersCodec(scope: AdminScope): FilterCodec<AccountFilters> {
  const departments = new Set(departmentOptions(scope).map((o) => o.value));
  const roles = new Set(roleOptions(scope).map((o) => o.value));
  return {
    fromQuery(q) {
      const f = initialFilters(scope);
      const dept = q.get('department') ?? '';
      const region = q.get('region') ?? '';
      const roleCode = q.get('role') ?? '';
      const status = q.get('status') ?? '';
      return {
        department: departments.has(dept) ? dept : f.department,
        region: /^35(\d{2}){1,2}$/.test(region) ? region : '',
        role: roles.has(roleCode) ? roleCode : '',
        status: status === 'enabled' || status === 'disabled' ? status : '',
        mobile: (q.get('mobile') ?? '').trim().slice(0, 11),
      };
    },
    toQuery(f) {
      const q = new URLSearchParams();
      if (f.department && f.department !== scope.department) q.set('department', f.department);
      if (f.region) q.set('region', f.region);
      if (f.role) q.set('role', f.role);
      if (f.status) q.set('status', f.status);
      if (f.mobile.trim()) q.set('mobile', f.mobile.trim());
      return q.toString();
    },
  };
}

/** The list's query string; empty filters are left out (the API then applies the administrator's scope). */
export function accountsQuery(f: AccountFilters, cursor?: string, limit = PAGE_SIZE): string {
  const q = new URLSearchParams();
  if (f.department) q.set('department', f.department);
  if (f.region) q.set('region', f.region);
  if (f.role) q.set('role', f.role);
  if (f.status) q.set('status', f.status);
  if (f.mobile.trim()) q.set('mobile', f.mobile.trim());
  if (cursor) q.set('cursor', cursor);
  q.set('limit', String(limit));
  return q.toString();
}

export function listAccounts(f: AccountFilters, cursor?: string, signal?: AbortSignal): Promise<AccountPage> {
  return api.get<AccountPage>(`${ACCOUNTS_PATH}?${accountsQuery(f, cursor)}`, signal ? { signal } : {});
}

// ---------------------------------------------------------------------------------------------------------------
// 新增账号

export interface NewAccountForm {
  mobile: string;
  name: string;
  department: string;
  regionCode: string;
  categories: string[];
  roles: string[];
}

export type NewAccountField = keyof NewAccountForm;
export const NEW_ACCOUNT_FIELDS: readonly NewAccountField[] = [
  'mobile',
  'name',
  'department',
  'regionCode',
  'categories',
  'roles',
];

export function emptyNewAccount(scope: AdminScope): NewAccountForm {
  return {
    mobile: '',
    name: '',
    department: scope.department,
    regionCode: scope.regionPrefix,
    categories: [],
    roles: [],
  };
}

/** What is certainly missing or wrong before sending; the API checks everything again (format, 三员分立, scope). */
export function checkNewAccount(f: NewAccountForm): FieldErrors<NewAccountField> {
  const errors: FieldErrors<NewAccountField> = {};
  const mobile = f.mobile.trim();
  if (mobile === '') errors.mobile = '请输入手机号码';
  else if (!/^\d{11}$/.test(mobile)) errors.mobile = '手机号码应为 11 位数字';
  if (f.name.trim() === '') errors.name = '请填写姓名';
  if (f.department === '') errors.department = '请选择部门';
  if (f.regionCode === '') errors.regionCode = '请选择行政区划';
  if (f.roles.length === 0) errors.roles = '请至少选择一个角色';
  else if (violatesSeparationOfDuties(f.roles.filter(isRoleCode))) {
    errors.roles = '系统管理员、安全管理员、审计管理员须由不同的人担任（三员分立），一个账号只能授予其中一个';
  }
  if (f.categories.length === 0) errors.categories = '请至少选择一个物品类别';
  return errors;
}

/** The categories still allowed after the department or roles changed (the others are unticked). */
export function keepAllowedCategories(f: NewAccountForm): string[] {
  const allowed: readonly string[] = allowedCategories(f.department, f.roles);
  return f.categories.filter((c) => allowed.includes(c));
}

/** The new account with its one-time password, which the API shows this once. */
export function createAccount(f: NewAccountForm): Promise<OpenedAccountResponse> {
  return api.post<OpenedAccountResponse>(ACCOUNTS_PATH, {
    mobile: f.mobile.trim(),
    name: f.name.trim(),
    department: f.department,
    regionCode: f.regionCode,
    categories: f.categories,
    roles: f.roles,
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Row actions

export type AccountAction = 'disable' | 'enable' | 'reset-password';

export const ACTION_NAMES: Record<AccountAction, string> = {
  disable: '停用',
  enable: '启用',
  'reset-password': '重置密码',
};

export interface ResetPasswordResult {
  account: AccountView;
  revokedSessions: number;
  /** Shown this once: only its hash is kept. */
  oneTimePassword: string;
  oneTimePasswordExpiresAt: string;
}

const actionPath = (accountId: string, action: AccountAction) =>
  `${ACCOUNTS_PATH}/${encodeURIComponent(accountId)}/${action}`;

export function setAccountEnabled(accountId: string, enabled: boolean): Promise<AccountView> {
  return api.post<AccountView>(actionPath(accountId, enabled ? 'enable' : 'disable'));
}

export function resetAccountPassword(accountId: string): Promise<ResetPasswordResult> {
  return api.post<ResetPasswordResult>(actionPath(accountId, 'reset-password'));
}

/** What the confirm dialog says will happen. */
export function confirmText(action: AccountAction, a: AccountView): string {
  const who = `${a.name}（${a.login}）`;
  switch (action) {
    case 'disable':
      return `确定停用账号${who}吗？停用后该账号将无法登录，已登录的会话将立即失效。`;
    case 'enable':
      return `确定启用账号${who}吗？启用后该账号可以重新登录。`;
    case 'reset-password':
      return `确定重置账号${who}的密码吗？将生成新的一次性密码（仅显示一次，72 小时内有效），该账号已登录的会话将立即失效，下次登录时须修改密码。`;
  }
}

/** What the page says once it is done. */
export function doneText(action: AccountAction, a: AccountView, revokedSessions = 0, oneTimePassword = ''): string {
  const who = `${a.name}（${a.login}）`;
  if (action === 'disable') return `已停用账号${who}。`;
  if (action === 'enable') return `已启用账号${who}。`;
  return `已重置账号${who}的密码${revokedSessions > 0 ? `，并结束了其 ${revokedSessions} 个登录会话` : ''}。${oneTimePasswordText(oneTimePassword)}`;
}

/** How a one-time password is handed to the administrator: once, with what to do with it. */
export const oneTimePasswordText = (password: string): string =>
  `一次性密码：${password}（仅显示这一次，请转交本人；72 小时内有效，首次登录时须修改）`;

// ---------------------------------------------------------------------------------------------------------------
// 导出模板 / 导入账号

export function fetchImportTemplate(): Promise<AccountImportTemplate> {
  return api.get<AccountImportTemplate>(IMPORT_TEMPLATE_PATH);
}

/** Why a chosen file can't be imported before it is even read; null when it may be sent. */
export function importFileProblem(file: { name: string; size: number }): string | null {
  if (!/\.xlsx$/i.test(file.name)) return '请选择 .xlsx 格式的 Excel 文件（可先点击“导出模板”下载导入模板）';
  if (file.size === 0) return '文件内容为空';
  if (file.size > IMPORT_MAX_FILE_BYTES) return '文件不能超过 2 MB，请拆分后分批导入';
  return null;
}

export function importAccounts(filename: string, contentBase64: string): Promise<ImportAccountsResponse> {
  return api.post<ImportAccountsResponse>(IMPORT_PATH, { filename, contentBase64 });
}

export const IMPORT_ROW_STATUS_NAMES: Record<ImportAccountsResponse['rows'][number]['status'], string> = {
  created: '已开通',
  existing: '此前已开通',
  pending: '待开通',
};

// ---------------------------------------------------------------------------------------------------------------
// How an account reads

export function departmentName(code: string | undefined): string {
  return code && isDepartmentCode(code) ? department(code).short : (code ?? '');
}

export function categoriesText(codes: readonly string[]): string {
  return codes.map((c) => (isCategoryCode(c) ? category(c).name : c)).join('、');
}

export function rolesText(codes: readonly string[]): string {
  return codes.map((r) => (isRoleCode(r) ? role(r as RoleCode).name : r)).join('、');
}

export function regionText(a: Pick<AccountView, 'regionCode' | 'regionName'>): string {
  return a.regionCode === '35' ? '福建省（省直）' : (a.regionName ?? regionLabel(a.regionCode));
}
