/**
 * The warning scan at the seed's scale (issue 12 §6): 6,000 enterprises, 30,000 licences, 100,000 personnel
 * certificates (50,000 people × 2), 1,000 open hazards — written straight to DynamoDB Local with BatchWrite, in a
 * table of their own — then the scan as the schedule runs it:
 *
 * - `daily`: a night in the steady state — the warnings as the previous night's scan left them (written here with
 *   BatchWrite from the kernel's own items, since DynamoDB Local takes ~70 ms per transaction and raising all
 *   ~27,000 through it would take half an hour), then the scan: a day's grades move, new causes enter the horizon;
 * - `again`: the same night's scan run a second time (nothing to write: the cost of reading alone);
 * - `first` (reads only): what the very first night reads before raising everything, from the same Queries.
 *
 * Items read are counted by a middleware on the scan's own client, from DynamoDB's answers (a Query's
 * ScannedCount, a BatchGet's items, a GetItem's item) — not from the scan's own figures; items due are the
 * `due`-index items within the horizon (what the Queries must return).
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { LocalStack } from '../functions/local/stack';
import { LOCAL_NAMES } from '../functions/local/stack';
import { createStore, type Store } from '../functions/store';
import { ensureTable } from '../functions/store/provision';
import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { raiseWarningItems, regionLevels, shardOf, warningIdOf } from '../functions/lib/warnings/write';
import { EnterpriseCache, loadCauses, loadOpen, scanWarnings, SCANNED_KINDS } from '../functions/warnings/scan';
import { plan } from '../functions/warnings/reconcile';
import { addDays } from '../shared/reference/warnings';
import type { Row } from './run';
import { round } from './stats';

const ENTERPRISES = Number(process.env.BENCH_WARN_ENTERPRISES ?? 6000);
const LICENCES_PER = 5; // 30,000
const PEOPLE_PER = Math.round(50_000 / 6000); // ≈ 8 → 48,000 people × 2 certificates
const HAZARDS = Math.round((1000 * ENTERPRISES) / 6000);
const TODAY = '2026-12-07';
const COUNTIES = ['350102', '350203', '350305', '350402', '350502', '350602', '350702', '350802', '350902'];

interface Meter {
  itemsRead: number;
  requests: number;
}

function meteredStore(endpoint: string, table: string): { store: Store; meter: Meter } {
  const meter: Meter = { itemsRead: 0, requests: 0 };
  const client = new DynamoDBClient({ endpoint, region: LOCAL_NAMES.region });
  client.middlewareStack.add(
    (next) => async (args) => {
      const out = await next(args);
      const o = out.output as {
        ScannedCount?: number;
        Item?: unknown;
        Responses?: Record<string, unknown[]>;
      };
      meter.requests++;
      if (typeof o.ScannedCount === 'number') meter.itemsRead += o.ScannedCount;
      else if (o.Item) meter.itemsRead += 1;
      else if (o.Responses && !Array.isArray(o.Responses)) {
        for (const items of Object.values(o.Responses)) meter.itemsRead += items.length;
      }
      return out;
    },
    { step: 'initialize', name: 'warningScanMeter' },
  );
  return { store: createStore(DynamoDBDocumentClient.from(client), table), meter };
}

/** Deterministic spread of dates: a licence or certificate expires between 180 days ago and 3 years ahead. */
function dayFor(n: number): string {
  const x = Math.imul(n + 1, 2654435761) >>> 0;
  return addDays(TODAY, (x % (180 + 3 * 365)) - 180);
}

async function writeData(store: Store): Promise<number> {
  const enterprises = [];
  const licences = [];
  const people = [];
  const hazards = [];
  let n = 0;
  for (let i = 0; i < ENTERPRISES; i++) {
    const enterpriseId = `ent-b${String(i).padStart(6, '0')}`;
    const regionCode = COUNTIES[i % COUNTIES.length]!;
    enterprises.push({
      enterpriseId,
      name: `基准企业${i}有限公司`,
      regionCode,
      registrationStatus: 'inBusiness',
      segments: [{ category: 'hazchem', segment: 'distribution' }],
    });
    for (let k = 0; k < LICENCES_PER; k++) {
      licences.push({
        licenceId: `lic-${i}-${k}`,
        enterpriseId,
        category: 'hazchem',
        segment: 'distribution',
        regionCode,
        licenceName: '危险化学品经营许可证',
        number: `B${i}-${k}`,
        issuer: '应急管理局',
        validFrom: '2024-01-01',
        validTo: dayFor(n++),
      });
    }
    for (let k = 0; k < PEOPLE_PER; k++) {
      const certificates = [0, 1].map((c) => ({
        type: 'operator',
        number: `P${i}-${k}-${c}`,
        issuer: '应急管理局',
        validFrom: '2023-01-01',
        validTo: dayFor(n++),
      }));
      people.push({
        personId: `psn-${i}-${k}`,
        enterpriseId,
        regionCode,
        name: `员工${k}`,
        idCardNo: `35010219900101${String(k).padStart(4, '0')}`,
        certificates,
        earliestCertValidTo: certificates.map((c) => c.validTo).sort()[0]!,
      });
    }
  }
  for (let h = 0; h < HAZARDS; h++) {
    const i = (h * 7) % ENTERPRISES;
    const deadline = addDays(TODAY, (h % 10) - 7); // 7 in 10 overdue
    hazards.push({
      hazardId: `hz-${h.toString(16).padStart(32, '0')}`,
      name: '隐患',
      enterpriseId: `ent-b${String(i).padStart(6, '0')}`,
      enterpriseName: `基准企业${i}有限公司`,
      regionCode: COUNTIES[i % COUNTIES.length]!,
      enterpriseCategories: ['hazchem'],
      category: 'hazchem',
      problem: '消防通道堵塞',
      deadline,
      responsibleDepartment: 'anjian',
      sendingDepartment: 'anjian',
      sourceKind: 'manual' as const,
      attachmentIds: [],
      status: 'issued' as const,
      sentAt: '2026-11-01T00:00:00.000Z',
      sentBy: { accountId: 'acc-b', name: '检查' },
      dueKind: 'hazard',
      dueDate: deadline,
    });
  }
  const opts = { concurrency: 6 } as const;
  await store.enterprises.put(enterprises).go(opts);
  await store.licences.put(licences).go(opts);
  await store.personnel.put(people).go(opts);
  await store.hazards.put(hazards).go(opts);
  return enterprises.length + licences.length + people.length + hazards.length;
}

/**
 * The state a night's scan on `day` leaves: each due cause's warning, list row and step (the kernel's own Put
 * items, without their conditions), and the counters and open sets those raises add up to.
 */
async function writePreviousNight(store: Store, day: string): Promise<number> {
  const figures = { itemsRead: 0, itemsDue: 0, raised: 0, regraded: 0, cleared: 0 };
  const enterprises = new EnterpriseCache(store, () => {});
  const puts: Record<string, unknown>[] = [];
  const counters = new Map<string, { key: Record<string, unknown>; count: number }>();
  const sets = new Map<string, Record<string, unknown>>();
  const now = `${day}T17:00:00.000Z`;
  for (const kind of SCANNED_KINDS) {
    const causes = await loadCauses(store, kind, day, figures);
    for (const a of plan(causes, new Map(), kind).actions) {
      if (a.type !== 'raise') continue;
      const c = a.cause;
      const e = c.categories && c.enterpriseName ? undefined : await enterprises.get(c.enterpriseId);
      const input = {
        kind: c.kind,
        sourceKey: c.sourceKey,
        grade: c.grade,
        regionCode: c.regionCode,
        categories: c.categories ?? ['hazchem' as const],
        enterpriseId: c.enterpriseId,
        enterpriseName: c.enterpriseName ?? e?.name ?? '',
        dueDate: c.dueDate,
        detail: c.detail,
      };
      for (const item of raiseWarningItems(store, input, now)) {
        const put = (item as { Put?: { Item: Record<string, unknown> } }).Put;
        if (put) puts.push(put.Item);
      }
      for (const warningCategory of input.categories) {
        for (const regionCode of regionLevels(input.regionCode)) {
          const key = { warningCategory, regionCode, kind: c.kind, grade: c.grade, shard: shardOf(c.dueDate) };
          const k = JSON.stringify(key);
          counters.set(k, { key, count: (counters.get(k)?.count ?? 0) + 1 });
        }
      }
      const setKey = `${c.kind}|${c.dueDate}`;
      const set = sets.get(setKey) ?? { openKind: c.kind, dueDate: c.dueDate };
      set[c.grade] = [...((set[c.grade] as string[] | undefined) ?? []), warningIdOf(c.kind, c.sourceKey)];
      sets.set(setKey, set);
    }
  }
  await store.warningCounters
    .put([...counters.values()].map(({ key, count }) => ({ ...key, count }) as never))
    .go({ concurrency: 6 });
  await store.warningOpenSets.put([...sets.values()] as never[]).go({ concurrency: 6 });
  for (let i = 0; i < puts.length; i += 25 * 6) {
    await Promise.all(
      Array.from({ length: 6 }, (_, j) => puts.slice(i + j * 25, i + (j + 1) * 25))
        .filter((b) => b.length)
        .map((batch) =>
          store.client.send(
            new BatchWriteCommand({ RequestItems: { [store.table]: batch.map((Item) => ({ PutRequest: { Item } })) } }),
          ),
        ),
    );
  }
  return puts.length;
}

export async function measureWarningScan(stack: LocalStack, endpoint: string): Promise<Row[]> {
  const table = `${LOCAL_NAMES.table}-warnings-bench`;
  await ensureTable(stack.dynamodb as DynamoDBClient, table);
  const { store, meter } = meteredStore(endpoint, table);
  const t0 = Date.now();
  const written = await writeData(store);
  console.log(`warnings bench: ${written} items written in ${((Date.now() - t0) / 1000).toFixed(1)} s`);

  const rows: Row[] = [];
  const day = addDays(TODAY, 1);

  // The first night, reads only: what its Queries and the enterprise reads for its raises cost.
  meter.itemsRead = 0;
  const first = { itemsRead: 0, itemsDue: 0, raised: 0, regraded: 0, cleared: 0 };
  let start = Date.now();
  const firstEnterprises = new EnterpriseCache(store, () => {});
  for (const kind of SCANNED_KINDS) {
    await loadOpen(store, kind, first);
    const causes = await loadCauses(store, kind, TODAY, first);
    await firstEnterprises.prefetch(
      causes.filter((c) => !(c.categories && c.enterpriseName)).map((c) => c.enterpriseId),
    );
  }
  rows.push(
    { name: 'warnings.scan.first.items_due', unit: 'items', value: first.itemsDue },
    { name: 'warnings.scan.first.items_read', unit: 'items', value: meter.itemsRead },
    { name: 'warnings.scan.first.items_read_over_due', unit: 'ratio', value: round(meter.itemsRead / first.itemsDue) },
    { name: 'warnings.scan.first.read_wall', unit: 's', value: round((Date.now() - start) / 1000) },
  );

  start = Date.now();
  const warnings = await writePreviousNight(store, TODAY);
  console.log(
    `warnings bench: the night of ${TODAY} written (${warnings} items) in ${((Date.now() - start) / 1000).toFixed(1)} s`,
  );

  for (const name of ['daily', 'again'] as const) {
    meter.itemsRead = 0;
    meter.requests = 0;
    start = Date.now();
    const { figures } = await scanWarnings(store, { today: day, now: () => new Date(`${day}T01:00:00+08:00`) });
    const wall = (Date.now() - start) / 1000;
    console.log(`warnings bench ${name}:`, { ...figures, metered: meter.itemsRead, wall });
    rows.push(
      { name: `warnings.scan.${name}.items_due`, unit: 'items', value: figures.itemsDue },
      { name: `warnings.scan.${name}.items_read`, unit: 'items', value: meter.itemsRead },
      {
        name: `warnings.scan.${name}.items_read_over_due`,
        unit: 'ratio',
        value: round(meter.itemsRead / figures.itemsDue),
        goal: 1.2,
      },
      { name: `warnings.scan.${name}.raised`, unit: 'warnings', value: figures.raised },
      { name: `warnings.scan.${name}.regraded`, unit: 'warnings', value: figures.regraded },
      { name: `warnings.scan.${name}.cleared`, unit: 'warnings', value: figures.cleared },
      { name: `warnings.scan.${name}.wall`, unit: 's', value: round(wall) },
    );
  }
  return rows;
}
