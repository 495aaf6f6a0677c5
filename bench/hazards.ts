/**
 * 隐患管理's figures (issue 11 §9): what a department's hazard list page costs — DynamoDB requests of the route's
 * own work (counted on the client, like the unit list's) and its p95 through the local gateway over a bare
 * GetItem p95 of the same run — and how long an event takes from its commit to the recipient's inbox on the
 * local stack (outbox → stream → relay → bus → notifications consumer).
 */
import { DynamoDBDocumentClient, GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { Regulator } from '../functions/lib/auth/principal';
import type { SessionIdentity } from '../functions/lib/auth/sessions';
import type { HazardRecord } from '../functions/hazards/record';
import { listHazards } from '../functions/hazards/read';
import { eventBase, transitionItems } from '../functions/hazards/writes';
import { LOCAL_NAMES, type LocalStack } from '../functions/local/stack';
import { createStore, type Store } from '../functions/store';
import { HazardIssued } from '../shared/events/hazards';
import { addDays, todayInChina } from '../shared/validation/dates';
import { cookieFor, metered, meteredStore } from './register-scale';
import type { Row } from './run';
import { percentile, round, timeInterleaved } from './stats';

/** Hazards of one department in one city: a few pages' worth in each list. */
const HAZARDS = Number(process.env.BENCH_HAZARDS ?? 600);
const RUNS = Number(process.env.BENCH_HAZARDS_N ?? 2000);
const FANOUT_RUNS = Number(process.env.BENCH_FANOUT_N ?? 40);
const STATUSES = ['issued', 'submitted', 'confirmed'] as const;

function hazard(i: number, enterpriseId: string, today: string): HazardRecord {
  const status = STATUSES[i % 3]!;
  return {
    hazardId: `hz-${i.toString(16).padStart(32, '0')}`,
    name: `基准隐患${i}-泉州基准企业${i % 50}`,
    enterpriseId,
    enterpriseName: `泉州基准企业${i % 50}`,
    regionCode: ['350502', '350503', '350583'][i % 3]!,
    enterpriseCategories: ['hazchem'],
    category: 'hazchem',
    problem: `[储存场所设置明显的安全警示标志], 该项目检查不通过.\n基准描述${i}`,
    requirement: '按规定整改',
    deadline: addDays(today, (i % 20) - 10),
    responsibleDepartment: 'anjian',
    sendingDepartment: 'anjian',
    sourceKind: 'manual',
    attachmentIds: [],
    status,
    returnedCount: i % 7 === 0 ? 1 : 0,
    sentAt: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(),
    sentBy: { accountId: 'bench-reg', name: '基准' },
    version: 1,
  };
}

async function write(store: Store, items: readonly unknown[]) {
  await store.client.send(new TransactWriteCommand({ TransactItems: items as never }));
}

export async function measureHazards(stack: LocalStack, dynamoEndpoint: string): Promise<Row[]> {
  const docs = DynamoDBDocumentClient.from(stack.dynamodb);
  const plain = createStore(docs, LOCAL_NAMES.table);
  const today = todayInChina();
  for (let i = 0; i < HAZARDS; i++) {
    const h = hazard(i, `ent-bench-${i % 50}`, today);
    await write(
      plain,
      transitionItems(
        plain,
        h,
        undefined,
        { at: h.sentAt, action: 'issued', byAccountId: 'bench-reg', byName: '基准' },
        {
          contract: HazardIssued,
          data: { ...eventBase(h), issuedAt: h.sentAt } as never,
        },
      ),
    );
  }

  const regulator: SessionIdentity = {
    accountId: 'bench-reg',
    kind: 'regulator',
    login: '13700000001',
    name: '基准',
    department: 'anjian',
    regionCode: '3505',
    categories: ['hazchem'],
    roles: ['inspector'],
    category: 'hazchem',
  };
  const principal = { ...regulator, sessionId: 'bench', stage: 'active' } as unknown as Regulator;
  const { store, meter } = meteredStore(dynamoEndpoint);
  const q = { list: 'to-rectify' as const, limit: 10 };
  let cursor: string | null = null;
  const page1 = await metered(meter, async () => {
    cursor = (await listHazards(store, principal, q)).cursor;
  });
  const page2 = await metered(meter, () => listHazards(store, principal, { ...q, cursor: cursor ?? undefined }));
  const filtered = await metered(meter, () =>
    listHazards(store, principal, { ...q, list: 'to-confirm', responsibleDepartment: 'anjian' }),
  );

  const key = (
    plain.hazards.get({ hazardId: hazard(0, '', today).hazardId }).params() as { Key: Record<string, string> }
  ).Key;
  const listUrl = `${stack.url}/api/hazards?list=to-rectify&limit=10`;
  const cookie = await cookieFor(plain, regulator);
  const [getItem, listTimes] = await timeInterleaved(
    [
      () => docs.send(new GetCommand({ TableName: LOCAL_NAMES.table, Key: key })),
      async () => {
        const res = await fetch(listUrl, { headers: { cookie } });
        if (res.status !== 200) throw new Error(`${listUrl} answered ${res.status}`);
        await res.arrayBuffer();
      },
    ],
    RUNS,
  );
  const g95 = percentile(getItem!, 95);

  // Fan-out: a HazardIssued committed (hazard + outbox in one transaction) until the enterprise's message is in its
  // inbox. The enterprise has a login account, found by its code as the consumer finds it.
  const enterpriseId = 'ent-bench-fanout';
  await plain.enterprises
    .put({
      enterpriseId,
      name: '泉州基准扇出企业',
      regionCode: '350503',
      registrationStatus: 'in-business',
      creditCode: '91350503BENCH0001X',
      segments: [{ category: 'hazchem', segment: 'business' }],
    })
    .go();
  await plain.accounts
    .put({
      accountId: 'acc-bench-fanout',
      kind: 'enterprise',
      login: '91350503BENCH0001X',
      name: '泉州基准扇出企业',
      passwordHash: 'x',
      enterpriseId,
    })
    .go();
  const fanout: number[] = [];
  for (let i = 0; i < FANOUT_RUNS; i++) {
    const h = { ...hazard(HAZARDS + i, enterpriseId, today), sentAt: new Date().toISOString() };
    const started = performance.now();
    await write(
      plain,
      transitionItems(
        plain,
        h,
        undefined,
        { at: h.sentAt, action: 'issued', byAccountId: 'bench-reg', byName: '基准' },
        {
          contract: HazardIssued,
          data: { ...eventBase(h), issuedAt: h.sentAt } as never,
        },
      ),
    );
    for (;;) {
      const { data } = await plain.notifications.query
        .byRecipient({ recipient: 'acc-bench-fanout' })
        .where((a, op) => op.eq(a.subjectId, h.hazardId))
        .go();
      if (data.length) break;
      if (performance.now() - started > 30_000) throw new Error('fan-out: no message after 30 s');
      await new Promise((r) => setTimeout(r, 10));
    }
    fanout.push(performance.now() - started);
    // Quiet spells between events, as in use: the relay's polling backs off, which is part of the latency.
    await new Promise((r) => setTimeout(r, 200 + (i % 5) * 200));
  }

  return [
    { name: 'hazards.list_page.dynamodb_requests', unit: 'requests', value: page1.requests, goal: 2 },
    { name: 'hazards.list_page.read_units', unit: 'RCU', value: round(page1.readUnits, 1) },
    { name: 'hazards.list_page2.dynamodb_requests', unit: 'requests', value: page2.requests, goal: 2 },
    { name: 'hazards.list_page_filtered.dynamodb_requests', unit: 'requests', value: filtered.requests, goal: 2 },
    { name: 'hazards.scale.getitem.p95', unit: 'ms', value: round(g95) },
    { name: 'hazards.list_page.p50', unit: 'ms', value: round(percentile(listTimes!, 50)) },
    { name: 'hazards.list_page.p95', unit: 'ms', value: round(percentile(listTimes!, 95)) },
    {
      name: 'hazards.list_page.p95_over_getitem.p95',
      unit: 'ratio',
      value: round(percentile(listTimes!, 95) / g95),
      goal: 3,
    },
    { name: 'hazards.event_to_inbox.p50', unit: 'ms', value: round(percentile(fanout, 50)) },
    { name: 'hazards.event_to_inbox.p95', unit: 'ms', value: round(percentile(fanout, 95)) },
  ];
}
