import { AccountNoticeFile } from '../../shared/api/accounts';
import {
  RegisterImportFile,
  RegisterImportJob,
  RegisterImportListQuery,
  RegisterImportPage,
  RegisterImportParams,
  StartRegisterImportRequest,
} from '../../shared/api/imports';
import { RegisterImportBatchRequested, RegisterImportRequested } from '../../shared/events/imports';
import { defineContext, defineRoute } from '../lib/wiring';

export const IMPORTS_CONTEXT = 'imports';

/**
 * The register import (企业信息导入: 导出清单模板 / 导入清单文件), its own function so ExcelJS stays out of the
 * register's bundle. 系统管理员 import anywhere, 部门管理员 within their jurisdiction (rows outside it are
 * refused one by one). The work runs on the bus, a batch of rows per event; the page polls the job.
 */
const ADMINS = { kind: 'regulator', roles: ['sys-admin', 'dept-admin'] } as const;

export const getRegisterImportTemplate = defineRoute({
  operationId: 'getRegisterImportTemplate',
  method: 'GET',
  path: '/api/register/imports/template',
  public: false,
  access: ADMINS,
  summary: '导出清单模板：企业信息导入清单（.xlsx，base64 编码于 JSON 中），附填写说明',
  tags: ['imports'],
  response: RegisterImportFile,
});

export const startRegisterImport = defineRoute({
  operationId: 'startRegisterImport',
  method: 'POST',
  path: '/api/register/imports',
  public: false,
  access: ADMINS,
  summary: '导入清单文件：对已上传的清单开始导入（逐行校验，分批写入登记册；同一文件只导入一次）',
  tags: ['imports'],
  body: StartRegisterImportRequest,
  response: RegisterImportJob,
  successStatus: 202,
});

export const listRegisterImports = defineRoute({
  operationId: 'listRegisterImports',
  method: 'GET',
  path: '/api/register/imports',
  public: false,
  access: ADMINS,
  readOnly: true,
  summary: '本人最近的企业信息导入（新的在前，分页）',
  tags: ['imports'],
  query: RegisterImportListQuery,
  response: RegisterImportPage,
});

export const getRegisterImport = defineRoute({
  operationId: 'getRegisterImport',
  method: 'GET',
  path: '/api/register/imports/{importId}',
  public: false,
  access: ADMINS,
  readOnly: true,
  summary: '导入进度：已处理、新增、已存在、错误行数，及前 200 条错误',
  tags: ['imports'],
  params: RegisterImportParams,
  response: RegisterImportJob,
});

export const getRegisterImportReport = defineRoute({
  operationId: 'getRegisterImportReport',
  method: 'GET',
  path: '/api/register/imports/{importId}/report',
  public: false,
  access: ADMINS,
  summary: '下载错误报告（.xlsx：原行号、该行内容、错误原因）',
  tags: ['imports'],
  params: RegisterImportParams,
  response: RegisterImportFile,
});

export const getRegisterImportAccountNotice = defineRoute({
  operationId: 'getRegisterImportAccountNotice',
  method: 'GET',
  path: '/api/register/imports/{importId}/account-notice',
  public: false,
  access: ADMINS,
  summary: '下载开通通知（.xlsx：导入新增单位的登录账号与一次性密码；每条只能下载一次，72 小时内有效）',
  tags: ['imports'],
  params: RegisterImportParams,
  response: AccountNoticeFile,
});

export const importsManifest = defineContext({
  context: IMPORTS_CONTEXT,
  entry: 'functions/imports/handler.ts',
  description: 'bulk import of the enterprise register from the Excel 清单: template, checks, batches, error report',
  routes: [
    getRegisterImportTemplate,
    startRegisterImport,
    listRegisterImports,
    getRegisterImport,
    getRegisterImportReport,
    getRegisterImportAccountNotice,
  ],
  subscriptions: [
    {
      name: 'readRegisterImport',
      events: [RegisterImportRequested],
      description: 'read and check the uploaded 清单, then ask for the first batch',
    },
    {
      name: 'writeRegisterImportBatch',
      events: [RegisterImportBatchRequested],
      description: 'write one batch of checked rows to the register, then ask for the next (or write the report)',
    },
  ],
  schedules: [],
  publishes: [RegisterImportRequested, RegisterImportBatchRequested],
  grants: {
    table: {
      write: [
        'importJobs',
        'attachments',
        'enterprises',
        'enterpriseListings',
        'licences',
        'creditCodeClaims',
        'enterpriseCounters',
        'sessions',
        'audit',
        'outboxEvents',
        // A unit the register adds gets its login (account, login claim) and 开通通知 in the same transaction.
        'accounts',
        'loginClaims',
        'accountNotices',
      ],
    },
    attachments: 'readwrite',
  },
  // ExcelJS holds a whole workbook in memory, and reading and checking a full 清单 (6,000 rows took ~3 s on a
  // shared dev machine; 8,000 is the cap) must stay well inside the 10 s timeout: a whole vCPU at 1769 MB.
  memoryMb: 1769,
});
