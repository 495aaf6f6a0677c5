import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EnterpriseRecord } from '../../functions/lib/register/entry-writes';
import { categoriesOf } from '../../functions/lib/register/scope';
import { warningCounts } from '../../functions/lib/warnings/read';
import { warningIdOf } from '../../functions/lib/warnings/write';
import { scanWarnings } from '../../functions/warnings/scan';
import { FIX_REASON, warningRefOf } from '../../shared/api/warnings';
import type { CategoryCode } from '../../shared/reference/categories';
import { addDays, shanghaiToday } from '../../shared/reference/warnings';
import type { ApiClient } from '../support/api-client';
import { signedInAs, type RegulatorPersona } from '../support/personas';
import { startTestStack, type TestStack } from '../support/stack';

/**
 * 人员资质预警 of a warehouse's 保管员, end to end on DynamoDB Local: the enterprise adds its keepers under 仓库管理,
 * the nightly scan raises the one whose certificate is about to expire, and a regulator's 查看 shows that keeper's
 * certificate as it stands and 修改 corrects it — on the keeper's own item (not the staff's), at its version, the
 * `due` index following — clearing the warning and its count; the next scan leaves it cleared.
 */
describe('人员资质预警 of a warehouse 保管员: 查看 and 修改', () => {
  let t: TestStack;
  let ent: EnterpriseRecord;
  let category: CategoryCode;
  let own: ApiClient;
  let inspector: ApiClient;
  let far: ApiClient;
  const today = shanghaiToday(new Date());
  const scan = () => scanWarnings(t.store, { today, kinds: ['personCert'] });
  const regulator = (regionCode: string): RegulatorPersona => ({
    kind: 'regulator',
    department: 'anjian',
    regionCode,
    categories: [category],
    roles: ['inspector'],
  });
  const W = (id: string) => `/api/ledger/warehouses/${id}`;
  const certificate = (number: string, validTo: string) => ({
    type: '保管员证',
    number,
    issuer: '福州市公安局',
    validFrom: '2024-01-01',
    validTo,
  });

  let warehouseId = '';
  let keeperId = '';
  let ref = '';

  beforeAll(async () => {
    t = await startTestStack({ seedEnterprises: 4 });
    ent = (await t.store.enterprises.get({ enterpriseId: 'ent-000001' }).go()).data!;
    category = categoriesOf(ent.segments)[0] as CategoryCode;
    const city = ent.regionCode.slice(0, 4);
    own = await signedInAs(t.store, t.url, { kind: 'enterprise', enterpriseId: ent.enterpriseId });
    inspector = await signedInAs(t.store, t.url, regulator(city));
    far = await signedInAs(t.store, t.url, regulator(city === '3501' ? '3502' : '3501'));
  }, 180_000);
  afterAll(async () => t?.stop());

  it('the scan raises the keeper’s expiring certificate; 查看 shows it as it stands, 修改 allowed', async () => {
    const wh = await own.post('/api/ledger/warehouses', {
      name: '保管测试库',
      address: '福州市鼓楼区东街1号',
      type: 'surface',
      designCapacity: 20,
      capacityUnit: '吨',
      longitude: 119.3,
      latitude: 26.08,
      other: { contactName: '张三', remark: '' },
    });
    expect(wh.status, JSON.stringify(wh.body)).toBe(201);
    warehouseId = wh.body.warehouseId;
    // A keeper with a long-valid certificate first: the 修改 must find the right one among the enterprise's keepers.
    const other = await own.post(`${W(warehouseId)}/keepers`, {
      name: '王保管',
      idCardNo: '35010219850101123X',
      certificates: [certificate('BG-OK', addDays(today, 900))],
    });
    expect(other.status, JSON.stringify(other.body)).toBe(201);
    const k = await own.post(`${W(warehouseId)}/keepers`, {
      name: '李保管',
      idCardNo: '350102199003077775',
      certificates: [certificate('BG-SOON', addDays(today, 10))],
    });
    expect(k.status, JSON.stringify(k.body)).toBe(201);
    keeperId = k.body.keeperId;
    expect(keeperId.startsWith('kpr-')).toBe(true);

    await scan();
    const id = warningIdOf('personCert', `${ent.enterpriseId}/${keeperId}/BG-SOON`);
    ref = warningRefOf(id);
    expect((await warningCounts(t.store, category, ent.regionCode.slice(0, 4))).personCert.orange).toBeGreaterThan(0);

    const d = await inspector.get(`/api/warnings/item/${ref}`);
    expect(d.status, JSON.stringify(d.body)).toBe(200);
    expect(d.body).toMatchObject({ status: 'open', grade: 'orange', personName: '李保管', canFix: true });
    expect(d.body.certificate).toEqual({ validFrom: '2024-01-01', validTo: addDays(today, 10), version: 1 });
    // Another city's regulator does not see it, let alone 修改 it.
    expect((await far.get(`/api/warnings/item/${ref}`)).status).toBe(404);
    const farFix = await far.post(`/api/warnings/item/${ref}/certificate`, {
      validFrom: '2024-01-01',
      validTo: addDays(today, 400),
      version: 1,
    });
    expect(farFix.status).toBe(404);
  });

  it('修改 writes the keeper’s certificate at its version, clears the warning and its count; the scan agrees', async () => {
    const city = ent.regionCode.slice(0, 4);
    const before = (await warningCounts(t.store, category, city)).personCert.orange;
    const stale = await inspector.post(`/api/warnings/item/${ref}/certificate`, {
      validFrom: '2024-01-01',
      validTo: addDays(today, 400),
      version: 7,
    });
    expect(stale.status).toBe(409);

    const validTo = addDays(today, 400);
    const fixed = await inspector.post(`/api/warnings/item/${ref}/certificate`, {
      validFrom: '2024-01-01',
      validTo,
      version: 1,
    });
    expect(fixed.status, JSON.stringify(fixed.body)).toBe(200);
    expect(fixed.body).toMatchObject({ status: 'cleared', clearReason: FIX_REASON, canFix: false });
    expect((await warningCounts(t.store, category, city)).personCert.orange).toBe(before - 1);

    // The keeper's own item took the date, one version on, and left the due index's horizon; the staff untouched.
    const { data: kept } = await t.store.warehouseKeepers
      .get({ enterpriseId: ent.enterpriseId, warehouseId, personId: keeperId })
      .go();
    expect(kept).toMatchObject({ version: 2, earliestCertValidTo: validTo });
    expect(kept!.certificates).toEqual([certificate('BG-SOON', validTo)]);
    expect((await t.store.personnel.get({ enterpriseId: ent.enterpriseId, personId: keeperId }).go()).data).toBeNull();
    // The enterprise sees it under 仓库人员.
    const listed = await own.get(`${W(warehouseId)}/keepers`);
    const row = listed.body.items.find((x: { keeperId: string }) => x.keeperId === keeperId);
    expect(row.certificates[0].validTo).toBe(validTo);
    // The audit says who corrected which keeper.
    const audit = await t.store.audit.records.query.byObject({ objectRef: `warehouseKeeper:${keeperId}` }).go();
    expect(audit.data.map((a: { action: string }) => a.action)).toContain('warning.personCert.fix');

    // The next scan finds nothing to raise for the keeper.
    const { raised } = await scan();
    expect(raised.map((r) => r.id)).not.toContain(warningIdOf('personCert', `${ent.enterpriseId}/${keeperId}/BG-SOON`));
    // And 修改 again on a cleared warning is refused.
    const again = await inspector.post(`/api/warnings/item/${ref}/certificate`, {
      validFrom: '2024-01-01',
      validTo: addDays(today, 500),
      version: 2,
    });
    expect(again.status).toBe(409);
  });
});
