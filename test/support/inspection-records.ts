/**
 * Inspection tasks for 登记 tests: officers signed in as personas (with their account ids), and tasks written as
 * the task creation writes them — the task, one member row per officer, a joint task's department rows — so
 * registration, completion, 删除 and 一公开 are tested on the items the creation (H3's taskWriteItems) writes.
 */
import { randomUUID } from 'node:crypto';
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { TaskRecord } from '../../functions/inspections/task-scope';
import { readChecklistVersion } from '../../functions/lib/checklists/read';
import { taskWriteItems } from '../../functions/inspections/task-writes';
import type { Store } from '../../functions/store';
import type { ApiClient } from './api-client';
import { TEST_CHECKLISTS, testChecklists } from './inspections';
import { signedInAs, type RegulatorPersona } from './personas';

export interface Officer {
  client: ApiClient;
  accountId: string;
  name: string;
}

export async function officer(store: Store, url: string, p: Partial<RegulatorPersona> = {}): Promise<Officer> {
  const client = await signedInAs(store, url, {
    kind: 'regulator',
    department: 'anjian',
    regionCode: '3505',
    categories: ['hazchem'],
    roles: ['inspector'],
    ...p,
  });
  const r = await client.get('/api/auth/session');
  return { client, accountId: r.body.account.accountId, name: r.body.account.name };
}

/** The checklist version test tasks keep: `testChecklists`' independent list (written by `writeTask`). */
export const TEST_CHECKLIST = {
  checklistId: TEST_CHECKLISTS.independent,
  version: 1,
  name: '测试独立检查清单',
  itemCount: 5,
};

export interface TaskSpec {
  kind?: 'independent' | 'random' | 'joint';
  team: readonly { accountId: string; name: string }[];
  createdBy?: { accountId: string; name: string };
  department?: string;
  regionCode?: string;
  category?: string;
  enterpriseId?: string;
  enterpriseName?: string;
  uscc?: string;
  enterpriseRegionCode?: string;
  plannedStart?: string;
  itemSeqs?: number[];
  status?: 'open' | 'awaiting-answers';
  form?: 'open' | 'covert';
  drawId?: string;
  joint?: { department: string; answer: 'pending' | 'agreed' | 'refused' }[];
  title?: string;
}

/** Write one task with the creation's own items (task-writes.ts, one transaction); its id. */
export async function writeTask(store: Store, s: TaskSpec): Promise<string> {
  await testChecklists(store, { department: s.department ?? 'anjian', category: s.category ?? 'hazchem' });
  const taskId = `tsk-${randomUUID().replace(/-/g, '').slice(0, 20)}`;
  const createdAt = new Date().toISOString();
  const kind = s.kind ?? 'independent';
  const department = s.department ?? 'anjian';
  const status = s.status ?? 'open';
  const plannedStart = s.plannedStart ?? '2026-03-02';
  const enterpriseRegionCode = s.enterpriseRegionCode ?? '350503';
  const task: TaskRecord = {
    taskId,
    batchId: `bat-${taskId}`,
    kind,
    title: s.title ?? `安全检查-${s.enterpriseName ?? '泉州市测试化工有限公司'}`,
    category: s.category ?? 'hazchem',
    department,
    regionCode: s.regionCode ?? '3505',
    enterpriseId: s.enterpriseId ?? `ent-${taskId}`,
    enterpriseName: s.enterpriseName ?? '泉州市测试化工有限公司',
    ...(s.uscc ? { uscc: s.uscc } : {}),
    enterpriseRegionCode,
    plannedStart,
    plannedEnd: plannedStart,
    inspectionType: s.itemSeqs ? 'special' : 'full',
    form: s.form ?? 'open',
    checklist: {
      checklistId: TEST_CHECKLIST.checklistId,
      version: TEST_CHECKLIST.version,
      name: TEST_CHECKLIST.name,
      itemCount: s.itemSeqs?.length ?? TEST_CHECKLIST.itemCount,
      revision: (await readChecklistVersion(store, TEST_CHECKLIST.checklistId, TEST_CHECKLIST.version))!.ref.revision,
    },
    ...(s.itemSeqs ? { itemSeqs: s.itemSeqs } : {}),
    officers: s.team.map((o) => ({ officerId: o.accountId, name: o.name })),
    experts: [],
    attachmentIds: [],
    ...(s.drawId ? { drawId: s.drawId } : {}),
    ...(s.joint ? { joint: { departments: s.joint.map((d) => ({ ...d })) } } : {}),
    status,
    answeredCount: 0,
    unsatisfiedCount: 0,
    createdBy: s.createdBy ?? { accountId: s.team[0]!.accountId, name: s.team[0]!.name },
    createdAt,
    version: 1,
  };
  const items = taskWriteItems(store, [task]);
  await store.client.send(new TransactWriteCommand({ TransactItems: items as never }));
  return taskId;
}
