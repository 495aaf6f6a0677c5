import {
  OpenedAccountResponse,
  AccountIdParams,
  AccountPage,
  AccountView,
  CreateRegulatorAccountRequest,
  ListAccountsQuery,
  RegulatorCountsResponse,
  ResetPasswordResponse,
} from '../../shared/api/accounts';
import { ACCOUNT_ADMINS } from '../lib/accounts/scope';
import { defineContext, defineRoute } from '../lib/wiring';

/**
 * The accounts context: opening and administering regulator accounts (系统管理员 everywhere, 部门管理员
 * within their department and jurisdiction — enforced by the domain code), and the portal's public figure
 * "监管人员开通数量". The Excel import of the seed's collected spreadsheet is the `account-sheets` context's.
 */
const ADMINS = ACCOUNT_ADMINS;

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
  readOnly: true,
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
  summary: '开通监管人员账号（账号为手机号码；返回一次性初始密码，仅显示一次，72 小时内有效）',
  tags: ['accounts'],
  body: CreateRegulatorAccountRequest,
  response: OpenedAccountResponse,
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
  summary: '重置密码：生成一次性密码（仅显示一次，72 小时内有效），下次登录必须修改；并使其登录失效',
  tags: ['accounts'],
  params: AccountIdParams,
  response: ResetPasswordResponse,
});

export const accountsManifest = defineContext({
  context: 'accounts',
  entry: 'functions/accounts/handler.ts',
  description: 'regulator accounts: opening (form), disabling, password reset; portal figure',
  routes: [getRegulatorCounts, listAccounts, createAccount, disableAccount, enableAccount, resetAccountPassword],
  subscriptions: [],
  schedules: [],
  grants: { table: { write: ['accounts', 'loginClaims', 'accountCounters', 'sessions', 'audit'] } },
  // Opening accounts hashes initial passwords with scrypt (32 MiB, CPU-bound): a whole vCPU at 1769 MB.
  memoryMb: 1769,
});
