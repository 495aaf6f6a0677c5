import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_NAMES } from '../../functions/local/stack';
import { objectRefOf } from '../../functions/lib/audit';
import { publishDueResults } from '../../functions/inspections/publication';
import { seedInspectionRecords } from '../../functions/seed/inspection-records';
import { addWorkingDays, shanghaiDay } from '../../functions/inspections/working-days';
import { uploadAttachment } from '../support/attachments';
import { officer, writeTask, type Officer } from '../support/inspection-records';
import { outboxRecords } from '../support/outbox';
import { startTestStack, type TestStack } from '../support/stack';

/** A tiny but real PNG (1×1). */
const PNG = Uint8Array.from(
  Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
    'base64',
  ),
);

/**
 * 登记, 完成, 删除 and 一公开 (issue 10 §7–§8) against DynamoDB Local and s3rver: each rule of registration,
 * two officers at once, the completion's one event through the outbox, the delete rules, the publication job
 * and the portal's paging and search.
 */
describe('inspection records', () => {
  let t: TestStack;
  let a: Officer;
  let b: Officer;
  let outsider: Officer;
  let colleague: Officer;

  beforeAll(async () => {
    t = await startTestStack();
    a = await officer(t.store, t.url);
    b = await officer(t.store, t.url);
    outsider = await officer(t.store, t.url, { department: 'gongan' });
    colleague = await officer(t.store, t.url);
  }, 120_000);
  afterAll(async () => t?.stop());

  const task = (over: Parameters<typeof writeTask>[1] | object = {}) =>
    writeTask(t.store, { team: [a, b], ...(over as object) } as Parameters<typeof writeTask>[1]);
  const answer = (o: Officer, taskId: string, seq: number, body: Record<string, unknown>) =>
    o.client.request('PUT', `/api/inspections/tasks/${taskId}/answers/${seq}`, body);
  const record = async (o: Officer, taskId: string) => {
    const r = await o.client.get(`/api/inspections/tasks/${taskId}/record`);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    return r.body;
  };
  const evidence = (o: Officer) =>
    uploadAttachment(o.client, {
      bytes: PNG,
      fileName: '现场照片.png',
      contentType: 'image/png',
      purpose: 'inspection-evidence',
    });

  it("shows the task's checklist copy (专项: the chosen items) and saves each answer as given", async () => {
    const id = await task({ itemSeqs: [2, 4, 5] });
    const page = await record(a, id);
    expect(page.items.map((i: { seq: number }) => i.seq)).toEqual([2, 4, 5]);
    expect(page).toMatchObject({ itemCount: 3, answeredCount: 0, canRegister: true, canDelete: true });
    expect((await answer(a, id, 3, { result: 'satisfied' })).status).toBe(404);

    const r = await answer(a, id, 5, { result: 'not-applicable' });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({ answeredCount: 1, unsatisfiedCount: 0 });
    expect(r.body.answer).toMatchObject({
      seq: 5,
      result: 'not-applicable',
      version: 1,
      registeredBy: { name: a.name },
    });
    // Resume later: the page shows it, and the task's counts moved with it.
    const again = await record(b, id);
    expect(again.items.find((i: { seq: number }) => i.seq === 5).answer).toMatchObject({
      result: 'not-applicable',
      registeredBy: { accountId: a.accountId },
    });
    expect(again).toMatchObject({ answeredCount: 1, canDelete: false });
    const { data } = await t.store.inspectionTasks.get({ taskId: id }).go();
    expect(data).toMatchObject({ answeredCount: 1, unsatisfiedCount: 0 });
  });

  it("requires a 描述 and at least one photo or file for 不满足, and only the uploader's own evidence", async () => {
    const id = await task();
    const noText = await answer(a, id, 1, { result: 'unsatisfied', attachmentIds: [await evidence(a)] });
    expect(noText.status).toBe(400);
    expect(JSON.stringify(noText.body)).toContain('须填写描述');
    const noFile = await answer(a, id, 1, { result: 'unsatisfied', description: '未设置安全警示标志' });
    expect(noFile.status).toBe(400);
    expect(JSON.stringify(noFile.body)).toContain('至少一张照片');
    // Someone else's upload is not evidence the caller can attach.
    const theirs = await evidence(b);
    const stolen = await answer(a, id, 1, { result: 'unsatisfied', description: '未设置', attachmentIds: [theirs] });
    expect(stolen.status).toBe(400);
    // A file of another purpose is not evidence either.
    const licence = await uploadAttachment(a.client);
    const wrong = await answer(a, id, 1, { result: 'unsatisfied', description: '未设置', attachmentIds: [licence] });
    expect(wrong.status).toBe(400);

    const photo = await evidence(a);
    const ok = await answer(a, id, 1, {
      result: 'unsatisfied',
      description: '未设置安全警示标志',
      attachmentIds: [photo],
    });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body).toMatchObject({ unsatisfiedCount: 1 });
    expect(ok.body.answer.attachments).toEqual([
      { attachmentId: photo, fileName: '现场照片.png', contentType: 'image/png' },
    ]);
    // The team may download it; another department's inspector may not even see it.
    expect((await b.client.get(`/api/attachments/${photo}/download`)).status).toBe(200);
    expect((await outsider.client.get(`/api/attachments/${photo}/download`)).status).toBe(404);
    // Linked once: the same file can't be attached to another task.
    const other = await task();
    const reuse = await answer(a, other, 1, { result: 'unsatisfied', description: '同上', attachmentIds: [photo] });
    expect(reuse.status).toBe(400);
    // Changing it to 满足 moves the unsatisfied count back.
    const fixed = await answer(a, id, 1, { result: 'satisfied', version: 1 });
    expect(fixed.status, JSON.stringify(fixed.body)).toBe(200);
    expect(fixed.body).toMatchObject({ answeredCount: 1, unsatisfiedCount: 0 });
    expect(fixed.body.answer).toMatchObject({ version: 2, attachments: [] });
  });

  it('keeps both answers when two officers register different items at once, with exact counts', async () => {
    const id = await task();
    const photoA = await evidence(a);
    const results = await Promise.all([
      ...[1, 3, 5].map((seq) =>
        answer(
          a,
          id,
          seq,
          seq === 1
            ? { result: 'unsatisfied', description: '仓库未分区存放', attachmentIds: [photoA] }
            : { result: 'satisfied' },
        ),
      ),
      ...[2, 4].map((seq) => answer(b, id, seq, { result: seq === 2 ? 'not-applicable' : 'satisfied' })),
    ]);
    expect(results.map((r) => r.status)).toEqual(Array(5).fill(200));
    const page = await record(a, id);
    expect(page).toMatchObject({ answeredCount: 5, unsatisfiedCount: 1, notApplicableCount: 1, satisfiedCount: 3 });
    expect(page.items.find((i: { seq: number }) => i.seq === 2).answer.registeredBy.accountId).toBe(b.accountId);
    const { data } = await t.store.inspectionTasks.get({ taskId: id }).go();
    expect(data).toMatchObject({ answeredCount: 5, unsatisfiedCount: 1 });
  });

  it('answers the same item at once with one winner and a 409 naming who registered it', async () => {
    const id = await task();
    const [r1, r2] = await Promise.all([
      answer(a, id, 4, { result: 'satisfied' }),
      answer(b, id, 4, { result: 'not-applicable' }),
    ]);
    expect([r1.status, r2.status].sort()).toEqual([200, 409]);
    const loser = r1.status === 409 ? r1 : r2;
    expect(loser.body.error.message).toMatch(/该项已由.+登记/);
    // A stale version is refused too; the current one is accepted.
    expect((await answer(a, id, 4, { result: 'satisfied' })).status).toBe(409);
    expect((await answer(a, id, 4, { result: 'satisfied', version: 1 })).status).toBe(200);
    const { data } = await t.store.inspectionTasks.get({ taskId: id }).go();
    expect(data).toMatchObject({ answeredCount: 1 });
  });

  it('lets only the team register; the department reads; others get 404', async () => {
    const id = await task();
    expect((await answer(colleague, id, 1, { result: 'satisfied' })).status).toBe(403);
    const page = await record(colleague, id);
    expect(page).toMatchObject({ canRegister: false, canDelete: false });
    expect((await outsider.client.get(`/api/inspections/tasks/${id}/record`)).status).toBe(404);
    expect((await answer(outsider, id, 1, { result: 'satisfied' })).status).toBe(404);
    expect((await colleague.client.post(`/api/inspections/tasks/${id}/complete`)).status).toBe(403);
  });

  it('registers a joint task only once every department agreed, by any team member, each item recording who', async () => {
    const waiting = await task({
      kind: 'joint',
      status: 'awaiting-answers',
      joint: [{ department: 'gongan', answer: 'pending' }],
    });
    const refused = await answer(a, waiting, 1, { result: 'satisfied' });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toContain('尚未得到全部参检部门同意');
    const id = await task({ kind: 'joint', joint: [{ department: 'gongan', answer: 'agreed' }] });
    expect((await answer(a, id, 1, { result: 'satisfied' })).status).toBe(200);
    expect((await answer(b, id, 2, { result: 'satisfied' })).status).toBe(200);
    const page = await record(a, id);
    expect(page.departments).toEqual(['anjian', 'gongan']);
    expect(
      page.items.slice(0, 2).map((i: { answer: { registeredBy: { name: string } } }) => i.answer.registeredBy.name),
    ).toEqual([a.name, b.name]);
  });

  it('completes only when every item is answered, sends one InspectionCompleted through the outbox, and twice is once', async () => {
    const id = await task({ itemSeqs: [1, 2, 3], uscc: '91350503MA2XYZ1234' });
    const photo = await evidence(b);
    expect(
      (await answer(b, id, 2, { result: 'unsatisfied', description: '未建立出入库台账', attachmentIds: [photo] }))
        .status,
    ).toBe(200);
    const early = await a.client.post(`/api/inspections/tasks/${id}/complete`);
    expect(early.status).toBe(409);
    expect(early.body.error.message).toContain('还有 2 项未登记');
    await answer(a, id, 1, { result: 'satisfied' });
    await answer(a, id, 3, { result: 'not-applicable' });

    const [c1, c2] = await Promise.all([
      a.client.post(`/api/inspections/tasks/${id}/complete`),
      b.client.post(`/api/inspections/tasks/${id}/complete`),
    ]);
    expect([c1.status, c2.status], JSON.stringify([c1.body, c2.body])).toEqual([200, 200]);
    expect(c1.body.completedAt).toBe(c2.body.completedAt);
    const c3 = await a.client.post(`/api/inspections/tasks/${id}/complete`);
    expect(c3.body.completedAt).toBe(c1.body.completedAt);

    const events = (await outboxRecords(t.stack.dynamo.endpoint, LOCAL_NAMES.table)).filter(
      (e) => e.detailType === 'InspectionCompleted' && e.detail.data.taskId === id,
    );
    expect(events).toHaveLength(1);
    expect(events[0]!.source).toBe('hazmat.inspections');
    expect(events[0]!.detail.data).toMatchObject({
      taskId: id,
      kind: 'independent',
      department: 'anjian',
      completedBy: { accountId: expect.any(String) },
      unsatisfied: [{ seq: 2, description: '未建立出入库台账', attachmentIds: [photo], stage: '储存' }],
    });
    // Completed: no more answers, no 删除; the team's rows moved to the completed list.
    expect((await answer(a, id, 1, { result: 'satisfied', version: 1 })).status).toBe(409);
    expect((await a.client.post(`/api/inspections/tasks/${id}/delete`, { reason: '重复创建' })).status).toBe(409);
    const done = await a.client.get('/api/inspections/records?status=completed&limit=50');
    expect(done.body.items.map((i: { taskId: string }) => i.taskId)).toContain(id);
    const open = await a.client.get('/api/inspections/records?limit=50');
    expect(open.body.items.map((i: { taskId: string }) => i.taskId)).not.toContain(id);
  });

  it('deletes only before anything is registered, with a reason, audited; a race with a first answer has one winner', async () => {
    const id = await task();
    const noReason = await a.client.post(`/api/inspections/tasks/${id}/delete`, { reason: ' ' });
    expect(noReason.status).toBe(400);
    expect((await colleague.client.post(`/api/inspections/tasks/${id}/delete`, { reason: '重复创建' })).status).toBe(
      403,
    );
    const ok = await a.client.post(`/api/inspections/tasks/${id}/delete`, { reason: '重复创建的任务' });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect((await a.client.get(`/api/inspections/tasks/${id}/record`)).status).toBe(404);
    const logs = await t.store.audit.records.query
      .byObject({ objectRef: objectRefOf({ type: 'inspectionTask', id }) })
      .go();
    expect(logs.data.map((r) => r.action)).toContain('inspection.delete');
    expect(JSON.stringify(logs.data)).toContain('重复创建的任务');

    const answered = await task();
    await answer(a, answered, 1, { result: 'satisfied' });
    const refused = await a.client.post(`/api/inspections/tasks/${answered}/delete`, { reason: '重复创建' });
    expect(refused.status).toBe(409);

    for (let i = 0; i < 3; i++) {
      const raced = await task();
      const [del, ans] = await Promise.all([
        a.client.post(`/api/inspections/tasks/${raced}/delete`, { reason: '重复创建' }),
        answer(b, raced, 1, { result: 'satisfied' }),
      ]);
      expect([del.status, ans.status].filter((s) => s === 200)).toHaveLength(1);
      const { data } = await t.store.inspectionTasks.get({ taskId: raced }).go();
      // Exactly one happened: deleted with nothing answered, or answered and still open.
      expect(
        data!.status === 'deleted' ? data!.answeredCount === 0 : data!.answeredCount === 1 && data!.status === 'open',
      ).toBe(true);
      expect(data!.status === 'deleted').toBe(del.status === 200);
    }
  });

  it('publishes what is due after 20 working days (idempotent), earlier by hand, and the portal pages and searches', async () => {
    const names = ['厦门市一公开化工有限公司', '厦门市一公开贸易有限公司', '福州市公开测试储运有限公司'];
    const ids: string[] = [];
    for (const [n, enterpriseName] of names.entries()) {
      const id = await task({
        enterpriseName,
        uscc: `9135020${n}MA2PUB000${n}`,
        itemSeqs: [1, 2],
        ...(n === 2 ? { kind: 'random', drawId: 'drw-test-1', department: 'anjian' } : {}),
      });
      await answer(a, id, 1, { result: 'satisfied' });
      if (n === 1) {
        await answer(a, id, 2, {
          result: 'unsatisfied',
          description: '未按规定储存',
          attachmentIds: [await evidence(a)],
        });
      } else await answer(a, id, 2, { result: 'satisfied' });
      const c = await a.client.post(`/api/inspections/tasks/${id}/complete`);
      expect(c.status, JSON.stringify(c.body)).toBe(200);
      expect(c.body.publicationDue).toBe(addWorkingDays(shanghaiDay(c.body.completedAt), 20));
      ids.push(id);
    }
    const portal = (q = '') =>
      fetch(`${t.url}/api/public/inspection-results?${q}`).then(async (r) => ({
        status: r.status,
        body: await r.json(),
      }));
    const before = await portal('limit=50');
    expect(before.body.items.filter((i: { taskId: string }) => ids.includes(i.taskId))).toHaveLength(0);

    // 公开 by hand: the first one now.
    const pub = await a.client.post(`/api/inspections/tasks/${ids[0]}/publish`);
    expect(pub.status, JSON.stringify(pub.body)).toBe(200);
    expect((await outsider.client.post(`/api/inspections/tasks/${ids[1]}/publish`)).status).toBe(404);

    // The job before the deadline publishes nothing; on the deadline it publishes the rest; again, nothing.
    const today = new Date();
    expect((await publishDueResults(t.store, today, 'job-1')).published).toBe(0);
    const due = new Date(Date.parse(`${addWorkingDays(shanghaiDay(today), 20)}T02:00:00+08:00`));
    const run = await publishDueResults(t.store, due, 'job-2');
    expect(run.published).toBeGreaterThanOrEqual(2);
    expect((await publishDueResults(t.store, due, 'job-3')).published).toBe(0);
    const { data } = await t.store.inspectionTasks.get({ taskId: ids[1]! }).go();
    expect(data!.publishedAt).toBeTruthy();
    expect((await a.client.post(`/api/inspections/tasks/${ids[0]}/publish`)).body.publishedAt).toBe(
      pub.body.publishedAt,
    );

    const all = await portal('limit=50');
    expect(all.status).toBe(200);
    const mine = all.body.items.filter((i: { taskId: string }) => ids.includes(i.taskId));
    expect(mine).toHaveLength(3);
    const found = mine.find((i: { taskId: string }) => i.taskId === ids[1]);
    expect(found).toMatchObject({ resultText: '发现问题 1 项', uscc: '91350201MA2PUB0001', department: 'anjian' });
    // No hazard details on the portal.
    expect(JSON.stringify(all.body)).not.toContain('未按规定储存');
    expect(mine.find((i: { taskId: string }) => i.taskId === ids[2])).toMatchObject({
      drawId: 'drw-test-1',
      resultText: '未发现问题',
    });

    // Paging: one per page walks every row once.
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await portal(`limit=1${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      expect(page.status).toBe(200);
      seen.push(...page.body.items.map((i: { taskId: string }) => i.taskId));
      cursor = page.body.cursor;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual(expect.arrayContaining(ids));

    const byName = await portal(`name=${encodeURIComponent('厦门市一公开')}`);
    expect(byName.body.items.map((i: { enterpriseName: string }) => i.enterpriseName).sort()).toEqual(
      names.slice(0, 2).sort(),
    );
    const byCode = await portal('uscc=91350202MA2PUB0002');
    expect(byCode.body.items.map((i: { taskId: string }) => i.taskId)).toEqual([ids[2]]);
    const byDept = await portal('department=gongan');
    expect(byDept.body.items.filter((i: { taskId: string }) => ids.includes(i.taskId))).toHaveLength(0);
    const byNameDept = await portal(`name=${encodeURIComponent('厦门市')}&department=anjian`);
    expect(byNameDept.body.items).toHaveLength(2);
    expect((await portal('cursor=forged')).status).toBe(400);
  });

  it("lists the caller's tasks to register (任务类型 filter) and the 待办事项", async () => {
    const c = await officer(t.store, t.url);
    const d = await officer(t.store, t.url);
    const plain = await writeTask(t.store, { team: [c, d], plannedStart: '2026-04-01' });
    const drawn = await writeTask(t.store, { team: [c, d], kind: 'random', plannedStart: '2026-04-02' });
    const joint = await writeTask(t.store, {
      team: [c, d],
      kind: 'joint',
      joint: [{ department: 'gongan', answer: 'agreed' }],
    });
    await writeTask(t.store, { team: [a, b] });
    const list = await c.client.get('/api/inspections/records');
    expect(list.status).toBe(200);
    expect(list.body.items.map((i: { taskId: string }) => i.taskId)).toEqual([drawn, plain]);
    expect(list.body.items[0]).toMatchObject({ kind: 'random', itemCount: 5, answeredCount: 0, deletable: true });
    const random = await c.client.get('/api/inspections/records?kind=random');
    expect(random.body.items.map((i: { taskId: string }) => i.taskId)).toEqual([drawn]);
    const joints = await c.client.get('/api/inspections/records?scope=joint');
    expect(joints.body.items.map((i: { taskId: string }) => i.taskId)).toEqual([joint]);

    // 待办事项: the open tasks to register, and a joint task the department has not answered.
    const other = await officer(t.store, t.url, { department: 'gongan', regionCode: '3505' });
    const ask = await writeTask(t.store, {
      team: [c, d],
      kind: 'joint',
      status: 'awaiting-answers',
      joint: [{ department: 'gongan', answer: 'pending' }],
    });
    const todo = await c.client.get('/api/inspections/todo');
    expect(todo.status).toBe(200);
    expect(todo.body.items.filter((i: { kind: string }) => i.kind === 'register')).toHaveLength(3);
    const theirs = await other.client.get('/api/inspections/todo');
    expect(theirs.body.items).toContainEqual(
      expect.objectContaining({ kind: 'answer', taskId: ask, plannedStart: '2026-03-02' }),
    );
    expect(theirs.body.items.every((i: { kind: string }) => i.kind === 'answer')).toBe(true);
    // Admin roles do no inspection business: nothing to do.
    const admin = await officer(t.store, t.url, { roles: ['dept-admin'] });
    expect((await admin.client.get('/api/inspections/todo')).body.items).toEqual([]);
  });

  it('登记 list: 检查对象 filters by a part of the enterprise’s name, with 任务类型, within the caller’s rows', async () => {
    const c = await officer(t.store, t.url);
    const d = await officer(t.store, t.url);
    const xiamen = await writeTask(t.store, {
      team: [c, d],
      enterpriseName: '厦门市筛选测试化工有限公司',
      plannedStart: '2026-05-01',
    });
    const drawn = await writeTask(t.store, {
      team: [c, d],
      kind: 'random',
      enterpriseName: '厦门市筛选测试贸易有限公司',
      plannedStart: '2026-05-02',
    });
    await writeTask(t.store, { team: [c, d], enterpriseName: '泉州市其他化工有限公司', plannedStart: '2026-05-03' });
    // Another team's task of a matching name is not the caller's.
    await writeTask(t.store, { team: [a, b], enterpriseName: '厦门市筛选测试化工有限公司' });
    const ids = async (q: string) =>
      ((await c.client.get(`/api/inspections/records?${q}`)).body.items as { taskId: string }[]).map((i) => i.taskId);
    expect(await ids(`enterprise=${encodeURIComponent('筛选测试')}`)).toEqual([drawn, xiamen]);
    expect(await ids(`enterprise=${encodeURIComponent('筛选测试')}&kind=random`)).toEqual([drawn]);
    expect(await ids(`enterprise=${encodeURIComponent('不存在的企业')}`)).toEqual([]);
    expect((await c.client.get(`/api/inspections/records?enterprise=${'长'.repeat(51)}`)).status).toBe(400);
  });

  it('seeds the demo: completes and publishes part of the past tasks (some with 不满足 and evidence), leaves some partly registered', async () => {
    const c = await officer(t.store, t.url, { regionCode: '3501' });
    const d = await officer(t.store, t.url, { regionCode: '3501' });
    const ids: string[] = [];
    for (let i = 0; i < 24; i++) {
      ids.push(await writeTask(t.store, { team: [c, d], regionCode: '3501', plannedStart: '2026-01-05' }));
    }
    const future = await writeTask(t.store, { team: [c, d], regionCode: '3501', plannedStart: '2099-01-05' });
    const summary = await seedInspectionRecords(t.store, '2026-03-02', [...ids, future]);
    expect(summary.completed).toBeGreaterThan(0);
    expect(summary.partial).toBeGreaterThan(0);
    const tasks = (await t.store.inspectionTasks.get(ids.map((taskId) => ({ taskId }))).go()).data;
    const completed = tasks.filter((x) => x.status === 'completed');
    expect(completed.length).toBeGreaterThan(0);
    // Completed on 2026-01-05: due on 2026-02-02, so published by the seed's job by 2026-03-02.
    expect(completed.every((x) => x.publishedAt && x.completedAt!.startsWith('2026-01-05'))).toBe(true);
    expect(tasks.some((x) => x.status === 'open' && x.answeredCount > 0)).toBe(true);
    expect((await t.store.inspectionTasks.get({ taskId: future }).go()).data!.answeredCount).toBe(0);
    // The list and the portal show them.
    expect((await c.client.get('/api/inspections/records?status=completed')).body.items.length).toBeGreaterThan(0);
    // Again: nothing more (touched tasks are left alone).
    const again = await seedInspectionRecords(t.store, '2026-03-02', [...ids, future]);
    expect(again).toMatchObject({ completed: 0, partial: 0 });
  });
});
