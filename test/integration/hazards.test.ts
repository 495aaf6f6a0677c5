import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inspectionHazardId, onInspectionCompleted } from '../../functions/hazards/issue';
import { eventBase } from '../../functions/hazards/writes';
import { onHazardEvent } from '../../functions/notifications/on-hazard';
import { loginOfEntry } from '../../functions/lib/accounts/entry-login';
import type { EnterpriseRecord } from '../../functions/lib/register/entry-writes';
import { categoriesOf } from '../../functions/lib/register/scope';
import type { HAZARD_STEP_NAMES } from '../../shared/api/hazards';
import { InspectionCompleted } from '../../shared/events/inspections';
import type { CategoryCode } from '../../shared/reference/categories';
import { DEPARTMENT_CODES, type DepartmentCode } from '../../shared/reference/departments';
import { defaultResponsibleDepartment } from '../../shared/reference/segments';
import { addDays, todayInChina } from '../../shared/validation/dates';
import type { ApiClient } from '../support/api-client';
import { uploadAttachment } from '../support/attachments';
import { announce } from '../support/outbox';
import { signedInAs, type Persona, type RegulatorPersona } from '../support/personas';
import { startTestStack, type TestStack } from '../support/stack';

/** A tiny but real JPEG (SOI … EOI): the phone's 整改 photo. */
const SAMPLE_JPEG = new Uint8Array([
  0xff, 0xd8, 0xff, 0xe0, 0, 16, 74, 70, 73, 70, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0, 0xff, 0xd9,
]);
const silent = { info: () => {} };

/**
 * 隐患管理 through the local gateway on DynamoDB Local and s3rver: the loop 下发 → 整改 → 退回 → 整改 → 确认 with its
 * 整改记录 and due index, two regulators deciding at once, scope (another enterprise, region, department,
 * category → 404), InspectionCompleted delivered twice and late → exactly one hazard per 不满足 item, and the inbox.
 */
describe('hazards (隐患管理)', () => {
  let t: TestStack;
  let ent: EnterpriseRecord;
  let other: EnterpriseRecord;
  let category: CategoryCode;
  let responsible: DepartmentCode;
  let sending: DepartmentCode;
  let stranger: DepartmentCode;
  const inspector = (over: Partial<RegulatorPersona> = {}): RegulatorPersona => ({
    kind: 'regulator',
    department: sending,
    regionCode: ent.regionCode.slice(0, 4),
    categories: [category],
    roles: ['inspector'],
    ...over,
  });
  let sender: ApiClient;
  let enterprise: ApiClient;

  const deadline = () => addDays(todayInChina(), 10);

  async function issue(api = sender, over: Record<string, unknown> = {}) {
    const r = await api.post('/api/hazards', {
      name: '仓库消防通道堵塞',
      enterpriseId: ent.enterpriseId,
      deadline: deadline(),
      problem: '仓库东侧消防通道堆放货物。',
      requirement: '清理通道，保持畅通。',
      ...over,
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    return r.body as { hazardId: string; version: number; status: string; responsibleDepartment: string };
  }

  async function rectify(hazardId: string, version: number, description = '已清理通道并张贴警示标志。') {
    const photo = await uploadAttachment(enterprise, {
      bytes: SAMPLE_JPEG,
      fileName: '整改照片.jpg',
      contentType: 'image/jpeg',
      purpose: 'rectification',
    });
    return enterprise.post(`/api/hazards/${hazardId}/rectification`, { description, attachmentIds: [photo], version });
  }

  beforeAll(async () => {
    t = await startTestStack({ seedEnterprises: 4 });
    ent = (await t.store.enterprises.get({ enterpriseId: 'ent-000001' }).go()).data!;
    other = (await t.store.enterprises.get({ enterpriseId: 'ent-000002' }).go()).data!;
    category = categoriesOf(ent.segments)[0] as CategoryCode;
    responsible = defaultResponsibleDepartment(ent.segments, category);
    sending = responsible === 'gongan' ? 'jingxin' : 'gongan';
    stranger = DEPARTMENT_CODES.find((d) => d !== sending && d !== responsible)!;
    sender = await signedInAs(t.store, t.url, inspector());
    enterprise = await signedInAs(t.store, t.url, { kind: 'enterprise', enterpriseId: ent.enterpriseId });
  }, 180_000);
  afterAll(async () => t?.stop());

  it('seeds demo hazards in every state, some overdue, open ones in the due index', async () => {
    const { data } = await t.store.hazards.query.byEnterprise({ enterpriseId: ent.enterpriseId }).go({ pages: 'all' });
    const demo = data.filter((h) => h.sentBy?.accountId.startsWith('reg-1390000'));
    expect(new Set(demo.map((h) => `${h.status}${h.returnedCount ? '+returned' : ''}`))).toEqual(
      new Set(['issued', 'issued+returned', 'submitted', 'confirmed+returned']),
    );
    expect(demo.some((h) => h.status === 'issued' && h.deadline < todayInChina())).toBe(true);
    const due = (await t.store.hazards.query.byDueDate({ dueKind: 'hazard' }).go({ pages: 'all' })).data;
    expect(due.filter((h) => demo.some((d) => d.hazardId === h.hazardId))).toHaveLength(3);
  });

  it('runs the loop: 下发 → 整改 → 退回 → 整改 → 确认, with the 整改记录 and the due index', async () => {
    const file = await uploadAttachment(sender, { purpose: 'hazard', fileName: '现场照片.pdf' });
    const h = await issue(sender, { attachmentIds: [file] });
    expect(h).toMatchObject({ status: 'issued', responsibleDepartment: responsible, sendingDepartment: sending });

    // The enterprise sees it in 监管部门下发隐患, and may read the regulator's attachment.
    const own = await enterprise.get('/api/hazards/own');
    expect(own.body.items.map((i: { hazardId: string }) => i.hazardId)).toContain(h.hazardId);
    expect((await enterprise.get(`/api/attachments/${file}`)).status).toBe(200);
    // Open: its deadline is in the due index.
    const due = async () =>
      (await t.store.hazards.query.byDueDate({ dueKind: 'hazard' }).go({ pages: 'all' })).data.map((x) => x.hazardId);
    expect(await due()).toContain(h.hazardId);

    // 整改 needs at least one photo or file.
    const bare = await enterprise.post(`/api/hazards/${h.hazardId}/rectification`, {
      description: '已整改',
      attachmentIds: [],
      version: 1,
    });
    expect(bare.status).toBe(400);
    expect(JSON.stringify(bare.body)).toContain('请上传');

    // While 待整改 the 整改时限 may be set again (an inspection's hazard starts with 7 days); the enterprise may not.
    const later = addDays(todayInChina(), 12);
    expect((await enterprise.post(`/api/hazards/${h.hazardId}/deadline`, { deadline: later, version: 1 })).status).toBe(
      403,
    );
    const moved = await sender.post(`/api/hazards/${h.hazardId}/deadline`, { deadline: later, version: 1 });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect(moved.body).toMatchObject({ deadline: later, version: 2, canReschedule: true });
    const dueDate = async () =>
      (await t.store.hazards.query.byDueDate({ dueKind: 'hazard' }).go({ pages: 'all' })).data.find(
        (x) => x.hazardId === h.hazardId,
      )?.dueDate;
    expect(await dueDate()).toBe(later);

    const submitted = await rectify(h.hazardId, 2);
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
    expect(submitted.body).toMatchObject({ status: 'submitted', version: 3 });
    // Submitting again while 待确认 is refused, and so is a new 整改时限.
    expect((await rectify(h.hazardId, 3)).status).toBe(409);
    expect((await sender.post(`/api/hazards/${h.hazardId}/deadline`, { deadline: later, version: 3 })).status).toBe(
      409,
    );

    const toConfirm = await sender.get('/api/hazards?list=to-confirm');
    expect(toConfirm.status).toBe(200);
    expect(toConfirm.body.items.map((i: { hazardId: string }) => i.hazardId)).toContain(h.hazardId);

    const newDeadline = addDays(todayInChina(), 20);
    const returned = await sender.post(`/api/hazards/${h.hazardId}/return`, {
      reason: '照片未显示通道全貌',
      deadline: newDeadline,
      version: 3,
    });
    expect(returned.status, JSON.stringify(returned.body)).toBe(200);
    expect(returned.body).toMatchObject({ status: 'issued', returned: true, deadline: newDeadline, version: 4 });
    // The enterprise sees why and until when.
    const seen = (await enterprise.get(`/api/hazards/${h.hazardId}`)).body;
    expect(seen).toMatchObject({ returnReason: '照片未显示通道全貌', deadline: newDeadline, canRectify: true });
    const pending = await sender.get('/api/hazards?list=to-rectify&state=returned');
    expect(pending.body.items.map((i: { hazardId: string }) => i.hazardId)).toContain(h.hazardId);

    expect((await rectify(h.hazardId, 4, '已重新拍摄通道全貌。')).status).toBe(200);
    const confirmed = await sender.post(`/api/hazards/${h.hazardId}/confirm`, { version: 5 });
    expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200);
    expect(confirmed.body).toMatchObject({ status: 'confirmed', version: 6, overdue: false });
    expect(await due()).not.toContain(h.hazardId);
    const done = await sender.get('/api/hazards?list=rectified');
    expect(done.body.items.map((i: { hazardId: string }) => i.hazardId)).toContain(h.hazardId);
    const stillOpen = await sender.get('/api/hazards?list=to-confirm');
    expect(stillOpen.body.items.map((i: { hazardId: string }) => i.hazardId)).not.toContain(h.hazardId);

    const steps = await enterprise.get(`/api/hazards/${h.hazardId}/records`);
    expect(steps.status).toBe(200);
    expect(steps.body.items.map((s: { action: keyof typeof HAZARD_STEP_NAMES }) => s.action)).toEqual([
      'issued',
      'rescheduled',
      'submitted',
      'returned',
      'submitted',
      'confirmed',
    ]);
    expect(steps.body.items[3]).toMatchObject({ reason: '照片未显示通道全貌', deadline: newDeadline });
    expect(steps.body.items[2].attachmentIds).toHaveLength(1);
  });

  it('two regulators deciding at once: one decision, the other a clear 409', async () => {
    const h = await issue();
    expect((await rectify(h.hazardId, 1)).status).toBe(200);
    const colleague = await signedInAs(t.store, t.url, inspector({ department: responsible }));
    const [a, b] = await Promise.all([
      sender.post(`/api/hazards/${h.hazardId}/confirm`, { version: 2 }),
      colleague.post(`/api/hazards/${h.hazardId}/return`, { reason: '需补充材料', deadline: deadline(), version: 2 }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const loser = a.status === 409 ? a : b;
    expect(loser.body.error.message).toMatch(/请刷新后查看/);
    const steps = (await sender.get(`/api/hazards/${h.hazardId}/records`)).body.items;
    expect(steps).toHaveLength(3);
    // A decision on a stale version is refused too.
    const after = (await sender.get(`/api/hazards/${h.hazardId}`)).body;
    expect((await sender.post(`/api/hazards/${h.hazardId}/confirm`, { version: 2 })).status).toBe(409);
    expect(after.version).toBe(3);
  });

  it('keeps hazards in scope: another enterprise, region, department or category reads 404', async () => {
    const h = await issue();
    const otherEnterprise = await signedInAs(t.store, t.url, { kind: 'enterprise', enterpriseId: other.enterpriseId });
    const otherCity = ent.regionCode.startsWith('3501') ? '3502' : '3501';
    const outsiders: Persona[] = [
      inspector({ regionCode: otherCity }),
      inspector({ department: stranger }),
      inspector({ categories: [category === 'firearms' ? 'hazchem' : 'firearms'] }),
    ];
    expect((await otherEnterprise.get(`/api/hazards/${h.hazardId}`)).status).toBe(404);
    expect((await otherEnterprise.get(`/api/hazards/${h.hazardId}/records`)).status).toBe(404);
    expect((await rectifyAs(otherEnterprise, h.hazardId)).status).toBe(404);
    for (const p of outsiders) {
      const c = await signedInAs(t.store, t.url, p);
      expect((await c.get(`/api/hazards/${h.hazardId}`)).status, JSON.stringify(p)).toBe(404);
      const list = await c.get('/api/hazards?list=to-rectify');
      expect(list.body.items?.map((i: { hazardId: string }) => i.hazardId) ?? []).not.toContain(h.hazardId);
    }
    // The responsible department sees it in its own list; the province sees it too.
    const duty = await signedInAs(t.store, t.url, inspector({ department: responsible, regionCode: '35' }));
    const list = await duty.get('/api/hazards?list=to-rectify');
    expect(list.body.items.map((i: { hazardId: string }) => i.hazardId)).toContain(h.hazardId);
    // An enterprise of another region can't be chosen on 登记隐患问题.
    const far = await signedInAs(t.store, t.url, inspector({ regionCode: otherCity }));
    const r = await far.post('/api/hazards', {
      name: '越权登记',
      enterpriseId: ent.enterpriseId,
      deadline: deadline(),
      problem: '-',
    });
    expect(r.status).toBe(404);
  });

  async function rectifyAs(c: ApiClient, hazardId: string) {
    return c.post(`/api/hazards/${hazardId}/rectification`, {
      description: '越权整改',
      attachmentIds: ['att-0123456789abcdef0123456789abcdef'],
      version: 1,
    });
  }

  it('refuses a deadline in the past and unknown 督促整改责任单位 with 400', async () => {
    const past = await sender.post('/api/hazards', {
      name: '测试',
      enterpriseId: ent.enterpriseId,
      deadline: addDays(todayInChina(), -1),
      problem: '测试',
    });
    expect(past.status).toBe(400);
    expect(JSON.stringify(past.body)).toContain('整改时限');
    const bad = await sender.post('/api/hazards', {
      name: '测试',
      enterpriseId: ent.enterpriseId,
      deadline: deadline(),
      problem: '测试',
      responsibleDepartment: 'nobody',
    });
    expect(bad.status).toBe(400);
  });

  it('InspectionCompleted, delivered twice and again late: exactly one hazard per 不满足 item', async () => {
    const event: InspectionCompleted = {
      taskId: 'tsk-hazard-test-1',
      kind: 'independent',
      title: '2026年危险物品独立检查',
      category,
      department: sending,
      regionCode: ent.regionCode.slice(0, 4),
      enterpriseId: ent.enterpriseId,
      enterpriseName: ent.name,
      completedAt: new Date().toISOString(),
      completedBy: { accountId: 'reg-13900000028', name: '王检查' },
      unsatisfied: [
        {
          seq: 2,
          stage: '储存',
          content: '储存场所设置明显的安全警示标志',
          description: '无警示标志',
          attachmentIds: [],
        },
        { seq: 5, stage: '管理', content: '建立出入库台账', description: '台账缺两个月', attachmentIds: [] },
      ],
    };
    await announce(t.store, InspectionCompleted, event, event);
    await t.stack.settle();
    const ids = [2, 5].map((seq) => inspectionHazardId(event.taskId, seq));
    for (const id of ids) {
      const h = (await sender.get(`/api/hazards/${id}`)).body;
      expect(h).toMatchObject({
        name: `${event.title}-${ent.name}`,
        status: 'issued',
        sendingDepartment: sending,
        responsibleDepartment: responsible,
        deadline: addDays(todayInChina(), 7),
        source: { kind: 'inspection', taskId: event.taskId },
      });
    }
    expect((await sender.get(`/api/hazards/${ids[0]}`)).body.problem).toBe(
      '[储存场所设置明显的安全警示标志], 该项目检查不通过.\n无警示标志',
    );
    // The loop has moved on when the event comes once more: nothing is written, nothing goes back.
    expect((await rectify(ids[0]!, 1)).status).toBe(200);
    expect(
      await onInspectionCompleted(
        t.store,
        { detail: { version: 1, eventId: 'late-1', occurredAt: event.completedAt, data: event } },
        silent,
      ),
    ).toEqual({
      written: 0,
      duplicates: 2,
    });
    expect((await sender.get(`/api/hazards/${ids[0]}`)).body.status).toBe('submitted');
    const fromTask = (
      await t.store.hazards.query.byEnterprise({ enterpriseId: ent.enterpriseId }).go({ pages: 'all' })
    ).data.filter((h) => h.taskId === event.taskId);
    expect(fromTask).toHaveLength(2);
    const steps = await Promise.all(ids.map((id) => t.store.hazardSteps.query.byHazard({ hazardId: id }).go()));
    expect(steps.map((s) => s.data.filter((x) => x.action === 'issued').length)).toEqual([1, 1]);
  });

  it('tells the enterprise of 下发 / 退回 / 确认 and the sending department of 整改, once per event', async () => {
    // The enterprise's own login account (the seed opens one per unit with a code; open it here if not).
    const login = loginOfEntry(ent)!;
    let account = (await t.store.accounts.query.byLogin({ login }).go()).data[0];
    if (!account) {
      await t.store.accounts
        .put({
          accountId: `acc-${ent.enterpriseId}`,
          kind: 'enterprise',
          login,
          name: ent.name,
          passwordHash: 'x',
          enterpriseId: ent.enterpriseId,
        })
        .go();
      account = (await t.store.accounts.query.byLogin({ login }).go()).data[0]!;
    }
    const officer = { accountId: 'reg-hazard-officer', mobile: '13700009999' };
    await t.store.accounts
      .put({
        accountId: officer.accountId,
        kind: 'regulator',
        login: officer.mobile,
        name: '林检查',
        passwordHash: 'x',
        department: sending,
        regionCode: ent.regionCode.slice(0, 4),
        categories: [category],
        roles: ['inspector'],
      })
      .go();
    const inbox = async (recipient: string) =>
      (await t.store.notifications.query.byRecipient({ recipient }).go({ pages: 'all' })).data;

    const h = await issue();
    await t.stack.settle();
    const issued = (await inbox(account.accountId)).filter((n) => n.subjectId === h.hazardId);
    expect(issued.map((n) => n.kind)).toEqual(['hazardIssued']);

    expect((await rectify(h.hazardId, 1)).status).toBe(200);
    await t.stack.settle();
    expect((await inbox(officer.accountId)).filter((n) => n.subjectId === h.hazardId).map((n) => n.kind)).toEqual([
      'rectificationSubmitted',
    ]);
    expect(
      (await sender.post(`/api/hazards/${h.hazardId}/return`, { reason: '不完整', deadline: deadline(), version: 2 }))
        .status,
    ).toBe(200);
    expect((await rectify(h.hazardId, 3)).status).toBe(200);
    expect((await sender.post(`/api/hazards/${h.hazardId}/confirm`, { version: 4 })).status).toBe(200);
    await t.stack.settle();
    const mine = (await inbox(account.accountId)).filter((n) => n.subjectId === h.hazardId);
    expect(mine.map((n) => n.kind).sort()).toEqual(['hazardConfirmed', 'hazardIssued', 'hazardReturned']);
    expect(mine.find((n) => n.kind === 'hazardReturned')!.body).toContain('不完整');
    expect((await inbox(officer.accountId)).filter((n) => n.subjectId === h.hazardId)).toHaveLength(2);
    // A redelivered HazardIssued (the relay and the bus deliver at least once) writes nothing more.
    const stored = (await t.store.hazards.get({ hazardId: h.hazardId }).go()).data!;
    const again = await onHazardEvent(
      t.store,
      {
        'detail-type': 'HazardIssued',
        detail: {
          version: 1,
          eventId: 'redelivered',
          occurredAt: stored.sentAt,
          data: { ...eventBase({ ...stored, returnedCount: 0 }), issuedAt: stored.sentAt } as never,
        },
      },
      silent,
    );
    expect(again).toEqual({ written: 0, duplicates: 1 });
    expect((await inbox(account.accountId)).filter((n) => n.subjectId === h.hazardId)).toHaveLength(3);
  });
});
