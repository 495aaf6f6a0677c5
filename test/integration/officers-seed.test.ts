import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expertConflicts, expertsIn, officerConflicts, officersIn } from '../../functions/lib/officers/read';
import { startTestStack, type TestStack } from '../support/stack';

/** The demo seed gives every screen of 执法人员 and 专家库 real content (README: Demo data and accounts). */
describe('officers demo data', () => {
  let t: TestStack;
  beforeAll(async () => {
    t = await startTestStack({ seedEnterprises: 120 });
  }, 180_000);
  afterAll(async () => t?.stop());

  it('seeds 12–18 experts per category in its lead department, some disabled, some with 回避', async () => {
    const anjian = await t.store.experts.query
      .byDepartment({ department: 'anjian' })
      .begins({ regionCode: '35' })
      .go({ pages: 'all' });
    expect(anjian.data.length).toBeGreaterThanOrEqual(12);
    expect(anjian.data.some((x) => x.disabled)).toBe(true);
    expect(anjian.data.every((x) => /^139[1-9]\d{7}$/.test(x.phone))).toBe(true);
    const enabled = await expertsIn(t.store, 'anjian', '35', 'hazchem');
    expect(enabled.length).toBeGreaterThan(5);
    const withConflicts = anjian.data.filter((x) => x.conflictCount > 0).map((x) => x.expertId);
    expect(withConflicts.length).toBeGreaterThan(0);
    expect((await expertConflicts(t.store, withConflicts)).length).toBe(withConflicts.length);
    // 泉州 sees its own.
    expect((await expertsIn(t.store, 'anjian', '3505')).length).toBeGreaterThan(0);
  });

  it('gives the demo inspectors 回避 on enterprises of their jurisdiction', async () => {
    const qz = await officersIn(t.store, 'anjian', '3505');
    expect(qz.map((o) => o.officerId)).toContain('reg-13900000028');
    const conflicts = await officerConflicts(t.store, ['reg-13900000028', 'reg-13900000034']);
    expect(conflicts.filter((c) => c.officerId === 'reg-13900000028').length).toBe(2);
    for (const c of conflicts) {
      const { data: e } = await t.store.enterprises.get({ enterpriseId: c.enterpriseId }).go();
      expect(e!.regionCode.startsWith(c.officerId === 'reg-13900000034' ? '350583' : '3505')).toBe(true);
    }
  });
});

describe('officerConflicts at a draw’s scale', () => {
  let t: TestStack;
  beforeAll(async () => {
    t = await startTestStack();
  }, 120_000);
  afterAll(async () => t?.stop());

  it('reads the 回避 of 500 officers (50 of whom declared any) with five BatchGets', async () => {
    const ids = Array.from({ length: 500 }, (_, i) => `reg-1390001${String(i).padStart(4, '0')}`);
    const declaring = ids.filter((_, i) => i % 10 === 3);
    await t.store.officerConflictTallies
      .put(
        declaring.map((officerId, k) => ({
          officerId,
          count: 2,
          enterpriseIds: [k, k + 1].map((n) => `ent-${String(n).padStart(6, '0')}`),
        })),
      )
      .go();
    await t.store.officerConflicts
      .put(
        declaring.flatMap((officerId, k) =>
          [k, k + 1].map((n) => ({
            officerId,
            enterpriseId: `ent-${String(n).padStart(6, '0')}`,
            enterpriseName: `企业${n}`,
            enterpriseRegionCode: '350583',
            reason: '近亲属在该企业任职',
            declaredById: officerId,
            declaredByName: '测试',
            declaredAt: '2026-12-06T00:00:00.000Z',
          })),
        ),
      )
      .go();
    await officerConflicts(t.store, ids); // DynamoDB Local's first reads warm its JVM
    const t0 = performance.now();
    await t.store.officerConflictTallies.get(ids.map((officerId) => ({ officerId }))).go({ concurrency: 4 });
    const batchMs = performance.now() - t0;
    const started = performance.now();
    const found = await officerConflicts(t.store, ids);
    const ms = performance.now() - started;
    console.info(`BatchGet of 500 tallies: ${batchMs.toFixed(0)} ms`);
    expect(found).toHaveLength(100);
    expect(new Set(found.map((c) => c.officerId))).toEqual(new Set(declaring));
    console.info(`officerConflicts over 500 officers (50 declaring): ${ms.toFixed(0)} ms on DynamoDB Local`);
  });
});
