/**
 * 台账's figures (issue 13 §8): an 出库 through the local gateway (stock line conditional ADD, movement, audit
 * record — one transaction) p95 over a bare GetItem p95 of the same run; and 200 concurrent outbounds of one unit on
 * a stock line of 150 (overdraws and lost writes: goal 0, 0).
 */
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { createSession, type SessionIdentity } from '../functions/lib/auth/sessions';
import { LOCAL_NAMES, type LocalStack } from '../functions/local/stack';
import { createStore } from '../functions/store';
import { todayInChina } from '../shared/validation/dates';
import type { Row } from './run';
import { percentile, round, timeInterleaved } from './stats';

const RUNS = Number(process.env.BENCH_LEDGER_N ?? 2000);
const CONCURRENT = 200;
const STOCK = 150;

export async function measureLedger(stack: LocalStack): Promise<Row[]> {
  const docs = DynamoDBDocumentClient.from(stack.dynamodb);
  const store = createStore(docs, LOCAL_NAMES.table);
  const enterpriseId = 'ent-bench-ledger';
  const now = new Date().toISOString();
  await store.enterprises
    .put({
      enterpriseId,
      name: '基准台账企业',
      regionCode: '350503',
      registrationStatus: 'in-business',
      segments: [{ category: 'explosives', segment: 'sale' }],
    })
    .go();
  const warehouse = async (warehouseId: string, quantity: number) => {
    await store.warehouses
      .put({
        warehouseId,
        enterpriseId,
        enterpriseName: '基准台账企业',
        regionCode: '350503',
        categories: ['explosives'],
        name: warehouseId,
        address: '泉州',
        type: 'surface',
        designCapacity: 100,
        capacityUnit: '千克',
        stocktakenOn: todayInChina(),
        createdAt: now,
        updatedAt: now,
      })
      .go();
    await store.stockLines
      .put({
        enterpriseId,
        warehouseId,
        productKey: 'explosives:乳化炸药',
        productName: '乳化炸药',
        category: 'explosives',
        unit: '千克',
        quantity,
        lastMovementAt: now,
      })
      .go();
  };
  await warehouse('wh-bench-latency', 1e8);
  await warehouse('wh-bench-race', STOCK);

  const who: SessionIdentity = {
    accountId: 'acc-bench-ledger',
    kind: 'enterprise',
    login: '91350503BENCHLEDGER',
    name: '基准',
    enterpriseId,
  } as SessionIdentity;
  const t = await createSession(store, who, 'active', {});
  const headers = {
    cookie: `hz_at=${t.sessionId}.${t.access}; hz_csrf=${encodeURIComponent(t.csrf)}`,
    'x-csrf-token': t.csrf,
    'content-type': 'application/json',
  };
  const body = JSON.stringify({
    date: todayInChina(),
    handler: '基准',
    outboundType: 'use',
    receiver: { name: '作业点' },
    lines: [{ productName: '乳化炸药', category: 'explosives', unit: '千克', quantity: 1 }],
  });
  const post = (warehouseId: string) =>
    fetch(`${stack.url}/api/ledger/warehouses/${warehouseId}/outbounds`, { method: 'POST', headers, body });

  const key = (store.warehouses.get({ enterpriseId, warehouseId: 'wh-bench-latency' }).params() as { Key: object }).Key;
  const [getItem, outbound] = await timeInterleaved(
    [
      () => docs.send(new GetCommand({ TableName: LOCAL_NAMES.table, Key: key as Record<string, string> })),
      async () => {
        const res = await post('wh-bench-latency');
        if (res.status !== 201) throw new Error(`outbound answered ${res.status}: ${await res.text()}`);
      },
    ],
    RUNS,
  );
  const g95 = percentile(getItem!, 95);
  const o95 = percentile(outbound!, 95);

  const statuses = await Promise.all(
    Array.from({ length: CONCURRENT }, () => post('wh-bench-race').then((r) => r.status)),
  );
  const ok = statuses.filter((s) => s === 201).length;
  const { data: line } = await store.stockLines
    .get({ enterpriseId, warehouseId: 'wh-bench-race', productKey: 'explosives:乳化炸药' })
    .go({ consistent: true });
  const { data: moves } = await store.stockMovements.query
    .byWarehouse({ enterpriseId, warehouseId: 'wh-bench-race' })
    .go({ pages: 'all', consistent: true });
  return [
    { name: 'ledger.outbound.p50', unit: 'ms', value: round(percentile(outbound!, 50)) },
    { name: 'ledger.outbound.p95', unit: 'ms', value: round(o95) },
    { name: 'ledger.getitem.p95', unit: 'ms', value: round(g95) },
    { name: 'ledger.outbound.p95_over_getitem.p95', unit: 'ratio', value: round(o95 / g95) },
    { name: 'ledger.concurrent_outbounds.accepted', unit: 'outbounds', value: ok, goal: STOCK },
    {
      name: 'ledger.concurrent_outbounds.overdraws',
      unit: 'units',
      value: Math.max(0, -(line?.quantity ?? 0)),
      goal: 0,
    },
    // Accepted outbounds whose stock change or movement is missing: stock must be STOCK − ok, one movement each.
    {
      name: 'ledger.concurrent_outbounds.lost_writes',
      unit: 'writes',
      value: Math.abs(STOCK - ok - (line?.quantity ?? NaN)) + Math.abs(ok - moves.length),
      goal: 0,
    },
  ];
}
