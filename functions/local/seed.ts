/**
 * Demo data for the local stack: generated deterministically (fixed seed) by functions/seed/generate.ts and
 * written once. The marker item is written last, so an interrupted seed runs again on the next start; the
 * ids are deterministic, so running again overwrites rather than duplicates.
 */
import { seedInspections } from '../seed/inspections';
import { seedDemoHazards } from '../seed/hazards';
import { seedDemoWaybills } from '../seed/waybills';
import { regionName } from '../../shared/reference/regions';
import { writeDemoData, writeRegister, DEMO_SEED } from '../seed/write';
import { generateDemoData } from '../seed/generate';
import { seedNoticesAndSelfInspections } from '../seed/notices';
import type { Store } from '../store';
import { seedInspectionRecords } from '../seed/inspection-records';
import { seedDemoLedger } from '../seed/ledger';
import { seedDemoWarnings } from '../seed/warnings';

export interface SeedSummary {
  created: boolean;
  enterprises: number;
  personnel: number;
  regulators: {
    mobile: string;
    name: string;
    department: string;
    regionName: string;
    roles: string[];
    categories: string[];
  }[];
  enterpriseAccounts: { login: string; name: string }[];
}

/**
 * Layout of the seeded register. 2: list counters and 统一社会信用代码 claims (issue 4). A `.local/` seeded
 * with an older layout gets its demo register written again on start (same ids: overwritten, not doubled),
 * so 总共 N 条记录 and the duplicate check work without deleting the folder.
 */
const REGISTER_FORMAT = 2;

/** From this many enterprises on, the demo covers every list of its city and county logins. */
const COVERED_FROM = 100;

export async function seedIfEmpty(
  store: Store,
  opts: { enterprises?: number; today?: string } = {},
): Promise<SeedSummary> {
  const enterprises = opts.enterprises ?? Number(process.env.HAZMAT_SEED_ENTERPRISES ?? 300);
  const existing = (await store.seedRuns.get({ name: 'demo' }).go()).data;
  // The demo's dates are relative to the day it was first seeded, so its mix of expired/expiring stays put.
  const today = existing?.today ?? opts.today ?? new Date().toISOString().slice(0, 10);
  const requested = existing?.enterprises ?? enterprises;
  const data = generateDemoData({
    seed: existing?.seed ?? DEMO_SEED,
    enterprises: requested,
    today,
    // The demo's size (not the tests' handfuls): every city and county login finds rows in each of its lists.
    coverDemoJurisdictions: requested >= COVERED_FROM,
  });
  if (!existing) {
    await writeDemoData(store, data);
    // 归口通报 and 企业自纠自查隐患 between the demo's logins: at the demo's size only (tests seed a handful and
    // make their own).
    if (requested >= COVERED_FROM) await seedNoticesAndSelfInspections(store, data);
    // A year of inspections (issue 10); records' seed step completes and publishes some of `inspections`.
    const inspections = await seedInspections(store, data, {
      today,
      target: Math.min(200, Math.floor(requested * 0.7)),
    });
    await seedDemoHazards(store, data, today);
    // 电子托运单 in each state and an unmatched outbound the reconciliation warns about (issue 13).
    await seedDemoWaybills(store, data, today);
    // 登记 and 一公开 of part of them: completed (some with 不满足), published, partly registered.
    await seedInspectionRecords(
      store,
      today,
      inspections.map((i) => i.taskId),
    );
    // 台账: warehouses and three months of movements for the first enterprise logins (issue 13).
    if (requested >= COVERED_FROM) await seedDemoLedger(store, data);
    // 大数据预警: what the nightly scan would raise from all of the above (hazards included).
    await seedDemoWarnings(store);
    await store.seedRuns
      .put({
        name: 'demo',
        seed: DEMO_SEED,
        // What was asked for, not what was written: the same options regenerate the same data.
        enterprises: requested,
        personnel: data.personnel.length,
        today,
        seededAt: new Date().toISOString(),
        format: REGISTER_FORMAT,
      })
      .go();
  } else if ((existing.format ?? 1) < REGISTER_FORMAT) {
    await writeRegister(store, data);
    await store.seedRuns.patch({ name: 'demo' }).set({ format: REGISTER_FORMAT }).go();
  }
  const byId = new Map(data.enterprises.map((e) => [e.id, e]));
  return {
    created: !existing,
    enterprises: data.enterprises.length,
    personnel: data.personnel.length,
    regulators: data.regulators.map((r) => ({
      mobile: r.mobile,
      name: r.name,
      department: r.department,
      regionName: r.regionCode === '35' ? '福建省（省直）' : regionName(r.regionCode),
      roles: [...r.roles],
      categories: [...r.categories],
    })),
    enterpriseAccounts: data.enterpriseAccounts.map((a) => ({
      login: a.login,
      name: byId.get(a.enterpriseId)?.name ?? '',
    })),
  };
}
