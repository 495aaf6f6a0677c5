import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoData } from '../../functions/seed/generate';
import { seedDemoLedger } from '../../functions/seed/ledger';
import { DEMO_SEED } from '../../functions/seed/write';
import { startTestStack, type TestStack } from '../support/stack';

/** The demo 台账: warehouses, three months of movements, and one 库存差异 raised through the warnings kernel. */
describe('demo ledger', () => {
  let t: TestStack;
  beforeAll(async () => {
    t = await startTestStack({ seedEnterprises: 6 });
  }, 120_000);
  afterAll(async () => t?.stop());

  it('writes warehouses and movements for the first logins, and one stock difference', async () => {
    const { data: run } = await t.store.seedRuns.get({ name: 'demo' }).go();
    const data = generateDemoData({
      seed: DEMO_SEED,
      enterprises: 6,
      today: run!.today,
      coverDemoJurisdictions: false,
    });
    const written = await seedDemoLedger(t.store, data);
    expect(written).toBeGreaterThan(40);
    const first = data.enterpriseAccounts[0]!.enterpriseId;
    const { data: warehouses } = await t.store.warehouses.query.byEnterprise({ enterpriseId: first }).go();
    expect(warehouses).toHaveLength(2);
    const { data: warnings } = await t.store.warnings.scan
      .where((a, op) => op.eq(a.enterpriseId, first))
      .go({ pages: 'all' });
    expect(warnings.filter((w) => w.flowType === 'stock-difference')).toHaveLength(1);
  }, 300_000);
});
