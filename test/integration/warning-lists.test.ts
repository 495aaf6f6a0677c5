import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { Regulator } from '../../functions/lib/auth/principal';
import { LOCAL_NAMES } from '../../functions/local/stack';
import { createStore } from '../../functions/store';
import { listWarnings } from '../../functions/warnings/lists';
import { WarningListQuery } from '../../shared/api/warnings';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EnterpriseRecord, LicenceRecord } from '../../functions/lib/register/entry-writes';
import type { PersonRecord } from '../../functions/lib/register/people';
import { categoriesOf } from '../../functions/lib/register/scope';
import type { TransactItem } from '../../functions/lib/transactions';
import { warningCounts } from '../../functions/lib/warnings/read';
import { raiseWarningItems, warningIdOf, type WarningInput } from '../../functions/lib/warnings/write';
import { FIX_REASON, warningIdOfRef, warningRefOf, type WarningDetail } from '../../shared/api/warnings';
import type { CategoryCode } from '../../shared/reference/categories';
import { addDays, shanghaiToday } from '../../shared/reference/warnings';
import type { ApiClient } from '../support/api-client';
import { signedInAs, type RegulatorPersona } from '../support/personas';
import { startTestStack, type TestStack } from '../support/stack';

/**
 * 大数据预警's lists, 查看, 修改 and 关闭预警 through the local gateway on DynamoDB Local. Warnings are raised with the
 * kernel's own items (functions/lib/warnings/write.ts), as the scan raises them, on the demo data's real licences
 * and staff, so 修改 writes real certificates: the list's scope (a city regulator sees only their city's), the grade
 * filter and 总共 from the counters, 修改 clearing the warning and moving the counter (or regrading it), a stale form,
 * 关闭预警 by two regulators at once, and input the routes refuse.
 */
describe('warning lists (大数据预警)', () => {
  let t: TestStack;
  let ent: EnterpriseRecord;
  let category: CategoryCode;
  let city: string;
  let farCity: string;
  let licences: LicenceRecord[];
  let people: PersonRecord[];
  let inspector: ApiClient;
  const today = shanghaiToday(new Date());
  const send = (items: TransactItem[]) =>
    t.store.client.send(new TransactWriteCommand({ TransactItems: items as never }));
  const raise = (input: WarningInput) => send(raiseWarningItems(t.store, input, new Date().toISOString()));
  const regulator = (over: Partial<RegulatorPersona> = {}): RegulatorPersona => ({
    kind: 'regulator',
    department: 'anjian',
    regionCode: city,
    categories: [category],
    roles: ['inspector'],
    ...over,
  });

  function licenceWarning(l: LicenceRecord, grade: WarningInput['grade'], dueDate = l.validTo): WarningInput {
    return {
      kind: 'licence',
      sourceKey: `${l.enterpriseId}/${l.licenceId}`,
      grade,
      regionCode: ent.regionCode,
      categories: [category],
      enterpriseId: ent.enterpriseId,
      enterpriseName: ent.name,
      dueDate,
      detail: {
        certificateType: l.licenceName,
        number: l.number,
        issuer: l.issuer,
        validFrom: l.validFrom,
        validTo: l.validTo,
        licenceId: l.licenceId,
      },
    };
  }

  /** A warning of an invented enterprise elsewhere: only its list row and counters matter. */
  function farWarning(n: number, kind: WarningInput['kind'] = 'licence'): WarningInput {
    return {
      kind,
      sourceKey: `ent-far-${n}/lic-far-${n}`,
      grade: 'red',
      regionCode: `${farCity}02`,
      categories: [category],
      enterpriseId: `ent-far-${n}`,
      enterpriseName: `远方测试企业${n}`,
      dueDate: addDays(today, -3),
      detail: {
        certificateType: '远方许可证',
        number: `FAR-${n}`,
        issuer: '远方发证机关',
        validTo: addDays(today, -3),
      },
    };
  }

  const ref = (input: WarningInput) => warningRefOf(warningIdOf(input.kind, input.sourceKey));

  beforeAll(async () => {
    t = await startTestStack({ seedEnterprises: 4 });
    ent = (await t.store.enterprises.get({ enterpriseId: 'ent-000001' }).go()).data!;
    category = categoriesOf(ent.segments)[0] as CategoryCode;
    city = ent.regionCode.slice(0, 4);
    farCity = city === '3501' ? '3502' : '3501';
    licences = (await t.store.licences.query.byEnterprise({ enterpriseId: ent.enterpriseId }).go()).data;
    people = (await t.store.personnel.query.byEnterprise({ enterpriseId: ent.enterpriseId }).go()).data.filter(
      (p) => p.certificates.length > 0,
    );
    expect(licences.length).toBeGreaterThan(0);
    inspector = await signedInAs(t.store, t.url, regulator());
  }, 180_000);
  afterAll(() => t?.stop());

  it('shows a city regulator only their city’s warnings; the province sees both; 总共 is the counter', async () => {
    const mine = { ...licenceWarning(licences[0]!, 'red', addDays(today, -1)), sourceKey: `${ent.enterpriseId}/scope` };
    await raise(mine);
    await raise(farWarning(1));
    await raise(farWarning(2));

    const page = await inspector.get(`/api/warnings/licence?category=${category}`);
    expect(page.status, JSON.stringify(page.body)).toBe(200);
    const ids = page.body.items.map((w: { warningId: string }) => w.warningId);
    expect(ids).toContain(warningIdOf('licence', mine.sourceKey));
    expect(ids.some((id: string) => id.includes('ent-far'))).toBe(false);
    expect(page.body.total).toBe(page.body.items.length);
    const row = page.body.items.find(
      (w: { warningId: string }) => w.warningId === warningIdOf('licence', mine.sourceKey),
    );
    expect(row).toMatchObject({
      grade: 'red',
      certificateType: licences[0]!.licenceName,
      certificateNumber: licences[0]!.number,
      enterpriseName: ent.name,
      issuer: licences[0]!.issuer,
      ref: ref(mine),
    });
    expect(warningIdOfRef(row.ref)).toBe(row.warningId);

    const province = await signedInAs(t.store, t.url, regulator({ regionCode: '35' }));
    const all = await province.get(`/api/warnings/licence?category=${category}&limit=50`);
    expect(all.body.items.filter((w: { warningId: string }) => w.warningId.includes('ent-far'))).toHaveLength(2);
    // 总共 of every grade: the demo's own warnings (the scan's, at seeding) may include other grades than red.
    const province35 = (await warningCounts(t.store, category, '35')).licence;
    expect(all.body.total).toBe(Object.values(province35).reduce((a, b) => a + b, 0));

    // 查看 of another city's warning reads as missing; asking for another city's region is refused.
    expect((await inspector.get(`/api/warnings/item/${ref(farWarning(1))}`)).status).toBe(404);
    expect((await inspector.get(`/api/warnings/licence?category=${category}&region=${farCity}`)).status).toBe(403);
    // A category the account lacks is a 403, whatever the jurisdiction.
    const other = category === 'hazchem' ? 'fireworks' : 'hazchem';
    expect((await inspector.get(`/api/warnings/licence?category=${other}`)).status).toBe(403);
  });

  it('filters by grade (the 首页’s links), 企业名称 and 证件编号; a filtered total from the counter when it can', async () => {
    const l = licences[1] ?? licences[0]!;
    const blue = { ...licenceWarning(l, 'blue', addDays(today, 80)), sourceKey: `${ent.enterpriseId}/blue-test` };
    await raise(blue);
    const reds = await inspector.get(`/api/warnings/licence?category=${category}&grade=red`);
    expect(reds.status).toBe(200);
    expect(reds.body.items.every((w: { grade: string }) => w.grade === 'red')).toBe(true);
    expect(reds.body.total).toBe((await warningCounts(t.store, category, city)).licence.red);
    const blues = await inspector.get(`/api/warnings/licence?category=${category}&grade=blue`);
    expect(blues.body.items.map((w: { warningId: string }) => w.warningId)).toEqual([
      warningIdOf('licence', blue.sourceKey),
    ]);
    expect(blues.body.total).toBe(1);

    const byName = await inspector.get(
      `/api/warnings/licence?category=${category}&enterpriseName=${encodeURIComponent(ent.name.slice(2, 6))}`,
    );
    expect(byName.body.items.length).toBeGreaterThan(0);
    expect(byName.body.total).toBeNull();
    const byNumber = await inspector.get(
      `/api/warnings/licence?category=${category}&certificateNumber=${encodeURIComponent(l.number)}`,
    );
    expect(byNumber.body.items.map((w: { certificateNumber: string }) => w.certificateNumber)).toContain(l.number);
    const none = await inspector.get(`/api/warnings/licence?category=${category}&certificateNumber=NO-SUCH-NUMBER`);
    expect(none.body.items).toEqual([]);
  });

  it('修改 a licence: the licence and its list row take the new dates, the warning clears, the counter drops', async () => {
    const l = licences[0]!;
    const w = licenceWarning(l, 'red', addDays(today, -1));
    await raise(w);
    const before = (await warningCounts(t.store, category, city)).licence.red;
    const detail = await inspector.get(`/api/warnings/item/${ref(w)}`);
    expect(detail.status, JSON.stringify(detail.body)).toBe(200);
    const d = detail.body as WarningDetail;
    expect(d).toMatchObject({ status: 'open', canFix: true, canClose: false });
    expect(d.certificate).toEqual({ validFrom: l.validFrom, validTo: l.validTo, version: l.version });
    expect(d.history.map((s) => s.step)).toEqual(['raised']);

    // Still expired, or ending before it starts: refused, nothing written.
    const expired = await inspector.post(`/api/warnings/item/${ref(w)}/certificate`, {
      validFrom: l.validFrom,
      validTo: addDays(today, -1),
      version: l.version,
    });
    expect(expired.status).toBe(400);
    expect(expired.body.error.details[0].path).toBe('body.validTo');
    const backwards = await inspector.post(`/api/warnings/item/${ref(w)}/certificate`, {
      validFrom: '2030-01-01',
      validTo: '2029-01-01',
      version: l.version,
    });
    expect(backwards.status).toBe(400);

    const validTo = addDays(today, 3 * 365);
    const fixed = await inspector.post(`/api/warnings/item/${ref(w)}/certificate`, {
      validFrom: today,
      validTo,
      version: l.version,
    });
    expect(fixed.status, JSON.stringify(fixed.body)).toBe(200);
    expect(fixed.body).toMatchObject({ status: 'cleared', clearReason: FIX_REASON, canFix: false });
    expect(fixed.body.history.map((s: { step: string }) => s.step)).toEqual(['raised', 'cleared']);

    const licence = (await t.store.licences.get({ enterpriseId: l.enterpriseId, licenceId: l.licenceId }).go()).data!;
    expect(licence).toMatchObject({ validFrom: today, validTo, version: l.version + 1 });
    const listing = (
      await t.store.enterpriseListings
        .get({ enterpriseId: ent.enterpriseId, category: l.category, segment: l.segment })
        .go()
    ).data!;
    expect(listing.licenceValidTo).toBe(validTo);
    expect((await warningCounts(t.store, category, city)).licence.red).toBe(before - 1);
    const list = await inspector.get(`/api/warnings/licence?category=${category}&limit=50`);
    expect(list.body.items.map((x: { warningId: string }) => x.warningId)).not.toContain(
      warningIdOf('licence', w.sourceKey),
    );
    // Audited, with the dates before and after.
    const audit = await t.store.audit.records.query.byObject({ objectRef: `licence:${l.licenceId}` }).go();
    expect(audit.data.map((a: { action: string }) => a.action)).toContain('warning.licence.fix');

    // Again on the cleared warning: 409, nothing written.
    const again = await inspector.post(`/api/warnings/item/${ref(w)}/certificate`, {
      validFrom: today,
      validTo,
      version: l.version + 1,
    });
    expect(again.status).toBe(409);
  });

  it('修改 to a date still within 90 days regrades instead of hiding it; a stale form is a 409', async () => {
    const p = people[0]!;
    const c = p.certificates[0]!;
    const w: WarningInput = {
      kind: 'personCert',
      sourceKey: `${ent.enterpriseId}/${p.personId}/${c.number}`,
      grade: 'red',
      regionCode: ent.regionCode,
      categories: [category],
      enterpriseId: ent.enterpriseId,
      enterpriseName: ent.name,
      dueDate: addDays(today, -10),
      detail: {
        certificateType: c.type,
        number: c.number,
        issuer: c.issuer,
        validFrom: c.validFrom,
        validTo: c.validTo,
        personName: p.name,
        personId: p.personId,
      },
    };
    await raise(w);
    const listed = await inspector.get(
      `/api/warnings/personCert?category=${category}&personName=${encodeURIComponent(p.name)}`,
    );
    expect(listed.body.items.map((x: { warningId: string }) => x.warningId)).toContain(
      warningIdOf('personCert', w.sourceKey),
    );
    // The stored type code reads as the certificate's name.
    expect(listed.body.items[0].certificateType).not.toBe(c.type);

    const stale = await inspector.post(`/api/warnings/item/${ref(w)}/certificate`, {
      validFrom: c.validFrom,
      validTo: addDays(today, 400),
      version: p.version + 5,
    });
    expect(stale.status).toBe(409);

    const soon = addDays(today, 45);
    const regraded = await inspector.post(`/api/warnings/item/${ref(w)}/certificate`, {
      validFrom: c.validFrom,
      validTo: soon,
      version: p.version,
    });
    expect(regraded.status, JSON.stringify(regraded.body)).toBe(200);
    expect(regraded.body).toMatchObject({ status: 'open', grade: 'yellow', dueDate: soon, validTo: soon });
    const person = (await t.store.personnel.get({ enterpriseId: ent.enterpriseId, personId: p.personId }).go()).data!;
    expect(person.certificates.find((x) => x.number === c.number)!.validTo).toBe(soon);
    expect(person.version).toBe(p.version + 1);
    expect(person.earliestCertValidTo! <= soon).toBe(true);

    const cleared = await inspector.post(`/api/warnings/item/${ref(w)}/certificate`, {
      validFrom: c.validFrom,
      validTo: addDays(today, 1000),
      version: p.version + 1,
    });
    expect(cleared.status, JSON.stringify(cleared.body)).toBe(200);
    expect(cleared.body.status).toBe('cleared');
    expect(cleared.body.history.map((s: { step: string }) => s.step)).toEqual(['raised', 'regraded', 'cleared']);
  });

  it('关闭预警: a reason is required; two regulators at once → one closes, the other hears who did', async () => {
    const flow: WarningInput = {
      kind: 'flow',
      flowType: 'stock-difference',
      sourceKey: 'stock/test-stocktake-1',
      grade: 'red',
      regionCode: ent.regionCode,
      categories: [category],
      enterpriseId: ent.enterpriseId,
      enterpriseName: ent.name,
      detail: {
        warehouseName: '一号仓库',
        productName: '测试产品',
        systemQuantity: 0.014,
        actualQuantity: 0.015,
        unit: '公斤',
      },
    };
    await raise(flow);
    const row = (await inspector.get(`/api/warnings/flow?category=${category}`)).body.items.find(
      (x: { warningId: string }) => x.warningId === warningIdOf('flow', flow.sourceKey),
    );
    expect(row).toMatchObject({ flowType: 'stock-difference', warehouseName: '一号仓库', systemQuantity: 0.014 });
    const path = `/api/warnings/item/${row.ref}/close`;
    expect((await inspector.post(path, { version: row.version })).status).toBe(400);
    expect((await inspector.post(path, { reason: ' ', version: row.version })).status).toBe(400);
    // 修改 is not for flow warnings, 关闭 not for certificates.
    expect(
      (
        await inspector.post(`/api/warnings/item/${row.ref}/certificate`, {
          validFrom: today,
          validTo: today,
          version: 1,
        })
      ).status,
    ).toBe(400);
    const before = (await warningCounts(t.store, category, '35')).flow.red;

    const second = await signedInAs(t.store, t.url, regulator({ department: 'gongan' }));
    const [a, b] = await Promise.all([
      inspector.post(path, { reason: '已核实，系计量误差', version: row.version }),
      second.post(path, { reason: '已核实，系盘点录入错误', version: row.version }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const loser = a.status === 409 ? a : b;
    expect(loser.body.error.message).toMatch(/已由.+关闭/);
    expect((await warningCounts(t.store, category, '35')).flow.red).toBe(before - 1);
    const closed = (await inspector.get(`/api/warnings/item/${row.ref}`)).body as WarningDetail;
    expect(closed.status).toBe('closed');
    expect(closed.history.at(-1)).toMatchObject({ step: 'closed' });
    expect(['已核实，系计量误差', '已核实，系盘点录入错误']).toContain(closed.clearReason);
  });

  it('a list page costs two DynamoDB requests: the rows and the counters (one with a text filter)', async () => {
    let requests = 0;
    const client = new DynamoDBClient({ endpoint: t.stack.dynamo.endpoint, region: LOCAL_NAMES.region });
    client.middlewareStack.add(
      (next) => async (args) => {
        requests++;
        return next(args);
      },
      { step: 'initialize', name: 'countRequests' },
    );
    const counted = createStore(DynamoDBDocumentClient.from(client), LOCAL_NAMES.table);
    const p = { ...regulator(), kind: 'regulator', accountId: 'a', name: '计数', category } as unknown as Regulator;
    const page = async (q: Record<string, string>) => {
      requests = 0;
      await listWarnings(counted, p, 'licence', WarningListQuery.parse({ category, ...q }));
      return requests;
    };
    expect(await page({})).toBe(2);
    expect(await page({ grade: 'red' })).toBe(2);
    expect(await page({ certificateNumber: licences[0]!.number })).toBe(1);
  });

  it('refuses enterprises, admins and reviewers where they may not act; bad refs read as missing', async () => {
    const l = licences[0]!;
    const w = { ...licenceWarning(l, 'orange', addDays(today, 10)), sourceKey: `${ent.enterpriseId}/auth-test` };
    await raise(w);
    const own = await signedInAs(t.store, t.url, { kind: 'enterprise', enterpriseId: ent.enterpriseId });
    expect((await own.get(`/api/warnings/licence`)).status).toBe(403);
    expect((await own.get(`/api/warnings/item/${ref(w)}`)).status).toBe(403);
    const admin = await signedInAs(t.store, t.url, regulator({ roles: ['sys-admin'], regionCode: '35' }));
    expect((await admin.get(`/api/warnings/licence?category=${category}`)).status).toBe(403);
    const reviewer = await signedInAs(t.store, t.url, regulator({ roles: ['reviewer'] }));
    expect((await reviewer.get(`/api/warnings/item/${ref(w)}`)).body.canFix).toBe(false);
    expect(
      (
        await reviewer.post(`/api/warnings/item/${ref(w)}/certificate`, {
          validFrom: today,
          validTo: addDays(today, 500),
          version: 1,
        })
      ).status,
    ).toBe(403);
    expect((await inspector.get(`/api/warnings/item/${warningRefOf('licence:nothing/here')}`)).status).toBe(404);
    expect((await inspector.get(`/api/warnings/item/not-a-ref!`)).status).toBe(400);
    expect((await inspector.get(`/api/warnings/item/${warningRefOf('other:thing')}`)).status).toBe(404);
    expect((await inspector.get(`/api/warnings/nonsense`)).status).toBe(400);
  });
});
