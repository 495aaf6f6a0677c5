import { AccountImportTemplate, ImportAccountsRequest, ImportAccountsResponse } from '../../shared/api/accounts';
import { ACCOUNT_ADMINS } from '../lib/accounts/scope';
import { defineContext, defineRoute } from '../lib/wiring';

/**
 * The account sheets context: the Excel side of opening regulator accounts — the import template and the
 * import of the seed's collected spreadsheet (监管人员汇总统一开通). Its own function so that ExcelJS, the
 * bulk of any bundle that carries it, stays out of the accounts context's; same routes, same rules
 * (functions/lib/accounts/ opens the accounts for both).
 */
const ADMINS = ACCOUNT_ADMINS;

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

export const accountSheetsManifest = defineContext({
  context: 'account-sheets',
  entry: 'functions/account-sheets/handler.ts',
  description: 'regulator accounts from Excel: the import template and the all-or-nothing import',
  routes: [getAccountImportTemplate, importAccounts],
  subscriptions: [],
  schedules: [],
  grants: { table: { write: ['accounts', 'loginClaims', 'accountCounters', 'sessions', 'audit'] } },
  // Opening accounts hashes initial passwords with scrypt (32 MiB, CPU-bound): a whole vCPU at 1769 MB.
  memoryMb: 1769,
});
