/**
 * Demo data of 登记 and 一公开, written after the demo's inspection tasks (H3's seed step): of the tasks whose
 * 计划开始 has passed, about half are registered to the end and completed on their planned day — a fifth of those
 * with one or two 不满足 items and their evidence (attachment metadata: the photos themselves are not in the demo
 * bucket) — and those completed more than 20 working days ago are published, as the daily job would have; a
 * few recent ones are published by hand. About a fifth are left partly registered. Everything goes through the
 * domain functions (answers, completion with its event, publication), deterministically (a hash of the task id).
 */
import type { Regulator } from '../lib/auth/principal';
import { completeTask } from '../inspections/completion';
import { publishByHand, publishDueResults } from '../inspections/publication';
import { saveAnswer, taskItems } from '../inspections/registration';
import type { TaskRecord } from '../inspections/task-scope';
import type { Store } from '../store';
import { hashSeed, mulberry32 } from './rng';

const FINDINGS = [
  '危险化学品仓库未设置明显的安全警示标志',
  '出入库台账记录不完整，缺少购买单位信息',
  '部分从业人员未取得岗位安全培训合格证明',
  '消防器材过期未检，未按规定配置防爆器材',
  '储存场所未按规定分区、分类存放',
];

export interface RecordsSeedSummary {
  completed: number;
  published: number;
  partial: number;
}

/** The seeded tasks still open, in id order (BatchGets of 100). */
async function openTasks(store: Store, taskIds: readonly string[]): Promise<TaskRecord[]> {
  const found: TaskRecord[] = [];
  for (let i = 0; i < taskIds.length; i += 100) {
    const keys = taskIds.slice(i, i + 100).map((taskId) => ({ taskId }));
    const { data } = await store.inspectionTasks.get(keys).go();
    found.push(...(data as TaskRecord[]).filter((t) => t.status === 'open'));
  }
  return found.sort((a, b) => (a.taskId < b.taskId ? -1 : 1));
}

const asOfficer = (t: TaskRecord, o: { officerId: string; name: string }): Regulator =>
  ({
    kind: 'regulator',
    accountId: o.officerId,
    sessionId: 'seed',
    login: o.officerId,
    name: o.name,
    stage: 'active',
    department: t.department,
    regionCode: t.regionCode,
    categories: [t.category],
    roles: ['inspector'],
    category: t.category,
  }) as Regulator;

/** Evidence photos as an upload leaves them (uploaded, the officer's own), ready to be linked by the answer. */
async function evidence(store: Store, officerId: string, taskId: string, seq: number): Promise<string> {
  const attachmentId = `att-${hashSeed('evidence', taskId, seq).toString(16).padStart(8, '0')}${'0'.repeat(24)}`;
  await store.attachments
    .put({
      attachmentId,
      key: `attachments/regulator/${officerId}/inspection-evidence/${attachmentId}/现场照片${seq}.jpg`,
      purpose: 'inspection-evidence',
      fileName: `现场照片${seq}.jpg`,
      contentType: 'image/jpeg',
      size: 245_760,
      status: 'uploaded',
      uploadedBy: officerId,
    })
    .go();
  return attachmentId;
}

export async function seedInspectionRecords(
  store: Store,
  today: string,
  taskIds: readonly string[],
): Promise<RecordsSeedSummary> {
  const summary: RecordsSeedSummary = { completed: 0, published: 0, partial: 0 };
  const ctx = { requestId: 'seed-inspection-records', sourceIp: '127.0.0.1' };
  for (const t of await openTasks(store, taskIds)) {
    // Only what nobody has touched: a restarted seed, or a task registered by hand since, is left alone.
    if (t.plannedStart > today || !t.officers?.length || t.answeredCount > 0) continue;
    const rng = mulberry32(hashSeed('inspection-record', t.taskId));
    const roll = rng();
    if (roll >= 0.7) continue; // left as it is: nothing registered yet
    const items = await taskItems(store, t);
    const full = roll < 0.5;
    const answering = full ? items : items.slice(0, Math.max(1, Math.floor(items.length / 2)));
    // Planned in the past: registered on the planned end day (09:00 Shanghai), item by item.
    const day = t.plannedEnd <= today ? t.plannedEnd : today;
    const at = (minute: number) => () => new Date(Date.parse(`${day}T09:00:00+08:00`) + minute * 60_000);
    const withFindings = full && rng() < 0.3;
    for (const [i, item] of answering.entries()) {
      const officer = t.officers[i % t.officers.length]!;
      const p = asOfficer(t, officer);
      const unsatisfied = withFindings && (i === 1 || (i === 3 && rng() < 0.5));
      const result = unsatisfied ? 'unsatisfied' : rng() < 0.1 ? 'not-applicable' : 'satisfied';
      await saveAnswer(
        store,
        p,
        t.taskId,
        item.seq,
        unsatisfied
          ? {
              result,
              description: FINDINGS[Math.floor(rng() * FINDINGS.length)]!,
              attachmentIds: [await evidence(store, officer.officerId, t.taskId, item.seq)],
            }
          : { result, attachmentIds: [] },
        ctx,
        at(i * 6),
      );
    }
    if (!full) {
      summary.partial++;
      continue;
    }
    const lead = asOfficer(t, t.officers[0]!);
    await completeTask(store, lead, t.taskId, ctx, at(answering.length * 6 + 5));
    summary.completed++;
    // A few recent ones published early by hand; the rest wait for the daily job below.
    if (rng() < 0.25) {
      await publishByHand(store, lead, t.taskId, ctx, at(answering.length * 6 + 30));
      summary.published++;
    }
  }
  // What the daily job would have published by today: every result past its 20 working days.
  const job = await publishDueResults(store, new Date(`${today}T02:00:00+08:00`), 'seed-publication');
  summary.published += job.published;
  return summary;
}
