/**
 * The checks every task creation makes, in one place (独立, 双随机's 开始检查, 联合): the enterprises are on the
 * register, in the caller's jurisdiction and supervised in the platform's category; the checklist is one the
 * caller may use for the kind, and a 专项检查's items are a non-empty subset of it; the dates make sense; the
 * team and experts are of the department and jurisdiction and none of them declared 回避 for the enterprise.
 */
import type { Regulator } from '../lib/auth/principal';
import { usableChecklist, type ChecklistKind, type ChecklistVersionRef } from '../lib/checklists/read';
import { badRequest } from '../lib/http/errors';
import { expertConflicts, expertsIn, officerConflicts, officersIn } from '../lib/officers/read';
import { categoriesOf } from '../lib/register/scope';
import { regulatorSees } from '../lib/scope';
import type { Store } from '../store';
import type { CategoryCode } from '../../shared/reference/categories';

export interface PlannedEnterprise {
  enterpriseId: string;
  name: string;
  uscc?: string;
  regionCode: string;
}

/** The enterprises, in the order asked; 400 naming the first one that isn't the caller's to inspect. */
export async function loadEnterprises(
  store: Store,
  p: Regulator,
  ids: readonly string[],
): Promise<PlannedEnterprise[]> {
  if (new Set(ids).size !== ids.length) throw badRequest('同一企业不能重复选择');
  const { data, unprocessed } = await store.enterprises.get(ids.map((enterpriseId) => ({ enterpriseId }))).go();
  const found = [...data];
  for (const key of unprocessed) {
    const { data: one } = await store.enterprises.get(key).go();
    if (one) found.push(one);
  }
  const byId = new Map(found.map((e) => [e.enterpriseId, e]));
  return ids.map((id, i) => {
    const e = byId.get(id);
    const inspectable =
      e &&
      !e.removed &&
      categoriesOf(e.segments).includes(p.category) &&
      regulatorSees(p, { regionCode: e.regionCode, categories: [p.category] });
    if (!e || !inspectable) {
      throw badRequest('检查对象不存在或不在您的监管范围内', [
        { path: `body.enterpriseIds.${i}`, message: '检查对象不存在或不在您的监管范围内' },
      ]);
    }
    return {
      enterpriseId: e.enterpriseId,
      name: e.name,
      ...(e.creditCode ? { uscc: e.creditCode } : {}),
      regionCode: e.regionCode,
    };
  });
}

export function checkDates(plannedStart: string, plannedEnd: string, path = 'body'): void {
  if (plannedEnd < plannedStart) {
    throw badRequest('计划结束时间不能早于计划开始时间', [
      { path: `${path}.plannedEnd`, message: '计划结束时间不能早于计划开始时间' },
    ]);
  }
}

export interface ChosenChecklist {
  ref: ChecklistVersionRef;
  itemSeqs?: number[];
  itemCount: number;
}

export async function chooseChecklist(
  store: Store,
  p: Regulator,
  kind: ChecklistKind,
  input: { checklistId: string; inspectionType: 'full' | 'special'; itemSeqs?: number[] | undefined },
  path = 'body',
): Promise<ChosenChecklist> {
  const c = await usableChecklist(store, p, input.checklistId, kind);
  if (!c) {
    const what = kind === 'joint' ? '联合检查清单' : '独立检查清单';
    throw badRequest(`检查清单不存在或不是您可用的${what}`, [
      { path: `${path}.checklistId`, message: '检查清单不可用' },
    ]);
  }
  if (input.inspectionType === 'full') return { ref: c.ref, itemCount: c.items.length };
  const seqs = [...new Set(input.itemSeqs ?? [])].sort((a, b) => a - b);
  if (seqs.length === 0) {
    throw badRequest('专项检查请选择检查项目', [{ path: `${path}.itemSeqs`, message: '请至少选择 1 项' }]);
  }
  const known = new Set(c.items.map((i) => i.seq));
  const unknown = seqs.filter((s) => !known.has(s));
  if (unknown.length) {
    throw badRequest(`检查项目 ${unknown.join('、')} 不在该检查清单中`, [
      { path: `${path}.itemSeqs`, message: '检查项目不在该检查清单中' },
    ]);
  }
  return { ref: c.ref, itemSeqs: seqs, itemCount: seqs.length };
}

/** The team: the creator first, then the chosen officers of the department within the jurisdiction. */
export async function chooseTeam(
  store: Store,
  p: Regulator,
  officerIds: readonly string[],
): Promise<{ officerId: string; name: string }[]> {
  const others = officerIds.filter((id) => id !== p.accountId);
  if (new Set(others).size !== others.length) throw badRequest('同一执法人员不能重复选择');
  if (others.length < 1) throw badRequest('检查组不少于 2 人：请至少再选择 1 名执法人员');
  const pool = new Map((await officersIn(store, p.department, p.regionCode)).map((o) => [o.officerId, o]));
  const bad = others.findIndex((id) => !pool.has(id));
  if (bad >= 0) {
    throw badRequest('所选执法人员不是本部门、本辖区的检查人员', [
      { path: `body.officerIds.${officerIds.indexOf(others[bad]!)}`, message: '不是本部门、本辖区的检查人员' },
    ]);
  }
  return [
    { officerId: p.accountId, name: p.name },
    ...others.map((id) => ({ officerId: id, name: pool.get(id)!.name })),
  ];
}

export async function chooseExperts(
  store: Store,
  p: Regulator,
  expertIds: readonly string[],
): Promise<{ expertId: string; name: string }[]> {
  if (expertIds.length === 0) return [];
  if (new Set(expertIds).size !== expertIds.length) throw badRequest('同一专家不能重复选择');
  const pool = new Map(
    (await expertsIn(store, p.department, p.regionCode, p.category as CategoryCode)).map((x) => [x.expertId, x]),
  );
  const bad = expertIds.findIndex((id) => !pool.has(id));
  if (bad >= 0) {
    throw badRequest('所选专家不在本部门专家库中或已停用', [
      { path: `body.expertIds.${bad}`, message: '不在本部门专家库中或已停用' },
    ]);
  }
  return expertIds.map((id) => ({ expertId: id, name: pool.get(id)!.name }));
}

/** No officer or expert on an enterprise they declared 回避 for: 400 naming who and which. */
export async function assertNoConflicts(
  store: Store,
  officers: readonly { officerId: string; name: string }[],
  experts: readonly { expertId: string; name: string }[],
  enterprises: readonly PlannedEnterprise[],
): Promise<void> {
  const ents = new Map(enterprises.map((e) => [e.enterpriseId, e]));
  const [oc, xc] = await Promise.all([
    officerConflicts(
      store,
      officers.map((o) => o.officerId),
    ),
    experts.length
      ? expertConflicts(
          store,
          experts.map((x) => x.expertId),
        )
      : Promise.resolve([]),
  ]);
  const o = oc.find((c) => ents.has(c.enterpriseId));
  if (o) {
    const who = officers.find((x) => x.officerId === o.officerId)?.name ?? '';
    throw badRequest(`执法人员 ${who} 已声明回避「${ents.get(o.enterpriseId)!.name}」，不能参加对该企业的检查`);
  }
  const x = xc.find((c) => ents.has(c.enterpriseId));
  if (x) {
    const who = experts.find((e) => e.expertId === x.expertId)?.name ?? '';
    throw badRequest(`专家 ${who} 已声明回避「${ents.get(x.enterpriseId)!.name}」，不能参加对该企业的检查`);
  }
}
