/**
 * 专家库管理: a department's experts — list (one Query on the department's index, a jurisdiction is a
 * `begins_with`, 姓名 / 专业 / 状态 filters inside it), 新增, 编辑 (at the version the form was opened with;
 * a changed expert is refused with 409, never merged), 停用 / 启用. Each write and its audit record are one
 * transaction. An expert of another department or outside the caller's jurisdiction is "not found".
 */
import { createWriteTransaction } from 'electrodb';
import type { ExpertInput, ExpertPage, ExpertUpdate, ExpertView, ListExpertsQuery } from '../../shared/api/officers';
import { actorOf, transactWithAudit, type AuditEntryInput, type AuditJson } from '../lib/audit';
import type { Regulator } from '../lib/auth/principal';
import { conflict, forbidden, notFound } from '../lib/http/errors';
import {
  assertExpertInput,
  auditedExpert,
  expertView,
  newExpertRecord,
  seesExpert,
  type ExpertRecord,
} from '../lib/officers/experts';
import { withCursor } from '../lib/paging';
import { isConditionFailure, itemsOf } from '../lib/transactions';
import { jurisdictionPrefix, withinJurisdiction } from '../lib/scope';
import type { Store } from '../store';
import type { RequestContext } from './conflicts';

const FILTER_READ_AHEAD = 2;

const staleExpert = () => conflict('专家信息已被修改，请刷新后重试');

function entry(
  p: Regulator,
  ctx: RequestContext,
  action: 'create' | 'update' | 'disable' | 'enable',
  x: ExpertRecord,
  details: Record<string, AuditJson>,
): AuditEntryInput {
  return {
    actor: actorOf(p),
    action: `officers.expert.${action}`,
    object: { type: 'expert', id: x.expertId, label: x.name },
    outcome: 'success',
    sourceIp: ctx.sourceIp,
    requestId: ctx.requestId,
    details: { department: x.department, ...details },
  };
}

export async function listExperts(store: Store, p: Regulator, q: ListExpertsQuery): Promise<ExpertPage> {
  const region = q.region ?? jurisdictionPrefix(p);
  if (!withinJurisdiction(p, region)) throw forbidden('只能查询本辖区的专家');
  const page = await withCursor(q.cursor, () =>
    store.experts.query
      .byDepartment({ department: p.department })
      .begins({ regionCode: region })
      .where((a, op) =>
        [
          `(${p.categories.map((c) => op.contains(a.categories, c)).join(' OR ')})`,
          ...(q.name ? [op.contains(a.name, q.name)] : []),
          ...(q.category ? [op.contains(a.categories, q.category)] : []),
          ...(q.segment ? [op.contains(a.segments, q.segment)] : []),
          ...(q.status ? [op.eq(a.disabled, q.status === 'disabled')] : []),
        ].join(' AND '),
      )
      .go({ count: q.limit, limit: q.limit * FILTER_READ_AHEAD, cursor: q.cursor ?? null }),
  );
  return { items: page.data.filter((x) => seesExpert(p, x)).map(expertView), cursor: page.cursor ?? null };
}

/** The expert, if the caller sees it (department, jurisdiction, categories); else 404. */
export async function seenExpert(store: Store, p: Regulator, expertId: string, consistent = false) {
  const { data: x } = await store.experts.get({ expertId }).go({ consistent });
  if (!x || !seesExpert(p, x)) throw notFound('专家不存在或不在您的管理范围内');
  return x;
}

export async function getExpert(store: Store, p: Regulator, expertId: string): Promise<ExpertView> {
  return expertView(await seenExpert(store, p, expertId));
}

export async function createExpert(
  store: Store,
  p: Regulator,
  input: ExpertInput,
  ctx: RequestContext,
  at: Date,
): Promise<ExpertView> {
  assertExpertInput(p, input);
  const x = newExpertRecord(p, input, at);
  await transactWithAudit(
    store,
    entry(p, ctx, 'create', x, { after: auditedExpert(x) }),
    itemsOf(createWriteTransaction({ experts: store.experts }, ({ experts }) => [experts.create(x).commit()])),
  );
  return expertView(x);
}

async function replaceExpert(
  store: Store,
  p: Regulator,
  cur: ExpertRecord,
  next: ExpertRecord,
  action: 'update' | 'disable' | 'enable',
  ctx: RequestContext,
): Promise<ExpertView> {
  const before = auditedExpert(cur);
  const after = auditedExpert(next);
  if (JSON.stringify(before) === JSON.stringify(after)) return expertView(cur);
  try {
    // A patch of the form's fields, not a Put of the item: a 回避 declared meanwhile moves conflictCount
    // without a new version, and a Put would write the count back.
    await transactWithAudit(
      store,
      entry(p, ctx, action, next, { before, after }),
      itemsOf(
        createWriteTransaction({ experts: store.experts }, ({ experts }) => [
          experts
            .patch({ expertId: cur.expertId })
            .set({
              name: next.name,
              categories: next.categories,
              segments: next.segments,
              employer: next.employer,
              phone: next.phone,
              regionCode: next.regionCode,
              disabled: next.disabled,
              updatedAt: next.updatedAt,
              version: next.version,
            })
            .where((a, op) => op.eq(a.version, cur.version))
            .commit(),
        ]),
      ),
    );
  } catch (err) {
    if (isConditionFailure(err)) throw staleExpert();
    throw err;
  }
  return expertView(next);
}

export async function updateExpert(
  store: Store,
  p: Regulator,
  expertId: string,
  input: ExpertUpdate,
  ctx: RequestContext,
  at: Date,
): Promise<ExpertView> {
  const cur = await seenExpert(store, p, expertId, true);
  if (cur.version !== input.version) throw staleExpert();
  assertExpertInput(p, input, cur.categories);
  const next: ExpertRecord = {
    ...cur,
    name: input.name,
    categories: [...input.categories],
    segments: [...input.segments],
    employer: input.employer,
    phone: input.phone,
    regionCode: input.regionCode,
    updatedAt: at.toISOString(),
    version: cur.version + 1,
  };
  return replaceExpert(store, p, cur, next, 'update', ctx);
}

/** 停用 / 启用: a disabled expert stays in the list (状态 停用) but is never chosen or drawn. */
export async function setExpertDisabled(
  store: Store,
  p: Regulator,
  expertId: string,
  disabled: boolean,
  version: number,
  ctx: RequestContext,
  at: Date,
): Promise<ExpertView> {
  const cur = await seenExpert(store, p, expertId, true);
  if (cur.version !== version) throw staleExpert();
  const next: ExpertRecord = { ...cur, disabled, updatedAt: at.toISOString(), version: cur.version + 1 };
  return replaceExpert(store, p, cur, next, disabled ? 'disable' : 'enable', ctx);
}
