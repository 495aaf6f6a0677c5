/**
 * Demo hazards (issue 11): for a few enterprises — the first demo enterprise logins' and two of 泉州's, so the
 * README's logins find some — one hazard in every state: 已下发 and overdue, 已退回 (back with the enterprise),
 * 待确认, and 已整改 after one 退回. Written with the hazards context's own transition items (hazard, list rows,
 * 整改记录 step, event) and an audit record each, at fixed times relative to the seed's day, so the lists, the due
 * index and — once the outbox relay runs — the inbox look as they would after real use. (The demo's 整改情况 carry
 * no photos: the seed writes no files.)
 */
import { createHash } from 'node:crypto';
import { HazardConfirmed, HazardIssued, HazardReturned, RectificationSubmitted } from '../../shared/events/hazards';
import { doesBusiness } from '../../shared/reference/roles';
import type { CategoryCode } from '../../shared/reference/categories';
import { defaultResponsibleDepartment } from '../../shared/reference/segments';
import { addDays } from '../../shared/validation/dates';
import { SYSTEM_ACTOR, transactWithAudit } from '../lib/audit';
import type { HazardRecord } from '../hazards/record';
import { eventBase, transitionItems, type HazardStep } from '../hazards/writes';
import type { Store } from '../store';
import type { DemoData, DemoEnterprise, DemoRegulator } from './generate';

type State = 'issued-overdue' | 'returned' | 'submitted' | 'confirmed';
const STATES: readonly State[] = ['issued-overdue', 'returned', 'submitted', 'confirmed'];

const PROBLEMS = [
  ['仓库消防通道堵塞', '仓库东侧消防通道堆放货物，影响应急疏散。', '立即清理通道，保持畅通。'],
  ['安全警示标志缺失', '储存场所未设置明显的安全警示标志。', '按规定设置安全警示标志。'],
  ['出入库台账不完整', '出入库台账缺少近两个月的记录。', '补全台账，落实专人登记。'],
  ['应急器材过期', '现场灭火器超过有效期。', '更换灭火器并建立定期检查制度。'],
] as const;

/** 09:00 in China on `day` (yyyy-MM-dd). */
const at = (day: string, hour = 9) => new Date(`${day}T${String(hour).padStart(2, '0')}:00:00+08:00`).toISOString();

/** The most local business inspector whose jurisdiction and categories cover the enterprise. */
function senderFor(e: DemoEnterprise, regulators: readonly DemoRegulator[]): DemoRegulator | undefined {
  const cats = new Set(e.segments.map((s) => s.category));
  return regulators
    .filter(
      (r) =>
        r.roles.includes('inspector') &&
        doesBusiness(r.roles) &&
        e.regionCode.startsWith(r.regionCode) &&
        r.categories.some((c) => cats.has(c)),
    )
    .sort((a, b) => b.regionCode.length - a.regionCode.length)[0];
}

export async function seedDemoHazards(store: Store, data: DemoData, today: string): Promise<number> {
  const byId = new Map(data.enterprises.map((e) => [e.id, e]));
  const chosen = [
    ...data.enterpriseAccounts.slice(0, 2).map((a) => byId.get(a.enterpriseId)),
    ...data.enterprises.filter((e) => e.regionCode.startsWith('3505')).slice(0, 2),
  ].filter((e, i, all): e is DemoEnterprise => e !== undefined && all.indexOf(e) === i);
  let written = 0;
  for (const e of chosen) {
    const sender = senderFor(e, data.regulators);
    if (!sender) continue;
    const category = e.segments.find((s) => sender.categories.includes(s.category))!.category as CategoryCode;
    for (const [i, state] of STATES.entries()) {
      await writeHazard(store, e, sender, category, state, PROBLEMS[i]!, today);
      written++;
    }
  }
  return written;
}

async function writeHazard(
  store: Store,
  e: DemoEnterprise,
  sender: DemoRegulator,
  category: CategoryCode,
  state: State,
  [name, problem, requirement]: readonly [string, string, string],
  today: string,
) {
  const hazardId = `hz-${createHash('sha256').update(`demo:${e.id}:${state}`).digest('hex').slice(0, 32)}`;
  const officer = { accountId: `reg-${sender.mobile}`, name: sender.name };
  const informant = { accountId: `ent-${e.id}`, name: `${e.name}信息员` };
  const sentDay = addDays(today, state === 'issued-overdue' ? -12 : -9);
  let h: HazardRecord = {
    hazardId,
    name: `${name}-${e.name}`,
    enterpriseId: e.id,
    enterpriseName: e.name,
    regionCode: e.regionCode,
    enterpriseCategories: [...new Set(e.segments.map((s) => s.category))],
    category,
    problem,
    requirement,
    deadline: addDays(sentDay, 7),
    responsibleDepartment: defaultResponsibleDepartment(e.segments, category),
    sendingDepartment: sender.department,
    sourceKind: 'manual',
    attachmentIds: [],
    status: 'issued',
    returnedCount: 0,
    sentAt: at(sentDay),
    sentBy: officer,
    version: 1,
  };
  const step = async (
    next: HazardRecord,
    read: number | undefined,
    s: HazardStep,
    event: Parameters<typeof transitionItems>[4],
  ) => {
    await transactWithAudit(
      store,
      {
        actor: { ...SYSTEM_ACTOR, name: '系统（演示数据）' },
        action: `hazard.${s.action === 'issued' ? 'issue' : s.action === 'submitted' ? 'rectify' : s.action === 'returned' ? 'return' : 'confirm'}`,
        object: { type: 'hazard', id: hazardId, label: next.name },
        outcome: 'success',
        sourceIp: '-',
        requestId: `seed-${hazardId}-${next.version}`,
        at: s.at,
      },
      transitionItems(store, next, read, s, event as never),
    );
    h = next;
  };
  const by = { byAccountId: officer.accountId, byName: officer.name, byDepartment: sender.department };
  // Idempotent: a hazard the seed wrote before is left as it is.
  if ((await store.hazards.get({ hazardId }).go()).data) return;
  await step(
    h,
    undefined,
    { at: h.sentAt, action: 'issued', ...by },
    {
      contract: HazardIssued,
      data: { ...eventBase(h), issuedAt: h.sentAt },
    },
  );
  if (state === 'issued-overdue') return;

  const submit = async (day: string, text: string) => {
    const when = at(day, 15);
    const next: HazardRecord = {
      ...h,
      status: 'submitted',
      rectification: { description: text, attachmentIds: [], submittedAt: when, submittedBy: informant },
      version: h.version + 1,
    };
    delete next.returnReason;
    await step(
      next,
      h.version,
      { at: when, action: 'submitted', byAccountId: informant.accountId, byName: informant.name, description: text },
      {
        contract: RectificationSubmitted,
        data: { ...eventBase(next), submittedAt: when },
      },
    );
  };
  const giveBack = async (day: string, reason: string, deadline: string) => {
    const when = at(day, 10);
    const next: HazardRecord = {
      ...h,
      status: 'issued',
      deadline,
      returnReason: reason,
      returnedCount: h.returnedCount + 1,
      version: h.version + 1,
    };
    await step(
      next,
      h.version,
      { at: when, action: 'returned', ...by, reason, deadline },
      {
        contract: HazardReturned,
        data: { ...eventBase(next), reason, returnedByName: officer.name, returnedAt: when },
      },
    );
  };

  await submit(addDays(sentDay, 3), '已按要求整改，详见说明。');
  if (state === 'submitted') return;
  await giveBack(addDays(sentDay, 4), '整改说明不完整，请补充现场照片。', addDays(today, 5));
  if (state === 'returned') return;
  await submit(addDays(sentDay, 6), '已补充整改并拍摄现场照片。');
  const when = at(addDays(sentDay, 7), 11);
  const done: HazardRecord = {
    ...h,
    status: 'confirmed',
    confirmedAt: when,
    confirmedBy: officer,
    version: h.version + 1,
  };
  await step(
    done,
    h.version,
    { at: when, action: 'confirmed', ...by },
    {
      contract: HazardConfirmed,
      data: { ...eventBase(done), confirmedByName: officer.name, confirmedAt: when },
    },
  );
}
