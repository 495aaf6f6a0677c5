/**
 * The register at the seed's scale (6,000 enterprises, ~100,000 从业人员): what one list page costs.
 *
 * - DynamoDB requests and consumed read units per page, counted by a middleware on the client the domain
 *   functions use (the same functions the routes call), so the figure is the route's own work; the session
 *   check every authenticated request makes (one GetItem) is counted separately.
 * - p95 through the local gateway (session check + route) over a bare GetItem p95 measured in the same run.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import type { Principal } from '../functions/lib/auth/principal';
import { createSession, type SessionIdentity } from '../functions/lib/auth/sessions';
import type { LocalStack } from '../functions/local/stack';
import { LOCAL_NAMES } from '../functions/local/stack';
import { personnelPage } from '../functions/register/detail';
import { listUnits } from '../functions/register/units';
import { iterateDemoData } from '../functions/seed/generate';
import { writeBundles } from '../functions/seed/write';
import { createStore, type Store } from '../functions/store';
import type { Row } from './run';
import { percentile, round, timeInterleaved } from './stats';

const ENTERPRISES = Number(process.env.BENCH_ENTERPRISES ?? 6000);
const PER_ENTERPRISE = 17; // 6,000 × 17 = 102,000 从业人员
/** ≥ 2,000 interleaved samples: enough that one noisy tail on a shared machine doesn't decide a p95. */
const RUNS = Number(process.env.BENCH_SCALE_N ?? 2000);

interface Meter {
  requests: number;
  readUnits: number;
}

/** A store whose every request is counted, with consumed capacity asked for and summed. */
export function meteredStore(endpoint: string): { store: Store; meter: Meter } {
  const meter: Meter = { requests: 0, readUnits: 0 };
  const client = new DynamoDBClient({ endpoint, region: LOCAL_NAMES.region });
  client.middlewareStack.add(
    (next) => async (args) => {
      const input = args.input as Record<string, unknown>;
      input.ReturnConsumedCapacity = 'TOTAL';
      const out = await next(args);
      meter.requests++;
      const cc = (out.output as { ConsumedCapacity?: { CapacityUnits?: number } | { CapacityUnits?: number }[] })
        .ConsumedCapacity;
      for (const c of Array.isArray(cc) ? cc : cc ? [cc] : []) meter.readUnits += c.CapacityUnits ?? 0;
      return out;
    },
    { step: 'initialize', name: 'benchMeter' },
  );
  return { store: createStore(DynamoDBDocumentClient.from(client), LOCAL_NAMES.table), meter };
}

export async function metered(meter: Meter, fn: () => Promise<unknown>): Promise<Meter> {
  meter.requests = 0;
  meter.readUnits = 0;
  await fn();
  return { ...meter };
}

export async function cookieFor(store: Store, who: SessionIdentity): Promise<string> {
  const t = await createSession(store, who, 'active', {});
  return `hz_at=${t.sessionId}.${t.access}`;
}

export const getPage = (url: string, cookie: string) => async () => {
  const res = await fetch(url, { headers: { cookie } });
  if (res.status !== 200) throw new Error(`${url} answered ${res.status}`);
  await res.arrayBuffer();
};

export async function measureRegisterScale(stack: LocalStack, dynamoEndpoint: string): Promise<Row[]> {
  const docs = DynamoDBDocumentClient.from(stack.dynamodb);
  const plain = createStore(docs, LOCAL_NAMES.table);
  const started = performance.now();
  const written = await writeBundles(
    plain,
    iterateDemoData({
      seed: 'bench-scale',
      enterprises: ENTERPRISES,
      personnelPerEnterprise: PER_ENTERPRISE,
      today: new Date().toISOString().slice(0, 10),
      accounts: 0,
    }),
  );
  const seedSeconds = (performance.now() - started) / 1000;

  // The busiest category × segment in 泉州 (3505): the heaviest city list a regulator opens.
  const counters = (
    await Promise.all(
      ['hazchem', 'explosives', 'fireworks', 'bulk-gasoline'].map((category) =>
        plain.enterpriseCounters.query.byKey({ category }).go({ pages: 'all' }),
      ),
    )
  )
    .flatMap((r) => r.data)
    .filter((c) => c.regionCode === '3505')
    .sort((a, b) => b.total - a.total);
  const busiest = counters[0]!;
  const { category, segment } = busiest;

  const regulator: SessionIdentity = {
    accountId: 'bench-reg',
    kind: 'regulator',
    login: '13700000001',
    name: '基准',
    department: 'anjian',
    regionCode: '3505',
    categories: [category],
    roles: ['inspector'],
    category,
  };
  const principal = { ...regulator, sessionId: 'bench', stage: 'active' } as unknown as Extract<
    Principal,
    { kind: 'regulator' }
  >;
  const { store, meter } = meteredStore(dynamoEndpoint);
  const query = { region: '3505', status: 'in-business' as const, limit: 10 };
  // Page 1 and page 2 (with the cursor) of the filtered list; then the enterprise's 从业人员 page.
  let cursor: string | null = null;
  const page1 = await metered(meter, async () => {
    cursor = (await listUnits(store, principal, { category, segment, ...query })).cursor;
  });
  const page2 = await metered(meter, () =>
    listUnits(store, principal, { category, segment, ...query, cursor: cursor ?? undefined }),
  );
  const byName = await metered(meter, () => listUnits(store, principal, { category, segment, ...query, name: '泉州' }));
  const staffOf = (
    await plain.enterpriseListings.query
      .bySegment({ category, segment })
      .begins({ regionCode: '3505' })
      .go({ limit: 1 })
  ).data[0]!.enterpriseId;
  const enterprisePrincipal = {
    kind: 'enterprise',
    enterpriseId: staffOf,
    accountId: 'bench-ent',
  } as unknown as Principal;
  const staff = await metered(meter, () => personnelPage(store, enterprisePrincipal, staffOf, { limit: 10 }));
  const session = await metered(meter, () => store.sessions.get({ sessionId: 'bench-none' }).go());

  // Through the gateway: the session check plus the route, against a bare GetItem in the same run.
  const listUrl = `${stack.url}/api/register/units/${category}/${segment}?region=3505&status=in-business&limit=10`;
  const staffUrl = `${stack.url}/api/register/enterprises/${staffOf}/personnel?limit=10`;
  const staffCookie = await cookieFor(plain, {
    accountId: 'bench-ent',
    kind: 'enterprise',
    login: 'BENCHENT',
    name: '基准企业',
    enterpriseId: staffOf,
  });
  const key = (plain.enterprises.get({ enterpriseId: staffOf }).params() as { Key: Record<string, string> }).Key;
  const [getItem, listTimes, staffTimes] = await timeInterleaved(
    [
      () => docs.send(new GetCommand({ TableName: LOCAL_NAMES.table, Key: key })),
      getPage(listUrl, await cookieFor(plain, regulator)),
      getPage(staffUrl, staffCookie),
    ],
    RUNS,
  );
  const g95 = percentile(getItem!, 95);

  return [
    { name: 'register.scale.enterprises', unit: 'count', value: written.enterprises },
    { name: 'register.scale.personnel', unit: 'count', value: written.personnel },
    { name: 'register.scale.seed_write', unit: 's', value: round(seedSeconds, 1) },
    { name: 'register.scale.list_rows_in_city', unit: 'count', value: busiest.total },
    { name: 'register.list_page.dynamodb_requests', unit: 'requests', value: page1.requests, goal: 2 },
    { name: 'register.list_page.read_units', unit: 'RCU', value: round(page1.readUnits, 1) },
    { name: 'register.list_page2.dynamodb_requests', unit: 'requests', value: page2.requests, goal: 2 },
    { name: 'register.list_page2.read_units', unit: 'RCU', value: round(page2.readUnits, 1) },
    // A name filter is a FilterExpression inside the city's key range: ElectroDB keeps reading until it has a
    // page, so its cost depends on how common the name is. Recorded, not budgeted.
    { name: 'register.list_page_name_filter.dynamodb_requests', unit: 'requests', value: byName.requests },
    { name: 'register.list_page_name_filter.read_units', unit: 'RCU', value: round(byName.readUnits, 1) },
    { name: 'register.staff_page.dynamodb_requests', unit: 'requests', value: staff.requests, goal: 2 },
    { name: 'register.staff_page.read_units', unit: 'RCU', value: round(staff.readUnits, 1) },
    { name: 'api.session_check.dynamodb_requests', unit: 'requests', value: session.requests },
    { name: 'register.scale.getitem.p50', unit: 'ms', value: round(percentile(getItem!, 50)) },
    { name: 'register.scale.getitem.p95', unit: 'ms', value: round(g95) },
    { name: 'register.list_page.p50', unit: 'ms', value: round(percentile(listTimes!, 50)) },
    { name: 'register.staff_page.p50', unit: 'ms', value: round(percentile(staffTimes!, 50)) },
    { name: 'register.list_page.p95', unit: 'ms', value: round(percentile(listTimes!, 95)) },
    {
      name: 'register.list_page.p95_over_getitem.p95',
      unit: 'ratio',
      value: round(percentile(listTimes!, 95) / g95),
      goal: 3,
    },
    { name: 'register.staff_page.p95', unit: 'ms', value: round(percentile(staffTimes!, 95)) },
    {
      name: 'register.staff_page.p95_over_getitem.p95',
      unit: 'ratio',
      value: round(percentile(staffTimes!, 95) / g95),
      goal: 3,
    },
  ];
}
