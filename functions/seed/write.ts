/**
 * Writes generated demo data through the store's entities: an enterprise, one list row per segment (with
 * the segment's licence number), its licences and staff, and the demo accounts with hashed initial
 * passwords. Streams in chunks so the bench can write the seed's full scale (6,000 enterprises,
 * 100,000 personnel) without holding it all in memory. Ids are deterministic, so writing twice overwrites.
 */
import { createAccounts, type NewAccount } from '../lib/accounts/create';
import { systemActor } from '../lib/accounts/scope';
import { counterDeltas, sumDeltas, type CounterDelta } from '../lib/register/counters';
import { listingsOf, type EnterpriseRecord, type LicenceRecord } from '../lib/register/entry-writes';
import type { Store } from '../store';
import { writeDemoChecklists } from './checklists';
import type { DemoBundle, DemoData, DemoEnterpriseAccount, DemoRegulator } from './generate';
import { DEMO_SEED } from './generate';
import { writeOfficersDemo } from './officers';

export { DEMO_SEED } from './generate';

/** The seed's rule: the initial password is the account's last six characters (the demo data's convention only — README: Demo data and accounts). */
export const initialPassword = (login: string): string => login.slice(-6);

const CHUNK = 200;

async function flush(store: Store, bundles: DemoBundle[], counts: CounterDelta[]): Promise<void> {
  const enterprises: EnterpriseRecord[] = [];
  const listings = [];
  const licences: LicenceRecord[] = [];
  const personnel = [];
  const claims = [];
  const now = new Date().toISOString();
  for (const { enterprise: e, licences: ls, personnel: ps } of bundles) {
    const { id, ...fields } = e;
    const enterprise: EnterpriseRecord = {
      ...fields,
      enterpriseId: id,
      staffCount: ps.length,
      removed: false,
      version: 1,
      createdAt: now,
      updatedAt: now,
    };
    const entryLicences = ls.map(({ id: licenceId, ...l }) => ({
      ...l,
      licenceId,
      regionCode: e.regionCode,
      dueKind: 'licence',
      version: 1,
    }));
    enterprises.push(enterprise);
    licences.push(...entryLicences);
    listings.push(...listingsOf(enterprise, entryLicences));
    if (e.creditCode) claims.push({ creditCode: e.creditCode, enterpriseId: id });
    counts.push(...counterDeltas(null, enterprise));
    for (const { id: personId, ...p } of ps) {
      const earliest = p.certificates.map((c) => c.validTo).sort()[0];
      personnel.push({
        ...p,
        personId,
        regionCode: e.regionCode,
        ...(earliest ? { earliestCertValidTo: earliest } : {}),
      });
    }
  }
  const opts = { concurrency: 4 } as const;
  await Promise.all([
    store.enterprises.put(enterprises).go(opts),
    store.enterpriseListings.put(listings).go(opts),
    claims.length ? store.creditCodeClaims.put(claims).go(opts) : undefined,
    licences.length ? store.licences.put(licences).go(opts) : undefined,
    personnel.length ? store.personnel.put(personnel).go(opts) : undefined,
  ]);
}

/**
 * The register's counters for everything written: set (not added), so writing the same data twice leaves
 * them right. Only for a bulk load into an empty register — live changes move them with ADD.
 */
async function writeCounters(store: Store, counts: CounterDelta[]): Promise<void> {
  const rows = sumDeltas(counts).map((d) => ({ ...d.key, total: d.total, ...d.byStatus }));
  if (rows.length) await store.enterpriseCounters.put(rows).go({ concurrency: 4 });
}

export async function writeBundles(
  store: Store,
  bundles: Iterable<DemoBundle>,
): Promise<{ enterprises: number; personnel: number }> {
  let chunk: DemoBundle[] = [];
  let counts: CounterDelta[] = [];
  let enterprises = 0;
  let personnel = 0;
  for (const b of bundles) {
    chunk.push(b);
    enterprises++;
    personnel += b.personnel.length;
    if (chunk.length === CHUNK) {
      await flush(store, chunk, counts);
      counts = sumDeltas(counts);
      chunk = [];
    }
  }
  if (chunk.length) await flush(store, chunk, counts);
  await writeCounters(store, counts);
  return { enterprises, personnel };
}

/**
 * The demo accounts, opened the way every account is (functions/accounts/create.ts): account + login claim
 * + the portal's counters in transactions, so the seeded logins are unique and "监管人员开通数量" counts
 * them. Ids are deterministic, so an interrupted seed that runs again skips what it already wrote.
 */
export async function writeAccounts(
  store: Store,
  regulators: readonly DemoRegulator[],
  enterpriseAccounts: readonly DemoEnterpriseAccount[],
  now: number = Date.now(),
): Promise<void> {
  const inputs: NewAccount[] = [
    ...regulators.map((r) => ({
      kind: 'regulator' as const,
      accountId: `reg-${r.mobile}`,
      mobile: r.mobile,
      name: r.name,
      department: r.department,
      regionCode: r.regionCode,
      categories: r.categories,
      roles: r.roles,
    })),
    ...enterpriseAccounts.map((a) => ({
      kind: 'enterprise' as const,
      accountId: `ent-${a.enterpriseId}`,
      login: a.login,
      name: a.informant.name,
      enterpriseId: a.enterpriseId,
      informantName: a.informant.name,
      informantIdCardNo: a.informant.idCardNo,
      informantMobile: a.informant.mobile,
    })),
  ];
  // The local demo data alone keeps the seed's rule (last six characters, no expiry): every real account gets
  // a random one-time password (functions/lib/accounts/create.ts).
  await createAccounts(store, inputs, systemActor('seed'), now, { initialPassword: 'seed-rule' });
}

/** The register part of `data`: enterprises with their list rows, claims, counters, licences and staff. */
export async function writeRegister(store: Store, data: DemoData): Promise<void> {
  const byEnterprise = new Map<string, DemoBundle>();
  for (const enterprise of data.enterprises)
    byEnterprise.set(enterprise.id, { enterprise, licences: [], personnel: [] });
  for (const l of data.licences) byEnterprise.get(l.enterpriseId)!.licences.push(l);
  for (const p of data.personnel) byEnterprise.get(p.enterpriseId)!.personnel.push(p);
  await writeBundles(store, byEnterprise.values());
}

/** The local stack's seed: everything in `data`. */
export async function writeDemoData(store: Store, data: DemoData): Promise<void> {
  await writeRegister(store, data);
  await writeAccounts(store, data.regulators, data.enterpriseAccounts);
  await writeOfficersDemo(store, data, DEMO_SEED);
  await writeDemoChecklists(store, data.regulators);
}
