import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeStaffChange } from '../../functions/enterprise/staff-count';
import { CHANGE_SUBMITTED_MESSAGES } from '../../shared/api/register';
import { certificateTypesFor } from '../../shared/reference/certificates';
import type { CategoryCode } from '../../shared/reference/categories';
import { idCardCheckChar } from '../../shared/validation/idcard';
import type { ApiClient } from '../support/api-client';
import { signedInAs, type Persona } from '../support/personas';
import { startTestStack, type TestStack } from '../support/stack';

/**
 * The enterprise keeps its own data (企业服务平台 › 企业信息管理) against DynamoDB Local: 从业人员 新增/编辑/删除
 * with 员工总数 on the entry and on the regulators' list rows moving with them (also under 20 adds at once, and
 * around a register change), the `due` index following the certificates, 产品种类, the 纠正 of its entry, and
 * another enterprise kept out.
 */
describe('enterprise self-service', () => {
  let t: TestStack;
  let own: ApiClient;
  let other: ApiClient;
  let regulator: ApiClient;
  /** A 危险化学品 生产 and 储存 enterprise of the demo data: two list rows carry its 员工总数. */
  const ENTERPRISE = 'ent-000008';
  let category: CategoryCode;
  let segment: string;
  let regionCode: string;
  let certType: string;

  /** An 18-character 身份证号 of someone born in 福州 鼓楼区 in 1985, its 17th digit saying the gender. */
  let serial = 100;
  function idCard(gender: 'male' | 'female' = 'male'): string {
    serial += 1;
    const seq = String(serial * 2 + (gender === 'male' ? 1 : 0))
      .padStart(3, '0')
      .slice(-3);
    const first17 = `35010219850312${seq}`;
    return first17 + idCardCheckChar(first17);
  }

  const person = (over: Record<string, unknown> = {}) => ({
    name: '林志明',
    idCardNo: idCard(),
    gender: 'male',
    mobile: '13859001234',
    position: '安全管理人员',
    certificates: [
      { type: certType, number: 'FJ2024-0001', issuer: '福州市公安局', validFrom: '2024-01-01', validTo: '2027-01-01' },
    ],
    ...over,
  });

  const detail = async (c: ApiClient = own) => {
    const r = await c.get(`/api/register/enterprises/${ENTERPRISE}`);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    return r.body;
  };

  /** 员工总数 as the regulator's unit list shows it for the enterprise. */
  async function listedStaffCount(): Promise<number> {
    let cursor: string | null = null;
    do {
      const q: string = `region=${regionCode}&limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const r = await regulator.get(`/api/register/units/${category}/${segment}?${q}`);
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      const row = (r.body.items as { enterpriseId: string; staffCount: number }[]).find(
        (i) => i.enterpriseId === ENTERPRISE,
      );
      if (row) return row.staffCount;
      cursor = r.body.cursor;
    } while (cursor);
    throw new Error('the enterprise is not on its unit list');
  }

  /** The staff count on the entry, and on each of its list rows (all must agree). */
  async function counts(): Promise<{ entry: number; rows: number[] }> {
    const { data: e } = await t.store.enterprises.get({ enterpriseId: ENTERPRISE }).go({ consistent: true });
    const { data: rows } = await t.store.enterpriseListings.query
      .byEnterprise({ enterpriseId: ENTERPRISE })
      .go({ consistent: true });
    return { entry: e!.staffCount, rows: rows.map((r) => r.staffCount) };
  }

  async function staffPage(): Promise<{ personId: string; name: string; version: number; idCardNo: string }[]> {
    const r = await own.get(`/api/register/enterprises/${ENTERPRISE}/personnel?limit=100`);
    expect(r.status).toBe(200);
    return r.body.items;
  }

  beforeAll(async () => {
    t = await startTestStack({ seedEnterprises: 10 });
    const { data: e } = await t.store.enterprises.get({ enterpriseId: ENTERPRISE }).go();
    ({ category, segment } = e!.segments[0] as { category: CategoryCode; segment: string });
    regionCode = e!.regionCode;
    certType = certificateTypesFor(category)[0]!.code;
    own = await signedInAs(t.store, t.url, { kind: 'enterprise', enterpriseId: ENTERPRISE });
    other = await signedInAs(t.store, t.url, { kind: 'enterprise', enterpriseId: 'ent-000002' });
    const inspector: Persona = {
      kind: 'regulator',
      department: 'anjian',
      regionCode: '35',
      categories: [category],
      roles: ['inspector'],
    };
    regulator = await signedInAs(t.store, t.url, inspector);
  }, 120_000);
  afterAll(async () => t?.stop());

  it('adds, edits and deletes a person; the staff page, 员工总数 and the unit list agree at each step', async () => {
    const start = (await detail()).enterprise.staffCount as number;
    expect(await listedStaffCount()).toBe(start);

    const added = await own.post('/api/enterprise/personnel', person({ name: '陈建国' }));
    expect(added.status, JSON.stringify(added.body)).toBe(201);
    expect(added.body.personId).toMatch(/^psn-/);
    expect(added.body).toMatchObject({ name: '陈建国', enterpriseId: ENTERPRISE, version: 1 });
    expect(added.body.earliestCertValidTo).toBe('2027-01-01');
    expect((await staffPage()).map((p) => p.personId)).toContain(added.body.personId);
    expect((await detail()).enterprise.staffCount).toBe(start + 1);
    expect(await listedStaffCount()).toBe(start + 1);
    const c1 = await counts();
    expect(c1.rows).toEqual([start + 1, start + 1]);

    const edited = await own.request('PUT', `/api/enterprise/personnel/${added.body.personId}`, {
      person: { ...person({ name: '陈建国', idCardNo: added.body.idCardNo }), position: '仓库保管员' },
      version: 1,
    });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    expect(edited.body).toMatchObject({ position: '仓库保管员', version: 2 });
    expect((await staffPage()).find((p) => p.personId === added.body.personId)).toMatchObject({ version: 2 });
    expect((await detail()).enterprise.staffCount).toBe(start + 1);

    const stale = await own.request('PUT', `/api/enterprise/personnel/${added.body.personId}`, {
      person: person({ idCardNo: added.body.idCardNo }),
      version: 1,
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.message).toBe('人员信息已被修改，请刷新后重试');

    const staleDelete = await own.post('/api/enterprise/personnel/delete', {
      items: [{ personId: added.body.personId, version: 1 }],
    });
    expect(staleDelete.status).toBe(409);
    const deleted = await own.post('/api/enterprise/personnel/delete', {
      items: [{ personId: added.body.personId, version: 2 }],
    });
    expect(deleted.status, JSON.stringify(deleted.body)).toBe(200);
    expect(deleted.body.deleted).toEqual([added.body.personId]);
    expect((await staffPage()).map((p) => p.personId)).not.toContain(added.body.personId);
    expect((await detail()).enterprise.staffCount).toBe(start);
    expect(await listedStaffCount()).toBe(start);

    // Every write left its audit record (who, what, before/after).
    const { data: audit } = await t.store.audit.records.query
      .byObject({ objectRef: `person:${added.body.personId}` })
      .go({ pages: 'all' });
    expect(audit.map((a) => a.action).sort()).toEqual([
      'enterprise.person.create',
      'enterprise.person.delete',
      'enterprise.person.update',
    ]);
  });

  it('refuses a second person with the same 身份证号, also one of the staff from before (the demo data)', async () => {
    const idCardNo = idCard('female');
    const first = await own.post('/api/enterprise/personnel', person({ idCardNo, gender: 'female', name: '王丽' }));
    expect(first.status).toBe(201);
    const again = await own.post('/api/enterprise/personnel', person({ idCardNo, gender: 'female', name: '王丽' }));
    expect(again.status).toBe(409);
    expect(again.body.error.message).toBe('该身份证号的人员已存在');

    // Renumbering someone else to that number is refused too.
    const second = await own.post('/api/enterprise/personnel', person({ name: '张伟' }));
    const renumbered = await own.request('PUT', `/api/enterprise/personnel/${second.body.personId}`, {
      person: person({ idCardNo, gender: 'female', name: '张伟' }),
      version: 1,
    });
    expect(renumbered.status).toBe(409);
    expect(renumbered.body.error.message).toBe('该身份证号的人员已存在');

    const seeded = (await staffPage()).find((p) => p.personId.startsWith('per-'))!;
    const copy = await own.post(
      '/api/enterprise/personnel',
      person({
        idCardNo: seeded.idCardNo,
        gender: Number(seeded.idCardNo.charAt(16)) % 2 === 1 ? 'male' : 'female',
      }),
    );
    expect(copy.status).toBe(409);

    // Once deleted, the number is free again.
    const gone = await own.post('/api/enterprise/personnel/delete', {
      items: [{ personId: first.body.personId, version: 1 }],
    });
    expect(gone.status).toBe(200);
    const back = await own.post('/api/enterprise/personnel', person({ idCardNo, gender: 'female', name: '王丽' }));
    expect(back.status).toBe(201);
  });

  it('counts 20 people added at the same time exactly, on the entry and every list row', async () => {
    const before = await counts();
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => own.post('/api/enterprise/personnel', person({ name: `并发${i}` }))),
    );
    expect(results.map((r) => r.status)).toEqual(Array(20).fill(201));
    const after = await counts();
    expect(after.entry).toBe(before.entry + 20);
    expect(after.rows).toEqual(before.rows.map((n) => n + 20));
    expect(await listedStaffCount()).toBe(after.entry);

    // 勾选 then 删除 of all twenty: one transaction, the count back where it was.
    const removed = await own.post('/api/enterprise/personnel/delete', {
      items: results.map((r) => ({ personId: r.body.personId as string, version: 1 })),
    });
    expect(removed.status, JSON.stringify(removed.body)).toBe(200);
    expect((await counts()).entry).toBe(before.entry);
  });

  it('rebuilds a staff change when a register change moved the entry between its read and its write', async () => {
    const before = await counts();
    // The entry moved: a correction approved in between bumps the version (simulated by bumping it here).
    let attempts = 0;
    await writeStaffChange(
      t.store,
      ENTERPRISE,
      async (e) => {
        attempts++;
        if (attempts === 1) await t.store.enterprises.patch({ enterpriseId: e.enterpriseId }).add({ version: 1 }).go();
        return {
          own: [],
          delta: 1,
          audit: [
            {
              actor: { kind: 'system' },
              action: 'enterprise.person.create',
              object: { type: 'person', id: 'psn-test' },
              outcome: 'success',
              sourceIp: '-',
              requestId: `rebuild-${Date.now()}`,
            },
          ],
        };
      },
      () => new Error('no own items'),
    );
    expect(attempts).toBe(2);
    const after = await counts();
    expect(after.entry).toBe(before.entry + 1);
    expect(after.rows).toEqual(before.rows.map((n) => n + 1));
  });

  it('keeps the `due` index on the earliest certificate, and drops the person from it with the last certificate', async () => {
    const added = await own.post(
      '/api/enterprise/personnel',
      person({
        name: '刘洋',
        certificates: [
          { type: certType, number: 'A-1', issuer: '福州市公安局', validFrom: '2020-01-01', validTo: '2031-05-01' },
          { type: certType, number: 'A-2', issuer: '福州市公安局', validFrom: '2020-01-01', validTo: '2026-03-15' },
        ],
      }),
    );
    expect(added.status, JSON.stringify(added.body)).toBe(201);
    const due = async (date: string) =>
      (
        await t.store.personnel.query
          .byDueDate({ dueKind: 'personCert' })
          .lte({ earliestCertValidTo: date })
          .go({ pages: 'all' })
      ).data.map((p) => p.personId);
    expect(await due('2026-03-15')).toContain(added.body.personId);
    expect(await due('2026-03-14')).not.toContain(added.body.personId);

    const none = await own.request('PUT', `/api/enterprise/personnel/${added.body.personId}`, {
      person: person({ name: '刘洋', idCardNo: added.body.idCardNo, certificates: [] }),
      version: 1,
    });
    expect(none.status, JSON.stringify(none.body)).toBe(200);
    expect(none.body.earliestCertValidTo).toBeUndefined();
    expect(await due('2099-12-31')).not.toContain(added.body.personId);
  });

  it('refuses bad people with field messages: a certificate type of another category, a wrong gender', async () => {
    const foreign = certificateTypesFor('firearms')[0]!.code === certType ? 'radiation-safety' : 'firearms-custodian';
    const wrongType = await own.post(
      '/api/enterprise/personnel',
      person({ certificates: [{ ...person().certificates[0], type: foreign }] }),
    );
    expect(wrongType.status).toBe(400);
    expect(wrongType.body.error.details[0].path).toBe('body.certificates.0.type');
    const wrongGender = await own.post('/api/enterprise/personnel', person({ gender: 'female' }));
    expect(wrongGender.status).toBe(400);
    expect(wrongGender.body.error.details.map((d: { path: string }) => d.path)).toContain('body.gender');
  });

  it("keeps another enterprise out of this one's staff and products (404), and regulators out of the writes (403)", async () => {
    const mine = await own.post('/api/enterprise/personnel', person({ name: '黄海' }));
    const product = await own.post('/api/enterprise/products', { category, name: '越权测试产品' });
    expect(product.status).toBe(201);
    const put = await other.request('PUT', `/api/enterprise/personnel/${mine.body.personId}`, {
      person: person({ idCardNo: mine.body.idCardNo }),
      version: 1,
    });
    expect(put.status).toBe(404);
    const del = await other.post('/api/enterprise/personnel/delete', {
      items: [{ personId: mine.body.personId, version: 1 }],
    });
    expect(del.status).toBe(404);
    expect((await other.request('DELETE', `/api/enterprise/products/${product.body.productId}`)).status).toBe(404);
    expect((await other.get(`/api/register/enterprises/${ENTERPRISE}/personnel`)).status).toBe(404);
    expect((await regulator.post('/api/enterprise/personnel', person())).status).toBe(403);
    // Still there, untouched.
    expect((await staffPage()).find((p) => p.personId === mine.body.personId)).toMatchObject({ version: 1 });
  });

  it('adds 产品种类 in its own categories, refuses a duplicate name, and deletes', async () => {
    const added = await own.post('/api/enterprise/products', { category, name: '  工业炸药 ' });
    expect(added.status, JSON.stringify(added.body)).toBe(201);
    expect(added.body).toMatchObject({ category, name: '工业炸药' });
    expect((await detail()).products.map((p: { productId: string }) => p.productId)).toContain(added.body.productId);

    for (const name of ['工业炸药', '工业炸药　']) {
      const dup = await own.post('/api/enterprise/products', { category, name });
      expect(dup.status).toBe(409);
      expect(dup.body.error.message).toBe('该产品种类已存在');
    }
    const notMine = (['firearms', 'radioactive'] as const).find((c) => c !== category)!;
    const { data: e } = await t.store.enterprises.get({ enterpriseId: ENTERPRISE }).go();
    if (!e!.segments.some((s) => s.category === notMine)) {
      const foreign = await own.post('/api/enterprise/products', { category: notMine, name: '工业炸药' });
      expect(foreign.status).toBe(400);
      expect(foreign.body.error.details[0].path).toBe('body.category');
    }

    const removed = await own.request('DELETE', `/api/enterprise/products/${added.body.productId}`);
    expect(removed.status).toBe(200);
    expect((await detail()).products.map((p: { productId: string }) => p.productId)).not.toContain(
      added.body.productId,
    );
    expect((await own.request('DELETE', `/api/enterprise/products/${added.body.productId}`)).status).toBe(404);
  });

  it('files a 纠正 of its own entry for review, and refuses a second while the first is pending', async () => {
    const d = await detail();
    const e = d.enterprise;
    const fields = [
      'name',
      'regionCode',
      'unitType',
      'registrationStatus',
      'registrationNo',
      'creditCode',
      'registeredCapital',
      'legalRepresentative',
      'phone',
      'registeredOn',
      'approvedOn',
      'businessTermFrom',
      'businessTermTo',
      'registrationAuthority',
      'address',
      'businessScope',
    ];
    const enterprise: Record<string, unknown> = Object.fromEntries(
      fields.filter((f) => e[f] !== undefined).map((f) => [f, e[f]]),
    );
    enterprise.segments = e.segments;
    enterprise.phone = '0591-87654321';
    const body = { kind: 'correct', enterpriseId: ENTERPRISE, baseVersion: e.version, enterprise };
    const first = await own.post('/api/register/change-requests', body);
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body.message).toBe(CHANGE_SUBMITTED_MESSAGES.correct);
    expect((await detail()).pendingRequestId).toBe(first.body.requestId);

    const second = await own.post('/api/register/change-requests', body);
    expect(second.status).toBe(409);

    // The staff are the enterprise's own business: they can change while the correction waits.
    const during = await own.post('/api/enterprise/personnel', person({ name: '郑强' }));
    expect(during.status).toBe(201);
    const after = await detail();
    expect(after.enterprise.version).toBe(e.version);
    expect(after.enterprise.phone).toBe(e.phone);
  });
});
