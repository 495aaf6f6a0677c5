/**
 * Figures of issue 13 §8 that are the waybills': how many DynamoDB requests a code's chain of custody costs with 10
 * hops (溯源: the chain is one Query, the regulator's scope check one BatchGet), and what the daily three-way
 * reconciliation reads per open shipment (it Queries the `due` index up to today; only a late match reads its
 * warning), counted on the client like the list pages' requests.
 */
import { DynamoDBDocumentClient, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { Regulator } from '../functions/lib/auth/principal';
import { custodyItems } from '../functions/lib/ledger/custody';
import { LOCAL_NAMES, type LocalStack } from '../functions/local/stack';
import { createStore } from '../functions/store';
import { chainOf } from '../functions/waybills/chain';
import { reconcileShipments } from '../functions/waybills/reconcile';
import { addDays, todayInChina } from '../shared/validation/dates';
import { metered, meteredStore } from './register-scale';
import type { Row } from './run';

const SHIPMENTS = Number(process.env.BENCH_SHIPMENTS ?? 400);
const CODE = '5361105B00042';
const KINDS = [
  'made',
  'outbound',
  'waybill',
  'inbound',
  'outbound',
  'waybill',
  'inbound',
  'outbound',
  'waybill',
  'inbound',
] as const;

export async function measureWaybills(stack: LocalStack, dynamoEndpoint: string): Promise<Row[]> {
  const docs = DynamoDBDocumentClient.from(stack.dynamodb);
  const plain = createStore(docs, LOCAL_NAMES.table);
  const today = todayInChina();

  // A detonator's 10 hops between 4 enterprises of 泉州.
  for (let e = 0; e < 4; e++) {
    await plain.enterprises
      .put({
        enterpriseId: `ent-bench-chain-${e}`,
        name: `基准民爆企业${e}`,
        regionCode: '350503',
        registrationStatus: 'in-business',
        segments: [{ category: 'explosives', segment: 'sales' }],
        staffCount: 0,
      })
      .go();
  }
  for (const [i, kind] of KINDS.entries()) {
    const holder = Math.ceil(i / 3);
    await docs.send(
      new TransactWriteCommand({
        TransactItems: custodyItems(plain, [CODE], {
          kind,
          ref: `bench-${i}`,
          at: new Date(Date.UTC(2026, 0, 1 + i)).toISOString(),
          date: `2026-01-${String(1 + i).padStart(2, '0')}`,
          enterpriseId: `ent-bench-chain-${holder}`,
          enterpriseName: `基准民爆企业${holder}`,
          counterparty: { enterpriseId: `ent-bench-chain-${Math.min(3, holder + 1)}`, name: '下一家' },
          productName: '电子雷管',
          category: 'explosives',
        }) as never,
      }),
    );
  }
  const { store, meter } = meteredStore(dynamoEndpoint);
  const regulator = {
    kind: 'regulator',
    accountId: 'bench',
    sessionId: 'bench',
    login: '13700000000',
    name: '基准',
    stage: 'active',
    department: 'jingxin',
    regionCode: '3505',
    categories: ['explosives'],
    roles: ['inspector'],
    category: 'explosives',
  } as unknown as Regulator;
  let hops = 0;
  const chain = await metered(meter, async () => {
    hops = (await chainOf(store, regulator, CODE)).steps.length;
  });
  const holder = await metered(meter, () =>
    chainOf(store, { kind: 'enterprise', enterpriseId: 'ent-bench-chain-1' } as never, CODE),
  );

  // Open shipments as a day finds them: a quarter due later (not read today); of those due by today, most are due
  // today and matched (signed within their 3 days), some are late and unmatched (warned), a few were matched only
  // after their day (the one kind whose warning is read, to clear it), a few are due today and not yet matched.
  const kindOf = (i: number) => {
    if (i % 4 === 0) return 'later';
    const r = i % 10;
    return r < 5 ? 'on-time' : r < 8 ? 'late-unmatched' : r < 9 ? 'late-matched' : 'today-unmatched';
  };
  for (let i = 0; i < SHIPMENTS; i++) {
    const kind = kindOf(i);
    const dueDate =
      kind === 'later' ? addDays(today, 2) : kind.startsWith('late') ? addDays(today, -(1 + (i % 5))) : today;
    const matched = kind === 'on-time' || kind === 'late-matched';
    const shippedOn = addDays(dueDate, -3);
    await plain.shipments
      .put({
        shipmentId: `shp-bench${String(i).padStart(6, '0')}`,
        shipperEnterpriseId: 'ent-bench-chain-0',
        shipperName: '基准民爆企业0',
        shipperRegionCode: '350503',
        receiverEnterpriseId: 'ent-bench-chain-1',
        receiverName: '基准民爆企业1',
        receiverRegionCode: '350503',
        category: 'explosives',
        receiverSegment: 'sales',
        outboundType: 'sale',
        warehouseId: 'wh-bench',
        warehouseName: '基准仓库',
        outboundId: `mv-bench-${i}`,
        shippedOn,
        lines: [{ productKey: 'p', productName: '电子雷管', category: 'explosives', quantity: 10, unit: '发' }],
        ...(matched ? { waybillId: `wb-bench-${i}`, inboundId: `mv-bench-in-${i}` } : {}),
        status: 'open',
        dueKind: 'shipment',
        dueDate,
        createdAt: new Date().toISOString(),
      })
      .go();
  }
  const due = [...Array(SHIPMENTS).keys()].filter((i) => kindOf(i) !== 'later').length;
  let result = { itemsRead: 0, closed: 0, raised: 0, cleared: 0, stillOpen: 0 };
  const run = await metered(meter, async () => {
    result = await reconcileShipments(store, new Date(), 'bench');
  });
  // The next day's run: the warned ones again (their warning exists: nothing written), the closed ones gone.
  let second = { ...result };
  await metered(meter, async () => {
    second = await reconcileShipments(store, new Date(), 'bench-2');
  });
  return [
    { name: 'waybills.chain_10_hops.steps', unit: 'count', value: hops },
    { name: 'waybills.chain_10_hops.dynamodb_requests', unit: 'requests', value: chain.requests, goal: 2 },
    { name: 'waybills.chain_10_hops_holder.dynamodb_requests', unit: 'requests', value: holder.requests, goal: 2 },
    { name: 'waybills.reconcile.open_shipments', unit: 'count', value: SHIPMENTS },
    { name: 'waybills.reconcile.open_shipments_due', unit: 'count', value: due },
    {
      name: 'waybills.reconcile.items_read_per_open_shipment',
      unit: 'ratio',
      value: Math.round((result.itemsRead / SHIPMENTS) * 100) / 100,
      goal: 1.2,
    },
    {
      name: 'waybills.reconcile.items_read_per_due_shipment',
      unit: 'ratio',
      value: Math.round((result.itemsRead / due) * 100) / 100,
      goal: 1.2,
    },
    { name: 'waybills.reconcile.read_requests', unit: 'requests', value: run.requests },
    { name: 'waybills.reconcile.closed', unit: 'count', value: result.closed },
    { name: 'waybills.reconcile.raised', unit: 'count', value: result.raised },
    {
      name: 'waybills.reconcile.next_day_items_read_per_open_shipment',
      unit: 'ratio',
      value: Math.round((second.itemsRead / (SHIPMENTS - result.closed)) * 100) / 100,
      goal: 1.2,
    },
  ];
}
