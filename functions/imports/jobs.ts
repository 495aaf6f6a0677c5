/**
 * Reading import jobs: the progress the page polls, the caller's recent imports, the error report. A job is
 * seen by whoever started it, and by a 系统管理员; to anyone else it does not exist.
 */
import { withCursor } from '../lib/paging';
import type { RegisterImportFile, RegisterImportJob, RegisterImportListQuery } from '../../shared/api/imports';
import { conflict, notFound } from '../lib/http/errors';
import { XLSX_CONTENT_TYPE } from '../lib/spreadsheet';
import type { Store } from '../store';
import type { ImportFiles } from './files';
import type { ImportJob } from './run';
import type { Regulator } from './start';
import { reportFilename } from './template';
import { noticesOfBatch } from '../lib/accounts/enterprise-login';
import { noticeFile, NOTICES_PER_FILE } from '../lib/accounts/notice-file';

export type ImportJobView = RegisterImportJob;

export function jobView(j: ImportJob, withErrors = true): ImportJobView {
  return {
    importId: j.importId,
    fileName: j.fileName,
    status: j.status,
    total: j.total,
    processed: j.processed,
    created: j.created,
    duplicates: j.duplicates,
    failed: j.failed,
    errors: withErrors ? (j.errors ?? []).map((e) => ({ row: e.row, messages: [...e.messages] })) : [],
    hasReport: Boolean(j.reportKey),
    ...(j.message ? { message: j.message } : {}),
    createdAt: j.createdAt,
    ...(j.finishedAt ? { finishedAt: j.finishedAt } : {}),
  };
}

const mayRead = (p: Regulator, j: ImportJob) => j.requestedBy === p.accountId || p.roles.includes('sys-admin');

async function load(store: Store, p: Regulator, importId: string): Promise<ImportJob> {
  const { data } = await store.importJobs.get({ importId }).go({ consistent: true });
  if (!data || !mayRead(p, data)) throw notFound('导入任务不存在');
  return data;
}

export async function getImport(store: Store, p: Regulator, importId: string): Promise<ImportJobView> {
  return jobView(await load(store, p, importId));
}

/** The caller's imports, newest first: one Query on gsi2 per page. */
export async function listImports(store: Store, p: Regulator, q: RegisterImportListQuery) {
  const page = await withCursor(q.cursor, () =>
    store.importJobs.query
      .byRequester({ requestedBy: p.accountId })
      .go({ order: 'desc', limit: q.limit, cursor: q.cursor ?? null }),
  );
  return { items: page.data.map((j) => jobView(j, false)), cursor: page.cursor ?? null };
}

/** The error report of a finished import, as a file inside JSON (like the template). */
export async function importReport(
  store: Store,
  files: ImportFiles,
  p: Regulator,
  importId: string,
): Promise<RegisterImportFile> {
  const job = await load(store, p, importId);
  if (!job.reportKey) {
    throw job.status === 'failed'
      ? conflict(`该导入未能完成，没有错误报告：${job.message ?? ''}`)
      : conflict('导入尚未完成，完成后即可下载错误报告');
  }
  const content = await files.get(job.reportKey);
  if (!content) throw notFound('错误报告不存在，请重新导入');
  return {
    filename: reportFilename(job.fileName),
    contentType: XLSX_CONTENT_TYPE,
    contentBase64: content.toString('base64'),
  };
}

/**
 * The import's 开通通知: the one-time passwords of the units it added (enterprise-login.ts), up to
 * NOTICES_PER_FILE per file — each delivered once, to whoever may read the job.
 */
export async function importAccountNotice(store: Store, p: Regulator, importId: string) {
  const job = await load(store, p, importId);
  const batch = `import:${job.importId}`;
  const { enterpriseIds, more } = await noticesOfBatch(store, batch, NOTICES_PER_FILE);
  const base = job.fileName.replace(/\.xlsx$/i, '');
  return noticeFile(store, enterpriseIds, `${base}-开通通知.xlsx`, more);
}
