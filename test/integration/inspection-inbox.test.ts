import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EntityItem } from 'electrodb';
import { Logger } from '@aws-lambda-powertools/logger';
import { loginOfEntry } from '../../functions/lib/accounts/entry-login';
import { LOCAL_NAMES } from '../../functions/local/stack';
import { onInspectionEvent } from '../../functions/notifications/on-inspection';
import type { Store } from '../../functions/store';
import { InspectionAssigned, JointInspectionAnswered, JointInspectionInvited } from '../../shared/events/inspections';
import { CATEGORIES } from '../../shared/reference/categories';
import { REGIONS } from '../../shared/reference/regions';
import { busiestSegment, inspector, TEST_CHECKLISTS, testChecklists, type Inspector } from '../support/inspections';
import { announce, outboxRecords } from '../support/outbox';
import { startTestStack, type TestStack } from '../support/stack';

/**
 * The inbox of inspection events (issue 11 §7) on the local stack — outbox → stream → relay → bus → the
 * notifications consumer: a 联合检查 (暗查) tells its team (InspectionAssigned) and the 参检部门's inspectors who
 * cover the enterprise (JointInspectionInvited), nobody else and never the enterprise; each 同意 / 拒绝 tells the
 * lead's creator and team (JointInspectionAnswered) and puts the answerer on the team (InspectionAssigned).
 * Every event delivered again, twice and in reverse order, writes no second message and moves no counter.
 */
describe('the inbox of inspection events', () => {
  let t: TestStack;
  let category = '';
  let lead: Inspector;
  let colleague: Inspector;
  let partA: Inspector;
  let partA2: Inspector;
  let partB: Inspector;
  /** Of a participating department and category, but in another city than the enterprise: not invited. */
  let farA: Inspector;
  /** Of a department that does not take part. */
  let bystander: Inspector;
  let enterprise: { enterpriseId: string; regionCode: string; login: string };
  let participants: string[] = [];
  let taskId = '';
  const silent = new Logger({ serviceName: 'inspection-inbox-test', logLevel: 'SILENT' });

  type Message = EntityItem<Store['notifications']>;
  const inbox = async (recipient: string): Promise<Message[]> =>
    (await t.store.notifications.query.byRecipient({ recipient }).go({ pages: 'all' })).data;
  const about = async (who: Inspector | string, id = taskId) =>
    (await inbox(typeof who === 'string' ? who : who.accountId)).filter((m) => m.subjectId === id);
  const unread = async (recipient: string) =>
    (await t.store.inboxCounters.get({ recipient }).go({ consistent: true })).data?.unread ?? 0;

  beforeAll(async () => {
    t = await startTestStack({ seedEnterprises: 30 });
    let segment = '';
    ({ category, segment } = await busiestSegment(t.store));
    const dept = 'gongan';
    const cats = [category];
    lead = await inspector(t.store, t.url, { department: dept, regionCode: '35', categories: cats, name: '林牵头' });
    colleague = await inspector(t.store, t.url, { department: dept, regionCode: '35', categories: cats });
    await testChecklists(t.store, { department: dept, category });
    const c = CATEGORIES.find((x) => x.code === category)!;
    participants = [...new Set<string>([c.lead, ...c.responsible])].filter((d) => d !== dept).slice(0, 2);
    expect(participants).toHaveLength(2);
    partA = await inspector(t.store, t.url, { department: participants[0]!, regionCode: '35', categories: cats });
    partA2 = await inspector(t.store, t.url, { department: participants[0]!, regionCode: '35', categories: cats });
    partB = await inspector(t.store, t.url, { department: participants[1]!, regionCode: '35', categories: cats });
    bystander = await inspector(t.store, t.url, {
      department: ['jiaotong', 'tiyu', 'caizheng'].find((d) => d !== dept && !participants.includes(d))!,
      regionCode: '35',
      categories: cats,
    });
    const r = await lead.client.get(`/api/inspections/enterprise-picker?segment=${segment}&limit=5`);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const { data: e } = await t.store.enterprises.get({ enterpriseId: r.body.items[0].enterpriseId }).go();
    enterprise = { enterpriseId: e!.enterpriseId, regionCode: e!.regionCode, login: loginOfEntry(e!)! };
    const otherCity = REGIONS.find((x) => x.code.length === 4 && !e!.regionCode.startsWith(x.code))!.code;
    farA = await inspector(t.store, t.url, { department: participants[0]!, regionCode: otherCity, categories: cats });
  }, 180_000);
  afterAll(async () => t?.stop());

  it('创建联合检查 (暗查): the team is assigned, the 参检部门 who cover the enterprise are invited, nobody else', async () => {
    const r = await lead.client.post('/api/inspections/joint-tasks', {
      title: '2026年联合暗查',
      enterpriseIds: [enterprise.enterpriseId],
      officerIds: [colleague.accountId],
      departments: participants,
      plannedStart: '2026-12-10',
      plannedEnd: '2026-12-20',
      inspectionType: 'full',
      checklistId: TEST_CHECKLISTS.joint,
      form: 'covert',
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    taskId = r.body.taskIds[0];
    await t.stack.settle();

    for (const officer of [lead, colleague]) {
      const mine = await about(officer);
      expect(mine.map((m) => [m.kind, m.title, m.subjectType, m.subjectCategory])).toEqual([
        ['inspectionAssigned', '新的检查任务', 'inspectionTask', category],
      ]);
      expect(mine[0]!.body).toContain('2026年联合暗查');
      expect(mine[0]!.body).toContain('本次为暗查，请勿提前告知企业');
    }
    for (const p of [partA, partA2, partB]) {
      const mine = await about(p);
      expect(mine.map((m) => [m.kind, m.title, m.subjectType])).toEqual([
        ['jointInspectionInvited', '联合检查邀请', 'jointInspection'],
      ]);
      expect(mine[0]!.body).toContain('请在联合检查任务中答复同意或拒绝');
    }
    // Outside the enterprise's city, another department, and the enterprise: nothing.
    for (const p of [farA, bystander]) expect(await about(p)).toEqual([]);
    const { data: accounts } = await t.store.accounts.query.byLogin({ login: enterprise.login }).go();
    expect(accounts.length).toBeGreaterThan(0);
    for (const a of accounts) expect(await about(a.accountId)).toEqual([]);

    // The API shows the link's platform with the message.
    const page = (await lead.client.get('/api/notifications?limit=50')).body;
    expect(page.items.find((m: { subjectId?: string }) => m.subjectId === taskId)).toMatchObject({
      subjectType: 'inspectionTask',
      subjectCategory: category,
      read: false,
    });
    expect(t.stack.bus.deadLetters).toEqual([]);
  });

  it('同意 and 拒绝 reach the lead’s creator and team; the department that agreed is assigned', async () => {
    const yes = await partA.client.post(`/api/inspections/joint-tasks/${taskId}/answer`, { answer: 'agreed' });
    expect(yes.status, JSON.stringify(yes.body)).toBe(200);
    const no = await partB.client.post(`/api/inspections/joint-tasks/${taskId}/answer`, {
      answer: 'refused',
      reason: '本部门同期另有专项检查任务。',
    });
    expect(no.status, JSON.stringify(no.body)).toBe(200);
    await t.stack.settle();

    for (const officer of [lead, colleague]) {
      const answers = (await about(officer)).filter((m) => m.kind === 'jointInspectionAnswered');
      expect(answers.map((m) => m.title).sort()).toEqual(['参检部门同意联合检查', '参检部门拒绝联合检查']);
      const refusal = answers.find((m) => m.title === '参检部门拒绝联合检查')!;
      expect(refusal.body).toContain('原因：本部门同期另有专项检查任务。');
      expect(refusal.body).toContain('请在联合检查任务中移除该部门或取消检查');
    }
    // partA is now on the team: told of the task; not of the other department's answer (the lead's business).
    expect((await about(partA)).map((m) => m.kind).sort()).toEqual(['inspectionAssigned', 'jointInspectionInvited']);
    expect((await about(partA2)).map((m) => m.kind)).toEqual(['jointInspectionInvited']);
    expect((await about(partB)).map((m) => m.kind)).toEqual(['jointInspectionInvited']);
    expect(t.stack.bus.deadLetters).toEqual([]);
  });

  it('the same events again — twice, in reverse order — write no second message and move no counter', async () => {
    const events = (await outboxRecords(t.stack.dynamo.endpoint, LOCAL_NAMES.table)).filter((e) =>
      JSON.stringify(e.detail.data).includes(taskId),
    );
    expect(events.map((e) => e.detailType).sort()).toEqual([
      'InspectionAssigned',
      'InspectionAssigned',
      'JointInspectionAnswered',
      'JointInspectionAnswered',
      'JointInspectionInvited',
    ]);
    const people = [lead, colleague, partA, partA2, partB];
    const before = await Promise.all(people.map(async (p) => [await about(p), await unread(p.accountId)]));

    // Latest first, each twice: through the whole stack (new outbox items carrying the same facts)…
    const contracts = { InspectionAssigned, JointInspectionInvited, JointInspectionAnswered } as const;
    for (const e of [...events].reverse()) {
      const contract = contracts[e.detailType as keyof typeof contracts];
      await announce(t.store, contract, e.detail.data as never, e.detail.data as never);
    }
    await t.stack.settle();
    // …and straight to the consumer, as a redelivery of the very same event.
    for (const e of events) {
      const again = await onInspectionEvent(
        t.store,
        { 'detail-type': e.detailType, detail: e.detail as never },
        silent,
      );
      expect(again.written).toBe(0);
      expect(again.duplicates).toBeGreaterThan(0);
    }

    const after = await Promise.all(people.map(async (p) => [await about(p), await unread(p.accountId)]));
    expect(after).toEqual(before);
    expect(t.stack.bus.deadLetters).toEqual([]);
  });
});
