/**
 * Running an import job, one event at a time (the consumers of shared/events/imports.ts):
 *
 *   RegisterImportRequested → read the uploaded 清单, check every row (parse.ts), keep the checked rows beside
 *     the file (`imports/<id>/rows.json`), move the job queued → running with its total, ask for batch 0;
 *     a file that can't be used moves it to failed with the reason.
 *   RegisterImportBatchRequested {offset} → write the valid rows of [offset, offset + BATCH_SIZE) (write.ts),
 *     keep the batch's outcome beside the file, move the job's counts — then ask for the next batch, or, after
 *     the last one, write the error report and finish the job.
 *
 * Each step moves the job in ONE transaction with ONE audit record (`register.import.start`, `.batch`,
 * `.fail`) and the request for the next step in the outbox, conditioned on the job being where the step found
 * it (status, `processed` = the batch's offset, `version`). A step that moved the job has therefore asked for
 * the next one — the two commit together — and an event delivered twice moves nothing twice: the second finds
 * the job moved on and stops, or — running at the same moment — loses the condition and stops; the rows it
 * wrote meanwhile are its twin's (write.ts counts them the same way).
 */
import { itemsOf } from '../lib/transactions';
import type { Logger } from '@aws-lambda-powertools/logger';
import { createWriteTransaction, type EntityItem } from 'electrodb';
import { REGISTER_IMPORT_ERRORS_SHOWN } from '../../shared/api/imports';
import { RegisterImportBatchRequested, type RegisterImportRequested } from '../../shared/events/imports';
import { transactWithAudit, type AuditActor, type AuditEntryInput } from '../lib/audit';
import { outboxItem } from '../lib/events/outbox';
import { SheetError, XLSX_CONTENT_TYPE } from '../lib/spreadsheet';
import { isConditionFailure } from '../lib/register/entry-writes';
import type { Store } from '../store';
import { batchKey, planKey, reportKey, type ImportFiles } from './files';
import { checkRows, readRegisterSheet, UNREADABLE, type CheckedRow } from './parse';
import { buildReport } from './template';
import { writeRows } from './write';

export type ImportJob = EntityItem<Store['importJobs']>;

/** Rows per event: ~100 transactions, a second or two, far inside the function's timeout. */
export const BATCH_SIZE = 100;

export interface ImportDeps {
  store: Store;
  files: ImportFiles;
  logger?: Logger;
  clock?: () => Date;
}

/** What the first step keeps for the batches: the checked rows, and who the import is done for. */
interface ImportPlan {
  importId: string;
  fileName: string;
  actor: RegisterImportRequested['actor'];
  sourceIp: string;
  requestId: string;
  rows: CheckedRow[];
}

/** What a batch learnt that the checked rows don't say: rows that could not be written, rows already there. */
interface BatchOutcome {
  failed: { row: number; messages: string[] }[];
  duplicates: number[];
}

const nowOf = (deps: ImportDeps) => (deps.clock ?? (() => new Date()))();

const loadJob = async (store: Store, importId: string) =>
  (await store.importJobs.get({ importId }).go({ consistent: true })).data;

function auditOf(
  plan: Pick<ImportPlan, 'actor' | 'sourceIp' | 'requestId' | 'importId' | 'fileName'>,
  action: string,
  details: AuditEntryInput['details'],
  outcome: 'success' | 'failure' = 'success',
  reason?: string,
): AuditEntryInput {
  const actor: AuditActor = { kind: 'regulator', ...plan.actor };
  return {
    actor,
    action,
    object: { type: 'registerImport', id: plan.importId, label: plan.fileName },
    outcome,
    ...(reason ? { reason } : {}),
    sourceIp: plan.sourceIp,
    requestId: plan.requestId,
    details,
  };
}

/** A step's change to the job, where the step found it (the condition), and the batch it asks for next. */
interface JobMove {
  set: Partial<Omit<ImportJob, 'importId'>>;
  add?: Partial<Record<'created' | 'duplicates' | 'failed', number>>;
  found: { version: number; status?: ImportJob['status']; processed?: number };
  next?: RegisterImportBatchRequested;
}

/**
 * Commit a job change with its audit record and its request for the next batch; false when the job was no
 * longer where this step found it (and then nothing was written, the request neither).
 */
async function moveJob(deps: ImportDeps, importId: string, entry: AuditEntryInput, move: JobMove): Promise<boolean> {
  const items = itemsOf(
    createWriteTransaction({ jobs: deps.store.importJobs }, ({ jobs }) => [
      jobs
        .patch({ importId })
        .set(move.set)
        .add({ ...move.add, version: 1 })
        .where((a, op) =>
          [
            op.eq(a.version, move.found.version),
            ...(move.found.status ? [op.eq(a.status, move.found.status)] : []),
            ...(move.found.processed !== undefined ? [op.eq(a.processed, move.found.processed)] : []),
          ].join(' AND '),
        )
        .commit(),
    ]),
  );
  if (move.next) items.push(outboxItem(deps.store, RegisterImportBatchRequested, move.next, nowOf(deps)));
  try {
    await transactWithAudit(deps.store, entry, items);
    return true;
  } catch (err) {
    if (isConditionFailure(err)) return false;
    throw err;
  }
}

/** First step: read and check the file, then ask for batch 0 (or fail the job). */
export async function readImport(deps: ImportDeps, detail: RegisterImportRequested): Promise<void> {
  const { store, files } = deps;
  const job = await loadJob(store, detail.importId);
  if (!job) {
    deps.logger?.warn('import job not found', { importId: detail.importId });
    return;
  }
  // Anything but queued: an earlier delivery of this event did the step (and asked for batch 0 with it).
  if (job.status !== 'queued') return;
  const base = { ...detail, fileName: job.fileName };
  const attachment = (await store.attachments.get({ attachmentId: job.attachmentId }).go({ consistent: true })).data;
  const content = attachment ? await files.get(attachment.key) : null;
  let rows: CheckedRow[];
  try {
    if (!content) throw new SheetError(UNREADABLE);
    rows = checkRows(await readRegisterSheet(content), detail.scopePrefix);
  } catch (err) {
    // Whatever ExcelJS makes of a broken file, the person's answer is the same: use the template.
    const message = err instanceof SheetError ? err.message : UNREADABLE;
    if (!(err instanceof SheetError)) deps.logger?.warn('import file unreadable', { error: err as Error });
    await moveJob(deps, job.importId, auditOf(base, 'register.import.fail', { message }, 'failure', message), {
      set: { status: 'failed', message, finishedAt: nowOf(deps).toISOString() },
      found: { status: 'queued', version: job.version },
    });
    return;
  }
  const plan: ImportPlan = { ...base, rows };
  await files.put(planKey(job.importId), JSON.stringify(plan), 'application/json');
  const invalid = rows.filter((r) => !r.entry).length;
  await moveJob(deps, job.importId, auditOf(base, 'register.import.start', { total: rows.length, invalid }), {
    set: { status: 'running', total: rows.length },
    found: { status: 'queued', version: job.version },
    next: { importId: job.importId, offset: 0 },
  });
}

async function readJson<T>(files: ImportFiles, key: string): Promise<T | null> {
  const buf = await files.get(key);
  return buf ? (JSON.parse(buf.toString('utf8')) as T) : null;
}

/** The error report of a finished import: the checked rows' errors plus every batch's outcome. */
async function writeReport(deps: ImportDeps, plan: ImportPlan, last: { offset: number; outcome: BatchOutcome }) {
  const outcomes: BatchOutcome[] = [];
  for (let offset = 0; offset < last.offset; offset += BATCH_SIZE * 10) {
    const offsets = Array.from({ length: 10 }, (_, i) => offset + i * BATCH_SIZE).filter((o) => o < last.offset);
    // A batch whose file is missing (written by a twin that lost) only costs the report its detail.
    const read = await Promise.all(offsets.map((o) => readJson<BatchOutcome>(deps.files, batchKey(plan.importId, o))));
    outcomes.push(...read.filter((o): o is BatchOutcome => o !== null));
  }
  outcomes.push(last.outcome);
  const byRow = new Map(plan.rows.map((r) => [r.row, r]));
  const failed = [
    ...plan.rows.filter((r) => r.errors.length),
    ...outcomes.flatMap((o) =>
      o.failed.map((f) => ({ row: f.row, cells: byRow.get(f.row)!.cells, errors: f.messages })),
    ),
  ];
  const duplicates = outcomes.flatMap((o) => o.duplicates.map((row) => byRow.get(row)!));
  const key = reportKey(plan.importId);
  await deps.files.put(key, await buildReport(failed, duplicates), XLSX_CONTENT_TYPE);
  return key;
}

/** One batch: write its valid rows, keep its outcome, move the job; then the next batch or the end. */
export async function runBatch(deps: ImportDeps, detail: RegisterImportBatchRequested): Promise<void> {
  const { store, files } = deps;
  const job = await loadJob(store, detail.importId);
  if (!job || job.status !== 'running') return;
  // Already done by an earlier delivery, which asked for the next batch in the same transaction.
  if (job.processed !== detail.offset) return;
  const plan = await readJson<ImportPlan>(files, planKey(job.importId));
  if (!plan) throw new Error(`import ${job.importId}: checked rows missing`);
  const slice = plan.rows.slice(detail.offset, detail.offset + BATCH_SIZE);
  const valid = slice.filter((r) => r.entry);
  const results = await writeRows(
    store,
    valid.map((r) => r.entry!),
    job.createdAt,
    deps.logger,
    deps.clock,
    `import:${job.importId}`,
  );
  const outcome: BatchOutcome = { failed: [], duplicates: [] };
  let created = 0;
  valid.forEach((r, i) => {
    const res = results[i]!;
    if (res.kind === 'created') created++;
    else if (res.kind === 'duplicate') outcome.duplicates.push(r.row);
    else outcome.failed.push({ row: r.row, messages: [res.message] });
  });
  await files.put(batchKey(job.importId, detail.offset), JSON.stringify(outcome), 'application/json');

  const failedRows = [
    ...slice.filter((r) => !r.entry).map((r) => ({ row: r.row, messages: r.errors })),
    ...outcome.failed,
  ].sort((a, b) => a.row - b.row);
  const processed = detail.offset + slice.length;
  const final = processed >= plan.rows.length;
  const report = final ? await writeReport(deps, plan, { offset: detail.offset, outcome }) : undefined;
  const counts = { created, duplicates: outcome.duplicates.length, failed: failedRows.length };
  const errors = [...(job.errors ?? []), ...failedRows].slice(0, REGISTER_IMPORT_ERRORS_SHOWN);
  await moveJob(
    deps,
    job.importId,
    auditOf(plan, 'register.import.batch', { offset: detail.offset, rows: slice.length, ...counts, final }),
    {
      set: {
        processed,
        errors,
        ...(final ? { status: 'done' as const, reportKey: report!, finishedAt: nowOf(deps).toISOString() } : {}),
      },
      add: counts,
      found: { processed: detail.offset, version: job.version },
      ...(final ? {} : { next: { importId: job.importId, offset: processed } }),
    },
  );
}
