/**
 * Contracts of the register import (导出清单模板 / 导入清单文件): the 6,000+ units gathered from the old
 * systems come in as one Excel 清单 per batch of work. The file is uploaded as an attachment first (presigned
 * POST, purpose `register-import`), then an import job is started on it; the job validates every row, writes
 * the valid ones in batches and keeps its progress and the first row errors for the page to poll, with the full
 * error report as a downloadable sheet.
 */
import * as z from 'zod/mini';
import { SpreadsheetFile } from './spreadsheet';
import { pageQueryFields } from './paging';

/** The purpose an attachment must be uploaded with to be imported. */
export const REGISTER_IMPORT_PURPOSE = 'register-import';
/** Largest 清单 the import takes. */
export const REGISTER_IMPORT_MAX_FILE_BYTES = 10 * 1024 * 1024;
/** Data rows (not counting the header) one file may hold. */
export const REGISTER_IMPORT_MAX_ROWS = 8000;
/** Row errors kept on the job for the page; the report sheet has every one. */
export const REGISTER_IMPORT_ERRORS_SHOWN = 200;

/** The enterprise columns of the 清单, in the template's order: the seed's 新增企业 form. */
export const REGISTER_ENTERPRISE_COLUMNS = [
  '单位名称',
  '行政区划',
  '单位类型',
  '登记状态',
  '注册号',
  '统一社会信用代码',
  '注册资本(万人民币)',
  '法定代表人(责任人)',
  '联系电话',
  '注册时间',
  '核准日期',
  '经营期限自',
  '经营期限至',
  '登记机关',
  '(住所)营业场所',
  '经营范围',
  '从业环节',
] as const;
/** Optional: the licence of the row's first 从业环节 (its name is that segment's licence name). */
export const REGISTER_LICENCE_COLUMNS = ['许可证编号', '发证机关', '有效起始日期', '有效截止日期'] as const;
export const REGISTER_IMPORT_COLUMNS = [...REGISTER_ENTERPRISE_COLUMNS, ...REGISTER_LICENCE_COLUMNS] as const;
export type RegisterImportColumn = (typeof REGISTER_IMPORT_COLUMNS)[number];

export const IMPORT_JOB_STATUSES = ['queued', 'running', 'done', 'failed'] as const;
export type ImportJobStatus = (typeof IMPORT_JOB_STATUSES)[number];
export const IMPORT_JOB_STATUS_NAMES: Record<ImportJobStatus, string> = {
  queued: '排队中',
  running: '导入中',
  done: '已完成',
  failed: '导入失败',
};

const idPattern = (label: string) =>
  z
    .string({ error: `请提供${label}` })
    .check(
      z.trim(),
      z.minLength(1, { error: `请提供${label}` }),
      z.maxLength(80, { error: `${label}不正确` }),
      z.regex(/^[\w-]+$/, { error: `${label}不正确` }),
    );

export const StartRegisterImportRequest = z
  .object({
    attachmentId: idPattern('导入文件编号').check(z.describe('已上传（purpose = register-import）的清单文件')),
  })
  .check(z.meta({ id: 'StartRegisterImportRequest' }));
export type StartRegisterImportRequest = z.infer<typeof StartRegisterImportRequest>;

export const RegisterImportParams = z.object({ importId: idPattern('导入任务编号') });

export const RegisterImportListQuery = z
  .object({
    ...pageQueryFields({ max: 50, fallback: 10 }),
  })
  .check(z.meta({ id: 'RegisterImportListQuery' }));
export type RegisterImportListQuery = z.output<typeof RegisterImportListQuery>;

export const RegisterImportRowError = z
  .object({
    /** The spreadsheet's row number (the header is row 1). */
    row: z.number().check(z.int()),
    messages: z.array(z.string()),
  })
  .check(z.meta({ id: 'RegisterImportRowError' }));
export type RegisterImportRowError = z.infer<typeof RegisterImportRowError>;

/** An import job as its requester sees it: progress, outcome counts, the first row errors. */
export const RegisterImportJob = z
  .object({
    importId: z.string(),
    fileName: z.string(),
    status: z.enum(IMPORT_JOB_STATUSES),
    /** Data rows in the file (0 until the file has been read). */
    total: z.number().check(z.int()),
    /** Rows dealt with so far: created + duplicates + failed. */
    processed: z.number().check(z.int()),
    /** Rows put on the register by this import. */
    created: z.number().check(z.int()),
    /** Rows already on the register (same 统一社会信用代码, or an earlier run of the same row): not imported again. */
    duplicates: z.number().check(z.int()),
    /** Rows with errors: not imported. */
    failed: z.number().check(z.int()),
    /** The first row errors (the report has them all). */
    errors: z.array(RegisterImportRowError),
    /** The error report can be downloaded (the job is done). */
    hasReport: z.boolean(),
    /** Why a failed job failed. */
    message: z.optional(z.string()),
    createdAt: z.string(),
    finishedAt: z.optional(z.string()),
  })
  .check(z.meta({ id: 'RegisterImportJob' }));
export type RegisterImportJob = z.infer<typeof RegisterImportJob>;

export const RegisterImportPage = z
  .object({
    /** Newest first; `errors` are left out of the list (open a job for them). */
    items: z.array(RegisterImportJob),
    cursor: z.nullable(z.string()),
  })
  .check(z.meta({ id: 'RegisterImportPage' }));
export type RegisterImportPage = z.infer<typeof RegisterImportPage>;

/** A spreadsheet travelling inside JSON: the template, the error report. */
export const RegisterImportFile = SpreadsheetFile;
export type RegisterImportFile = SpreadsheetFile;
