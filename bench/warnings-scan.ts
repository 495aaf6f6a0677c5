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
import { bulkRaise } from '../functions/warnings/bulk';
import { EnterpriseCache, loadCauses, loadOpen, scanWarnings, SCANNED_KINDS } from '../functions/warnings/scan';
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
  const warnings = (await bulkRaise(store, TODAY, `${TODAY}T01:00:00+08:00`)).length;
  console.log(
    `warnings bench: the night of ${TODAY} written (${warnings} warnings) in ${((Date.now() - start) / 1000).toFixed(1)} s`,
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
