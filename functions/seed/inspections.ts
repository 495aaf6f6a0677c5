/**
 * Demo inspections (issue 10): a year of tasks over the demo inspectors' departments — 普通 (独立), 双随机 with
 * their draws, 联合 (some awaiting answers, one refused) — all 'open', written through the inspections
 * context's own builders (newTask, taskWriteItems, composeDraw), so they are what the API would have written.
 * H4's seed step completes and publishes some of them: `seedInspections` returns the ids with their kinds.
 * Deterministic from the demo seed; run once, with the rest of the demo data (functions/local/seed.ts).
 */
import { createHash } from 'node:crypto';
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { composeDraw } from '../inspections/draws';
import { newTask } from '../inspections/create';
import type { TaskRecord } from '../inspections/task-scope';
import { newBatchId, taskWriteItems } from '../inspections/task-writes';
import type { DocumentTransactItem } from '../lib/transactions';
import type { Store } from '../store';
import type { DrawResult } from '../../shared/inspections/draw';
import { CATEGORIES, type CategoryCode } from '../../shared/reference/categories';
import type { DepartmentCode } from '../../shared/reference/departments';
import { regionPrefixMatches } from '../../shared/reference/regions';
import type { DemoData, DemoRegulator } from './generate';
import { chance, int, pick, streamOf, type Rng } from './rng';

export interface SeededInspection {
  taskId: string;
  kind: 'independent' | 'random' | 'joint';
}

// STUB until h-checklists merges: the demo tasks use the stub checklists (functions/lib/checklists/read.ts).
const CHECKLIST = {
  independent: {
    ref: { checklistId: 'stub-independent', version: 1, name: '危险化学品经营储存检查清单' },
    itemCount: 5,
  },
  joint: { ref: { checklistId: 'stub-joint', version: 1, name: '危险化学品联合检查清单' }, itemCount: 5 },
};

const TITLES = ['季度安全检查', '节前安全检查', '专项整治检查', '汛期安全检查', '日常监督检查', '隐患排查复查'];

const day = (d: Date) => d.toISOString().slice(0, 10);

export async function seedInspections(
  store: Store,
  data: DemoData,
  opts: { today: string; target?: number },
): Promise<SeededInspection[]> {
  const rng = streamOf('inspections', opts.today);
  const target = opts.target ?? 200;
  const inspectors = data.regulators.filter((r) => r.roles.includes('inspector'));
  const idOf = (r: DemoRegulator) => `reg-${r.mobile}`;
  // Creators: each inspector × their categories, with enterprises of that category in their jurisdiction
  // and at least one more inspector of their department there (a team of ≥ 2).
  const creators = inspectors
    .flatMap((r) =>
      r.categories.map((category) => {
        const enterprises = data.enterprises.filter(
          (e) => regionPrefixMatches(r.regionCode, e.regionCode) && e.segments.some((s) => s.category === category),
        );
        const team = inspectors.filter(
          (o) => o !== r && o.department === r.department && regionPrefixMatches(r.regionCode, o.regionCode),
        );
        return { r, category, enterprises, team };
      }),
    )
    .filter((c) => c.enterprises.length >= 3 && c.team.length >= 2);
  if (creators.length === 0) return [];

  const out: SeededInspection[] = [];
  const today = new Date(`${opts.today}T00:00:00Z`);
  let jointCount = 0;
  for (let n = 0; out.length < target && n < target * 3; n++) {
    const c = creators[n % creators.length]!;
    const p = {
      accountId: idOf(c.r),
      name: c.r.name,
      category: c.category,
      department: c.r.department,
      regionCode: c.r.regionCode,
    };
    const monthsAgo = int(rng, 0, 11);
    const start = new Date(today.getTime() - (monthsAgo * 30 + int(rng, 0, 20)) * 86_400_000);
    const end = new Date(start.getTime() + int(rng, 3, 14) * 86_400_000);
    const createdAt = new Date(start.getTime() - int(rng, 3, 10) * 86_400_000).toISOString();
    const kind = pickKind(rng, c.category, c.r.department);
    const common = {
      batchId: newBatchId(),
      createdAt,
      title: `${start.getUTCFullYear()}年${pick(rng, TITLES)}`,
      plannedStart: day(start),
      plannedEnd: day(end),
      inspectionType: 'full' as const,
      form: chance(rng, 0.2) ? ('covert' as const) : ('open' as const),
      experts: [],
      attachmentIds: [],
    };
    const officers = [
      { officerId: p.accountId, name: p.name },
      ...pickSome(rng, c.team, int(rng, 1, 2)).map((o) => ({ officerId: idOf(o), name: o.name })),
    ];
    const enterpriseOf = (e: DemoData['enterprises'][number]) => ({
      enterpriseId: e.id,
      name: e.name,
      ...(e.creditCode ? { uscc: e.creditCode } : {}),
      regionCode: e.regionCode,
    });

    let tasks: TaskRecord[] = [];
    let extra: DocumentTransactItem[] = [];
    if (kind === 'random') {
      const composed = await composeDraw({
        p,
        enterprisePool: c.enterprises.map((e) => ({ id: e.id, name: e.name, regionCode: e.regionCode })),
        officerPool: [c.r, ...c.team].map((o) => ({ officerId: idOf(o), name: o.name, regionCode: o.regionCode })),
        experts: [],
        officerConflictList: [],
        params: {
          enterpriseQuotas: [{ regionPrefix: '', count: Math.min(3, c.enterprises.length) }],
          officerQuotas: [{ regionPrefix: '', count: Math.min(c.team.length + 1, 4) }],
          teamSize: 2,
          expertCount: 0,
        },
        request: { segments: [], enterprises: { mode: 'count', count: 3 } },
        now: new Date(createdAt),
        random: (bytes) => deterministicBytes(rng, bytes),
      });
      if (!composed.ok) continue;
      const d = composed.record;
      const drawn = d.drawn as { officers: { pseudonym: string; officerId: string; name: string }[] };
      const who = new Map(drawn.officers.map((o) => [o.pseudonym, { officerId: o.officerId, name: o.name }]));
      const byId = new Map(c.enterprises.map((e) => [e.id, e]));
      tasks = (d.result as DrawResult).enterprises.map((r) =>
        newTask(p, {
          ...common,
          kind: 'random',
          enterprise: enterpriseOf(byId.get(r.id)!),
          checklist: CHECKLIST.independent,
          officers: r.officers.map((ps) => who.get(ps)!),
          drawId: d.drawId,
        }),
      );
      extra = [
        {
          Put: store.inspectionDraws.put({ ...d, batchId: common.batchId }).params() as DocumentTransactItem['Put'],
        } as DocumentTransactItem,
      ];
    } else {
      const e = pick(rng, c.enterprises);
      const others = kind === 'joint' ? jointDepartments(rng, c.category as CategoryCode, c.r.department) : [];
      if (kind === 'joint' && others.length === 0) continue;
      const task = newTask(p, {
        ...common,
        kind,
        enterprise: enterpriseOf(e),
        checklist: kind === 'joint' ? CHECKLIST.joint : CHECKLIST.independent,
        officers,
        ...(kind === 'joint' ? { departments: others } : {}),
      });
      // The first joint task has a refusal waiting for the lead, the second waits for answers, then a mix.
      if (task.joint) answerSome(rng, task, inspectors, idOf, jointCount++);
      tasks = [task];
    }
    await store.client.send(
      new TransactWriteCommand({
        TransactItems: [...(taskWriteItems(store, tasks) as DocumentTransactItem[]), ...extra],
      }),
    );
    out.push(...tasks.map((t) => ({ taskId: t.taskId, kind: t.kind })));
  }
  return out;
}

function pickKind(rng: Rng, category: string, department: string): SeededInspection['kind'] {
  const x = rng();
  if (x < 0.55) return 'independent';
  if (x < 0.85) return 'random';
  return CATEGORIES.some((c) => c.code === category && [c.lead, ...c.responsible].some((d) => d !== department))
    ? 'joint'
    : 'independent';
}

function pickSome<T>(rng: Rng, items: readonly T[], n: number): T[] {
  const pool = [...items];
  const out: T[] = [];
  while (out.length < n && pool.length) out.push(pool.splice(int(rng, 0, pool.length - 1), 1)[0]!);
  return out;
}

function jointDepartments(rng: Rng, category: CategoryCode, lead: DepartmentCode): string[] {
  const c = CATEGORIES.find((x) => x.code === category)!;
  const others = [...new Set([c.lead, ...c.responsible])].filter((d) => d !== lead);
  return pickSome(rng, others, Math.min(others.length, int(rng, 1, 2)));
}

/**
 * Most joint tasks are answered by all (→ 'open', the answerer on the team); some wait for answers; exactly
 * one has a refusal waiting for the lead to drop the department or cancel.
 */
function answerSome(
  rng: Rng,
  t: TaskRecord,
  inspectors: readonly DemoRegulator[],
  idOf: (r: DemoRegulator) => string,
  nth: number,
): void {
  const refuse = nth === 0;
  const waiting = refuse || nth === 1 || chance(rng, 0.3);
  const departments = t.joint!.departments!;
  const last = departments.length - 1;
  departments.forEach((d, i) => {
    if (waiting && i === last && !refuse) return; // still 未答复
    const answerer = inspectors.find(
      (r) => r.department === d.department && r.categories.includes(t.category as CategoryCode),
    );
    if (!answerer) return;
    const refused = refuse && i === last;
    Object.assign(d, {
      answer: refused ? 'refused' : 'agreed',
      ...(refused ? { reason: '本部门同期另有专项检查任务，无法派员参加' } : {}),
      answeredBy: idOf(answerer),
      answeredByName: answerer.name,
      answeredAt: t.createdAt,
    });
    if (!refused) t.officers = [...(t.officers ?? []), { officerId: idOf(answerer), name: answerer.name }];
  });
  if (departments.every((d) => d.answer === 'agreed')) t.status = 'open';
}

/** The demo's draws are reproducible: their seeds and salts come from the demo's stream, not from crypto. */
function deterministicBytes(rng: Rng, bytes: number): Buffer {
  return createHash('sha256').update(String(rng())).digest().subarray(0, bytes);
}
