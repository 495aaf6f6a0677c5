/**
 * 一公开 (issue 10 §8): each completed inspection's result is public on the portal within 20 working days.
 *
 * - Completing a task writes its deadline (`inspectionPublicationDue`, sparse `due` index, by date).
 * - The daily job (`publishInspectionResults`) reads the due index up to today and publishes each; 公开 on the
 *   登记 page publishes one earlier by hand.
 * - Publishing is ONE transaction: the public result and its name-index twin (created only if absent), the
 *   deadline removed, `publishedAt` on the task (only if completed and not yet published) and the audit record.
 *   Twice — the job and the button at once, or the job delivered twice — publishes once; the second sees the
 *   condition fail and answers what the first did.
 * - The public row holds only what may be public: 检查对象, 统一社会信用代码, 检查事项, 检查部门, 检查日期 and the
 *   NUMBER of items found wanting — never which, nor what was written or attached.
 */
import { createWriteTransaction, type EntityItem } from 'electrodb';
import { resultText, type PublicResult, type PublicResultsQuery } from '../../shared/api/inspection-records';
import { auditFrom, SYSTEM_ACTOR, transactWithAudit, type AuditEntryInput } from '../lib/audit';
import type { Regulator } from '../lib/auth/principal';
import { conflict, forbidden } from '../lib/http/errors';
import { withCursor } from '../lib/paging';
import { isConditionFailure } from './task-writes';
import { itemsOf } from '../lib/transactions';
import type { Store } from '../store';
import { mayPublish, type RequestContext } from './registration';
import { readTaskPartition } from './task-partition';
import { taskNotFound, taskVisibleTo, type TaskRecord } from './task-scope';
import { nextDay, shanghaiDay } from './working-days';

type ResultRecord = Parameters<Store['inspectionResults']['create']>[0];

/** The public row of a completed task. */
export function publicRow(t: TaskRecord, publishedAt: string): ResultRecord {
  const agreed = (t.joint?.departments ?? []).filter((d) => d.answer === 'agreed').map((d) => d.department);
  return {
    taskId: t.taskId,
    kind: t.kind,
    enterpriseName: t.enterpriseName,
    ...(t.uscc ? { uscc: t.uscc } : {}),
    title: t.title,
    checklistName: t.checklist.name,
    category: t.category,
    department: t.department,
    departments: [...new Set([t.department, ...agreed])],
    checkDate: shanghaiDay(t.completedAt ?? publishedAt),
    unsatisfiedCount: t.unsatisfiedCount,
    itemCount: t.checklist.itemCount,
    ...(t.drawId ? { drawId: t.drawId } : {}),
    publishedAt,
  };
}

/**
 * Publish one completed task (idempotent). Returns its publishedAt; `undefined` when the task is not
 * (any more) publishable — deleted or not completed — which only the job meets (the route checks first).
 */
async function publish(
  store: Store,
  taskId: string,
  audit: Pick<AuditEntryInput, 'actor' | 'sourceIp' | 'requestId'>,
  at: Date,
): Promise<string | undefined> {
  const { task: t } = await readTaskPartition(store, taskId, { consistent: true });
  if (!t || t.status !== 'completed') return undefined;
  if (t.publishedAt) return t.publishedAt;
  const publishedAt = at.toISOString();
  const row = publicRow(t, publishedAt);
  const mine = itemsOf(
    createWriteTransaction(
      {
        results: store.inspectionResults,
        names: store.inspectionResultNames,
        due: store.inspectionPublicationDue,
        tasks: store.inspectionTasks,
      },
      ({ results, names, due, tasks }) => [
        tasks
          .patch({ taskId })
          .set({ publishedAt })
          .where((a, op) => `${op.eq(a.status, 'completed')} AND ${op.notExists(a.publishedAt)}`)
          .commit(),
        results.create(row).commit(),
        names
          .create({ taskId, enterpriseName: row.enterpriseName, checkDate: row.checkDate, department: row.department })
          .commit(),
        due.delete({ taskId }).commit(),
      ],
    ),
  );
  try {
    await transactWithAudit(
      store,
      {
        ...audit,
        action: 'inspection.publish',
        object: { type: 'inspectionTask', id: taskId, label: t.enterpriseName },
        outcome: 'success',
        details: { checkDate: row.checkDate, unsatisfiedCount: row.unsatisfiedCount },
      },
      mine,
    );
  } catch (err) {
    if (!isConditionFailure(err)) throw err;
    const again = (await readTaskPartition(store, taskId, { consistent: true })).task;
    if (again?.publishedAt) return again.publishedAt;
    throw err;
  }
  return publishedAt;
}

/** 公开 by hand, before the deadline: its team or its department's regulators who see it. */
export async function publishByHand(
  store: Store,
  p: Regulator,
  taskId: string,
  ctx: RequestContext,
  now: () => Date = () => new Date(),
): Promise<{ taskId: string; publishedAt: string }> {
  const { task: t } = await readTaskPartition(store, taskId, { consistent: true });
  if (!t || t.status === 'deleted' || !taskVisibleTo(p, t)) throw taskNotFound();
  if (!mayPublish(p, t)) throw forbidden('只有检查组成员或检查部门可以公开检查结果');
  if (t.status !== 'completed') throw conflict('检查任务完成后才能公开检查结果');
  const publishedAt = await publish(store, taskId, auditFrom({ principal: p, ...ctx }), now());
  if (!publishedAt) throw taskNotFound();
  return { taskId, publishedAt };
}

/** Tasks published per run at most; what is left waits for the next day's run (each stays due until then). */
const JOB_BATCH = 500;

/**
 * The daily job: publish every completed task whose deadline is today or past (Asia/Shanghai). Reads only
 * the due index; each publication is idempotent, so a repeated or overlapping run publishes nothing twice.
 */
export async function publishDueResults(
  store: Store,
  at: Date,
  jobId: string,
): Promise<{ published: number; skipped: number }> {
  const today = shanghaiDay(at);
  let published = 0;
  let skipped = 0;
  let cursor: string | null = null;
  do {
    const page: { data: { taskId: string }[]; cursor: string | null } = await store.inspectionPublicationDue.query
      .due({ dueKind: 'inspection-publication' })
      // Before tomorrow: every key of today (the sort key goes on with the task id, so `lte` today would miss them).
      .lt({ dueDate: nextDay(today) })
      .go({ cursor, limit: 100 });
    for (const due of page.data) {
      const done = await publish(
        store,
        due.taskId,
        { actor: SYSTEM_ACTOR, sourceIp: '0.0.0.0', requestId: `${jobId}:${due.taskId}` },
        at,
      );
      if (done) published++;
      else {
        // Deleted or no longer completed: nothing to publish; the deadline goes so the next run skips it.
        await store.inspectionPublicationDue.delete({ taskId: due.taskId }).go();
        skipped++;
      }
    }
    cursor = page.cursor;
  } while (cursor && published + skipped < JOB_BATCH);
  return { published, skipped };
}

function view(x: EntityItem<Store['inspectionResults']>): PublicResult {
  return {
    taskId: x.taskId,
    enterpriseName: x.enterpriseName,
    uscc: x.uscc ?? '',
    title: x.title,
    checklistName: x.checklistName,
    kind: x.kind,
    department: x.department,
    departments: x.departments ?? [x.department],
    checkDate: x.checkDate,
    unsatisfiedCount: x.unsatisfiedCount,
    resultText: resultText(x.unsatisfiedCount),
    ...(x.drawId ? { drawId: x.drawId } : {}),
    publishedAt: x.publishedAt,
  };
}

/**
 * The portal's list: newest first; by 统一社会信用代码 (whole), by the beginning of 企业名称, by 检查部门 — each
 * one Query on its index (a department with a code or name narrows that Query with a filter). A name search
 * reads the name index, then the rows (BatchGet).
 */
export async function publicResults(
  store: Store,
  q: PublicResultsQuery,
): Promise<{ items: PublicResult[]; cursor: string | null }> {
  const opts = { limit: q.limit, cursor: q.cursor ?? null, order: 'desc' as const };
  const filtered = { ...opts, count: q.limit, limit: q.limit * 4 };
  const dept: string | undefined = q.department;
  return withCursor(q.cursor, async () => {
    if (q.name) {
      const page = await store.inspectionResultNames.query
        .byName({ feed: 'names' })
        .begins({ enterpriseName: q.name })
        .where((a, op) => (q.department ? op.eq(a.department, dept) : ''))
        .go(q.department ? { ...filtered, order: 'asc' } : { ...opts, order: 'asc' });
      const keys = page.data.map((n) => ({ taskId: n.taskId }));
      const rows = keys.length ? (await store.inspectionResults.get(keys).go()).data : [];
      const byId = new Map(rows.map((r) => [r.taskId, r]));
      return {
        items: page.data.flatMap((n) => {
          const r = byId.get(n.taskId);
          return r ? [view(r)] : [];
        }),
        cursor: page.cursor ?? null,
      };
    }
    const page = q.uscc
      ? await store.inspectionResults.query
          .byCode({ uscc: q.uscc })
          .where((a, op) => (q.department ? op.eq(a.department, dept) : ''))
          .go(q.department ? filtered : opts)
      : q.department
        ? await store.inspectionResults.query.byDepartment({ department: q.department }).go(opts)
        : await store.inspectionResults.query.newest({ feed: 'all' }).go(opts);
    return { items: page.data.map((r) => view(r)), cursor: page.cursor ?? null };
  });
}
