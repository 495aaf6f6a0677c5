/**
 * Inspection test helpers: inspectors that exist as accounts (so `officersIn` finds them) with a signed-in
 * client each, and the (category, segment) of the seeded register with the most enterprises in a region.
 */
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { newTask } from '../../functions/inspections/create';
import { newBatchId, newDrawId, taskWriteItems } from '../../functions/inspections/task-writes';
import { createSession } from '../../functions/lib/auth/sessions';
import type { Regulator } from '../../functions/lib/auth/principal';
import { createChecklist } from '../../functions/lib/checklists/write';
import type { DocumentTransactItem } from '../../functions/lib/transactions';
import type { Store } from '../../functions/store';
import { CATEGORY_CODES } from '../../shared/reference/categories';
import { ApiClient, fromAddress } from './api-client';

let n = 0;

export interface Inspector {
  accountId: string;
  name: string;
  client: ApiClient;
}

export async function inspector(
  store: Store,
  baseUrl: string,
  p: { department: string; regionCode: string; categories: string[]; roles?: string[]; name?: string },
): Promise<Inspector> {
  n++;
  const accountId = `reg-insp-${process.pid}-${n}`;
  const name = p.name ?? `检查员${n}`;
  const login = `1380000${String(n).padStart(4, '0')}`;
  const roles = p.roles ?? ['inspector'];
  await store.accounts
    .put({
      accountId,
      kind: 'regulator',
      login,
      name,
      passwordHash: 'not-a-hash',
      mustChangePassword: false,
      department: p.department,
      regionCode: p.regionCode,
      categories: p.categories,
      roles,
    })
    .go();
  const tokens = await createSession(
    store,
    {
      accountId,
      kind: 'regulator',
      login,
      name,
      department: p.department,
      regionCode: p.regionCode,
      categories: p.categories,
      roles,
      category: p.categories[0]!,
    },
    'active',
    {},
  );
  const client = new ApiClient(baseUrl, {}, fromAddress(200 + n));
  client.cookies.set('hz_at', `${tokens.sessionId}.${tokens.access}`);
  client.cookies.set('hz_rt', `${tokens.sessionId}.${tokens.refresh}`);
  client.cookies.set('hz_csrf', tokens.csrf);
  return { accountId, name, client };
}

/** The ids of the two checklists `testChecklists` writes: one independent list and one joint list. */
export const TEST_CHECKLISTS = { independent: 'ckl-test-independent', joint: 'ckl-test-joint' } as const;

/**
 * A province-level independent checklist of `department` and a joint checklist, both of `category`, written as
 * 检查清单管理 writes them (so every inspector of the department, and for the joint one every department, may use
 * them for a task). Five items each: 专项检查 tests choose among them.
 */
export async function testChecklists(store: Store, p: { department: string; category: string }): Promise<void> {
  const maker = {
    kind: 'regulator',
    accountId: 'reg-checklist-maker',
    name: '清单创建人',
    department: p.department,
    regionCode: '35',
    categories: [p.category],
    roles: ['inspector'],
    category: p.category,
  } as unknown as Regulator;
  const items = [
    { stage: '储存', content: '仓库设置符合规定，安全距离满足要求', basis: '《危险化学品安全管理条例》第二十条' },
    { stage: '储存', content: '建立出入库登记制度并如实记录', basis: '《危险化学品安全管理条例》第二十四条' },
    { stage: '经营', content: '从业人员经安全培训合格，持证上岗', basis: '《危险化学品安全管理条例》第四条' },
    {
      stage: '经营',
      content: '经营许可证在有效期内，经营范围与许可一致',
      basis: '《危险化学品安全管理条例》第三十三条',
    },
    { stage: '使用', content: '配备与所用危险化学品相适应的应急器材', basis: '《危险化学品安全管理条例》第七十条' },
  ];
  const ctx = { sourceIp: '127.0.0.1', requestId: 'test-checklists', now: new Date() };
  for (const kind of ['independent', 'joint'] as const) {
    // Once per table: a second call (another helper of the same test file) finds them there.
    if ((await store.checklists.get({ checklistId: TEST_CHECKLISTS[kind] }).go()).data) continue;
    await createChecklist(
      store,
      maker,
      {
        checklistId: TEST_CHECKLISTS[kind],
        kind,
        category: p.category,
        name: `测试${kind === 'joint' ? '联合' : '独立'}检查清单`,
        items,
      },
      ctx,
    );
  }
}

/** The category × segment with the most enterprises on the seeded register, province-wide. */
export async function busiestSegment(store: Store): Promise<{ category: string; segment: string; total: number }> {
  let best = { category: '', segment: '', total: -1 };
  for (const category of CATEGORY_CODES) {
    const { data } = await store.enterpriseCounters.query.byKey({ category }).go({ pages: 'all' });
    for (const c of data)
      if (c.regionCode === '35' && c.total > best.total) best = { category, segment: c.segment, total: c.total };
  }
  return best;
}

/**
 * For the authorization matrix: an open independent task and a joint task (参检: 公安) of 安监 泉州 on
 * ent-000001, and a draw of the same department — written as the domain writes them.
 */
export async function matrixInspections(store: Store): Promise<{ task: string; joint: string; draw: string }> {
  await testChecklists(store, { department: 'anjian', category: 'hazchem' });
  const { data: e } = await store.enterprises.get({ enterpriseId: 'ent-000001' }).go();
  const creator = {
    accountId: 'reg-matrix-creator',
    name: '矩阵创建人',
    category: 'hazchem' as const,
    department: 'anjian' as const,
    regionCode: '3505',
  };
  const base = {
    batchId: newBatchId(),
    createdAt: new Date().toISOString(),
    title: '矩阵检查',
    enterprise: { enterpriseId: 'ent-000001', name: e!.name, regionCode: e!.regionCode },
    plannedStart: '2026-12-10',
    plannedEnd: '2026-12-20',
    inspectionType: 'full' as const,
    form: 'open' as const,
    checklist: {
      ref: { checklistId: TEST_CHECKLISTS.independent, version: 1, name: '测试独立检查清单' },
      itemCount: 5,
    },
    officers: [
      { officerId: creator.accountId, name: creator.name },
      { officerId: 'reg-matrix-2', name: '矩阵二' },
    ],
    experts: [],
    attachmentIds: [],
  };
  const task = newTask(creator, { ...base, kind: 'independent' });
  const joint = newTask(creator, { ...base, kind: 'joint', departments: ['gongan'] });
  await store.client.send(
    new TransactWriteCommand({ TransactItems: taskWriteItems(store, [task, joint]) as DocumentTransactItem[] }),
  );
  const draw = newDrawId();
  await store.inspectionDraws
    .put({
      drawId: draw,
      algorithm: 'hmac-sha256-lowest-k/v1',
      category: 'hazchem',
      department: 'anjian',
      regionCode: '3505',
      seed: '00'.repeat(32),
      commitment: 'c',
      snapshotHash: 's',
      enterprises: [],
      officers: [],
      experts: [],
      conflicts: [],
      enterpriseQuotas: [],
      officerQuotas: [],
      teamSize: 2,
      expertCount: 0,
      result: { enterprises: [], experts: [] },
      attempt: 1,
      previousDrawIds: [],
      pseudonyms: {},
      salt: '00',
      drawn: { enterprises: [], officers: [], experts: [] },
      drawnBy: { accountId: creator.accountId, name: creator.name },
      drawnAt: new Date().toISOString(),
    })
    .go();
  return { task: task.taskId, joint: joint.taskId, draw };
}
