import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../support/api-client';
import { uploadAttachment } from '../support/attachments';
import { signedInAs, type Persona } from '../support/personas';
import { startTestStack, type TestStack } from '../support/stack';

/**
 * 企业自纠自查隐患: the enterprise keeps its own register (新增, 编辑 at a version, 整改完成 only with evidence), its
 * regulators read it (企业自查自纠管理), nobody else reaches it.
 */
describe('企业自纠自查隐患', () => {
  let t: TestStack;
  let own: ApiClient;
  let other: ApiClient;
  let regulator: ApiClient;
  let farRegulator: ApiClient;
  let otherCategory: ApiClient;

  beforeAll(async () => {
    t = await startTestStack({ seedEnterprises: 4 });
    const { data: a } = await t.store.enterprises.get({ enterpriseId: 'ent-000001' }).go();
    const city = a!.regionCode.slice(0, 4);
    const cats = [...new Set(a!.segments.map((s) => s.category))];
    const reg = (regionCode: string, categories: string[]): Persona => ({
      kind: 'regulator',
      department: 'gongan',
      regionCode,
      categories,
      roles: ['inspector'],
    });
    own = await signedInAs(t.store, t.url, { kind: 'enterprise', enterpriseId: 'ent-000001' });
    other = await signedInAs(t.store, t.url, { kind: 'enterprise', enterpriseId: 'ent-000002' });
    regulator = await signedInAs(t.store, t.url, reg(city, cats));
    farRegulator = await signedInAs(t.store, t.url, reg(city === '3501' ? '3502' : '3501', cats));
    otherCategory = await signedInAs(
      t.store,
      t.url,
      reg(city, [['firearms', 'hazchem', 'explosives'].find((c) => !cats.includes(c))!]),
    );
  }, 120_000);
  afterAll(async () => t?.stop());

  const entry = (over: Record<string, unknown> = {}) => ({
    location: '一号仓库东侧',
    classification: 'site',
    description: '灭火器压力不足',
    cause: '未按期检查',
    deadline: '2026-12-31',
    difficulty: 'easy',
    ...over,
  });

  let entryId = '';

  it('新增 and the list, newest first, with the seed filters', async () => {
    const bad = await own.post('/api/self-inspections', entry({ classification: 'x', deadline: '2026-02-30' }));
    expect(bad.status).toBe(400);
    const done = await own.post('/api/self-inspections', entry({ status: 'done' }));
    expect(done.status).toBe(400);
    expect(done.body.error.message).toContain('整改完成');
    const first = await own.post('/api/self-inspections', entry());
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body).toMatchObject({ status: 'pending', version: 1 });
    entryId = first.body.entryId;
    const second = await own.post(
      '/api/self-inspections',
      entry({
        location: '装卸区',
        classification: 'basic',
        difficulty: 'hard',
        deadline: '2027-03-01',
        status: 'rectifying',
      }),
    );
    expect(second.status).toBe(201);
    const all = await own.get('/api/self-inspections');
    expect(all.body.items.map((i: { location: string }) => i.location)).toEqual(['装卸区', '一号仓库东侧']);
    expect(all.body.enterpriseName).toBeTruthy();
    const filtered = await own.get('/api/self-inspections?classification=site&difficulty=easy&status=pending');
    expect(filtered.body.items.map((i: { entryId: string }) => i.entryId)).toEqual([entryId]);
    const byDeadline = await own.get('/api/self-inspections?deadlineTo=2026-12-31');
    expect(byDeadline.body.items).toHaveLength(1);
    expect((await own.get('/api/self-inspections?status=maybe')).status).toBe(400);
  });

  it('编辑 at the version it was opened with; a stale form is a 409', async () => {
    const r = await own.request('PUT', `/api/self-inspections/${entryId}`, {
      ...entry({ status: 'rectifying' }),
      version: 1,
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({ status: 'rectifying', version: 2 });
    const stale = await own.request('PUT', `/api/self-inspections/${entryId}`, { ...entry(), version: 1 });
    expect(stale.status).toBe(409);
  });

  it('整改完成 needs evidence; then 已整改 and closed to edits', async () => {
    const none = await own.post(`/api/self-inspections/${entryId}/complete`, {
      rectification: '已更换灭火器',
      attachmentIds: [],
      version: 2,
    });
    expect(none.status).toBe(400);
    expect(none.body.error.message).toContain('附件');
    // Another enterprise's upload is not evidence of ours.
    const theirs = await uploadAttachment(other, { purpose: 'self-inspection', fileName: '整改照片.pdf' });
    const stolen = await own.post(`/api/self-inspections/${entryId}/complete`, {
      rectification: '已更换灭火器',
      attachmentIds: [theirs],
      version: 2,
    });
    expect(stolen.status).toBe(400);
    const photo = await uploadAttachment(own, { purpose: 'self-inspection', fileName: '整改照片.pdf' });
    const r = await own.post(`/api/self-inspections/${entryId}/complete`, {
      rectification: '已更换灭火器',
      attachmentIds: [photo],
      version: 2,
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({ status: 'done', attachmentIds: [photo], version: 3, rectification: '已更换灭火器' });
    expect((await own.request('PUT', `/api/self-inspections/${entryId}`, { ...entry(), version: 3 })).status).toBe(409);
    // The regulator who sees the enterprise may open the evidence.
    expect((await regulator.get(`/api/attachments/${photo}`)).status).toBe(200);
  });

  it('another enterprise finds nothing of ours; regulators read it only in scope, and change nothing', async () => {
    expect((await other.get(`/api/self-inspections/${entryId}`)).status).toBe(404);
    expect((await other.request('PUT', `/api/self-inspections/${entryId}`, { ...entry(), version: 3 })).status).toBe(
      404,
    );
    expect((await other.get('/api/self-inspections')).body.items).toEqual([]);

    const list = await regulator.get('/api/self-inspection-registers/ent-000001');
    expect(list.status).toBe(200);
    expect(list.body.items).toHaveLength(2);
    const one = await regulator.get(`/api/self-inspection-registers/ent-000001/${entryId}`);
    expect(one.body).toMatchObject({ entryId, status: 'done' });
    expect((await regulator.get('/api/self-inspection-registers/ent-000001?status=done')).body.items).toHaveLength(1);
    for (const c of [farRegulator, otherCategory]) {
      expect((await c.get('/api/self-inspection-registers/ent-000001')).status).toBe(404);
      expect((await c.get(`/api/self-inspection-registers/ent-000001/${entryId}`)).status).toBe(404);
    }
    expect((await own.get('/api/self-inspection-registers/ent-000001')).status).toBe(403);
    expect((await regulator.post('/api/self-inspections', entry())).status).toBe(403);
    expect((await regulator.get('/api/self-inspections')).status).toBe(403);
  });
});
