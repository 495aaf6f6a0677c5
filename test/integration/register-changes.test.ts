import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_NAMES } from '../../functions/local/stack';
import { mulberry32 } from '../../functions/seed/rng';
import { countiesOf } from '../../shared/reference/regions';
import { generateUscc } from '../../shared/validation/uscc';
import { sha256 } from '../../functions/lib/auth/tokens';
import { ApiClient } from '../support/api-client';
import { signedInAs, type Persona } from '../support/personas';
import { uploadAttachment } from '../support/attachments';
import { outboxRecords } from '../support/outbox';
import { editableFields } from '../support/register';
import { startTestStack, type TestStack } from '../support/stack';

/**
 * Change requests on the register (新增企业, 删除企业, 企业信息纠错, 证书信息纠正) and their review, against
 * DynamoDB Local: what the list, the counters and the entry show after each decision; two reviewers at once;
 * stale and duplicate requests; scope.
 */
describe('register change requests', () => {
  let t: TestStack;
  const rng = mulberry32(4242);
  const CATEGORY = 'explosives';
  const SEGMENT = 'sales';
  const COUNTY = '350503'; // 泉州市丰泽区
  const CITY = '3505';

  const regulator = (roles: string[], regionCode = CITY, categories = [CATEGORY]): Persona => ({
    kind: 'regulator',
    department: 'gongan',
    regionCode,
    categories,
    roles,
  });
  let clerk: ApiClient;
  let reviewer: ApiClient;
  let reviewer2: ApiClient;

  beforeAll(async () => {
    t = await startTestStack({ seedEnterprises: 40 });
    clerk = await signedInAs(t.store, t.url, regulator(['inspector']));
    reviewer = await signedInAs(t.store, t.url, regulator(['reviewer']));
    reviewer2 = await signedInAs(t.store, t.url, regulator(['reviewer'], '35'));
  }, 120_000);
  afterAll(async () => t?.stop());

  const newEnterprise = (over: Record<string, unknown> = {}) => ({
    name: `泉州测试民爆器材有限公司${Math.floor(rng() * 1e6)}`,
    regionCode: COUNTY,
    unitType: 'limited-liability',
    registrationStatus: 'in-business',
    creditCode: generateUscc(rng, { regionCode: COUNTY }),
    legalRepresentative: '张三',
    phone: '0595-22345678',
    address: '泉州市丰泽区东海街道1号',
    segments: [{ category: CATEGORY, segment: SEGMENT }],
    ...over,
  });

  const list = async (c: ApiClient, query = '') => {
    const r = await c.get(`/api/register/units/${CATEGORY}/${SEGMENT}?region=${CITY}&limit=100${query}`);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    return r.body as {
      items: { enterpriseId: string; name: string; registrationStatus: string }[];
      total: number | null;
    };
  };
  const allIds = async (c: ApiClient) => {
    const ids: string[] = [];
    let cursor: string | null = null;
    do {
      const r = await c.get(
        `/api/register/units/${CATEGORY}/${SEGMENT}?region=${CITY}&limit=50${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      );
      ids.push(...r.body.items.map((i: { enterpriseId: string }) => i.enterpriseId));
      cursor = r.body.cursor;
    } while (cursor);
    return ids;
  };

  const submitCreate = async (over: Record<string, unknown> = {}) => {
    const r = await clerk.post('/api/register/change-requests', {
      kind: 'create',
      category: CATEGORY,
      enterprise: newEnterprise(over),
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    return r.body as { requestId: string; enterpriseId: string; message: string };
  };

  it('新增企业: pending until a reviewer approves, then in the list with the total one higher', async () => {
    const before = await list(clerk);
    const sub = await submitCreate();
    expect(sub.message).toBe('您新增的企业信息已提交审核，审核通过后会展示该企业，请耐心等待！');
    expect((await list(clerk)).items.map((i) => i.enterpriseId)).not.toContain(sub.enterpriseId);

    const queue = await reviewer.get('/api/register/change-requests?status=pending');
    expect(queue.status).toBe(200);
    const item = queue.body.items.find((i: { requestId: string }) => i.requestId === sub.requestId);
    expect(item.kind).toBe('create');
    expect(item.changes.find((c: { field: string }) => c.field === 'name').before).toBeNull();

    const ok = await reviewer.post(`/api/register/change-requests/${sub.requestId}/approve`, { version: item.version });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    const after = await list(clerk);
    expect(after.items.map((i) => i.enterpriseId)).toContain(sub.enterpriseId);
    expect(after.total).toBe(before.total! + 1);

    // Idempotent for the same reviewer; a 409 that names the decider for another.
    const again = await reviewer.post(`/api/register/change-requests/${sub.requestId}/approve`, {});
    expect(again.status).toBe(200);
    expect(again.body.status).toBe('approved');
    const other = await reviewer2.post(`/api/register/change-requests/${sub.requestId}/approve`, {});
    expect(other.status).toBe(409);
    expect(other.body.error.message).toContain('同意');
    expect((await list(clerk)).total).toBe(before.total! + 1);

    const history = await clerk.get(`/api/register/enterprises/${sub.enterpriseId}/history`);
    expect(history.body.items[0]).toMatchObject({ requestId: sub.requestId, status: 'approved' });
  });

  it('two reviewers deciding one request at once: one decision, one 409, the counter moved once', async () => {
    const before = (await list(clerk)).total!;
    const sub = await submitCreate();
    const [a, b] = await Promise.all([
      reviewer.post(`/api/register/change-requests/${sub.requestId}/approve`, {}),
      reviewer2.post(`/api/register/change-requests/${sub.requestId}/reject`, { reason: '材料不全，请补充' }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const view = await clerk.get(`/api/register/change-requests/${sub.requestId}`);
    const approved = view.body.status === 'approved';
    expect((await list(clerk)).total).toBe(before + (approved ? 1 : 0));
    // One decision, one announcement of it: the loser's transaction took its event down with it.
    const events = (await outboxRecords(t.stack.dynamo.endpoint, LOCAL_NAMES.table)).filter(
      (e) => e.detail.data.requestId === sub.requestId,
    );
    expect(events.map((e) => e.detail.data.status)).toEqual([view.body.status]);
  });

  it('a 统一社会信用代码 already on the register: refused when filed, and at approval if filed twice', async () => {
    const code = generateUscc(rng, { regionCode: COUNTY });
    const first = await submitCreate({ creditCode: code });
    const second = await submitCreate({ creditCode: code });
    expect((await reviewer.post(`/api/register/change-requests/${first.requestId}/approve`, {})).status).toBe(200);
    const dup = await reviewer.post(`/api/register/change-requests/${second.requestId}/approve`, {});
    expect(dup.status).toBe(409);
    expect(dup.body.error.message).toContain(code);
    const third = await clerk.post('/api/register/change-requests', {
      kind: 'create',
      category: CATEGORY,
      enterprise: newEnterprise({ creditCode: code }),
    });
    expect(third.status).toBe(409);
  });

  it('新增企业 opens the unit’s login (账号 = 信用代码) with the entry; its one-time password is handed out once', async () => {
    const code = generateUscc(rng, { regionCode: COUNTY });
    const sub = await submitCreate({ creditCode: code });
    // Nothing opens before the approval.
    expect((await t.store.loginClaims.get({ login: code }).go()).data).toBeNull();
    expect((await reviewer.post(`/api/register/change-requests/${sub.requestId}/approve`, {})).status).toBe(200);
    const { data: accounts } = await t.store.accounts.query.byLogin({ login: code }).go();
    expect(accounts).toHaveLength(1);
    expect(accounts[0]).toMatchObject({ kind: 'enterprise', enterpriseId: sub.enterpriseId, mustChangePassword: true });
    expect(accounts[0]!.initialPasswordExpiresAt! - Date.now()).toBeGreaterThan(71.9 * 3600_000);

    // Someone who can't see the unit gets nothing; a regulator who sees it gets the notice, once.
    const far = await signedInAs(t.store, t.url, regulator(['inspector'], '3501'));
    expect((await far.get(`/api/register/enterprises/${sub.enterpriseId}/account-notice`)).status).toBe(404);
    const [first, second] = await Promise.all([
      clerk.get(`/api/register/enterprises/${sub.enterpriseId}/account-notice`),
      reviewer.get(`/api/register/enterprises/${sub.enterpriseId}/account-notice`),
    ]);
    expect([first.status, second.status].sort()).toEqual([200, 404]);
    const notice = (first.status === 200 ? first : second).body;
    expect(notice).toMatchObject({ enterpriseId: sub.enterpriseId, login: code });
    expect(
      (await clerk.get(`/api/register/enterprises/${sub.enterpriseId}/account-notice`)).body.error.message,
    ).toMatch(/只能下载一次/);
    // The password is nowhere in clear any more.
    expect((await t.store.accountNotices.get({ enterpriseId: sub.enterpriseId }).go()).data).toBeNull();

    // The unit signs in with it (验证码 as on the login page) and must change it at once.
    const unit = new ApiClient(t.url, { 'x-viewer-address': '198.18.0.9' });
    await t.store.captchas
      .create({ captchaId: 'rc-1', answerHash: sha256('ABCD'), expiresAt: Math.floor(Date.now() / 1000) + 300 })
      .go();
    const signed = await unit.post('/api/auth/enterprise/login', {
      login: code,
      password: notice.oneTimePassword,
      captchaId: 'rc-1',
      captcha: 'ABCD',
    });
    expect(signed.body).toMatchObject({ stage: 'password-change', account: { enterpriseId: sub.enterpriseId } });
  });

  it('企业信息纠错: stale base → 409; one pending at a time; approval updates the entry and its list row', async () => {
    const sub = await submitCreate();
    await reviewer.post(`/api/register/change-requests/${sub.requestId}/approve`, {});
    const detail = (await clerk.get(`/api/register/enterprises/${sub.enterpriseId}`)).body;
    const { enterpriseId, version } = detail.enterprise;
    const fields = editableFields(detail.enterprise) as Record<string, unknown> & { name: string };
    const corrected = { ...fields, name: `${fields.name}（更名）`, registrationStatus: 'suspended' };

    const stale = await clerk.post('/api/register/change-requests', {
      kind: 'correct',
      category: CATEGORY,
      enterpriseId,
      baseVersion: version - 1 || 99,
      enterprise: corrected,
    });
    expect(stale.status).toBe(409);
    const unchanged = await clerk.post('/api/register/change-requests', {
      kind: 'correct',
      category: CATEGORY,
      enterpriseId,
      baseVersion: version,
      enterprise: fields,
    });
    expect(unchanged.status).toBe(400);

    const before = await list(clerk);
    const suspendedBefore = (await list(clerk, '&status=suspended')).total!;
    const ok = await clerk.post('/api/register/change-requests', {
      kind: 'correct',
      category: CATEGORY,
      enterpriseId,
      baseVersion: version,
      enterprise: corrected,
    });
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
    expect(ok.body.message).toBe('企业信息纠错需审核通过才能显示，请耐心等待！');
    const twice = await clerk.post('/api/register/change-requests', {
      kind: 'correct',
      category: CATEGORY,
      enterpriseId,
      baseVersion: version,
      enterprise: corrected,
    });
    expect(twice.status).toBe(409);

    const view = (await reviewer.get(`/api/register/change-requests/${ok.body.requestId}`)).body;
    expect(view.changes.map((c: { field: string }) => c.field).sort()).toEqual(['name', 'registrationStatus']);
    expect(view.changes.find((c: { field: string }) => c.field === 'registrationStatus')).toMatchObject({
      before: '在管(开业)企业',
      after: '停业',
    });
    expect((await reviewer.post(`/api/register/change-requests/${ok.body.requestId}/approve`, {})).status).toBe(200);

    const row = (await list(clerk)).items.find((i) => i.enterpriseId === enterpriseId)!;
    expect(row.name).toBe(corrected.name);
    expect(row.registrationStatus).toBe('suspended');
    expect((await list(clerk)).total).toBe(before.total);
    expect((await list(clerk, '&status=suspended')).total).toBe(suspendedBefore + 1);
    const now = (await clerk.get(`/api/register/enterprises/${enterpriseId}`)).body;
    expect(now.enterprise.version).toBe(version + 1);
    expect(now.pendingRequestId).toBeUndefined();
  });

  it('a move to another county takes the list rows, the counters and the licences along', async () => {
    const { data: e } = await t.store.enterprises.get({ enterpriseId: 'ent-000003' }).go();
    const { data: licences } = await t.store.licences.query.byEnterprise({ enterpriseId: 'ent-000003' }).go();
    const city = e!.regionCode.slice(0, 4);
    const counties = countiesOf(city);
    const target = counties.find((c) => c.code !== e!.regionCode)!.code;
    const cats = [...new Set(e!.segments.map((x) => x.category))];
    const who = (roles: string[]): Persona => ({
      kind: 'regulator',
      department: 'gongan',
      regionCode: city,
      categories: cats,
      roles,
    });
    const filer = await signedInAs(t.store, t.url, who(['inspector']));
    const decider = await signedInAs(t.store, t.url, who(['reviewer']));
    const seg = e!.segments[0]!;
    const count = async (regionCode: string) =>
      (await t.store.enterpriseCounters.get({ ...seg, regionCode }).go()).data?.total ?? 0;
    const [fromBefore, toBefore, cityBefore] = [await count(e!.regionCode), await count(target), await count(city)];

    const detail = (await filer.get('/api/register/enterprises/ent-000003')).body;
    const r = await filer.post('/api/register/change-requests', {
      kind: 'correct',
      category: seg.category,
      enterpriseId: 'ent-000003',
      baseVersion: detail.enterprise.version,
      enterprise: { ...editableFields(detail.enterprise), regionCode: target },
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect((await decider.post(`/api/register/change-requests/${r.body.requestId}/approve`, {})).status).toBe(200);

    expect(await count(e!.regionCode)).toBe(fromBefore - 1);
    expect(await count(target)).toBe(toBefore + 1);
    expect(await count(city)).toBe(cityBefore);
    const { data: row } = await t.store.enterpriseListings.get({ enterpriseId: 'ent-000003', ...seg }).go();
    expect(row?.regionCode).toBe(target);
    const { data: moved } = await t.store.licences.query.byEnterprise({ enterpriseId: 'ent-000003' }).go();
    expect(moved.length).toBe(licences.length);
    expect(moved.every((l) => l.regionCode === target)).toBe(true);
  });

  it('删除企业: reason required; approval takes it off the list and the counters, keeps the entry and its history', async () => {
    const sub = await submitCreate();
    await reviewer.post(`/api/register/change-requests/${sub.requestId}/approve`, {});
    const version = (await clerk.get(`/api/register/enterprises/${sub.enterpriseId}`)).body.enterprise.version;
    const noReason = await clerk.post('/api/register/change-requests', {
      kind: 'remove',
      category: CATEGORY,
      enterpriseId: sub.enterpriseId,
      baseVersion: version,
      reason: ' ',
    });
    expect(noReason.status).toBe(400);
    const before = (await list(clerk)).total!;
    const del = await clerk.post('/api/register/change-requests', {
      kind: 'remove',
      category: CATEGORY,
      enterpriseId: sub.enterpriseId,
      baseVersion: version,
      reason: '企业已注销',
    });
    expect(del.status).toBe(201);
    expect((await reviewer.post(`/api/register/change-requests/${del.body.requestId}/approve`, {})).status).toBe(200);
    expect(await allIds(clerk)).not.toContain(sub.enterpriseId);
    expect((await list(clerk)).total).toBe(before - 1);
    const kept = (await clerk.get(`/api/register/enterprises/${sub.enterpriseId}`)).body;
    expect(kept.enterprise.removed).toBe(true);
    const history = (await clerk.get(`/api/register/enterprises/${sub.enterpriseId}/history`)).body.items;
    expect(history.map((h: { kind: string }) => h.kind)).toEqual(['remove', 'create']);
  });

  it('拒绝: reason required; the entry is free for a new request; the requester reads the reason', async () => {
    const sub = await submitCreate();
    await reviewer.post(`/api/register/change-requests/${sub.requestId}/approve`, {});
    const version = (await clerk.get(`/api/register/enterprises/${sub.enterpriseId}`)).body.enterprise.version;
    const del = await clerk.post('/api/register/change-requests', {
      kind: 'remove',
      category: CATEGORY,
      enterpriseId: sub.enterpriseId,
      baseVersion: version,
      reason: '误录',
    });
    expect((await reviewer.post(`/api/register/change-requests/${del.body.requestId}/reject`, {})).status).toBe(400);
    const rej = await reviewer.post(`/api/register/change-requests/${del.body.requestId}/reject`, {
      reason: '该企业仍在经营',
    });
    expect(rej.status).toBe(200);
    const seen = (await clerk.get(`/api/register/change-requests/${del.body.requestId}`)).body;
    expect(seen).toMatchObject({ status: 'rejected', decisionReason: '该企业仍在经营' });
    expect((await clerk.get(`/api/register/enterprises/${sub.enterpriseId}`)).body.pendingRequestId).toBeUndefined();
    expect(await allIds(clerk)).toContain(sub.enterpriseId);
  });

  it('证书信息纠正 by the enterprise: the licence and the list row change on approval', async () => {
    const { data: licences } = await t.store.licences.query.byEnterprise({ enterpriseId: 'ent-000001' }).go();
    const licence = licences[0]!;
    const { data: e } = await t.store.enterprises.get({ enterpriseId: 'ent-000001' }).go();
    const own = await signedInAs(t.store, t.url, { kind: 'enterprise', enterpriseId: 'ent-000001' });
    const r = await own.post('/api/register/change-requests', {
      kind: 'correct-licence',
      enterpriseId: 'ent-000001',
      licenceId: licence.licenceId,
      baseVersion: licence.version,
      licence: {
        category: licence.category,
        segment: licence.segment,
        licenceName: licence.licenceName,
        number: `${licence.number}-新`,
        issuer: licence.issuer,
        validFrom: licence.validFrom,
        validTo: '2031-12-31',
      },
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    const rev = await signedInAs(t.store, t.url, {
      kind: 'regulator',
      department: 'gongan',
      regionCode: e!.regionCode.slice(0, 4),
      categories: [licence.category],
      roles: ['reviewer'],
    });
    // The reviewer sees which certificate changes (as it was), and each changed field before and after.
    const view = (await rev.get(`/api/register/change-requests/${r.body.requestId}`)).body;
    expect(view.licence).toEqual({ name: licence.licenceName, number: licence.number });
    expect(view.changes).toEqual([
      { field: 'number', label: '证书编号', before: licence.number, after: `${licence.number}-新` },
      { field: 'validTo', label: '有效截止日期', before: licence.validTo, after: '2031-12-31' },
    ]);
    const ok = await rev.post(`/api/register/change-requests/${r.body.requestId}/approve`, {});
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    const { data: after } = await t.store.licences
      .get({ enterpriseId: 'ent-000001', licenceId: licence.licenceId })
      .go();
    expect(after).toMatchObject({
      number: `${licence.number}-新`,
      validTo: '2031-12-31',
      version: licence.version + 1,
    });
    const { data: row } = await t.store.enterpriseListings
      .get({ enterpriseId: 'ent-000001', category: licence.category, segment: licence.segment })
      .go();
    expect(row?.licenceNumber).toBe(`${licence.number}-新`);
    // The due index now holds the new expiry (the warnings read it).
    const { data: due } = await t.store.licences.query
      .byDueDate({ dueKind: 'licence' })
      .between({ validTo: '2031-12-31' }, { validTo: '2031-12-31~' })
      .go({ pages: 'all' });
    expect(due.map((d) => d.licenceId)).toContain(licence.licenceId);
  });

  it('营业执照附件: linked to the request, kept, added and taken off by corrections; readable in scope only', async () => {
    const first = await uploadAttachment(clerk);
    const r = await clerk.post('/api/register/change-requests', {
      kind: 'create',
      category: CATEGORY,
      enterprise: newEnterprise(),
      attachmentIds: [first],
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    // The reviewer (in scope, not the uploader) can open the file of the request they decide.
    expect((await reviewer.get(`/api/attachments/${first}/download`)).status).toBe(200);
    await reviewer.post(`/api/register/change-requests/${r.body.requestId}/approve`, {});
    const detail = (await clerk.get(`/api/register/enterprises/${r.body.enterpriseId}`)).body;
    expect(detail.enterprise.attachmentIds).toEqual([first]);

    // Keep the first, add a second.
    const second = await uploadAttachment(clerk, { fileName: '营业执照（副本）.pdf' });
    const both = await clerk.post('/api/register/change-requests', {
      kind: 'correct',
      category: CATEGORY,
      enterpriseId: r.body.enterpriseId,
      baseVersion: detail.enterprise.version,
      enterprise: editableFields(detail.enterprise),
      attachmentIds: [first, second],
    });
    expect(both.status, JSON.stringify(both.body)).toBe(201);
    const view = (await reviewer.get(`/api/register/change-requests/${both.body.requestId}`)).body;
    expect(view.attachmentIds).toEqual([second]);
    await reviewer.post(`/api/register/change-requests/${both.body.requestId}/approve`, {});
    const after = (await clerk.get(`/api/register/enterprises/${r.body.enterpriseId}`)).body;
    expect(after.enterprise.attachmentIds).toEqual([first, second]);

    // Take the first off: the whole list is what the entry keeps.
    const one = await clerk.post('/api/register/change-requests', {
      kind: 'correct',
      category: CATEGORY,
      enterpriseId: r.body.enterpriseId,
      baseVersion: after.enterprise.version,
      enterprise: editableFields(after.enterprise),
      attachmentIds: [second],
    });
    expect(one.status, JSON.stringify(one.body)).toBe(201);
    await reviewer.post(`/api/register/change-requests/${one.body.requestId}/approve`, {});
    expect((await clerk.get(`/api/register/enterprises/${r.body.enterpriseId}`)).body.enterprise.attachmentIds).toEqual(
      [second],
    );
    // Someone else's upload can't be slipped in; another city's reviewer can't read the file.
    const foreign = await uploadAttachment(reviewer2);
    const slipped = await clerk.post('/api/register/change-requests', {
      kind: 'create',
      category: CATEGORY,
      enterprise: newEnterprise(),
      attachmentIds: [foreign],
    });
    expect(slipped.status).toBe(400);
    const far = await signedInAs(t.store, t.url, regulator(['reviewer'], '3501'));
    expect((await far.get(`/api/attachments/${second}/download`)).status).toBe(404);
  });

  it('scope: another city’s reviewer sees nothing; nobody approves their own request; enterprises cannot add units', async () => {
    const sub = await submitCreate();
    const far = await signedInAs(t.store, t.url, regulator(['reviewer'], '3501'));
    expect((await far.get(`/api/register/change-requests/${sub.requestId}`)).status).toBe(404);
    expect((await far.post(`/api/register/change-requests/${sub.requestId}/approve`, {})).status).toBe(404);
    const queue = await far.get('/api/register/change-requests?status=pending');
    expect(queue.body.items.map((i: { requestId: string }) => i.requestId)).not.toContain(sub.requestId);
    const selfReviewer = await signedInAs(t.store, t.url, regulator(['inspector', 'reviewer']));
    const mine = await selfReviewer.post('/api/register/change-requests', {
      kind: 'create',
      category: CATEGORY,
      enterprise: newEnterprise(),
    });
    expect((await selfReviewer.post(`/api/register/change-requests/${mine.body.requestId}/approve`, {})).status).toBe(
      403,
    );
    const ent = await signedInAs(t.store, t.url, { kind: 'enterprise', enterpriseId: 'ent-000002' });
    const refused = await ent.post('/api/register/change-requests', {
      kind: 'create',
      category: CATEGORY,
      enterprise: newEnterprise(),
    });
    expect(refused.status).toBe(403);
    const outside = await clerk.post('/api/register/change-requests', {
      kind: 'create',
      category: CATEGORY,
      enterprise: newEnterprise({ regionCode: '350102' }),
    });
    expect(outside.status).toBe(403);
  });

  it('counters stay exact when many approvals land at once', async () => {
    const before = (await list(clerk)).total!;
    const subs = [];
    for (let i = 0; i < 12; i++) subs.push(await submitCreate());
    const results = await Promise.all(
      subs.map((s, i) =>
        (i % 2 ? reviewer : reviewer2).post(`/api/register/change-requests/${s.requestId}/approve`, {}),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(subs.map(() => 200));
    const ids = await allIds(clerk);
    expect((await list(clerk)).total).toBe(before + 12);
    expect(ids.length).toBe(before + 12);
    // Every level moved: the county's counter equals its rows, counted one by one.
    const countyPage = await clerk.get(`/api/register/units/${CATEGORY}/${SEGMENT}?region=${COUNTY}&limit=100`);
    expect(countyPage.body.cursor).toBeNull();
    expect(countyPage.body.total).toBe(countyPage.body.items.length);
  });
});
