import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { objectRefOf } from '../../functions/lib/audit';
import { expertConflicts, expertsIn, officerConflicts, officersIn } from '../../functions/lib/officers/read';
import type { Store } from '../../functions/store';
import type { ApiClient } from '../support/api-client';
import { signedInAs, type RegulatorPersona } from '../support/personas';
import { startTestStack, type TestStack } from '../support/stack';

/**
 * 执法人员 and 专家库 through the local gateway: the officer list (accounts of the department and
 * jurisdiction, 回避 counts), 回避 declared and withdrawn only by the officer themselves, the 专家库's
 * add / edit (stale → 409) / disable / enable and the experts' 回避, scope (another department or region →
 * 404, an enterprise → 403), every write audited; and the kernel reads the inspections build on.
 */

const persona = (department: string, regionCode: string, roles = ['inspector'], categories = ['hazchem']) =>
  ({ kind: 'regulator', department, regionCode, categories, roles }) as RegulatorPersona;

async function accountOf(c: ApiClient): Promise<{ accountId: string; name: string }> {
  const s = (await c.get('/api/auth/session')).body.account;
  return { accountId: s.accountId, name: s.name };
}

/** The account item behind a persona's session: officers ARE the accounts. */
async function openAccount(store: Store, c: ApiClient, p: RegulatorPersona, extra: { disabled?: boolean } = {}) {
  const a = await accountOf(c);
  await store.accounts
    .create({
      accountId: a.accountId,
      kind: 'regulator',
      login: `login-${a.accountId}`,
      name: a.name,
      passwordHash: 'x',
      mustChangePassword: false,
      disabled: extra.disabled ?? false,
      mobile: '13700000000',
      department: p.department,
      regionCode: p.regionCode,
      categories: p.categories,
      roles: p.roles,
    })
    .go();
  return a;
}

async function addEnterprise(store: Store, enterpriseId: string, regionCode: string, category = 'hazchem') {
  await store.enterprises
    .create({
      enterpriseId,
      name: `企业${enterpriseId}`,
      regionCode,
      registrationStatus: 'registered',
      creditCode: `91350${enterpriseId.replace(/\D/g, '').padStart(13, '0')}`,
      segments: [{ category, segment: category === 'hazchem' ? 'business' : 'sales' }],
    } as never)
    .go();
}

const expertBody = (over: Record<string, unknown> = {}) => ({
  name: '林建华',
  categories: ['hazchem'],
  segments: ['hazchem/business'],
  employer: '福建省安全生产科学研究院',
  phone: '13959100001',
  regionCode: '3505',
  ...over,
});

async function auditActions(store: Store, objectId: string): Promise<string[]> {
  const { data } = await store.audit.records.query
    .byObject({ objectRef: objectRefOf({ type: 'expert', id: objectId }) })
    .go();
  return data.map((r: { action: string }) => r.action);
}

describe('officers and 专家库', () => {
  let t: TestStack;
  const P = {
    qz: persona('anjian', '3505'),
    qz2: persona('anjian', '350583'),
    xm: persona('anjian', '3502'),
    police: persona('gongan', '3505', ['inspector'], ['firearms']),
    admin: persona('anjian', '3505', ['dept-admin']),
    sysAndInspector: persona('anjian', '3505', ['inspector', 'sys-admin']),
    reviewer: persona('anjian', '3505', ['reviewer']),
  };
  const c = {} as Record<keyof typeof P, ApiClient>;
  const id = {} as Record<keyof typeof P, { accountId: string; name: string }>;
  let enterprise: ApiClient;

  beforeAll(async () => {
    t = await startTestStack();
    for (const k of Object.keys(P) as (keyof typeof P)[]) {
      c[k] = await signedInAs(t.store, t.url, P[k]);
      id[k] = await openAccount(t.store, c[k], P[k]);
    }
    enterprise = await signedInAs(t.store, t.url, { kind: 'enterprise', enterpriseId: 'ent-qz-1' });
    await addEnterprise(t.store, 'ent-qz-1', '350583');
    await addEnterprise(t.store, 'ent-qz-2', '350502');
    await addEnterprise(t.store, 'ent-xm-1', '350203');
    await addEnterprise(t.store, 'ent-fw-1', '350583', 'fireworks');
  }, 120_000);
  afterAll(async () => t?.stop());

  describe('回避 of officers', () => {
    it('an officer declares, lists and withdraws their own 回避; each is audited', async () => {
      const me = id.qz2.accountId;
      const res = await c.qz2.post(`/api/officers/${me}/conflicts`, {
        enterpriseId: 'ent-qz-1',
        reason: '配偶在该企业任职',
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      expect(res.body).toMatchObject({
        enterpriseId: 'ent-qz-1',
        enterpriseName: '企业ent-qz-1',
        reason: '配偶在该企业任职',
      });

      const again = await c.qz2.post(`/api/officers/${me}/conflicts`, { enterpriseId: 'ent-qz-1', reason: '重复申报' });
      expect(again.status).toBe(409);

      const list = await c.qz2.get(`/api/officers/${me}/conflicts`);
      expect(list.body.items.map((x: { enterpriseId: string }) => x.enterpriseId)).toEqual(['ent-qz-1']);
      // A colleague of the department and jurisdiction sees them (the team planner needs to).
      expect((await c.qz.get(`/api/officers/${me}/conflicts`)).body.items).toHaveLength(1);

      expect(await officerConflicts(t.store, [me, id.qz.accountId])).toEqual([
        { officerId: me, enterpriseId: 'ent-qz-1' },
      ]);

      const { data } = await t.store.audit.records.query
        .byObject({ objectRef: objectRefOf({ type: 'officer', id: me }) })
        .go();
      expect(data.map((r: { action: string }) => r.action)).toContain('officers.officer.conflict.declare');

      const gone = await c.qz2.request('DELETE', `/api/officers/${me}/conflicts/ent-qz-1`);
      expect(gone.status).toBe(200);
      expect((await c.qz2.request('DELETE', `/api/officers/${me}/conflicts/ent-qz-1`)).status).toBe(404);
      expect(await officerConflicts(t.store, [me])).toEqual([]);
    });

    it('two declarations of the same 回避 at once: one is written, the other refused (409); the tally counts one', async () => {
      const me = id.qz2.accountId;
      const body = { enterpriseId: 'ent-qz-1', reason: '同时提交两次' };
      const [a, b] = await Promise.all([
        c.qz2.post(`/api/officers/${me}/conflicts`, body),
        c.qz2.post(`/api/officers/${me}/conflicts`, body),
      ]);
      expect([a.status, b.status].sort()).toEqual([201, 409]);
      expect(await officerConflicts(t.store, [me])).toEqual([{ officerId: me, enterpriseId: 'ent-qz-1' }]);
      expect((await t.store.officerConflictTallies.get({ officerId: me }).go()).data?.count).toBe(1);
      expect((await c.qz2.request('DELETE', `/api/officers/${me}/conflicts/ent-qz-1`)).status).toBe(200);
      expect((await t.store.officerConflictTallies.get({ officerId: me }).go()).data?.count).toBe(0);
    });

    it('an inspector may not declare or withdraw for someone else', async () => {
      const other = id.qz2.accountId;
      const res = await c.qz.post(`/api/officers/${other}/conflicts`, {
        enterpriseId: 'ent-qz-1',
        reason: '代他人申报',
      });
      expect(res.status).toBe(403);
      expect(res.body.error.message).toContain('本人');
      expect((await c.qz.request('DELETE', `/api/officers/${other}/conflicts/ent-qz-1`)).status).toBe(403);
      expect(await officerConflicts(t.store, [other])).toEqual([]);
    });

    it('only enterprises the officer sees in the register: another region or category → 404', async () => {
      const me = id.qz2.accountId;
      for (const enterpriseId of ['ent-xm-1', 'ent-qz-2', 'ent-fw-1', 'ent-none']) {
        const res = await c.qz2.post(`/api/officers/${me}/conflicts`, { enterpriseId, reason: '亲属在该企业' });
        expect(res.status, enterpriseId).toBe(404);
      }
    });

    it('checks its input: no reason → 400 in Chinese, never a 500', async () => {
      const me = id.qz.accountId;
      const res = await c.qz.post(`/api/officers/${me}/conflicts`, { enterpriseId: 'ent-qz-1', reason: '' });
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(/回避原因/);
    });

    it('refuses enterprises, admins and reviewers (403)', async () => {
      expect((await enterprise.get('/api/officers')).status).toBe(403);
      expect((await c.admin.get('/api/officers')).status).toBe(403);
      expect((await c.reviewer.get('/api/officers')).status).toBe(403);
      expect((await c.sysAndInspector.get('/api/officers')).status).toBe(403);
    });
  });

  describe('执法人员 list', () => {
    it('lists enabled inspectors of the department within the jurisdiction, with their 回避 count', async () => {
      await c.qz.post(`/api/officers/${id.qz.accountId}/conflicts`, {
        enterpriseId: 'ent-qz-2',
        reason: '曾在该企业任职',
      });
      const res = await c.qz.get('/api/officers');
      expect(res.status).toBe(200);
      const rows = res.body.items as { officerId: string; conflictCount: number; regionName: string }[];
      const ids = rows.map((r) => r.officerId).sort();
      expect(ids).toEqual([id.qz.accountId, id.qz2.accountId].sort());
      expect(rows.find((r) => r.officerId === id.qz.accountId)?.conflictCount).toBe(1);

      // The county officer sees only the county.
      const county = await c.qz2.get('/api/officers');
      expect(county.body.items.map((r: { officerId: string }) => r.officerId)).toEqual([id.qz2.accountId]);
      // A region outside the jurisdiction is refused.
      expect((await c.qz2.get('/api/officers?region=3505')).status).toBe(403);
      // Another department sees none of them.
      expect((await c.police.get('/api/officers')).body.items.map((r: { officerId: string }) => r.officerId)).toEqual([
        id.police.accountId,
      ]);
      // A forged cursor is a 400, not a 500.
      expect((await c.qz.get('/api/officers?cursor=bm90LWEtY3Vyc29y')).status).toBe(400);
    });

    it('officersIn: the kernel read (no admin accounts, sorted by id)', async () => {
      const found = await officersIn(t.store, 'anjian', '3505');
      expect(found.map((o) => o.officerId)).toEqual([id.qz.accountId, id.qz2.accountId].sort());
      expect(found[0]).toMatchObject({ department: 'anjian' });
      expect((await officersIn(t.store, 'anjian', '350583')).map((o) => o.officerId)).toEqual([id.qz2.accountId]);
    });

    it('an officer of another department or region is not found (404)', async () => {
      expect((await c.xm.get(`/api/officers/${id.qz.accountId}/conflicts`)).status).toBe(404);
      expect((await c.police.get(`/api/officers/${id.qz.accountId}/conflicts`)).status).toBe(404);
    });
  });

  describe('专家库', () => {
    let expertId: string;

    it('adds an expert (inspector or dept-admin of the department) and lists it with filters', async () => {
      const res = await c.qz.post('/api/experts', expertBody());
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      expertId = res.body.expertId;
      expect(res.body).toMatchObject({ name: '林建华', department: 'anjian', status: 'enabled', version: 1 });

      const byAdmin = await c.admin.post(
        '/api/experts',
        expertBody({ name: '陈思远', regionCode: '350583', phone: '0595-86123456' }),
      );
      expect(byAdmin.status).toBe(201);

      const all = await c.qz.get('/api/experts');
      expect(all.body.items.map((x: { name: string }) => x.name).sort()).toEqual(['林建华', '陈思远']);
      expect((await c.qz.get(`/api/experts?name=${encodeURIComponent('建华')}`)).body.items).toHaveLength(1);
      expect((await c.qz.get('/api/experts?region=350583')).body.items).toHaveLength(1);
      expect((await c.qz.get('/api/experts?segment=hazchem/business')).body.items).toHaveLength(2);
      expect((await c.qz.get('/api/experts?status=disabled')).body.items).toHaveLength(0);
      expect(await auditActions(t.store, expertId)).toEqual(['officers.expert.create']);
    });

    it('validates: phone, region within the jurisdiction, 专业 of the caller, segments of the categories', async () => {
      const bad = async (over: Record<string, unknown>, pattern: RegExp) => {
        const res = await c.qz.post('/api/experts', expertBody(over));
        expect(res.status, JSON.stringify(over)).toBe(400);
        expect(res.body.error.message + JSON.stringify(res.body.error.details ?? [])).toMatch(pattern);
      };
      await bad({ phone: '12345' }, /联系电话/);
      await bad({ regionCode: '3502' }, /辖区/);
      await bad({ categories: ['fireworks'], segments: [] }, /监管权限/);
      await bad({ segments: ['fireworks/wholesale'] }, /专业环节/);
      await bad({ name: '' }, /姓名/);
    });

    it('edits at the version read; a stale version → 409; disable and enable', async () => {
      const ok = await c.qz.request('PUT', `/api/experts/${expertId}`, {
        ...expertBody({ employer: '福建省化工研究所' }),
        version: 1,
      });
      expect(ok.status, JSON.stringify(ok.body)).toBe(200);
      expect(ok.body).toMatchObject({ employer: '福建省化工研究所', version: 2 });
      const stale = await c.qz.request('PUT', `/api/experts/${expertId}`, { ...expertBody(), version: 1 });
      expect(stale.status).toBe(409);

      const off = await c.qz.post(`/api/experts/${expertId}/disable`, { version: 2 });
      expect(off.body).toMatchObject({ status: 'disabled', version: 3 });
      expect((await c.qz.post(`/api/experts/${expertId}/enable`, { version: 2 })).status).toBe(409);
      expect((await expertsIn(t.store, 'anjian', '3505')).map((x) => x.name)).toEqual(['陈思远']);
      expect((await c.qz.get('/api/experts?status=disabled')).body.items).toHaveLength(1);
      const on = await c.qz.post(`/api/experts/${expertId}/enable`, { version: 3 });
      expect(on.body).toMatchObject({ status: 'enabled', version: 4 });
      expect(await auditActions(t.store, expertId)).toEqual([
        'officers.expert.create',
        'officers.expert.update',
        'officers.expert.disable',
        'officers.expert.enable',
      ]);
    });

    it('an edit keeps a 专业 the editor does not supervise, but cannot add one', async () => {
      const wide = await signedInAs(t.store, t.url, persona('anjian', '35', ['inspector'], ['hazchem', 'fireworks']));
      const made = await wide.post(
        '/api/experts',
        expertBody({ name: '吴志明', categories: ['hazchem', 'fireworks'], segments: [] }),
      );
      expect(made.status).toBe(201);
      const id = made.body.expertId as string;
      // The 泉州 inspector (危险化学品 only) edits the employer: the expert keeps 烟花爆竹.
      const edit = await c.qz.request('PUT', `/api/experts/${id}`, {
        ...expertBody({ name: '吴志明', categories: ['hazchem', 'fireworks'], segments: [], employer: '泉州师范学院' }),
        version: 1,
      });
      expect(edit.status, JSON.stringify(edit.body)).toBe(200);
      const add = await c.qz.request('PUT', `/api/experts/${id}`, {
        ...expertBody({ name: '吴志明', categories: ['hazchem', 'fireworks', 'explosives'], segments: [] }),
        version: 2,
      });
      expect(add.status).toBe(400);
      expect((await expertsIn(t.store, 'anjian', '3505', 'fireworks')).map((x) => x.name)).toEqual(['吴志明']);
      await wide.post(`/api/experts/${id}/disable`, { version: 2 });
    });

    it('experts’ 回避: declared, listed, read by the kernel, withdrawn', async () => {
      const res = await c.admin.post(`/api/experts/${expertId}/conflicts`, {
        enterpriseId: 'ent-qz-1',
        reason: '曾为该企业编制安全评价报告',
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      expect((await c.qz.get(`/api/experts/${expertId}`)).body.conflictCount).toBe(1);
      expect((await c.qz.get(`/api/experts/${expertId}/conflicts`)).body.items).toHaveLength(1);
      expect(await expertConflicts(t.store, [expertId])).toEqual([{ expertId, enterpriseId: 'ent-qz-1' }]);
      // An edit after the declaration keeps the count (a patch, not a Put of the old item).
      const cur = (await c.qz.get(`/api/experts/${expertId}`)).body;
      await c.qz.request('PUT', `/api/experts/${expertId}`, {
        ...expertBody({ employer: '厦门大学化学化工学院' }),
        version: cur.version,
      });
      expect((await c.qz.get(`/api/experts/${expertId}`)).body.conflictCount).toBe(1);
      expect((await c.qz.request('DELETE', `/api/experts/${expertId}/conflicts/ent-qz-1`)).status).toBe(200);
      expect(await expertConflicts(t.store, [expertId])).toEqual([]);
      expect((await c.qz.get(`/api/experts/${expertId}`)).body.conflictCount).toBe(0);
    });

    it('expertsIn filters by category; the kernel sees only enabled experts of the department', async () => {
      expect((await expertsIn(t.store, 'anjian', '3505', 'hazchem')).length).toBe(2);
      expect(await expertsIn(t.store, 'anjian', '3505', 'fireworks')).toEqual([]);
      expect(await expertsIn(t.store, 'gongan', '3505')).toEqual([]);
    });

    it('another department or region: not found (404); enterprise, reviewer, admin-inspector: 403', async () => {
      expect((await c.police.get(`/api/experts/${expertId}`)).status).toBe(404);
      expect((await c.xm.get(`/api/experts/${expertId}`)).status).toBe(404);
      expect((await c.xm.post(`/api/experts/${expertId}/disable`, { version: 4 })).status).toBe(404);
      expect((await c.police.get('/api/experts')).body.items).toEqual([]);
      expect((await enterprise.get('/api/experts')).status).toBe(403);
      expect((await c.reviewer.get('/api/experts')).status).toBe(403);
      expect((await c.sysAndInspector.post('/api/experts', expertBody())).status).toBe(403);
    });
  });
});
