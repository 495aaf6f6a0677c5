import {
  AccountIdParams,
  AccountImportTemplate,
  AccountPage,
  AccountView,
  CreateRegulatorAccountRequest,
  ImportAccountsRequest,
  ImportAccountsResponse,
  ListAccountsQuery,
  RegulatorCountsResponse,
  ResetPasswordResponse,
} from '../../shared/api/accounts';
import { defineContext, defineRoute } from '../lib/wiring';

/**
 * The accounts context: opening and administering regulator accounts (系统管理员 everywhere, 部门管理员
 * within their department and jurisdiction — enforced by the domain code), the Excel import of the seed's
 * collected spreadsheet, and the portal's public figure "监管人员开通数量".
 */
const ADMINS = { kind: 'regulator', roles: ['sys-admin', 'dept-admin'] } as const;

export const getRegulatorCounts = defineRoute({
  operationId: 'getRegulatorCounts',
  method: 'GET',
  path: '/api/portal/regulator-counts',
  public: true,
  summary: '门户：监管人员开通数量（各部门 × 省直、各设区市、平潭综合实验区）',
  tags: ['accounts'],
  response: RegulatorCountsResponse,
});

export const listAccounts = defineRoute({
  operationId: 'listAccounts',
  method: 'GET',
  path: '/api/admin/accounts',
  public: false,
  access: ADMINS,
  summary: '账号管理：按部门、行政区划、角色、状态、手机号码查询监管人员账号（分页）',
  tags: ['accounts'],
  query: ListAccountsQuery,
  response: AccountPage,
});

export const createAccount = defineRoute({
  operationId: 'createAccount',
  method: 'POST',
  path: '/api/admin/accounts',
  public: false,
  access: ADMINS,
  summary: '开通监管人员账号（账号为手机号码，初始密码为手机号码后六位）',
  tags: ['accounts'],
  body: CreateRegulatorAccountRequest,
  response: AccountView,
  successStatus: 201,
});

export const disableAccount = defineRoute({
  operationId: 'disableAccount',
  method: 'POST',
  path: '/api/admin/accounts/{accountId}/disable',
  public: false,
  access: ADMINS,
  summary: '停用账号（并使其登录失效）',
  tags: ['accounts'],
  params: AccountIdParams,
  response: AccountView,
});

export const enableAccount = defineRoute({
  operationId: 'enableAccount',
  method: 'POST',
  path: '/api/admin/accounts/{accountId}/enable',
  public: false,
  access: ADMINS,
  summary: '启用账号',
  tags: ['accounts'],
  params: AccountIdParams,
  response: AccountView,
});

export const resetAccountPassword = defineRoute({
  operationId: 'resetAccountPassword',
  method: 'POST',
  path: '/api/admin/accounts/{accountId}/reset-password',
  public: false,
  access: ADMINS,
  summary: '重置密码为初始密码（手机号码后六位），下次登录必须修改；并使其登录失效',
  tags: ['accounts'],
  params: AccountIdParams,
  response: ResetPasswordResponse,
});

export const getAccountImportTemplate = defineRoute({
  operationId: 'getAccountImportTemplate',
  method: 'GET',
  path: '/api/admin/accounts/import-template',
  public: false,
  access: ADMINS,
  summary: '下载账号导入模板（.xlsx，base64 编码于 JSON 中）',
  tags: ['accounts'],
  response: AccountImportTemplate,
});

export const importAccounts = defineRoute({
  operationId: 'importAccounts',
  method: 'POST',
  path: '/api/admin/accounts/import',
  public: false,
  access: ADMINS,
  summary: '从 Excel 批量开通监管人员账号：任一行有误则不导入；同一文件可重复导入，不会重复开通',
  tags: ['accounts'],
  body: ImportAccountsRequest,
  response: ImportAccountsResponse,
});

export const accountsManifest = defineContext({
  context: 'accounts',
  entry: 'functions/accounts/handler.ts',
  description: 'regulator accounts: opening (form, Excel import), disabling, password reset; portal figure',
  routes: [
    getRegulatorCounts,
    listAccounts,
    createAccount,
    disableAccount,
    enableAccount,
    resetAccountPassword,
    getAccountImportTemplate,
    importAccounts,
  ],
  subscriptions: [],
  schedules: [],
  grants: { table: { write: ['accounts', 'loginClaims', 'accountCounters', 'sessions', 'audit'] } },
  // Opening accounts hashes initial passwords with scrypt (32 MiB, CPU-bound): a whole vCPU at 1769 MB.
  memoryMb: 1769,
});
