import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '../../functions/lib/auth/password';
import { seedIfEmpty, type SeedSummary } from '../../functions/local/seed';
import { testTable, type TestTable } from '../support/dynamo';

/** The demo seed written through the entities into DynamoDB Local, and read back by the access patterns. */
describe('the demo seed', () => {
  let t: TestTable;
  let first: SeedSummary;
  const today = '2026-11-28';

  beforeAll(async () => {
    t = await testTable('seed');
    first = await seedIfEmpty(t.store, { enterprises: 40, today });
  }, 120_000);
  afterAll(async () => t.drop());

  it('writes the enterprises, staff and accounts once, and a second start neither reseeds nor loses data', async () => {
    expect(first).toMatchObject({ created: true, enterprises: 40, personnel: 120 });
    const again = await seedIfEmpty(t.store, { enterprises: 999, today });
    expect(again).toMatchObject({ created: false, enterprises: 40, personnel: 120 });
    expect(again.regulators).toEqual(first.regulators);
  });

  it('counts every list row in the register counters, and upgrades a demo seeded before counters existed', async () => {
    const { data: e } = await t.store.enterprises.get({ enterpriseId: 'ent-000001' }).go();
    const seg = e!.segments[0]!;
    const rows = await t.store.enterpriseListings.query.bySegment(seg).go({ pages: 'all' });
    const counter = async () =>
      (await t.store.enterpriseCounters.get({ ...seg, regionCode: '35' }).go()).data?.total ?? 0;
    expect(await counter()).toBe(rows.data.length);
    expect((await t.store.creditCodeClaims.get({ creditCode: e!.creditCode! }).go()).data?.enterpriseId).toBe(
      'ent-000001',
    );
    // A .local/ from before: no counters, no claims, no format on the marker.
    await t.store.enterpriseCounters.delete({ ...seg, regionCode: '35' }).go();
    await t.store.creditCodeClaims.delete({ creditCode: e!.creditCode! }).go();
    await t.store.seedRuns.patch({ name: 'demo' }).remove(['format']).go();
    expect(await counter()).toBe(0);
    await seedIfEmpty(t.store, { today });
    expect(await counter()).toBe(rows.data.length);
    expect((await t.store.creditCodeClaims.get({ creditCode: e!.creditCode! }).go()).data).not.toBeNull();
    expect((await t.store.seedRuns.get({ name: 'demo' }).go()).data?.format).toBe(2);
  });

  it('serves an enterprise detail — the enterprise, its licences, staff and list rows — from one partition', async () => {
    const { data } = await t.store.enterprises.get({ enterpriseId: 'ent-000001' }).go();
    expect(data?.name).toBeTruthy();
    const licences = await t.store.licences.query.byEnterprise({ enterpriseId: 'ent-000001' }).go();
    const staff = await t.store.personnel.query.byEnterprise({ enterpriseId: 'ent-000001' }).go();
    expect(licences.data.length).toBe(data!.segments.length);
    expect(staff.data.length).toBe(data!.staffCount);
  });

  it('lists a segment by region prefix from gsi1, and a city sees only its own units', async () => {
    const { data: enterprise } = await t.store.enterprises.get({ enterpriseId: 'ent-000001' }).go();
    const seg = enterprise!.segments[0]!;
    const city = enterprise!.regionCode.slice(0, 4);
    const province = await t.store.enterpriseListings.query
      .bySegment(seg)
      .begins({ regionCode: '35' })
      .go({ pages: 'all' });
    const local = await t.store.enterpriseListings.query
      .bySegment(seg)
      .begins({ regionCode: city })
      .go({ pages: 'all' });
    expect(province.data.map((r) => r.enterpriseId)).toContain('ent-000001');
    expect(local.data.map((r) => r.enterpriseId)).toContain('ent-000001');
    expect(local.data.every((r) => r.regionCode.startsWith(city))).toBe(true);
    expect(local.data.length).toBeLessThanOrEqual(province.data.length);
  });

  it('puts expired and expiring licences in the sparse due index, readable without touching the rest', async () => {
    const horizon = '2026-12-28';
    const due = await t.store.licences.query
      .byDueDate({ dueKind: 'licence' })
      .lte({ validTo: `${horizon}~` })
      .go({ pages: 'all' });
    const all = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        t.store.licences.query.byEnterprise({ enterpriseId: `ent-${String(i + 1).padStart(6, '0')}` }).go(),
      ),
    );
    const expected = all.flatMap((r) => r.data).filter((l) => l.validTo <= horizon);
    expect(due.data.length).toBe(expected.length);
    expect(due.data.length).toBeGreaterThan(0);
    expect(due.data.some((l) => l.validTo < today)).toBe(true);
  });

  it('stores only hashes, and the initial password is the last six characters of the login', async () => {
    const reg = first.regulators[0]!;
    const { data } = await t.store.accounts.query.byLogin({ login: reg.mobile }).go();
    const account = data[0]!;
    expect(account.passwordHash).not.toContain(reg.mobile.slice(-6));
    expect(await verifyPassword(reg.mobile.slice(-6), account.passwordHash)).toBe(true);
    expect(await verifyPassword('000000', account.passwordHash)).toBe(false);
    expect(account.mustChangePassword).toBe(true);
  });

  it('has an account for every role', async () => {
    const roles = new Set(first.regulators.flatMap((r) => r.roles));
    expect([...roles].sort()).toEqual(['audit-admin', 'dept-admin', 'inspector', 'reviewer', 'sec-admin', 'sys-admin']);
    expect(first.enterpriseAccounts.length).toBeGreaterThan(0);
  });
});
