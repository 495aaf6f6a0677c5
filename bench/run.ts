/**
 * `npm run bench`: measures the platform on the local stack and writes bench/results.json — one row per
 * figure, `{ name, unit, value, goal? }`, smaller is better unless the name says otherwise. The file is
 * committed after each run so the history shows in git. Budgets live here, not in unit tests.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { MANIFEST } from '../functions/manifest';
import { createSession } from '../functions/lib/auth/sessions';
import { createStore } from '../functions/store';
import { freePort } from '../functions/local/ports';
import { LOCAL_NAMES, REPO_ROOT, startLocalStack } from '../functions/local/stack';
import { measureBundles } from './bundles';
import { measureDashboard, measureDashboardWeb } from './dashboard';
import { measureHazards } from './hazards';
import { measureLedger } from './ledger';
import { measureRegisterScale } from './register-scale';
import { measureInspectionDraw } from './inspection-draw';
import { measureInspectionRecords } from './inspection-records';
import { percentile, round, timeInterleaved } from './stats';
import { measureWebFirstLoad } from './web';
import { measureWarningScan } from './warnings-scan';
import { measureWaybills } from './waybills';

export interface Row {
  name: string;
  unit: string;
  value: number;
  goal?: number;
}

/** ≥ 2,000 interleaved samples: enough that one noisy tail on a shared machine doesn't decide a p95 ratio. */
const N = Number(process.env.BENCH_N ?? 2000);

/**
 * Budgets of a function bundle (minified, AWS SDK included) and of its cold import. A function that reads or
 * writes spreadsheets carries ExcelJS (≈ 0.5 MiB even as its in-memory Workbook only) and has its own size
 * budget; at most two functions may.
 */
const BUNDLE_BUDGET_KIB = 512;
const SPREADSHEET_BUNDLE_BUDGET_KIB = 1536;
const MAX_SPREADSHEET_FUNCTIONS = 2;
const COLD_IMPORT_BUDGET_MS = 60;

async function main(): Promise<void> {
  const rows: Row[] = [];
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'hazmat-bench-'));
  const dynamoPort = await freePort();
  const stack = await startLocalStack({
    port: await freePort(),
    dynamoPort,
    s3Port: await freePort(),
    busPort: await freePort(),
  });
  try {
    // The daily tick writes the item the health check reads, so both paths read one real item.
    await stack.scheduler.runNow('daily');
    const docs = DynamoDBDocumentClient.from(stack.dynamodb);
    const key = await healthItemKey(docs);

    const healthOnce = async () => {
      const res = await fetch(`${stack.url}/api/health`);
      if (res.status !== 200) throw new Error(`health answered ${res.status}`);
      await res.arrayBuffer();
    };
    const getItemOnce = () => docs.send(new GetCommand({ TableName: LOCAL_NAMES.table, Key: key }));

    // An authenticated read: the session check (one GetItem on the session) plus the route's own work.
    const tokens = await createSession(
      createStore(docs, LOCAL_NAMES.table),
      {
        accountId: 'bench',
        kind: 'regulator',
        login: '13700000000',
        name: '基准',
        department: 'anjian',
        regionCode: '35',
        categories: ['hazchem'],
        roles: ['inspector'],
        category: 'hazchem',
      },
      'active',
      {},
    );
    const sessionOnce = async () => {
      const res = await fetch(`${stack.url}/api/auth/session`, {
        headers: { cookie: `hz_at=${tokens.sessionId}.${tokens.access}` },
      });
      if (res.status !== 200) throw new Error(`session answered ${res.status}`);
      await res.arrayBuffer();
    };
    // Interleaved, so the API and the bare GetItem they are compared with share the machine's moments.
    const [health, getItem, session] = await timeInterleaved([healthOnce, getItemOnce, sessionOnce], N);

    const hp95 = percentile(health!, 95);
    const gp95 = percentile(getItem!, 95);
    rows.push(
      { name: 'api.health.p50', unit: 'ms', value: round(percentile(health!, 50)) },
      { name: 'api.health.p95', unit: 'ms', value: round(hp95) },
      { name: 'dynamodb.getitem.p50', unit: 'ms', value: round(percentile(getItem!, 50)) },
      { name: 'dynamodb.getitem.p95', unit: 'ms', value: round(gp95) },
      { name: 'api.health.p95_over_getitem.p95', unit: 'ratio', value: round(hp95 / gp95), goal: 3 },
      { name: 'api.auth_session.p50', unit: 'ms', value: round(percentile(session!, 50)) },
      { name: 'api.auth_session.p95', unit: 'ms', value: round(percentile(session!, 95)) },
      {
        name: 'api.auth_session.p95_over_getitem.p95',
        unit: 'ratio',
        value: round(percentile(session!, 95) / gp95),
        goal: 3,
      },
    );
    rows.push(...(await measureRegisterScale(stack, `http://127.0.0.1:${dynamoPort}`)));
    rows.push(...(await measureHazards(stack, `http://127.0.0.1:${dynamoPort}`)));
    rows.push(...(await measureInspectionRecords(stack, `http://127.0.0.1:${dynamoPort}`)));
    rows.push(...(await measureDashboard(stack, `http://127.0.0.1:${dynamoPort}`)));
    rows.push(...(await measureWarningScan(stack, `http://127.0.0.1:${dynamoPort}`)));
    rows.push(...(await measureLedger(stack)));
    rows.push(...(await measureWaybills(stack, `http://127.0.0.1:${dynamoPort}`)));
  } finally {
    await stack.stop();
  }

  const bundles = await measureBundles(MANIFEST, REPO_ROOT, path.join(tmp, 'bundles'));
  for (const b of bundles) {
    rows.push(
      {
        name: `bundle.${b.context}.minified_size`,
        unit: 'KiB',
        value: round(b.bytes / 1024, 1),
        goal: b.spreadsheet ? SPREADSHEET_BUNDLE_BUDGET_KIB : BUNDLE_BUDGET_KIB,
      },
      {
        name: `bundle.${b.context}.cold_import.p50`,
        unit: 'ms',
        value: round(b.coldImportMs, 1),
        goal: COLD_IMPORT_BUDGET_MS,
      },
      { name: `bundle.${b.context}.cold_import_cpu.p50`, unit: 'ms', value: round(b.coldImportCpuMs, 1) },
    );
  }
  rows.push({
    name: 'bundle.spreadsheet_functions',
    unit: 'count',
    value: bundles.filter((b) => b.spreadsheet).length,
    goal: MAX_SPREADSHEET_FUNCTIONS,
  });
  rows.push(...(await measureInspectionDraw()));
  rows.push(...measureWebFirstLoad(path.join(REPO_ROOT, 'web', 'build')));
  rows.push(...measureDashboardWeb(path.join(REPO_ROOT, 'web', 'build')));

  fs.rmSync(tmp, { recursive: true, force: true });
  const out = path.join(REPO_ROOT, 'bench', 'results.json');
  fs.writeFileSync(out, `${JSON.stringify(rows, null, 2)}\n`);
  console.table(rows);
  const missed = rows.filter((r) => r.goal !== undefined && r.value > r.goal);
  console.log(
    missed.length ? `Over budget: ${missed.map((r) => r.name).join(', ')}` : 'All figures within their goals.',
  );
  console.log(`Wrote ${path.relative(REPO_ROOT, out)}`);
}

/** The key of the daily schedule's heartbeat item, found through the entity rather than spelled by hand. */
async function healthItemKey(docs: DynamoDBDocumentClient): Promise<Record<string, string>> {
  const store = createStore(docs, LOCAL_NAMES.table);
  const params = store.scheduleRuns.get({ name: 'daily' }).params() as { Key: Record<string, string> };
  return params.Key;
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
