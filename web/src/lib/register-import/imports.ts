import type { AccountNoticeFile } from '$shared/api/accounts';
/**
 * 企业信息导入's calls to the API (functions/imports/manifest.ts) and how a job reads on the page. The 清单 goes to
 * S3 through the attachments module first; the import then runs on the server, batch by batch, and the page polls
 * the job for its progress.
 */
import {
  IMPORT_JOB_STATUS_NAMES,
  REGISTER_IMPORT_MAX_FILE_BYTES,
  type RegisterImportFile,
  type RegisterImportJob,
  type RegisterImportPage,
} from '$shared/api/imports';
import { api } from '$lib/api/client';

export const IMPORTS_PATH = '/api/register/imports';
export const PAGE_SIZE = 10;
/** How often a running import is asked for its progress. */
export const POLL_MS = 1000;

export const fetchTemplate = () => api.get<RegisterImportFile>(`${IMPORTS_PATH}/template`);

export const startImport = (attachmentId: string) => api.post<RegisterImportJob>(IMPORTS_PATH, { attachmentId });

export const getImport = (importId: string, signal?: AbortSignal) =>
  api.get<RegisterImportJob>(`${IMPORTS_PATH}/${encodeURIComponent(importId)}`, signal ? { signal } : {});

/** The 开通通知 of the units an import added: each unit's one-time password, delivered once. */
export const fetchAccountNotice = (importId: string) =>
  api.get<AccountNoticeFile>(`${IMPORTS_PATH}/${encodeURIComponent(importId)}/account-notice`);

export const fetchReport = (importId: string) =>
  api.get<RegisterImportFile>(`${IMPORTS_PATH}/${encodeURIComponent(importId)}/report`);

export function listImports(cursor?: string, signal?: AbortSignal): Promise<RegisterImportPage> {
  const q = new URLSearchParams({ limit: String(PAGE_SIZE) });
  if (cursor) q.set('cursor', cursor);
  return api.get<RegisterImportPage>(`${IMPORTS_PATH}?${q}`, signal ? { signal } : {});
}

/** Why a chosen file can't be imported, before it is uploaded; null when it can. */
export function fileProblem(file: File): string | null {
  if (!/\.xlsx$/i.test(file.name)) return '请选择 .xlsx 格式的 Excel 文件（可先导出清单模板）';
  if (file.size === 0) return '所选文件是空的，请重新选择';
  if (file.size > REGISTER_IMPORT_MAX_FILE_BYTES) return '文件不能超过 10 MB，请拆分后分批导入';
  return null;
}

export const isFinished = (j: Pick<RegisterImportJob, 'status'>) => j.status === 'done' || j.status === 'failed';

export const statusName = (j: Pick<RegisterImportJob, 'status'>) => IMPORT_JOB_STATUS_NAMES[j.status];

export function statusTone(
  j: Pick<RegisterImportJob, 'status' | 'failed'>,
): 'success' | 'warning' | 'danger' | undefined {
  if (j.status === 'failed') return 'danger';
  if (j.status === 'done') return j.failed > 0 ? 'warning' : 'success';
  return undefined;
}

/** 已处理 x / y，新增 a，已存在 b，错误 c. */
export function progressText(j: RegisterImportJob): string {
  if (j.status === 'queued') return '排队中，正在读取文件…';
  if (j.status === 'failed' && j.total === 0) return `导入失败：${j.message ?? ''}`;
  return `已处理 ${j.processed} / ${j.total}，新增 ${j.created}，已存在 ${j.duplicates}，错误 ${j.failed}`;
}

/** 0–100, for the progress bar. */
export const percentOf = (j: Pick<RegisterImportJob, 'processed' | 'total' | 'status'>) =>
  j.status === 'done' ? 100 : j.total > 0 ? Math.min(100, Math.floor((j.processed / j.total) * 100)) : 0;
