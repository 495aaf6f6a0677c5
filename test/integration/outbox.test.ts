import { CreateTableCommand, DeleteTableCommand, DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { newExplosivesSeller } from '../support/register';
import { EventBridgeClient, type PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { outboxItem, OUTBOX_RETENTION_SECONDS } from '../../functions/lib/events/outbox';
import { OUTBOX_SK_PREFIX } from '../../functions/lib/events/outbox-record';
import { startStreamRelay } from '../../functions/local/stream-relay';
import { LOCAL_NAMES } from '../../functions/local/stack';
import { mulberry32 } from '../../functions/seed/rng';
import { ensureTable } from '../../functions/store/provision';
import { createTableInput } from '../../functions/store/table';
import { ChangeRequestDecided } from '../../shared/events/register';
import { RegisterImportBatchRequested } from '../../shared/events/imports';
import type { ApiClient } from '../support/api-client';
import { testTable } from '../support/dynamo';
import { outboxRecords } from '../support/outbox';
import { signedInAs, type Persona } from '../support/personas';
import { startTestStack, type TestStack } from '../support/stack';

/**
 * The transactional outbox end to end on DynamoDB Local: a decision writes its event in its own transaction,
 * the local relay reads the table's stream and puts it on the local bus, the inbox consumer writes the message —
 * once, however often the event is delivered.
 */
describe('events leave through the outbox', () => {
  let t: TestStack;
  const rng = mulberry32(808);
  const officer = (roles: string[]): Persona => ({
    kind: 'regulator',
    department: 'gongan',
    regionCode: '3505',
    categories: ['explosives'],
    roles,
  });
  let clerk: ApiClient;
  let clerkId: string;
  let reviewer: ApiClient;

  beforeAll(async () => {
    t = await startTestStack();
    clerk = await signedInAs(t.store, t.url, officer(['inspector']));
    clerkId = (await clerk.get('/api/auth/session')).body.account.accountId;
    reviewer = await signedInAs(t.store, t.url, officer(['reviewer']));
  }, 120_000);
  afterAll(async () => t?.stop());

  const outbox = () => outboxRecords(t.stack.dynamo.endpoint, LOCAL_NAMES.table);
  const eventsFor = async (requestId: string) =>
    (await outbox()).filter((e) => e.detailType === 'ChangeRequestDecided' && e.detail.data.requestId === requestId);
  const inboxFor = async (requestId: string) =>
    ((await clerk.get('/api/notifications?limit=50')).body.items as { subjectId: string }[]).filter(
      (i) => i.subjectId === requestId,
    );
  const deliveriesOf = (eventId: string) =>
    t.stack.bus.deliveries.filter(
      (d) => d.context === 'notifications' && (d.event.detail as { eventId?: string }).eventId === eventId,
    );

  async function fileCreate(): Promise<string> {
    const r = await clerk.post(
      '/api/register/change-requests',
      newExplosivesSeller(rng, `泉州市出站测试民爆器材有限公司${Math.floor(rng() * 1e6)}`),
    );
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    return r.body.requestId as string;
  }

  let approved: string;

  it('a decision’s transaction writes exactly one outbox item, checked against its contract', async () => {
    approved = await fileCreate();
    expect(await eventsFor(approved)).toEqual([]);
    // A refused decision (stale version) writes nothing, its event neither.
    const stale = await reviewer.post(`/api/register/change-requests/${approved}/approve`, { version: 99 });
    expect(stale.status).toBe(409);
    expect(await eventsFor(approved)).toEqual([]);

    const ok = await reviewer.post(`/api/register/change-requests/${approved}/approve`, {});
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    const [event, ...more] = await eventsFor(approved);
    expect(more).toEqual([]);
    expect(event!.source).toBe('hazmat.register');
    expect(event!.sk.startsWith(OUTBOX_SK_PREFIX)).toBe(true);
    expect(event!.detail.eventId).toBe(event!.eventId);
    expect(ChangeRequestDecided.detail.safeParse(event!.detail).success).toBe(true);
    expect(event!.detail.data).toMatchObject({ requestId: approved, status: 'approved', requestedBy: clerkId });
    // Kept for the delivery window, then removed by TTL.
    const left = event!.expiresAt - Date.parse(event!.detail.occurredAt) / 1000;
    expect(Math.abs(left - OUTBOX_RETENTION_SECONDS)).toBeLessThan(5);
  });

  it('the relay delivers it to the consumer once, and the requester’s message appears', async () => {
    await t.stack.settle();
    const [event] = await eventsFor(approved);
    expect(deliveriesOf(event!.eventId).map((d) => d.ok)).toEqual([true]);
    expect(await inboxFor(approved)).toHaveLength(1);
    expect(t.stack.bus.deadLetters).toEqual([]);
  });

  it('approving an approved request ten times more writes and announces nothing', async () => {
    const unreadBefore = (await clerk.get('/api/notifications')).body.unread;
    for (let i = 0; i < 10; i++) {
      const again = await reviewer.post(`/api/register/change-requests/${approved}/approve`, {});
      expect(again.status).toBe(200);
      expect(again.body.status).toBe('approved');
    }
    await t.stack.settle();
    const events = await eventsFor(approved);
    expect(events).toHaveLength(1);
    expect(deliveriesOf(events[0]!.eventId)).toHaveLength(1);
    expect((await clerk.get('/api/notifications')).body.unread).toBe(unreadBefore);
  });

  it('a rejection announces itself the same way, once', async () => {
    const rejected = await fileCreate();
    const no = await reviewer.post(`/api/register/change-requests/${rejected}/reject`, { reason: '材料不全' });
    expect(no.status, JSON.stringify(no.body)).toBe(200);
    expect(
      (await reviewer.post(`/api/register/change-requests/${rejected}/reject`, { reason: '材料不全' })).status,
    ).toBe(200);
    await t.stack.settle();
    const events = await eventsFor(rejected);
    expect(events.map((e) => e.detail.data.status)).toEqual(['rejected']);
    expect(await inboxFor(rejected)).toHaveLength(1);
  });

  it('a relay that crashed and reads the stream again re-delivers, and the inbox still has one message', async () => {
    const unreadBefore = (await clerk.get('/api/notifications')).body.unread;
    const [event] = await eventsFor(approved);
    // A second relay from the trim horizon: what a restarted relay (lost checkpoint) does.
    const events = new EventBridgeClient({
      endpoint: t.stack.bus.endpoint,
      region: LOCAL_NAMES.region,
      credentials: { accessKeyId: 'x', secretAccessKey: 'x' },
    });
    const again = await startStreamRelay({
      endpoint: t.stack.dynamo.endpoint,
      tableName: LOCAL_NAMES.table,
      events,
      busName: LOCAL_NAMES.bus,
    });
    try {
      await again.catchUp();
      // The approval and the rejection above, put on the bus a second time.
      expect(again.published).toBe(2);
    } finally {
      await again.stop();
      events.destroy();
    }
    await t.stack.settle();
    expect(deliveriesOf(event!.eventId).map((d) => d.ok)).toEqual([true, true]);
    expect(await inboxFor(approved)).toHaveLength(1);
    expect((await clerk.get('/api/notifications')).body.unread).toBe(unreadBefore);
    expect(t.stack.bus.deadLetters).toEqual([]);
  });
});

describe('a table kept in .local/ from before the outbox', () => {
  it('gets its stream when the runtime starts on it', async () => {
    const client = new DynamoDBClient({
      endpoint: inject('dynamoEndpoint'),
      region: 'us-east-1',
      credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    });
    const name = `old-${Date.now()}`;
    try {
      const { StreamSpecification: _, ...withoutStream } = createTableInput(name);
      await client.send(new CreateTableCommand(withoutStream));
      expect(await ensureTable(client, name)).toBe(false);
      const { Table } = await client.send(new DescribeTableCommand({ TableName: name }));
      expect(Table?.StreamSpecification).toEqual({ StreamEnabled: true, StreamViewType: 'NEW_IMAGE' });
      expect(Table?.LatestStreamArn).toBeTruthy();
    } finally {
      await client.send(new DeleteTableCommand({ TableName: name }));
      client.destroy();
    }
  });
});

describe('the relay when PutEvents fails', () => {
  it('retries from the first event not delivered, and loses none', async () => {
    const table = await testTable('relay');
    // The one fault DynamoDB Local and the local bus can't produce on demand: EventBridge refusing. The fake
    // refuses the whole first call, then one entry of the next, then takes everything — and records it.
    const put: { eventId: string; offset: number }[] = [];
    let calls = 0;
    const flaky = {
      send: async (cmd: PutEventsCommand) => {
        calls++;
        const entries = cmd.input.Entries ?? [];
        if (calls === 1) throw Object.assign(new Error('Service unavailable'), { name: 'ServiceUnavailable' });
        const refuse = calls === 2 ? 1 : -1;
        entries.forEach((e, i) => {
          if (i === refuse) return;
          const d = JSON.parse(e.Detail!) as { eventId: string; data: { offset: number } };
          put.push({ eventId: d.eventId, offset: d.data.offset });
        });
        return {
          FailedEntryCount: refuse >= 0 ? 1 : 0,
          Entries: entries.map((_, i) => (i === refuse ? { ErrorCode: 'InternalFailure' } : { EventId: `x-${i}` })),
        };
      },
    } as unknown as EventBridgeClient;
    const relay = await startStreamRelay({
      endpoint: inject('dynamoEndpoint'),
      tableName: table.name,
      events: flaky,
      busName: 'b',
    });
    try {
      // 25 events in 5 transactions, each with another item, as producers write them.
      for (let tx = 0; tx < 5; tx++) {
        const items = Array.from({ length: 5 }, (_, i) =>
          outboxItem(table.store, RegisterImportBatchRequested, { importId: 'imp-relay', offset: tx * 5 + i }),
        );
        await table.documents.send(new TransactWriteCommand({ TransactItems: items as never }));
      }
      await relay.catchUp();
      // The failed call made the relay read the shard again; the refused entry was put again within its call.
      expect(relay.retries).toBe(1);
      expect(calls).toBeGreaterThanOrEqual(3);
      const offsets = new Set(put.map((p) => p.offset));
      expect([...offsets].sort((a, b) => a - b)).toEqual(Array.from({ length: 25 }, (_, i) => i));
    } finally {
      await relay.stop();
      await table.drop();
    }
  });
});
