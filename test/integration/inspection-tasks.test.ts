import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commitmentOf, snapshotHash } from '../../shared/inspections/draw';
import { CATEGORIES, type CategoryCode } from '../../shared/reference/categories';
import { segmentsOf } from '../../shared/reference/segments';
import { ApiClient } from '../support/api-client';
import { reference } from '../support/draw-reference';
import { busiestSegment, inspector, type Inspector } from '../support/inspections';
import { startTestStack, type TestStack } from '../support/stack';

/**
 * Inspection tasks against DynamoDB Local: 创建独立检查任务 (team, 专项, scope, the batch that can't fit), 双随机
 * (draw, 再次随机 keeping both, 开始检查, a failing draw writing nothing), the public draw record (404 until
 * published, then re-run by an independent implementation) and 联合检查 with a refusal and racing answers.
 */
describe('inspection tasks', () => {
  let t: TestStack;
  let category = '';
  let segment = '';
  let lead: Inspector;
  let colleague: Inspector;
  let colleague2: Inspector;
  let otherDept: Inspector;
  let participants: string[] = [];
  let partA: Inspector;
  let partA2: Inspector;
  let partB: Inspector;
  let enterpriseIds: string[] = [];
  const more: Inspector[] = [];

  beforeAll(async () => {
    t = await startTestStack({ seedEnterprises: 60 });
    ({ category, segment } = await busiestSegment(t.store));
    const dept = 'gongan';
    const cats = [category];
    lead = await inspector(t.store, t.url, { department: dept, regionCode: '35', categories: cats, name: '林牵头' });
    colleague = await inspector(t.store, t.url, {
      department: dept,
      regionCode: '35',
      categories: cats,
      name: '陈同事',
    });
    colleague2 = await inspector(t.store, t.url, { department: dept, regionCode: '35', categories: cats });
    for (let i = 0; i < 11; i++) {
      more.push(await inspector(t.store, t.url, { department: dept, regionCode: '35', categories: cats }));
    }
    const c = CATEGORIES.find((x) => x.code === category)!;
    participants = [...new Set([c.lead, ...c.responsible])].filter((d) => d !== dept).slice(0, 2);
    expect(participants).toHaveLength(2);
    otherDept = await inspector(t.store, t.url, { department: participants[0]!, regionCode: '35', categories: cats });
    partA = otherDept;
    partA2 = await inspector(t.store, t.url, { department: participants[0]!, regionCode: '35', categories: cats });
    partB = await inspector(t.store, t.url, { department: participants[1]!, regionCode: '35', categories: cats });
    const r = await lead.client.get(`/api/inspections/enterprise-picker?segment=${segment}&limit=50`);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    enterpriseIds = r.body.items.map((i: { enterpriseId: string }) => i.enterpriseId);
    expect(enterpriseIds.length).toBeGreaterThanOrEqual(5);
  }, 180_000);
  afterAll(async () => t?.stop());

  const plan = {
    plannedStart: '2026-12-10',
    plannedEnd: '2026-12-20',
    inspectionType: 'full',
    checklistId: 'stub-independent',
    form: 'open',
  };
  const tasksOf = async (enterpriseId: string) =>
    (await t.store.inspectionTasks.query.byEnterprise({ enterpriseId }).go({ pages: 'all' })).data;

  it('demo data: a year of seeded inspections of every kind, joint ones awaiting answers and one refused', async () => {
    const store = t.store;
    const { seedInspections } = await import('../../functions/seed/inspections');
    const { generateDemoData } = await import('../../functions/seed/generate');
    const data = generateDemoData({ seed: 7, enterprises: 60, today: '2026-12-01' });
    const seeded = await seedInspections(store, data, { today: '2026-12-01', target: 40 });
    expect(seeded.length).toBeGreaterThanOrEqual(40);
    const kinds = new Set(seeded.map((s) => s.kind));
    expect([...kinds].sort()).toEqual(['independent', 'joint', 'random']);
    const { data: tasks } = await store.inspectionTasks.get(seeded.map(({ taskId }) => ({ taskId }))).go();
    const joint = tasks.filter((x) => x.kind === 'joint');
    expect(joint.some((x) => x.status === 'awaiting-answers')).toBe(true);
    expect(joint.filter((x) => x.joint!.departments!.some((d) => d.answer === 'refused'))).toHaveLength(1);
    for (const x of tasks) expect((x.officers ?? []).length).toBeGreaterThanOrEqual(2);
    const random = tasks.find((x) => x.kind === 'random')!;
    expect((await store.inspectionDraws.get({ drawId: random.drawId! }).go()).data?.batchId).toBe(random.batchId);
  });

  it('picker: the count line from the live counter, and each enterprise with its burden', async () => {
    const r = await lead.client.get(`/api/inspections/enterprise-picker?segment=${segment}&limit=5`);
    expect(r.body.jurisdictionName).toBe('福建省');
    expect(r.body.total).toBeGreaterThanOrEqual(enterpriseIds.length);
    expect(r.body.items).toHaveLength(5);
    expect(r.body.items[0]).toHaveProperty('burden');
  });

  it('创建独立检查任务: one task per enterprise, the creator on the team, member rows, burden counted, audited', async () => {
    const before = (await lead.client.get(`/api/inspections/enterprise-picker?segment=${segment}&limit=50`)).body
      .items as { enterpriseId: string; burden: number }[];
    const chosen = enterpriseIds.slice(0, 2);
    const r = await lead.client.post('/api/inspections/independent-tasks', {
      title: '2026年冬季安全检查',
      enterpriseIds: chosen,
      officerIds: [colleague.accountId],
      ...plan,
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body.taskIds).toHaveLength(2);
    const task = (await lead.client.get(`/api/inspections/tasks/${r.body.taskIds[0]}`)).body;
    expect(task.officers.map((o: { officerId: string }) => o.officerId)).toEqual([lead.accountId, colleague.accountId]);
    expect(task).toMatchObject({ kind: 'independent', status: 'open', department: 'gongan', batchId: r.body.batchId });
    expect(task.checklist.itemCount).toBe(5);
    // The colleague's 登记 list is one Query on the member rows.
    const mine = await t.store.inspectionTaskMembers.query
      .byOfficer({ officerId: colleague.accountId, state: 'open' })
      .go();
    expect(mine.data.map((m) => m.taskId)).toEqual(expect.arrayContaining(r.body.taskIds));
    const after = (await lead.client.get(`/api/inspections/enterprise-picker?segment=${segment}&limit=50`)).body
      .items as { enterpriseId: string; burden: number }[];
    for (const id of chosen) {
      expect(after.find((x) => x.enterpriseId === id)!.burden).toBe(
        before.find((x) => x.enterpriseId === id)!.burden + 1,
      );
    }
    // A member of the team sees it; a regulator of another department doesn't learn it exists.
    expect((await colleague.client.get(`/api/inspections/tasks/${r.body.taskIds[0]}`)).status).toBe(200);
    expect((await otherDept.client.get(`/api/inspections/tasks/${r.body.taskIds[0]}`)).status).toBe(404);
  });

  it('专项检查 keeps the chosen subset; without items, or with items not on the list, it is refused', async () => {
    const base = { title: '专项检查', enterpriseIds: [enterpriseIds[2]], officerIds: [colleague.accountId], ...plan };
    const none = await lead.client.post('/api/inspections/independent-tasks', { ...base, inspectionType: 'special' });
    expect(none.status).toBe(400);
    expect(none.body.error.message).toContain('专项检查请选择检查项目');
    const unknown = await lead.client.post('/api/inspections/independent-tasks', {
      ...base,
      inspectionType: 'special',
      itemSeqs: [1, 99],
    });
    expect(unknown.status).toBe(400);
    const ok = await lead.client.post('/api/inspections/independent-tasks', {
      ...base,
      inspectionType: 'special',
      itemSeqs: [3, 1, 3],
    });
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
    const task = (await lead.client.get(`/api/inspections/tasks/${ok.body.taskIds[0]}`)).body;
    expect(task.itemSeqs).toEqual([1, 3]);
    expect(task.checklist.itemCount).toBe(2);
  });

  it('refuses a team of one, an officer of another department, a bad date range — and writes nothing', async () => {
    const id = enterpriseIds[3]!;
    const before = (await tasksOf(id)).length;
    const base = { title: '检查', enterpriseIds: [id], ...plan };
    const alone = await lead.client.post('/api/inspections/independent-tasks', {
      ...base,
      officerIds: [lead.accountId],
    });
    expect(alone.status).toBe(400);
    expect(alone.body.error.message).toContain('不少于 2 人');
    const foreign = await lead.client.post('/api/inspections/independent-tasks', {
      ...base,
      officerIds: [otherDept.accountId],
    });
    expect(foreign.status).toBe(400);
    const dates = await lead.client.post('/api/inspections/independent-tasks', {
      ...base,
      officerIds: [colleague.accountId],
      plannedStart: '2026-12-20',
      plannedEnd: '2026-12-10',
    });
    expect(dates.status).toBe(400);
    const bogus = await lead.client.post('/api/inspections/independent-tasks', {
      ...base,
      enterpriseIds: ['ent-nope'],
      officerIds: [colleague.accountId],
    });
    expect(bogus.status).toBe(400);
    expect(await tasksOf(id)).toHaveLength(before);
  });

  it('a batch that cannot fit one transaction is refused with a clear message, nothing written', async () => {
    // 7 enterprises × (task + a team of 14 + burden) = 112 items, with the audit record > 100.
    const all = new Set<string>();
    for (const seg of segmentsOf(category as CategoryCode)) {
      const page = await lead.client.get(`/api/inspections/enterprise-picker?segment=${seg.code}&limit=50`);
      for (const i of page.body.items as { enterpriseId: string }[]) all.add(i.enterpriseId);
    }
    const many = [...all].filter((id) => !enterpriseIds.slice(0, 5).includes(id)).slice(0, 7);
    expect(many).toHaveLength(7);
    const before = await Promise.all(many.map(async (id) => (await tasksOf(id)).length));
    const r = await lead.client.post('/api/inspections/independent-tasks', {
      title: '大批量',
      enterpriseIds: many,
      officerIds: [colleague, colleague2, ...more].map((o) => o.accountId),
      ...plan,
    });
    expect(r.status).toBe(400);
    expect(r.body.error.message).toContain('请分批创建');
    expect(await Promise.all(many.map(async (id) => (await tasksOf(id)).length))).toEqual(before);
  });

  describe('双随机', () => {
    let first: { drawId: string };
    let second: {
      drawId: string;
      attempt: number;
      previousDrawIds: string[];
      enterprises: { enterpriseId: string; officers: { officerId: string }[] }[];
    };
    const drawBody = {
      segments: [] as string[],
      enterprises: { mode: 'count', count: 3 },
      officers: { mode: 'count', count: 4 },
      teamSize: 2,
      expertCount: 0,
    };

    it('开始随机: draws enterprises and teams; 再次随机 keeps the first draw and names it', async () => {
      const r1 = await lead.client.post('/api/inspections/draws', drawBody);
      expect(r1.status, JSON.stringify(r1.body)).toBe(201);
      first = r1.body;
      expect(r1.body.enterprises).toHaveLength(3);
      for (const e of r1.body.enterprises) expect(e.officers).toHaveLength(2);
      expect(r1.body.commitment).toBe(await commitmentOf(r1.body.seed));
      const r2 = await lead.client.post('/api/inspections/draws', { ...drawBody, previousDrawId: first.drawId });
      expect(r2.status, JSON.stringify(r2.body)).toBe(201);
      second = r2.body;
      expect(second.attempt).toBe(2);
      expect(second.previousDrawIds).toEqual([first.drawId]);
      const again = (await lead.client.get(`/api/inspections/draws/${first.drawId}`)).body;
      expect(again.supersededBy).toBe(second.drawId);
      // A superseded draw can't be drawn again nor start tasks.
      expect(
        (await lead.client.post('/api/inspections/draws', { ...drawBody, previousDrawId: first.drawId })).status,
      ).toBe(409);
    });

    it('the commitment and snapshot are on the audit trail, written before the result', async () => {
      const { data } = await t.store.audit.records.query
        .byObject({ objectRef: `inspectionDraw:${second.drawId}` })
        .go({ pages: 'all' });
      const commit = data.find((d) => d.action === 'inspection.draw.commit')!;
      const stored = data.find((d) => d.action === 'inspection.draw')!;
      expect(commit.at <= stored.at).toBe(true);
      expect(JSON.stringify(commit)).toContain(
        (await lead.client.get(`/api/inspections/draws/${second.drawId}`)).body.commitment,
      );
    });

    it('a draw that cannot meet its rules fails whole with the reason and stores nothing', async () => {
      const r = await lead.client.post('/api/inspections/draws', {
        ...drawBody,
        officers: { mode: 'count', count: 500 },
      });
      expect(r.status).toBe(400);
      expect(r.body.error.message).toContain('执法人员');
    });

    it('开始检查 creates the drawn tasks with their teams; the public record is 404 until published, then re-runs', async () => {
      const tasks = second.enterprises.map((e) => ({ enterpriseId: e.enterpriseId, ...plan }));
      const stale = await lead.client.post(`/api/inspections/draws/${first.drawId}/tasks`, {
        title: '双随机抽查',
        form: 'covert',
        tasks,
      });
      expect(stale.status).toBe(409);
      const r = await lead.client.post(`/api/inspections/draws/${second.drawId}/tasks`, {
        title: '双随机抽查',
        form: 'covert',
        tasks,
      });
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      expect(r.body.taskIds).toHaveLength(3);
      for (const [i, taskId] of r.body.taskIds.entries()) {
        const task = (await lead.client.get(`/api/inspections/tasks/${taskId}`)).body;
        expect(task).toMatchObject({ kind: 'random', drawId: second.drawId, form: 'covert' });
        expect(task.officers.map((o: { officerId: string }) => o.officerId)).toEqual(
          second.enterprises[i]!.officers.map((o) => o.officerId),
        );
      }
      // Once used, the draw starts no second set of tasks.
      expect(
        (await lead.client.post(`/api/inspections/draws/${second.drawId}/tasks`, { title: 'x', form: 'open', tasks }))
          .status,
      ).toBe(409);

      const anon = new ApiClient(t.url);
      expect((await anon.get(`/api/public/draws/${second.drawId}`)).status).toBe(404);
      // 一公开 (H4 sets publishedAt): until every task is published the record stays closed.
      await t.store.inspectionTasks
        .patch({ taskId: r.body.taskIds[0] })
        .set({ publishedAt: '2026-12-30T00:00:00Z' })
        .go();
      expect((await anon.get(`/api/public/draws/${second.drawId}`)).status).toBe(404);
      for (const taskId of r.body.taskIds) {
        await t.store.inspectionTasks.patch({ taskId }).set({ publishedAt: '2026-12-30T00:00:00Z' }).go();
      }
      const pub = await anon.get(`/api/public/draws/${second.drawId}`);
      expect(pub.status, JSON.stringify(pub.body)).toBe(200);
      expect(pub.body.previousDrawIds).toEqual([first.drawId]);
      expect(pub.body.attempt).toBe(2);
      // Re-run by the independent implementation: same result, same commitment and snapshot.
      expect(reference({ ...pub.body })).toEqual(pub.body.result);
      expect(await commitmentOf(pub.body.seed)).toBe(pub.body.commitment);
      expect(
        await snapshotHash(
          pub.body.enterprises.map((e: { id: string }) => e.id),
          pub.body.officers.map((o: { id: string }) => o.id),
        ),
      ).toBe(pub.body.snapshotHash);
      // Officer ids are pseudonyms: never an account id, a login or a name.
      const text = JSON.stringify(pub.body);
      for (const who of [lead, colleague, colleague2]) {
        expect(text).not.toContain(who.accountId);
        expect(text).not.toContain(who.name);
      }
      expect(text).not.toContain('salt');
    });
  });

  describe('联合检查', () => {
    let taskId = '';
    const jointBody = () => ({
      title: '联合执法检查',
      enterpriseIds: [enterpriseIds[4]],
      officerIds: [colleague.accountId],
      departments: participants,
      ...plan,
      checklistId: 'stub-joint',
    });

    it('needs a joint checklist and departments other than the lead', async () => {
      expect(
        (await lead.client.post('/api/inspections/joint-tasks', { ...jointBody(), checklistId: 'stub-independent' }))
          .status,
      ).toBe(400);
      expect(
        (await lead.client.post('/api/inspections/joint-tasks', { ...jointBody(), departments: ['gongan'] })).status,
      ).toBe(400);
    });

    it('each 参检部门 sees it as 未答复; answers race safely; a refusal is dropped by the lead, then it opens', async () => {
      const r = await lead.client.post('/api/inspections/joint-tasks', jointBody());
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      taskId = r.body.taskIds[0];
      const listA = (await partA.client.get('/api/inspections/joint-tasks?answer=pending')).body;
      expect(listA.items.map((i: { task: { taskId: string } }) => i.task.taskId)).toContain(taskId);
      expect(listA.items.find((i: { task: { taskId: string } }) => i.task.taskId === taskId)).toMatchObject({
        role: 'participant',
        answer: 'pending',
        task: { status: 'awaiting-answers' },
      });
      // Two inspectors of the same department answer at once: one wins, the other hears who answered.
      const [a1, a2] = await Promise.all([
        partA.client.post(`/api/inspections/joint-tasks/${taskId}/answer`, { answer: 'agreed' }),
        partA2.client.post(`/api/inspections/joint-tasks/${taskId}/answer`, { answer: 'agreed' }),
      ]);
      expect([a1.status, a2.status].sort()).toEqual([200, 409]);
      // A refusal needs its reason.
      expect(
        (await partB.client.post(`/api/inspections/joint-tasks/${taskId}/answer`, { answer: 'refused' })).status,
      ).toBe(400);
      const refused = await partB.client.post(`/api/inspections/joint-tasks/${taskId}/answer`, {
        answer: 'refused',
        reason: '本周另有专项任务',
      });
      expect(refused.status, `${participants.join()} ${JSON.stringify(refused.body)}`).toBe(200);
      expect(refused.body.status).toBe('awaiting-answers');
      // Only the lead drops; then every remaining department agreed → open, the answerer on the team.
      expect(
        (
          await partA.client.post(`/api/inspections/joint-tasks/${taskId}/drop`, {
            department: participants[1],
            version: refused.body.version,
          })
        ).status,
      ).toBe(403);
      const dropped = await lead.client.post(`/api/inspections/joint-tasks/${taskId}/drop`, {
        department: participants[1],
        version: refused.body.version,
      });
      expect(dropped.status, JSON.stringify(dropped.body)).toBe(200);
      const task = (await lead.client.get(`/api/inspections/tasks/${taskId}`)).body;
      expect(task.status).toBe('open');
      expect(task.joint.departments).toHaveLength(1);
      const winner = a1.status === 200 ? partA : partA2;
      expect(task.officers.map((o: { officerId: string }) => o.officerId)).toEqual([
        lead.accountId,
        colleague.accountId,
        winner.accountId,
      ]);
      const rows = await t.store.inspectionTaskMembers.query
        .byOfficer({ officerId: winner.accountId, state: 'open' })
        .go();
      expect(rows.data.map((m) => m.taskId)).toContain(taskId);
      // The dropped department no longer sees it.
      expect((await partB.client.get(`/api/inspections/tasks/${taskId}`)).status).toBe(404);
    });

    it('the lead cancels one still awaiting answers (with a reason); the burden goes back', async () => {
      const r = await lead.client.post('/api/inspections/joint-tasks', {
        ...jointBody(),
        enterpriseIds: [enterpriseIds[1]],
      });
      expect(r.status).toBe(201);
      const id = r.body.taskIds[0];
      const v = (await lead.client.get(`/api/inspections/tasks/${id}`)).body.version;
      expect(
        (await lead.client.post(`/api/inspections/joint-tasks/${id}/cancel`, { reason: '', version: v })).status,
      ).toBe(400);
      const c = await lead.client.post(`/api/inspections/joint-tasks/${id}/cancel`, { reason: '企业停产', version: v });
      expect(c.status, JSON.stringify(c.body)).toBe(200);
      expect(c.body.status).toBe('cancelled');
      expect((await partA.client.post(`/api/inspections/joint-tasks/${id}/answer`, { answer: 'agreed' })).status).toBe(
        409,
      );
    });
  });
});
