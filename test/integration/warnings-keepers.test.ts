import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { warningCounts, readWarning } from '../../functions/lib/warnings/read';
import { warningIdOf } from '../../functions/lib/warnings/write';
import { scanWarnings } from '../../functions/warnings/scan';
import { addDays } from '../../shared/reference/warnings';
import { testTable, type TestTable } from '../support/dynamo';

const TODAY = '2026-12-07';
const ENT = 'ent-keeper-1';

/**
 * A warehouse's 保管员 is a certificate holder like a member of the staff (issue 13 §1): the nightly scan finds a
 * keeper's certificate in the same `personCert` due partition and raises its 人员资质预警 under the enterprise's
 * categories; a renewed certificate clears it at the next scan.
 */
describe('warning scan: warehouse keepers', () => {
  let t: TestTable;
  const scan = () => scanWarnings(t.store, { today: TODAY, now: () => new Date(`${TODAY}T01:00:00+08:00`) });
  const keeper = (validTo: string) => ({
    personId: 'kpr-1',
    enterpriseId: ENT,
    warehouseId: 'wh-1',
    warehouseName: '一号库',
    enterpriseName: '福州保管测试民爆有限公司',
    regionCode: '350102',
    categories: ['explosives'],
    name: '林保管',
    idCardNo: '350102199001011234',
    position: '保管员',
    certificates: [
      { type: '民用爆炸物品保管员证', number: 'BG-001', issuer: '福州市公安局', validFrom: '2023-01-01', validTo },
    ],
    earliestCertValidTo: validTo,
    createdAt: '2026-01-01T00:00:00.000Z',
  });
  const id = warningIdOf('personCert', `${ENT}/kpr-1/BG-001`);

  beforeAll(async () => {
    t = await testTable('warn-keepers');
  });
  afterAll(async () => t?.drop());

  it('raises the keeper’s certificate warning with the enterprise’s name and categories, without reading the register', async () => {
    await t.store.warehouseKeepers.put(keeper(addDays(TODAY, 10))).go();
    const { figures } = await scan();
    expect(figures.raised).toBe(1);
    const w = await readWarning(t.store, id);
    expect(w).toMatchObject({
      status: 'open',
      grade: 'orange',
      enterpriseName: '福州保管测试民爆有限公司',
      categories: ['explosives'],
      regionCode: '350102',
    });
    expect(w!.detail).toMatchObject({ personName: '林保管', number: 'BG-001' });
    expect((await warningCounts(t.store, 'explosives', '3501')).personCert.orange).toBe(1);
    // Again the same day: nothing to do.
    expect((await scan()).figures.raised).toBe(0);
  });

  it('clears it at the next scan once the certificate is renewed', async () => {
    await t.store.warehouseKeepers.put(keeper(addDays(TODAY, 800))).go();
    const { figures } = await scan();
    expect(figures.cleared).toBe(1);
    expect((await readWarning(t.store, id))?.status).toBe('cleared');
    expect((await warningCounts(t.store, 'explosives', '35')).personCert.orange).toBe(0);
  });
});
