/**
 * 双随机 (issue 10 §4–§5): the draw, 再次随机, and 开始检查 from a draw.
 *
 * A draw: candidates from the register (the platform's category, the chosen segments, the caller's
 * jurisdiction) and the department's officers and experts; officer and expert ids replaced by per-draw
 * pseudonyms (HMAC of the id under a secret per-draw salt, never published — account ids hold phone numbers);
 * a 32-byte seed whose commitment and the snapshotHash go to the audit trail BEFORE the result is computed;
 * shared/inspections/draw.ts `runDraw`; the draw stored whole with its result. A draw that can't meet its rules
 * answers 400 with runDraw's reason and stores nothing. 再次随机 is a new draw naming the one it follows
 * (attempt + 1, previousDrawIds), which is marked superseded — every draw is kept.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { createWriteTransaction } from 'electrodb';
import type { CreateFromDrawInput, DrawInputBody, DrawView } from '../../shared/api/inspections';
import {
  commitmentOf,
  countOfRatio,
  DRAW_ALGORITHM,
  runDraw,
  snapshotHash,
  type Candidate,
  type DrawParams,
  type DrawResult,
} from '../../shared/inspections/draw';
import type { CategoryCode } from '../../shared/reference/categories';
import { isSegment, segmentsOf } from '../../shared/reference/segments';
import { actorOf, appendAudit, transactWithAudit } from '../lib/audit';
import type { Regulator } from '../lib/auth/principal';
import { badRequest, conflict, notFound } from '../lib/http/errors';
import { expertConflicts, expertsIn, officerConflicts, officersIn } from '../lib/officers/read';

import { regulatorSees, withinJurisdiction } from '../lib/scope';
import { itemsOf } from '../lib/transactions';
import type { Store } from '../store';
import type { EntityItem } from 'electrodb';
import { readBurdens } from './burden';
import { auditDetails, newTask, type LinkAttachments, type RequestCtx } from './create';
import { checkDates, chooseChecklist } from './plan';
import type { TaskRecord } from './task-scope';
import { assertFits, isConditionFailure, newBatchId, newDrawId, taskWriteItems } from './task-writes';

export type DrawRecord = EntityItem<Store['inspectionDraws']>;

interface Drawn {
  enterprises: { id: string; name: string; uscc?: string; regionCode: string }[];
  officers: { pseudonym: string; officerId: string; name: string }[];
  experts: { pseudonym: string; expertId: string; name: string }[];
}

const pseudonymOf = (salt: Buffer, label: 'officer' | 'expert', id: string) =>
  `${label === 'officer' ? 'o' : 'x'}-${createHmac('sha256', salt).update(`${label}:${id}`).digest('hex').slice(0, 20)}`;

export const drawNotFound = () => notFound('抽取记录不存在或不在您的监管范围内');

/** The draw, 404 unless it is the caller's department's, within their jurisdiction, in the platform's category. */
export async function visibleDraw(store: Store, p: Regulator, drawId: string): Promise<DrawRecord> {
  const { data } = await store.inspectionDraws.get({ drawId }).go();
  if (
    !data ||
    !regulatorSees(p, { regionCode: data.regionCode, categories: [data.category], department: data.department })
  ) {
    throw drawNotFound();
  }
  return data;
}

function quotasOf(
  spec: DrawInputBody['enterprises'] | DrawInputBody['officers'],
  poolSize: number,
  p: Regulator,
  what: string,
) {
  if (spec.mode === 'count') return [{ regionPrefix: '', count: spec.count }];
  if (spec.mode === 'ratio') return [{ regionPrefix: '', count: Math.max(1, countOfRatio(poolSize, spec.ratio)) }];
  const seen = new Set<string>();
  for (const q of spec.quotas) {
    if (!withinJurisdiction(p, q.regionPrefix)) throw badRequest(`${what}的区域 ${q.regionPrefix} 不在您的辖区内`);
    if (seen.has(q.regionPrefix)) throw badRequest(`${what}的区域 ${q.regionPrefix} 重复填写`);
    seen.add(q.regionPrefix);
  }
  return spec.quotas.map((q) => ({ regionPrefix: q.regionPrefix, count: q.count }));
}

/** Eligible enterprises: on the list of each chosen segment of the platform's category, in the jurisdiction. */
async function enterpriseCandidates(store: Store, p: Regulator, segments: readonly string[]) {
  const byId = new Map<string, { id: string; name: string; uscc?: string; regionCode: string }>();
  for (const segment of segments) {
    const { data } = await store.enterpriseListings.query
      .bySegment({ category: p.category, segment })
      .begins({ regionCode: p.regionCode })
      .where((a, op) => op.eq(a.removed, false))
      .go({ pages: 'all' });
    for (const l of data) {
      if (!byId.has(l.enterpriseId)) {
        byId.set(l.enterpriseId, {
          id: l.enterpriseId,
          name: l.name,
          ...(l.creditCode ? { uscc: l.creditCode } : {}),
          regionCode: l.regionCode,
        });
      }
    }
  }
  return [...byId.values()];
}

export interface ComposeDrawArgs {
  p: Pick<Regulator, 'accountId' | 'name' | 'category' | 'department' | 'regionCode'>;
  enterprisePool: { id: string; name: string; uscc?: string; regionCode: string }[];
  officerPool: { officerId: string; name: string; regionCode: string }[];
  experts: { expertId: string; name: string }[];
  officerConflictList: { officerId: string; enterpriseId: string }[];
  params: DrawParams;
  previous?: DrawRecord | undefined;
  request: unknown;
  now: Date;
  /** Randomness (the API: crypto; the demo seed: its own deterministic stream). */
  random?: (bytes: number) => Buffer;
  beforeDraw?: (c: { drawId: string; commitment: string; snapshotHash: string }) => Promise<void>;
}

/**
 * A draw record from its candidate pools: pseudonyms from a fresh secret salt, the seed and its commitment
 * (`beforeDraw` records them before the result exists), runDraw, and the record as stored — or runDraw's reason.
 */
export async function composeDraw(
  a: ComposeDrawArgs,
): Promise<{ ok: true; record: DrawRecord } | { ok: false; reason: string }> {
  const { p, enterprisePool, officerPool, experts, officerConflictList, params, previous, now } = a;
  const random = a.random ?? randomBytes;
  const enterpriseIds = new Set(enterprisePool.map((e) => e.id));
  const salt = random(32);
  const officerPseudonyms = officerPool.map((o) => ({ ...o, pseudonym: pseudonymOf(salt, 'officer', o.officerId) }));
  const expertPseudonyms = experts.map((x) => ({ ...x, pseudonym: pseudonymOf(salt, 'expert', x.expertId) }));
  const toPseudonym = new Map(officerPseudonyms.map((o) => [o.officerId, o.pseudonym]));
  const candidates = {
    enterprises: enterprisePool.map((e): Candidate => ({ id: e.id, regionCode: e.regionCode })),
    officers: officerPseudonyms.map((o): Candidate => ({ id: o.pseudonym, regionCode: o.regionCode })),
    experts: expertPseudonyms.map((x) => ({ id: x.pseudonym })),
    conflicts: officerConflictList
      .filter((c) => enterpriseIds.has(c.enterpriseId) && toPseudonym.has(c.officerId))
      .map((c) => ({ officerId: toPseudonym.get(c.officerId)!, enterpriseId: c.enterpriseId })),
  };

  const drawId = newDrawId();
  const seed = random(32).toString('hex');
  const [commitment, snapshot] = await Promise.all([
    commitmentOf(seed),
    snapshotHash(
      candidates.enterprises.map((e) => e.id),
      candidates.officers.map((o) => o.id),
    ),
  ]);
  await a.beforeDraw?.({ drawId, commitment, snapshotHash: snapshot });

  const outcome = await runDraw({ seed, ...candidates, params });
  if (!outcome.ok) return { ok: false, reason: outcome.reason };
  const result = outcome.result;

  const entById = new Map(enterprisePool.map((e) => [e.id, e]));
  const offByPseudonym = new Map(officerPseudonyms.map((o) => [o.pseudonym, o]));
  const expByPseudonym = new Map(expertPseudonyms.map((x) => [x.pseudonym, x]));
  const drawnOfficers = [...new Set(result.enterprises.flatMap((e) => e.officers))];
  const drawn: Drawn = {
    enterprises: result.enterprises.map((e) => entById.get(e.id)!),
    officers: drawnOfficers.map((ps) => {
      const o = offByPseudonym.get(ps)!;
      return { pseudonym: ps, officerId: o.officerId, name: o.name };
    }),
    experts: result.experts.map((ps) => {
      const x = expByPseudonym.get(ps)!;
      return { pseudonym: ps, expertId: x.expertId, name: x.name };
    }),
  };
  const record: DrawRecord = {
    drawId,
    algorithm: DRAW_ALGORITHM,
    category: p.category,
    department: p.department,
    regionCode: p.regionCode,
    seed,
    commitment,
    snapshotHash: snapshot,
    ...candidates,
    enterpriseQuotas: params.enterpriseQuotas,
    officerQuotas: params.officerQuotas,
    teamSize: params.teamSize,
    expertCount: params.expertCount,
    request: a.request as DrawRecord['request'],
    result,
    attempt: previous ? previous.attempt + 1 : 1,
    previousDrawIds: previous ? [...previous.previousDrawIds, previous.drawId] : [],
    pseudonyms: Object.fromEntries([
      ...officerPseudonyms.map((o) => [o.pseudonym, o.officerId]),
      ...expertPseudonyms.map((x) => [x.pseudonym, x.expertId]),
    ]),
    salt: salt.toString('hex'),
    drawn,
    drawnBy: { accountId: p.accountId, name: p.name },
    drawnAt: now.toISOString(),
    version: 1,
  };
  return { ok: true, record };
}

export async function draw(store: Store, p: Regulator, input: DrawInputBody, ctx: RequestCtx, now = new Date()) {
  const segments = input.segments.length
    ? [...new Set(input.segments)]
    : segmentsOf(p.category as CategoryCode).map((s) => s.code);
  const badSegment = segments.find((s) => !isSegment(p.category, s));
  if (badSegment) throw badRequest(`环节 ${badSegment} 不属于本类物品`);

  const previous = input.previousDrawId ? await visibleDraw(store, p, input.previousDrawId) : undefined;
  if (previous?.supersededBy) throw conflict('该次抽取已被再次随机替代，请在最新一次抽取上操作');
  if (previous?.batchId) throw conflict('该次抽取已开始检查，不能再次随机');

  const [enterprisePool, officerPool, expertPool] = await Promise.all([
    enterpriseCandidates(store, p, segments),
    officersIn(store, p.department, p.regionCode),
    input.expertCount > 0
      ? expertsIn(store, p.department, p.regionCode, p.category as CategoryCode)
      : Promise.resolve([]),
  ]);
  const enterpriseIds = new Set(enterprisePool.map((e) => e.id));
  const [officerConflictList, expertConflictList] = await Promise.all([
    officerConflicts(
      store,
      officerPool.map((o) => o.officerId),
    ),
    expertPool.length
      ? expertConflicts(
          store,
          expertPool.map((x) => x.expertId),
        )
      : Promise.resolve([]),
  ]);
  // An expert serves the whole draw: one who declared 回避 for any candidate enterprise is not eligible.
  const expertsWithConflict = new Set(
    expertConflictList.filter((c) => enterpriseIds.has(c.enterpriseId)).map((c) => c.expertId),
  );
  const experts = expertPool.filter((x) => !expertsWithConflict.has(x.expertId));

  const params: DrawParams = {
    enterpriseQuotas: quotasOf(input.enterprises, enterprisePool.length, p, '企业数量'),
    officerQuotas: quotasOf(input.officers, officerPool.length, p, '执法人员数量'),
    teamSize: input.teamSize,
    expertCount: input.expertCount,
  };

  const composed = await composeDraw({
    p,
    enterprisePool,
    officerPool,
    experts,
    officerConflictList,
    params,
    previous,
    request: { segments, enterprises: input.enterprises, officers: input.officers },
    now,
    // The commitment and the snapshot are on the audit trail before the result exists.
    beforeDraw: async ({ drawId, commitment, snapshotHash: snapshot }) => {
      await appendAudit(store, {
        actor: actorOf(p),
        action: 'inspection.draw.commit',
        object: { type: 'inspectionDraw', id: drawId },
        outcome: 'success',
        sourceIp: ctx.sourceIp,
        requestId: ctx.requestId,
        details: { commitment, snapshotHash: snapshot, algorithm: DRAW_ALGORITHM },
      });
    },
  });
  if (!composed.ok) throw badRequest(`本次随机抽取无法完成：${composed.reason}`);
  const { record } = composed;
  const { drawId, commitment, result } = record;
  const snapshot = record.snapshotHash;
  const typedResult = result as DrawResult;
  try {
    await transactWithAudit(
      store,
      {
        actor: actorOf(p),
        action: 'inspection.draw',
        object: { type: 'inspectionDraw', id: drawId },
        outcome: 'success',
        sourceIp: ctx.sourceIp,
        requestId: ctx.requestId,
        details: {
          commitment,
          snapshotHash: snapshot,
          attempt: record.attempt,
          previousDrawIds: record.previousDrawIds,
          enterprises: typedResult.enterprises.map((e) => e.id),
        },
      },
      itemsOf(
        createWriteTransaction({ draws: store.inspectionDraws }, ({ draws }) => [
          draws
            .put(record)
            .where((a, op) => op.notExists(a.drawId))
            .commit(),
          ...(previous
            ? [
                draws
                  .patch({ drawId: previous.drawId })
                  .set({ supersededBy: drawId })
                  .where((a, op) => `${op.notExists(a.supersededBy)} AND ${op.notExists(a.batchId)}`)
                  .commit(),
              ]
            : []),
        ]),
      ),
    );
  } catch (err) {
    if (isConditionFailure(err)) throw conflict('该次抽取刚被再次随机或已开始检查，请刷新后重试');
    throw err;
  }
  return drawView(store, record, now);
}

export async function drawView(store: Store, d: DrawRecord, now = new Date()): Promise<DrawView> {
  const drawn = d.drawn as Drawn;
  const result = d.result as DrawResult;
  const names = new Map(drawn.officers.map((o) => [o.pseudonym, o]));
  const burdens = await readBurdens(
    store,
    drawn.enterprises.map((e) => e.id),
    now,
  );
  const ents = new Map(drawn.enterprises.map((e) => [e.id, e]));
  return {
    drawId: d.drawId,
    algorithm: d.algorithm,
    attempt: d.attempt,
    previousDrawIds: d.previousDrawIds,
    ...(d.supersededBy ? { supersededBy: d.supersededBy } : {}),
    ...(d.batchId ? { batchId: d.batchId } : {}),
    seed: d.seed,
    commitment: d.commitment,
    snapshotHash: d.snapshotHash,
    drawnAt: d.drawnAt,
    drawnBy: d.drawnBy,
    params: {
      enterpriseQuotas: d.enterpriseQuotas,
      officerQuotas: d.officerQuotas,
      teamSize: d.teamSize,
      expertCount: d.expertCount,
    },
    segments: ((d.request as { segments?: string[] } | undefined)?.segments ?? []).slice(),
    candidateCounts: {
      enterprises: d.enterprises.length,
      officers: d.officers.length,
      experts: d.experts.length,
      conflicts: d.conflicts.length,
    },
    enterprises: result.enterprises.map((r) => {
      const e = ents.get(r.id)!;
      return {
        enterpriseId: e.id,
        name: e.name,
        ...(e.uscc ? { uscc: e.uscc } : {}),
        regionCode: e.regionCode,
        burden: burdens.get(e.id) ?? 0,
        officers: r.officers.map((ps) => ({ officerId: names.get(ps)!.officerId, name: names.get(ps)!.name })),
      };
    }),
    experts: drawn.experts.map((x) => ({ expertId: x.expertId, name: x.name })),
  };
}

/** 开始检查: the drawn enterprises' tasks, with their teams and experts as drawn, in one transaction. */
export async function createFromDraw(
  store: Store,
  p: Regulator,
  drawId: string,
  input: CreateFromDrawInput,
  ctx: RequestCtx,
  link: LinkAttachments,
  now = new Date(),
) {
  const d = await visibleDraw(store, p, drawId);
  if (d.supersededBy) throw conflict('该次抽取已被再次随机替代，请在最新一次抽取上开始检查');
  if (d.batchId) throw conflict('该次抽取已开始检查');
  const drawn = d.drawn as Drawn;
  const result = d.result as DrawResult;
  const plans = new Map(input.tasks.map((t) => [t.enterpriseId, t]));
  if (plans.size !== input.tasks.length) throw badRequest('同一企业的检查信息重复填写');
  const missing = result.enterprises.find((e) => !plans.has(e.id));
  const extra = input.tasks.find((t) => !result.enterprises.some((e) => e.id === t.enterpriseId));
  if (missing || extra) throw badRequest('请为本次抽取的每家企业填写检查信息（不能增减检查对象）');

  const officerOf = new Map(drawn.officers.map((o) => [o.pseudonym, { officerId: o.officerId, name: o.name }]));
  const experts = drawn.experts.map((x) => ({ expertId: x.expertId, name: x.name }));
  const ents = new Map(drawn.enterprises.map((e) => [e.id, e]));
  const batchId = newBatchId();
  const createdAt = now.toISOString();
  const tasks: TaskRecord[] = [];
  const linked = [];
  for (const r of result.enterprises) {
    const plan = plans.get(r.id)!;
    const path = `body.tasks.${input.tasks.indexOf(plan)}`;
    checkDates(plan.plannedStart, plan.plannedEnd, path);
    const checklist = await chooseChecklist(store, p, 'independent', plan, path);
    const e = ents.get(r.id)!;
    const task = newTask(p, {
      batchId,
      createdAt,
      kind: 'random',
      title: input.title,
      enterprise: { enterpriseId: e.id, name: e.name, ...(e.uscc ? { uscc: e.uscc } : {}), regionCode: e.regionCode },
      plannedStart: plan.plannedStart,
      plannedEnd: plan.plannedEnd,
      inspectionType: plan.inspectionType,
      form: input.form,
      checklist,
      officers: r.officers.map((ps) => officerOf.get(ps)!),
      experts,
      remark: plan.remark,
      attachmentIds: plan.attachmentIds,
      drawId: d.drawId,
    });
    tasks.push(task);
    if (plan.attachmentIds.length) {
      linked.push(
        ...(await link(p, plan.attachmentIds, {
          enterpriseId: task.enterpriseId,
          regionCode: task.enterpriseRegionCode,
          categories: [task.category],
          requestId: task.taskId,
        })),
      );
    }
  }
  const own = [
    ...taskWriteItems(store, tasks),
    ...itemsOf(
      createWriteTransaction({ draws: store.inspectionDraws }, ({ draws }) => [
        draws
          .patch({ drawId: d.drawId })
          .set({ batchId })
          .where((a, op) => `${op.notExists(a.batchId)} AND ${op.notExists(a.supersededBy)}`)
          .commit(),
      ]),
    ),
  ];
  assertFits(own.length + linked.length, tasks.length);
  try {
    await transactWithAudit(
      store,
      {
        actor: actorOf(p),
        action: 'inspection.random.create',
        object: { type: 'inspectionBatch', id: batchId, label: input.title },
        outcome: 'success',
        sourceIp: ctx.sourceIp,
        requestId: ctx.requestId,
        details: auditDetails(tasks),
      },
      [...own, ...linked],
    );
  } catch (err) {
    if (isConditionFailure(err)) throw conflict('该次抽取刚被再次随机或已开始检查，请刷新后重试');
    throw err;
  }
  return { batchId, taskIds: tasks.map((t) => t.taskId) };
}
