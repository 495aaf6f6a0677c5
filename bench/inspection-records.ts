/**
 * 登记 (issue 10 §11): what the 登记 task list page and the 登记 page cost — DynamoDB requests of the route's own
 * work (counted by the register bench's metering client on the domain functions the routes call; the session
 * check is the one GetItem counted apart) and p95 through the local gateway over a bare GetItem p95 of the same
 * run, interleaved. An officer on 60 tasks (a few pages), a task of 5 items with every item answered.
 *
 * `npm run bench` runs it with the rest; `tsx bench/inspection-records.ts` runs it alone and puts its rows into
 * bench/results.json in place of its previous ones.
 */
import fs from 'node:fs';
import path from 'node:path';
import { DynamoDBDocumentClient, GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { Regulator } from '../functions/lib/auth/principal';
import type { SessionIdentity } from '../functions/lib/auth/sessions';
import { recordList } from '../functions/inspections/record-lists';
import { inspectionRecord, saveAnswer } from '../functions/inspections/registration';
import type { TaskRecord } from '../functions/inspections/task-scope';
import { taskWriteItems } from '../functions/inspections/task-writes';
import { freePort } from '../functions/local/ports';
import { LOCAL_NAMES, REPO_ROOT, startLocalStack, type LocalStack } from '../functions/local/stack';
import { readChecklistVersion } from '../functions/lib/checklists/read';
import { createStore } from '../functions/store';
import { TEST_CHECKLISTS, testChecklists } from '../test/support/inspections';
import { cookieFor, getPage, metered, meteredStore } from './register-scale';
import type { Row } from './run';
import { percentile, round, timeInterleaved } from './stats';

const RUNS = Number(process.env.BENCH_SCALE_N ?? 2000);
const TASKS = 60;

const officer: SessionIdentity = {
  accountId: 'bench-inspector',
  kind: 'regulator',
  login: '13700000002',
  name: '基准检查员',
  department: 'anjian',
  regionCode: '3505',
  categories: ['hazchem'],
  roles: ['inspector'],
  category: 'hazchem',
};

function task(i: number, revision: string): TaskRecord {
  const day = `2026-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
  return {
    taskId: `tsk-bench-${String(i).padStart(4, '0')}`,
    batchId: `bat-bench-${i}`,
    kind: i % 3 === 0 ? 'random' : 'independent',
    title: `基准检查-泉州市基准化工有限公司${i}`,
    category: 'hazchem',
    department: 'anjian',
    regionCode: '3505',
    enterpriseId: `ent-bench-${i}`,
    enterpriseName: `泉州市基准化工有限公司${i}`,
    enterpriseRegionCode: '350503',
    plannedStart: day,
    plannedEnd: day,
    inspectionType: 'full',
    form: 'open',
    checklist: {
      checklistId: TEST_CHECKLISTS.independent,
      version: 1,
      name: '测试独立检查清单',
      itemCount: 5,
      revision,
    },
    officers: [
      { officerId: officer.accountId, name: officer.name },
      { officerId: 'bench-inspector-2', name: '基准检查员二' },
    ],
    experts: [],
    attachmentIds: [],
    status: 'open',
    answeredCount: 0,
    unsatisfiedCount: 0,
    createdBy: { accountId: officer.accountId, name: officer.name },
    createdAt: `${day}T01:00:00.000Z`,
    version: 1,
  } as TaskRecord;
}

export async function measureInspectionRecords(stack: LocalStack, dynamoEndpoint: string): Promise<Row[]> {
  const docs = DynamoDBDocumentClient.from(stack.dynamodb);
  const plain = createStore(docs, LOCAL_NAMES.table);
  // The tasks keep a copy of a real checklist version (5 items), as 检查清单管理 writes it.
  await testChecklists(plain, { department: 'anjian', category: 'hazchem' });
  const revision = (await readChecklistVersion(plain, TEST_CHECKLISTS.independent, 1))!.ref.revision;
  for (let i = 0; i < TASKS; i += 10) {
    const items = taskWriteItems(
      plain,
      Array.from({ length: 10 }, (_, j) => task(i + j, revision)),
    );
    await docs.send(new TransactWriteCommand({ TransactItems: items as never }));
  }
  const principal = { ...officer, sessionId: 'bench', stage: 'active' } as unknown as Regulator;
  const answered = task(0, revision).taskId;
  for (let seq = 1; seq <= 5; seq++) {
    await saveAnswer(
      plain,
      principal,
      answered,
      seq,
      { result: seq === 3 ? 'not-applicable' : 'satisfied', attachmentIds: [] },
      {
        requestId: 'bench',
        sourceIp: '127.0.0.1',
      },
    );
  }

  const { store, meter } = meteredStore(dynamoEndpoint);
  const query = { scope: 'independent' as const, status: 'open' as const, limit: 10 };
  let cursor: string | null = null;
  const list1 = await metered(meter, async () => {
    cursor = (await recordList(store, principal, query)).cursor;
  });
  const list2 = await metered(meter, () => recordList(store, principal, { ...query, cursor: cursor ?? undefined }));
  const page = await metered(meter, () => inspectionRecord(store, principal, answered));

  const cookie = await cookieFor(plain, officer);
  const listUrl = `${stack.url}/api/inspections/records?limit=10`;
  const pageUrl = `${stack.url}/api/inspections/tasks/${answered}/record`;
  const key = (plain.inspectionTasks.get({ taskId: answered }).params() as { Key: Record<string, string> }).Key;
  const [getItem, listTimes, pageTimes] = await timeInterleaved(
    [
      () => docs.send(new GetCommand({ TableName: LOCAL_NAMES.table, Key: key })),
      getPage(listUrl, cookie),
      getPage(pageUrl, cookie),
    ],
    RUNS,
  );
  const g95 = percentile(getItem!, 95);
  return [
    { name: 'inspections.records.list_page.dynamodb_requests', unit: 'requests', value: list1.requests, goal: 2 },
    { name: 'inspections.records.list_page.read_units', unit: 'RCU', value: round(list1.readUnits, 1) },
    { name: 'inspections.records.list_page2.dynamodb_requests', unit: 'requests', value: list2.requests, goal: 2 },
    { name: 'inspections.records.record_page.dynamodb_requests', unit: 'requests', value: page.requests, goal: 2 },
    { name: 'inspections.records.record_page.read_units', unit: 'RCU', value: round(page.readUnits, 1) },
    { name: 'inspections.records.getitem.p95', unit: 'ms', value: round(g95) },
    { name: 'inspections.records.list_page.p95', unit: 'ms', value: round(percentile(listTimes!, 95)) },
    {
      name: 'inspections.records.list_page.p95_over_getitem.p95',
      unit: 'ratio',
      value: round(percentile(listTimes!, 95) / g95),
      goal: 3,
    },
    { name: 'inspections.records.record_page.p95', unit: 'ms', value: round(percentile(pageTimes!, 95)) },
    {
      name: 'inspections.records.record_page.p95_over_getitem.p95',
      unit: 'ratio',
      value: round(percentile(pageTimes!, 95) / g95),
      goal: 3,
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
    rows = await measureInspectionRecords(stack, `http://127.0.0.1:${dynamoPort}`);
  } finally {
    await stack.stop();
  }
  const file = path.join(REPO_ROOT, 'bench', 'results.json');
  const old = JSON.parse(fs.readFileSync(file, 'utf8')) as Row[];
  const mine = new Set(rows.map((r) => r.name));
  fs.writeFileSync(file, `${JSON.stringify([...old.filter((r) => !mine.has(r.name)), ...rows], null, 2)}\n`);
  console.table(rows);
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(REPO_ROOT, 'bench', 'inspection-records.ts')) {
  alone().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
