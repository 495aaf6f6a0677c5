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
import type { Regulator } from '../lib/auth/principal';
import { readChecklistVersion, type ChecklistKind, type ChecklistVersionRef } from '../lib/checklists/read';
import { checklistVisibleTo } from '../lib/checklists/scope';
import type { Store } from '../store';
import type { DrawResult } from '../../shared/inspections/draw';
import { CATEGORIES, type CategoryCode } from '../../shared/reference/categories';
import type { DepartmentCode } from '../../shared/reference/departments';
import { regionPrefixMatches } from '../../shared/reference/regions';
import { DEMO_CHECKLIST_IDS } from './checklists';
import type { DemoData, DemoRegulator } from './generate';
import { chance, int, pick, streamOf, type Rng } from './rng';

export interface SeededInspection {
  taskId: string;
  kind: 'independent' | 'random' | 'joint';
}

/** A checklist as a task keeps it: the version's reference and its number of items. */
interface TaskChecklist {
  ref: ChecklistVersionRef;
  itemCount: number;
}

/** The demo's checklists (functions/seed/checklists.ts, written before the tasks), current versions. */
async function demoChecklists(store: Store): Promise<TaskChecklist[]> {
  const read = await Promise.all(DEMO_CHECKLIST_IDS.map((id) => readChecklistVersion(store, id, 1)));
  return read.filter((c) => c !== undefined).map((c) => ({ ref: c.ref, itemCount: c.items.length }));
}

/** The first demo list of `kind` that `r` may use on `category`'s platform (as the API would allow). */
function listFor(lists: readonly TaskChecklist[], r: DemoRegulator, category: string, kind: ChecklistKind) {
  const p = { department: r.department, regionCode: r.regionCode, categories: r.categories, category } as Regulator;
  return lists.find((l) => l.ref.kind === kind && l.ref.category === category && checklistVisibleTo(p, l.ref));
}

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
  const lists = await demoChecklists(store);
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
        const checklists = {
          independent: listFor(lists, r, category, 'independent'),
          joint: listFor(lists, r, category, 'joint'),
        };
        return { r, category, enterprises, team, checklists };
      }),
    )
    // Only where the demo has a checklist the inspector may use: a task keeps a copy of a real one.
    .filter((c) => c.enterprises.length >= 3 && c.team.length >= 2 && c.checklists.independent);
  if (creators.length === 0) return [];

  const out: SeededInspection[] = [];
  const today = new Date(`${opts.today}T00:00:00Z`);
  let jointCount = 0;
  let refused = false;
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
    const picked = pickKind(rng, c.category, c.r.department);
    const kind = picked === 'joint' && !c.checklists.joint ? 'independent' : picked;
    const independentList = c.checklists.independent!;
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
          checklist: independentList,
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
        checklist: kind === 'joint' ? c.checklists.joint! : independentList,
        officers,
        ...(kind === 'joint' ? { departments: others } : {}),
      });
      // The first joint task has a refusal waiting for the lead, the second waits for answers, then a mix.
      if (task.joint) refused = answerSome(rng, task, inspectors, idOf, jointCount++, !refused) || refused;
      tasks = [task];
    }
    await store.client.send(
      new TransactWriteCommand({
        TransactItems: [...(taskWriteItems(store, tasks) as DocumentTransactItem[]), ...extra],
      }),
    );
    out.push(...tasks.map((t) => ({ taskId: t.taskId, kind: t.kind })));
  }
  out.push(...(await inviteLocalInspectors(store, rng, inspectors, data.enterprises, lists, idOf, today)));
  return out;
}

/**
 * Every demo inspector below the province (the README's city and county logins) finds a 联合检查 invitation
 * waiting in 联合检查任务, 待办事项 and the inbox: a joint task led by another department on an enterprise of their
 * jurisdiction, awaiting their department's answer — where the draw above happened to make none.
 */
async function inviteLocalInspectors(
  store: Store,
  rng: Rng,
  inspectors: readonly DemoRegulator[],
  enterprises: DemoData['enterprises'],
  lists: readonly TaskChecklist[],
  idOf: (r: DemoRegulator) => string,
  today: Date,
): Promise<SeededInspection[]> {
  const out: SeededInspection[] = [];
  const invited = new Set<string>();
  for (const invitee of inspectors.filter((r) => r.regionCode.length > 2)) {
    if (invited.has(`${invitee.department}:${invitee.regionCode}`)) continue;
    // A lead the API would accept: another department's inspector of a category both work in, whose department
    // may invite the invitee's to it, with a colleague in their jurisdiction (a team of 2) and a joint list.
    const lead = invitee.categories.flatMap((category) => {
      const cat = CATEGORIES.find((k) => k.code === category)!;
      if (!([cat.lead, ...cat.responsible] as string[]).includes(invitee.department)) return [];
      return inspectors.flatMap((r) => {
        if (r.department === invitee.department || !r.categories.includes(category)) return [];
        const mate = inspectors.find(
          (o) => o !== r && o.department === r.department && regionPrefixMatches(r.regionCode, o.regionCode),
        );
        const list = listFor(lists, r, category, 'joint');
        const e = enterprises.find(
          (x) =>
            regionPrefixMatches(invitee.regionCode, x.regionCode) &&
            regionPrefixMatches(r.regionCode, x.regionCode) &&
            x.segments.some((s) => s.category === category),
        );
        return mate && list && e ? [{ r, mate, list, e, category }] : [];
      });
    })[0];
    if (!lead) continue;
    const { r, mate, list, e, category } = lead;
    const start = new Date(today.getTime() + int(rng, 5, 15) * 86_400_000);
    const task = newTask(
      { accountId: idOf(r), name: r.name, category, department: r.department, regionCode: r.regionCode },
      {
        batchId: newBatchId(),
        createdAt: new Date(today.getTime() - 86_400_000).toISOString(),
        kind: 'joint',
        title: `${start.getUTCFullYear()}年${pick(rng, TITLES)}`,
        enterprise: {
          enterpriseId: e.id,
          name: e.name,
          ...(e.creditCode ? { uscc: e.creditCode } : {}),
          regionCode: e.regionCode,
        },
        plannedStart: day(start),
        plannedEnd: day(new Date(start.getTime() + 7 * 86_400_000)),
        inspectionType: 'full',
        form: 'open',
        checklist: list,
        officers: [
          { officerId: idOf(r), name: r.name },
          { officerId: idOf(mate), name: mate.name },
        ],
        experts: [],
        attachmentIds: [],
        departments: [invitee.department],
      },
    );
    await store.client.send(
      new TransactWriteCommand({ TransactItems: taskWriteItems(store, [task]) as DocumentTransactItem[] }),
    );
    // Everyone of that department covering the enterprise is invited by this one task.
    for (const o of inspectors) {
      if (o.department === invitee.department && regionPrefixMatches(o.regionCode, e.regionCode)) {
        invited.add(`${o.department}:${o.regionCode}`);
      }
    }
    out.push({ taskId: task.taskId, kind: 'joint' });
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
/**
 * Answer some of a joint task's departments as their demo inspectors would. `mayRefuse`: the first joint task
 * whose last department has a demo inspector of the category gets that department's refusal (the demo shows
 * one); the second waits for an answer, then a mix. True when it refused.
 */
function answerSome(
  rng: Rng,
  t: TaskRecord,
  inspectors: readonly DemoRegulator[],
  idOf: (r: DemoRegulator) => string,
  nth: number,
  mayRefuse: boolean,
): boolean {
  const departments = t.joint!.departments!;
  const last = departments.length - 1;
  const answererOf = (department: string) =>
    inspectors.find((r) => r.department === department && r.categories.includes(t.category as CategoryCode));
  const refuse = mayRefuse && answererOf(departments[last]!.department) !== undefined;
  const waiting = refuse || nth === 1 || chance(rng, 0.3);
  departments.forEach((d, i) => {
    if (waiting && i === last && !refuse) return; // still 未答复
    const answerer = answererOf(d.department);
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
  return refuse;
}

/** The demo's draws are reproducible: their seeds and salts come from the demo's stream, not from crypto. */
function deterministicBytes(rng: Rng, bytes: number): Buffer {
  return createHash('sha256').update(String(rng())).digest().subarray(0, bytes);
}
