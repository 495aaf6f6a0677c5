/**
 * 导入清单文件: starting an import job on a 清单 the caller has uploaded (an attachment with purpose
 * `register-import`). The job is created with its audit record and the request for its first step (the
 * `RegisterImportRequested` event, in the outbox) in one transaction; the answer (202) is the queued job, which
 * the page then polls.
 *
 * One job per file: the job's id is derived from the attachment's, so a double click — or the same request
 * sent again — finds the job already there and answers it; its first step was asked for when it was created.
 */
import { createHash } from 'node:crypto';
import { REGISTER_IMPORT_MAX_FILE_BYTES, REGISTER_IMPORT_PURPOSE } from '../../shared/api/imports';
import { actorOf, transactWithAudit } from '../lib/audit';
import { itemsOf } from '../lib/transactions';
import type { Regulator } from '../lib/auth/principal';
import { badRequest } from '../lib/http/errors';
import { isConditionFailure } from '../lib/register/entry-writes';
import type { Store } from '../store';
import { createWriteTransaction } from 'electrodb';
import { RegisterImportRequested } from '../../shared/events/imports';
import { outboxItem } from '../lib/events/outbox';
import { jobView, type ImportJobView } from './jobs';
import type { ImportJob } from './run';

export type { Regulator };

/** The job of an uploaded file. */
export const importIdOf = (attachmentId: string) =>
  `imp-${createHash('sha256').update(attachmentId).digest('hex').slice(0, 32)}`;

/** The jurisdiction an administrator may import into: the whole province for a 系统管理员, else their own. */
export const importScopeOf = (p: Regulator): string => (p.roles.includes('sys-admin') ? '35' : p.regionCode);

/** The first step's request: who asked, from where, and the jurisdiction the rows must lie in. */
export const importRequestedOf = (
  p: Regulator,
  importId: string,
  ctx: { sourceIp: string; requestId: string },
): RegisterImportRequested => ({
  importId,
  scopePrefix: importScopeOf(p),
  actor: { accountId: p.accountId, login: p.login, name: p.name, roles: [...p.roles] },
  sourceIp: ctx.sourceIp,
  requestId: ctx.requestId,
});

const refuse = (message: string) => badRequest(message, [{ path: 'body.attachmentId', message }]);

export async function startImport(
  deps: { store: Store },
  p: Regulator,
  attachmentId: string,
  ctx: { sourceIp: string; requestId: string },
  now: Date = new Date(),
): Promise<ImportJobView> {
  const { store } = deps;
  const { data: a } = await store.attachments.get({ attachmentId }).go({ consistent: true });
  // Someone else's file reads as missing: nobody learns what others uploaded.
  if (!a || a.uploadedBy !== p.accountId) throw refuse('导入文件不存在，请重新上传');
  if (a.purpose !== REGISTER_IMPORT_PURPOSE) throw refuse('该文件不是企业信息导入清单，请通过「导入清单文件」上传');
  if (a.status !== 'uploaded') throw refuse('文件尚未上传完成，请稍后再试');
  if (!/\.xlsx$/i.test(a.fileName)) throw refuse('请上传 .xlsx 格式的 Excel 文件（可先导出清单模板）');
  if ((a.size ?? 0) > REGISTER_IMPORT_MAX_FILE_BYTES) throw refuse('文件不能超过 10 MB，请拆分后分批导入');

  const importId = importIdOf(attachmentId);
  const job: ImportJob = {
    importId,
    requestedBy: p.accountId,
    attachmentId,
    fileName: a.fileName,
    status: 'queued',
    total: 0,
    processed: 0,
    created: 0,
    duplicates: 0,
    failed: 0,
    errors: [],
    createdAt: now.toISOString(),
    version: 1,
  };
  let current = job;
  try {
    await transactWithAudit(
      store,
      {
        actor: actorOf(p),
        action: 'register.import.request',
        object: { type: 'registerImport', id: importId, label: a.fileName },
        outcome: 'success',
        sourceIp: ctx.sourceIp,
        requestId: ctx.requestId,
        details: { attachmentId, fileName: a.fileName, scope: importScopeOf(p) },
      },
      [
        ...itemsOf(createWriteTransaction({ jobs: store.importJobs }, ({ jobs }) => [jobs.create(job).commit()])),
        outboxItem(store, RegisterImportRequested, importRequestedOf(p, importId, ctx), now),
      ],
    );
  } catch (err) {
    if (!isConditionFailure(err)) throw err;
    const { data } = await store.importJobs.get({ importId }).go({ consistent: true });
    if (!data) throw err;
    current = data;
  }
  return jobView(current);
}
