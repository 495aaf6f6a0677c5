/**
 * 首页 (issue 12 §4, §6): what a dashboard load costs — DynamoDB requests of the route's own work (the metering
 * client of the register bench, on the domain functions the routes call; the session check is the one GetItem
 * counted apart) for a province, a city and a county account and for an enterprise, and the regulators' route p95
 * through the local gateway over a bare GetItem p95 of the same run, interleaved.
 *
 * The figures come from counters, so their cost does not grow with the register; the bench still fills them as the
 * seed's scale would: every segment × region counter of the category (adding to what the register bench wrote), the
 * year's inspection and hazard counters of every region, and 400 open warnings over the province's counties.
 *
 * `npm run bench` runs it with the rest; `tsx bench/dashboard.ts` runs it alone and puts its rows into
 * bench/results.json in place of its previous ones.
 */
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { DynamoDBDocumentClient, GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { enterpriseDashboard } from '../functions/dashboard/enterprise';
import { regulatorDashboard } from '../functions/dashboard/regulator';
import type { EnterpriseAccount, Regulator } from '../functions/lib/auth/principal';
import type { SessionIdentity } from '../functions/lib/auth/sessions';
import { statsCounterItems } from '../functions/lib/stats/counters';
import { raiseWarningItems } from '../functions/lib/warnings/write';
import { freePort } from '../functions/local/ports';
import { LOCAL_NAMES, REPO_ROOT, startLocalStack, type LocalStack } from '../functions/local/stack';
import { createStore, type Store } from '../functions/store';
import type { CategoryCode } from '../shared/reference/categories';
import { COUNTIES, REGIONS } from '../shared/reference/regions';
import { SEGMENTS } from '../shared/reference/segments';
import { WARNING_GRADES, WARNING_KINDS } from '../shared/reference/warnings';
import { cookieFor, getPage, metered, meteredStore } from './register-scale';
import type { Row } from './run';
import { percentile, round, timeInterleaved } from './stats';
import { firstLoadFiles } from './web';

const RUNS = Number(process.env.BENCH_SCALE_N ?? 2000);
const CATEGORY: CategoryCode = 'hazchem';
const WARNINGS = 400;
const CITY = '3505';
const COUNTY = '350583';

const regulator = (regionCode: string): SessionIdentity => ({
  accountId: `bench-dashboard-${regionCode}`,
  kind: 'regulator',
  login: `1370000${regionCode.padEnd(4, '0').slice(0, 4)}`,
  name: '基准监管员',
  department: 'anjian',
  regionCode,
  categories: [CATEGORY],
  roles: ['inspector'],
  category: CATEGORY,
});

/** In parallel, a bounded number at a time. */
async function inBatches<T>(items: readonly T[], size: number, fn: (item: T) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(fn));
}

const send = (docs: DynamoDBDocumentClient, items: unknown[]) =>
  docs.send(new TransactWriteCommand({ TransactItems: items as never }));

async function fillCounters(store: Store, docs: DynamoDBDocumentClient): Promise<void> {
  // Every segment × region counter of the category: ADDed, so the register bench's counts stay in them.
  const keys = SEGMENTS[CATEGORY].flatMap((s) => REGIONS.map((r) => ({ segment: s.code, regionCode: r.code })));
  await inBatches(keys, 25, ({ segment, regionCode }) =>
    store.enterpriseCounters
      .update({ category: CATEGORY, segment, regionCode })
      .add({ total: 1 + ((segment.length * regionCode.length) % 7), inBusiness: 1 })
      .go(),
  );
  // The year's inspections and hazards, at each county (and so at every level above).
  const now = new Date();
  // (One transaction per metric: a transaction may not touch one item twice.)
  await inBatches(COUNTIES, 10, async (c) => {
    for (const metric of ['inspectionsCompleted', 'hazardsIssued'] as const)
      await send(docs, statsCounterItems(store, { category: CATEGORY, regionCode: c.code, at: now, metric }));
  });
  // Open warnings over the counties, every kind and grade.
  await inBatches(
    Array.from({ length: WARNINGS }, (_, i) => i),
    10,
    (i) =>
      send(
        docs,
        raiseWarningItems(
          store,
          {
            kind: WARNING_KINDS[i % WARNING_KINDS.length]!,
            sourceKey: `bench-dashboard/${i}`,
            grade: WARNING_GRADES[(i >> 2) % WARNING_GRADES.length]!,
            regionCode: COUNTIES[i % COUNTIES.length]!.code,
            categories: [CATEGORY],
            enterpriseId: `ent-bench-dash-${i}`,
            enterpriseName: `基准化工有限公司${i}`,
            dueDate: '2026-12-31',
            detail: { certificateType: '危险化学品经营许可证', number: `BENCH-${i}` },
          },
          now.toISOString(),
        ),
      ),
  );
}

export async function measureDashboard(stack: LocalStack, dynamoEndpoint: string): Promise<Row[]> {
  const docs = DynamoDBDocumentClient.from(stack.dynamodb);
  const plain = createStore(docs, LOCAL_NAMES.table);
  await fillCounters(plain, docs);

  const { store, meter } = meteredStore(dynamoEndpoint);
  const principal = (who: SessionIdentity) => ({ ...who, sessionId: 'bench', stage: 'active' }) as unknown as Regulator;
  const load = (regionCode: string) => () =>
    regulatorDashboard(store, principal(regulator(regionCode)), { category: CATEGORY });
  const provinceLoad = await metered(meter, load('35'));
  const cityLoad = await metered(meter, load(CITY));
  const countyLoad = await metered(meter, load(COUNTY));
  const enterprise = {
    accountId: 'bench-dashboard-ent',
    kind: 'enterprise',
    enterpriseId: 'ent-bench-dash-0',
    sessionId: 'bench',
    stage: 'active',
  } as unknown as EnterpriseAccount;
  const enterpriseLoad = await metered(meter, () => enterpriseDashboard(store, enterprise));

  const cookie = await cookieFor(plain, regulator('35'));
  const url = `${stack.url}/api/dashboard?category=${CATEGORY}`;
  const key = (
    plain.enterpriseCounters
      .get({ category: CATEGORY, segment: SEGMENTS[CATEGORY][0]!.code, regionCode: '35' })
      .params() as {
      Key: Record<string, string>;
    }
  ).Key;
  const [getItem, times] = await timeInterleaved(
    [() => docs.send(new GetCommand({ TableName: LOCAL_NAMES.table, Key: key })), getPage(url, cookie)],
    RUNS,
  );
  const g95 = percentile(getItem!, 95);
  const p95 = percentile(times!, 95);
  return [
    { name: 'dashboard.province.dynamodb_requests', unit: 'requests', value: provinceLoad.requests, goal: 5 },
    { name: 'dashboard.province.read_units', unit: 'RCU', value: round(provinceLoad.readUnits, 1) },
    { name: 'dashboard.city.dynamodb_requests', unit: 'requests', value: cityLoad.requests, goal: 5 },
    { name: 'dashboard.county.dynamodb_requests', unit: 'requests', value: countyLoad.requests, goal: 5 },
    { name: 'dashboard.enterprise.dynamodb_requests', unit: 'requests', value: enterpriseLoad.requests, goal: 5 },
    { name: 'dashboard.getitem.p95', unit: 'ms', value: round(g95) },
    { name: 'dashboard.province.p50', unit: 'ms', value: round(percentile(times!, 50)) },
    { name: 'dashboard.province.p95', unit: 'ms', value: round(p95) },
    { name: 'dashboard.province.p95_over_getitem.p95', unit: 'ratio', value: round(p95 / g95), goal: 3 },
  ];
}

/** ECharts' own chunk (found by a name only ECharts writes): its gzip size, and that the portal's first load lacks it. */
export function measureDashboardWeb(buildDir: string): Row[] {
  const marker = '_echarts_instance_';
  const has = (f: string) => f.endsWith('.js') && fs.readFileSync(f, 'utf8').includes(marker);
  const chunks = path.join(buildDir, '_app', 'immutable', 'chunks');
  const echarts = fs
    .readdirSync(chunks)
    .map((f) => path.join(chunks, f))
    .filter(has);
  return [
    {
      name: 'dashboard.web.echarts_chunk.gzip',
      unit: 'KiB',
      value: round(echarts.reduce((n, f) => n + gzipSync(fs.readFileSync(f), { level: 9 }).length, 0) / 1024, 1),
    },
    {
      name: 'dashboard.web.first_load_files_with_echarts',
      unit: 'count',
      value: firstLoadFiles(buildDir).filter(has).length,
      goal: 0,
    },
  ];
}

/** Alone: a fresh local stack, these rows only, merged into bench/results.json. */
async function alone(): Promise<void> {
  const dynamoPort = await freePort();
  const stack = await startLocalStack({
    port: await freePort(),
    dynamoPort,
    s3Port: await freePort(),
    busPort: await freePort(),
  });
  let rows: Row[];
  try {
    rows = [
      ...(await measureDashboard(stack, `http://127.0.0.1:${dynamoPort}`)),
      ...measureDashboardWeb(path.join(REPO_ROOT, 'web', 'build')),
    ];
  } finally {
    await stack.stop();
  }
  const file = path.join(REPO_ROOT, 'bench', 'results.json');
  const old = JSON.parse(fs.readFileSync(file, 'utf8')) as Row[];
  const mine = new Set(rows.map((r) => r.name));
  fs.writeFileSync(file, `${JSON.stringify([...old.filter((r) => !mine.has(r.name)), ...rows], null, 2)}\n`);
  console.table(rows);
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(REPO_ROOT, 'bench', 'dashboard.ts')) {
  alone().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
